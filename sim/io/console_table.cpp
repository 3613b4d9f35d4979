#include "bordersim/io/console_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "bordersim/results/summary.h"
#include "bordersim/stats/intervals.h"

namespace bordersim {
namespace {

// Rows of cells printed in aligned columns; text columns left-aligned, numbers right.
class TextTable {
 public:
  explicit TextTable(std::vector<bool> left_aligned) : left_(std::move(left_aligned)) {}
  void add(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

  void print(std::string& out, std::string_view indent) const {
    std::vector<std::size_t> widths(left_.size(), 0);
    for (const auto& row : rows_) {
      for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    }
    for (const auto& row : rows_) {
      std::string line(indent);
      for (std::size_t i = 0; i < row.size(); ++i) {
        const std::string pad(widths[i] - width(row[i]), ' ');
        line += left_[i] ? row[i] + pad : pad + row[i];
        if (i + 1 < row.size()) line += "  ";
      }
      line.erase(line.find_last_not_of(' ') + 1);
      out += line + '\n';
    }
  }

 private:
  // Display width: UTF-8 continuation bytes take no column (names like "Kurdistan–Syria").
  static std::size_t width(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
  }
  std::vector<bool> left_;
  std::vector<std::vector<std::string>> rows_;
};

std::string percent(double rate) {
  return std::isnan(rate) ? std::string("n/a") : fmt::format("{:.1f}%", 100.0 * rate);
}

std::string percent_interval(const Interval& ci) {
  if (std::isnan(ci.lower)) return "n/a";
  // Fixed width, so that brackets line up down the column.
  return fmt::format("[{:5.1f}%, {:5.1f}%]", 100.0 * ci.lower, 100.0 * ci.upper);
}

std::string number_interval(const Interval& ci) {
  if (std::isnan(ci.estimate)) return "n/a";
  if (std::isnan(ci.lower)) return fmt::format("{:.1f}", ci.estimate);
  return fmt::format("{:.1f} [{:.1f}, {:.1f}]", ci.estimate, ci.lower, ci.upper);
}

// Percentage points with a sign; rounded first so that -0.01 shows as +0.0, not -0.0.
std::string points(double difference) {
  if (std::isnan(difference)) return "n/a";
  const double rounded = std::round(1000.0 * difference) / 10.0 + 0.0;  // + 0.0: no -0
  return fmt::format("{:+.1f}", rounded);
}

std::string points_interval(const Interval& d) {
  return std::isnan(d.lower) ? "n/a" : fmt::format("[{}, {}]", points(d.lower), points(d.upper));
}

std::string usd_interval(const Interval& ci) {
  if (std::isnan(ci.estimate)) return "n/a";
  if (std::isnan(ci.lower)) return fmt::format("{:.0f}", ci.estimate);
  return fmt::format("{:.0f} [{:.0f}, {:.0f}]", ci.estimate, ci.lower, ci.upper);
}

std::string level(double confidence) { return fmt::format("{:g}%", 100.0 * confidence); }

struct Totals {
  std::uint64_t crossings = 0, detected = 0, intercepted = 0, aborted = 0, escaped = 0;
  double seized_usd = 0.0, lost_usd = 0.0;  // cargo intercepted / that got through
};

Totals totals(const VariantResult& variant) {
  Totals t;
  for (const ReplicationRecord& r : variant.replications) {
    t.crossings += r.crossings;
    t.detected += r.detected;
    t.intercepted += r.intercepted;
    t.aborted += r.aborted;
    t.escaped += r.escaped;
    for (const CrossingRecord& c : r.crossing_records) {
      if (c.outcome == Outcome::kIntercepted) t.seized_usd += c.cargo_value_usd;
      if (c.outcome == Outcome::kUndetected || c.outcome == Outcome::kDetectedNotIntercepted) {
        t.lost_usd += c.cargo_value_usd;
      }
    }
  }
  return t;
}

void print_variant(std::string& out, const VariantResult& variant, double confidence) {
  const Totals t = totals(variant);
  std::vector<double> per_replication, false_alarms;
  for (const ReplicationRecord& r : variant.replications) {
    per_replication.push_back(static_cast<double>(r.crossings));
    false_alarms.push_back(static_cast<double>(r.false_alarms));
  }
  out += fmt::format("Variant \"{}\": {} replications, {} crossings ({} per replication)\n\n",
                     variant.name, variant.replications.size(), t.crossings,
                     number_interval(t_interval(per_replication, confidence)));

  TextTable outcomes({true, false, false, false});
  outcomes.add({"Outcome", "Rate", level(confidence) + " interval", "Count"});
  auto outcome = [&](const char* name, std::uint64_t count) {
    const Interval ci = wilson_interval(count, t.crossings, confidence);
    outcomes.add({name, percent(ci.estimate), percent_interval(ci),
                  fmt::format("{} / {}", count, t.crossings)});
  };
  outcome("detected", t.detected);
  outcome("intercepted", t.intercepted);
  outcome("aborted", t.aborted);
  outcome("escaped", t.escaped);
  outcomes.print(out, "  ");
  out += fmt::format("  False alarms per replication: {}\n",
                     number_interval(t_interval(false_alarms, confidence)));
  const std::vector<SummaryRow> summary = summarize(variant, confidence);
  const auto metric = [&](std::string_view name) {
    const auto it = std::find_if(summary.begin(), summary.end(),
                                 [&](const SummaryRow& r) { return r.metric == name; });
    return Interval{it->estimate, it->lower, it->upper, it->n};
  };
  const Interval utilisation = metric("responder_utilisation");
  if (utilisation.n > 0) {
    const Interval by_patrol = metric("interceptor/patrol/share");
    out += fmt::format(
        "  Responders: {} dispatches per replication, utilisation {} {}{}\n",
        number_interval(metric("responder_dispatches_per_replication")),
        percent(utilisation.estimate), percent_interval(utilisation),
        by_patrol.n > 0 && by_patrol.estimate > 0.0
            ? fmt::format("; patrols made {} of the interceptions", percent(by_patrol.estimate))
            : std::string());
  }
  if (utilisation.n > 0) {
    out += fmt::format(
        "  Command chain: first dispatch {} s, interception {} s after the first detection; "
        "per replication {} dispatches to false alarms, {} arrivals after the track was lost\n",
        number_interval(metric("detection_to_dispatch_s")),
        number_interval(metric("detection_to_interception_s")),
        number_interval(metric("false_alarm_dispatches_per_replication")),
        number_interval(metric("missed_arrivals_per_replication")));
  }
  const Interval confirmed = metric("assessments_confirmed_per_replication");
  const Interval dismissed = metric("assessments_dismissed_per_replication");
  const Interval unsettled = metric("assessments_unsettled_per_replication");
  const Interval retaskings = metric("retaskings_per_replication");
  if (confirmed.estimate + dismissed.estimate + unsettled.estimate + retaskings.estimate > 0.0) {
    out += fmt::format(
        "  Assessments per replication: {} confirmed, {} false alarms dismissed, {} unsettled; "
        "{} teams re-tasked from false alarms\n",
        number_interval(confirmed), number_interval(dismissed), number_interval(unsettled),
        number_interval(retaskings));
  }
  std::string first_by;
  for (const SensorKind& kind : kSensorKinds) {
    const Interval share = metric(fmt::format("first_detector/{}/share", kind.name));
    if (share.n == 0 || share.estimate == 0.0) continue;
    first_by +=
        fmt::format("{}{} {}", first_by.empty() ? "" : ", ", kind.label, percent(share.estimate));
  }
  if (!first_by.empty()) out += "  First detections by: " + first_by + "\n";
  if (const auto& states = variant.weather_states;
      !states.empty() && !variant.replications.empty()) {
    // Time in each state over all replications (the chain's long-run shares are in the
    // validation; a file read back knows only the states' names).
    std::string shares;
    double total = 0.0;
    std::vector<double> seconds(states.size(), 0.0);
    for (const ReplicationRecord& r : variant.replications)
      for (std::size_t i = 0; i < r.weather_s.size() && i < seconds.size(); ++i) {
        seconds[i] += r.weather_s[i];
        total += r.weather_s[i];
      }
    for (std::size_t i = 0; i < seconds.size() && total > 0.0; ++i)
      shares += fmt::format("{}{} {}", shares.empty() ? "" : ", ", states[i],
                            percent(seconds[i] / total));
    if (!shares.empty()) out += "  Weather, share of the time: " + shares + "\n";
  }
  if (t.seized_usd > 0.0 || t.lost_usd > 0.0) {
    out += fmt::format("  Cargo value per replication: seized {} USD, delivered {} USD\n",
                       usd_interval(metric("value_seized_usd_per_replication")),
                       usd_interval(metric("value_delivered_usd_per_replication")));
  }
  const Interval near = metric("near_seam/interception_rate");
  if (near.n > 0) {
    const Interval away = metric("away_from_seam/interception_rate");
    const Interval penalty = metric("seam_penalty");
    out += fmt::format(
        "  Seam penalty (interception within {:g} km of a seam minus elsewhere): {} points {} "
        "({} of {} near, {} of {} elsewhere)\n",
        variant.seam_band_km, points(penalty.estimate), points_interval(penalty),
        percent(near.estimate), near.n, percent(away.estimate), away.n);
  }

  const std::vector<SectorTally> sectors = sector_tallies(variant);
  if (!sectors.empty()) {
    out += '\n';
    TextTable table({true, true, false, false, false, false, false, false});
    table.add({"Sector", "Jurisdiction", "Crossings", "Detected", level(confidence) + " interval",
               "Intercepted", level(confidence) + " interval", "Aborted"});
    for (const SectorTally& s : sectors) {
      const Interval detected = wilson_interval(s.detected, s.crossings, confidence);
      const Interval intercepted = wilson_interval(s.intercepted, s.crossings, confidence);
      table.add({s.name, s.jurisdiction.empty() ? "-" : s.jurisdiction,
                 fmt::format("{}", s.crossings), percent(detected.estimate),
                 percent_interval(detected), percent(intercepted.estimate),
                 percent_interval(intercepted), fmt::format("{}", s.aborted)});
    }
    table.print(out, "  ");
  }
  out += '\n';
}

}  // namespace

void print_comparison(std::ostream& out, const BatchResult& batch, std::size_t baseline_index,
                      double confidence) {
  const std::vector<std::string> metrics{"detection_rate", "interception_rate"};
  print_comparison(out, batch, baseline_index, metrics, confidence);
}

void print_comparison(std::ostream& out, const BatchResult& batch, std::size_t baseline_index,
                      std::span<const std::string> metrics, double confidence) {
  const std::vector<ComparisonRow> rows =
      compare_to_baseline(batch, baseline_index, metrics, confidence);
  const bool all_rates = std::all_of(metrics.begin(), metrics.end(),
                                     [](const std::string& m) { return is_paired_rate(m); });
  std::string text = fmt::format(
      "Against \"{}\": paired differences (variant - baseline, same replications), "
      "{}\n\n",
      batch.variants[baseline_index].name,
      all_rates ? "percentage points" : "rates in percentage points");
  TextTable table({true, true, false, false, false});
  table.add({"Variant", "Metric", "Difference", level(confidence) + " interval", "Pairs"});
  // Values per replication keep four significant digits; rates are in points, as above.
  const auto value = [](double x) {
    return std::isnan(x) ? std::string("n/a") : fmt::format("{:+.4g}", x + 0.0);
  };
  for (const ComparisonRow& r : rows) {
    const Interval& d = r.difference;
    const bool rate = is_paired_rate(r.metric);
    const std::string estimate = rate ? points(d.estimate) : value(d.estimate);
    const std::string interval = rate ? points_interval(d)
                                 : std::isnan(d.lower)
                                     ? "n/a"
                                     : fmt::format("[{}, {}]", value(d.lower), value(d.upper));
    std::string metric = r.metric;
    std::replace(metric.begin(), metric.end(), '_', ' ');
    table.add({r.variant, metric, estimate, interval, fmt::format("{}", d.n)});
  }
  table.print(text, "  ");
  out << text << '\n';
}

void print_results(std::ostream& out, const BatchResult& batch, double confidence) {
  std::string text;
  for (const VariantResult& variant : batch.variants) print_variant(text, variant, confidence);
  out << text;
  if (batch.variants.size() > 1) print_comparison(out, batch, 0, confidence);
}

}  // namespace bordersim
