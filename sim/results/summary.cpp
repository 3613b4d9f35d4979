#include "bordersim/results/summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string_view>

namespace bordersim {
namespace {

SummaryRow row(std::string metric, const Interval& ci) {
  return SummaryRow{std::move(metric), ci.estimate, ci.lower, ci.upper, ci.n};
}

template <class Field>
Interval mean_over_replications(const VariantResult& variant, double confidence, Field field) {
  std::vector<double> values;
  values.reserve(variant.replications.size());
  for (const ReplicationRecord& r : variant.replications) {
    values.push_back(static_cast<double>(field(r)));
  }
  return t_interval(values, confidence);
}

bool detected(const CrossingRecord& c) { return !std::isnan(c.first_detection_s); }

// From the crossing rows rather than the replication's stored sums, so that records made
// by hand (tests) and read from a file give the same figures.
double cargo_value(const ReplicationRecord& r, Outcome outcome) {
  double sum = 0.0;
  for (const CrossingRecord& c : r.crossing_records) {
    if (c.outcome == outcome) sum += c.cargo_value_usd;
  }
  return sum;
}

// Sectors the crossings name, as tally indices: model sectors first, then any stray index.
std::size_t tally_count(const VariantResult& variant) {
  std::size_t count = variant.sectors.size();
  for (const ReplicationRecord& r : variant.replications) {
    for (const CrossingRecord& c : r.crossing_records) {
      count = std::max(count, static_cast<std::size_t>(c.sector) + 1);
    }
  }
  return count;
}

// Busy time over team-seconds on duty, per replication that had responders.
Interval responder_utilisation(const VariantResult& variant, double confidence) {
  std::vector<double> values;
  for (const ReplicationRecord& r : variant.replications) {
    if (r.responder_available_s > 0.0)
      values.push_back(r.responder_busy_s / r.responder_available_s);
  }
  if (values.empty()) return Interval{};
  return t_interval(values, confidence);
}

// Seconds from first detection to a later event of the same crossing (the first dispatch,
// the interception), over the crossings that have both, as a t interval over crossings.
// Crossings of one replication share responders, so this interval is somewhat narrow; it
// is a description of the command chain's speed, not a headline rate.
Interval delay_after_detection(const VariantResult& variant, double CrossingRecord::*later,
                               double confidence) {
  std::vector<double> values;
  for (const ReplicationRecord& r : variant.replications) {
    for (const CrossingRecord& c : r.crossing_records) {
      const double delay_s = c.*later - c.first_detection_s;
      if (!std::isnan(delay_s)) values.push_back(delay_s);
    }
  }
  if (values.empty()) return Interval{};
  return t_interval(values, confidence);
}

}  // namespace

std::vector<SectorTally> sector_tallies(const VariantResult& variant) {
  std::vector<SectorTally> tallies(tally_count(variant));
  for (std::size_t i = 0; i < tallies.size(); ++i) {
    if (i < variant.sectors.size()) {
      const SectorInfo& s = variant.sectors[i];
      tallies[i].name = s.name;
      tallies[i].jurisdiction = s.jurisdiction;
      tallies[i].from_m = s.from_m;
      tallies[i].to_m = s.to_m;
    } else {
      // Only a model/record mismatch gets here; keep the counts visible instead of
      // dropping them, and make the name say what happened.
      // (fmt, not "#" + std::to_string: GCC 12 at -O3 warns a false -Wrestrict on that.)
      tallies[i].name = fmt::format("#{}", i);
      tallies[i].from_m = tallies[i].to_m = std::nan("");
    }
  }
  for (const ReplicationRecord& r : variant.replications) {
    for (const CrossingRecord& c : r.crossing_records) {
      SectorTally& t = tallies[c.sector];
      ++t.crossings;
      if (detected(c)) ++t.detected;
      if (c.outcome == Outcome::kIntercepted) {
        ++t.intercepted;
        t.value_seized_usd += c.cargo_value_usd;
      }
      if (c.outcome == Outcome::kAborted) ++t.aborted;
      if (c.outcome == Outcome::kUndetected || c.outcome == Outcome::kDetectedNotIntercepted) {
        t.value_delivered_usd += c.cargo_value_usd;
      }
    }
  }
  return tallies;
}

std::vector<ClusterCounts> seam_counts(const VariantResult& variant) {
  const double band_m = variant.seam_band_km * 1000.0;
  std::vector<ClusterCounts> counts;
  counts.reserve(variant.replications.size());
  for (const ReplicationRecord& r : variant.replications) {
    ClusterCounts c;
    for (const CrossingRecord& x : r.crossing_records) {
      const bool intercepted = x.outcome == Outcome::kIntercepted;
      if (x.seam_distance_m <= band_m) {  // false for NaN: no seam
        ++c.trials_a;
        c.successes_a += intercepted;
      } else {
        ++c.trials_b;
        c.successes_b += intercepted;
      }
    }
    counts.push_back(c);
  }
  return counts;
}

std::vector<SummaryRow> summarize(const VariantResult& variant, double confidence) {
  std::uint64_t crossings = 0, detected_count = 0, intercepted = 0, aborted = 0, escaped = 0;
  for (const ReplicationRecord& r : variant.replications) {
    crossings += r.crossings;
    detected_count += r.detected;
    intercepted += r.intercepted;
    aborted += r.aborted;
    escaped += r.escaped;
  }
  std::vector<SummaryRow> rows;
  rows.push_back(row("detection_rate", wilson_interval(detected_count, crossings, confidence)));
  rows.push_back(row("interception_rate", wilson_interval(intercepted, crossings, confidence)));
  rows.push_back(row("abort_rate", wilson_interval(aborted, crossings, confidence)));
  rows.push_back(row("escape_rate", wilson_interval(escaped, crossings, confidence)));
  rows.push_back(row("crossings_per_replication",
                     mean_over_replications(variant, confidence, [](const ReplicationRecord& r) {
                       return r.crossings;
                     })));
  rows.push_back(row("false_alarms_per_replication",
                     mean_over_replications(variant, confidence, [](const ReplicationRecord& r) {
                       return r.false_alarms;
                     })));
  rows.push_back(row("responder_busy_s_per_replication",
                     mean_over_replications(variant, confidence, [](const ReplicationRecord& r) {
                       return r.responder_busy_s;
                     })));
  rows.push_back(row("responder_dispatches_per_replication",
                     mean_over_replications(variant, confidence, [](const ReplicationRecord& r) {
                       return r.responder_dispatches;
                     })));
  rows.push_back(row("responder_utilisation", responder_utilisation(variant, confidence)));
  rows.push_back(row("value_seized_usd_per_replication",
                     mean_over_replications(variant, confidence, [](const ReplicationRecord& r) {
                       return cargo_value(r, Outcome::kIntercepted);
                     })));
  rows.push_back(row("value_delivered_usd_per_replication",
                     mean_over_replications(variant, confidence, [](const ReplicationRecord& r) {
                       return cargo_value(r, Outcome::kUndetected) +
                              cargo_value(r, Outcome::kDetectedNotIntercepted);
                     })));
  const std::vector<ClusterCounts> seams = seam_counts(variant);
  ClusterCounts pooled;
  for (const ClusterCounts& c : seams) {
    pooled.successes_a += c.successes_a;
    pooled.trials_a += c.trials_a;
    pooled.successes_b += c.successes_b;
    pooled.trials_b += c.trials_b;
  }
  rows.push_back(row("near_seam/interception_rate",
                     wilson_interval(pooled.successes_a, pooled.trials_a, confidence)));
  rows.push_back(row("away_from_seam/interception_rate",
                     wilson_interval(pooled.successes_b, pooled.trials_b, confidence)));
  rows.push_back(row("seam_penalty", clustered_ratio_difference(seams, confidence)));

  rows.push_back(row("false_alarm_dispatches_per_replication",
                     mean_over_replications(variant, confidence, [](const ReplicationRecord& r) {
                       return r.false_alarm_dispatches;
                     })));
  rows.push_back(row("missed_arrivals_per_replication",
                     mean_over_replications(variant, confidence, [](const ReplicationRecord& r) {
                       return r.missed_arrivals;
                     })));
  rows.push_back(
      row("detection_to_dispatch_s",
          delay_after_detection(variant, &CrossingRecord::first_dispatch_s, confidence)));
  rows.push_back(row("detection_to_interception_s",
                     delay_after_detection(variant, &CrossingRecord::interception_s, confidence)));
  std::array<std::uint64_t, kSensorKinds.size()> first_by{};
  std::uint64_t attributed = 0;  // detected crossings whose first detector is known
  for (const ReplicationRecord& r : variant.replications) {
    for (const CrossingRecord& c : r.crossing_records) {
      if (!detected(c) || c.first_detector == Detector::kNone) continue;
      ++attributed;
      for (std::size_t k = 0; k < kSensorKinds.size(); ++k) {
        if (kSensorKinds[k].detector == c.first_detector) ++first_by[k];
      }
    }
  }
  for (std::size_t k = 0; k < kSensorKinds.size(); ++k) {
    rows.push_back(row(fmt::format("first_detector/{}/share", kSensorKinds[k].name),
                       wilson_interval(first_by[k], attributed, confidence)));
  }

  std::uint64_t interceptions = 0, by_patrol = 0;
  for (const ReplicationRecord& r : variant.replications) {
    for (const CrossingRecord& c : r.crossing_records) {
      if (c.outcome != Outcome::kIntercepted) continue;
      ++interceptions;
      by_patrol += c.interceptor == Responder::kPatrol;
    }
  }
  rows.push_back(
      row("interceptor/patrol/share", wilson_interval(by_patrol, interceptions, confidence)));
  using Count = std::uint64_t ReplicationRecord::*;
  for (const auto& [name, count] :
       {std::pair<const char*, Count>{"assessments_confirmed_per_replication",
                                      &ReplicationRecord::assessments_confirmed},
        {"assessments_dismissed_per_replication", &ReplicationRecord::assessments_dismissed},
        {"assessments_unsettled_per_replication", &ReplicationRecord::assessments_unsettled},
        {"retaskings_per_replication", &ReplicationRecord::retaskings}}) {
    rows.push_back(row(
        name, mean_over_replications(variant, confidence,
                                     [count](const ReplicationRecord& r) { return r.*count; })));
  }

  const std::vector<SectorTally> tallies = sector_tallies(variant);
  for (std::size_t s = 0; s < tallies.size(); ++s) {
    const std::string prefix = "sector/" + tallies[s].name + "/";
    rows.push_back(row(prefix + "crossings",
                       mean_over_replications(variant, confidence, [s](const ReplicationRecord& r) {
                         return std::count_if(
                             r.crossing_records.begin(), r.crossing_records.end(),
                             [s](const CrossingRecord& c) { return c.sector == s; });
                       })));
    rows.push_back(row(prefix + "detection_rate",
                       wilson_interval(tallies[s].detected, tallies[s].crossings, confidence)));
    rows.push_back(row(prefix + "interception_rate",
                       wilson_interval(tallies[s].intercepted, tallies[s].crossings, confidence)));
    rows.push_back(row(prefix + "abort_rate",
                       wilson_interval(tallies[s].aborted, tallies[s].crossings, confidence)));
  }
  return rows;
}

namespace {

// What compare can pair, per replication: a rate (count / crossings; a replication without
// crossings has none) or a value per replication.
struct PairedMetric {
  std::string_view name;
  std::uint64_t ReplicationRecord::*count = nullptr;  // a rate's numerator
  double (*value)(const ReplicationRecord&) = nullptr;
};

template <auto Field>
double per_replication(const ReplicationRecord& r) {
  return static_cast<double>(r.*Field);
}

constexpr PairedMetric kPairedMetrics[] = {
    {"detection_rate", &ReplicationRecord::detected},
    {"interception_rate", &ReplicationRecord::intercepted},
    {"abort_rate", &ReplicationRecord::aborted},
    {"escape_rate", &ReplicationRecord::escaped},
    {"crossings_per_replication", nullptr, per_replication<&ReplicationRecord::crossings>},
    {"false_alarms_per_replication", nullptr, per_replication<&ReplicationRecord::false_alarms>},
    {"responder_busy_s_per_replication", nullptr,
     per_replication<&ReplicationRecord::responder_busy_s>},
    {"responder_dispatches_per_replication", nullptr,
     per_replication<&ReplicationRecord::responder_dispatches>},
    {"value_seized_usd_per_replication", nullptr,
     per_replication<&ReplicationRecord::value_seized_usd>},
    {"value_delivered_usd_per_replication", nullptr,
     per_replication<&ReplicationRecord::value_delivered_usd>},
    {"false_alarm_dispatches_per_replication", nullptr,
     per_replication<&ReplicationRecord::false_alarm_dispatches>},
    {"missed_arrivals_per_replication", nullptr,
     per_replication<&ReplicationRecord::missed_arrivals>},
};

const PairedMetric* find_paired_metric(std::string_view name) {
  for (const PairedMetric& m : kPairedMetrics) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> paired_metric_names() {
  std::vector<std::string> names;
  for (const PairedMetric& m : kPairedMetrics) names.emplace_back(m.name);
  return names;
}

bool is_paired_rate(std::string_view metric) {
  const PairedMetric* m = find_paired_metric(metric);
  return m != nullptr && m->count != nullptr;
}

std::vector<ComparisonRow> compare_to_baseline(const BatchResult& batch, std::size_t baseline_index,
                                               double confidence) {
  const std::vector<std::string> metrics{"detection_rate", "interception_rate"};
  return compare_to_baseline(batch, baseline_index, metrics, confidence);
}

std::vector<ComparisonRow> compare_to_baseline(const BatchResult& batch, std::size_t baseline_index,
                                               std::span<const std::string> metric_names,
                                               double confidence) {
  if (baseline_index >= batch.variants.size()) {
    throw std::out_of_range("baseline index " + std::to_string(baseline_index) + " but only " +
                            std::to_string(batch.variants.size()) + " variants");
  }
  std::vector<const PairedMetric*> metrics;
  for (const std::string& name : metric_names) {
    const PairedMetric* m = find_paired_metric(name);
    if (m == nullptr) throw std::invalid_argument("no paired metric named '" + name + "'");
    metrics.push_back(m);
  }
  const VariantResult& base = batch.variants[baseline_index];

  std::vector<ComparisonRow> rows;
  for (std::size_t v = 0; v < batch.variants.size(); ++v) {
    if (v == baseline_index) continue;
    const VariantResult& variant = batch.variants[v];
    const std::size_t pairs = std::min(variant.replications.size(), base.replications.size());
    for (const PairedMetric* metric : metrics) {
      std::vector<double> a, b;
      for (std::size_t i = 0; i < pairs; ++i) {
        const ReplicationRecord& ra = variant.replications[i];
        const ReplicationRecord& rb = base.replications[i];
        if (ra.replication != rb.replication) {
          throw std::invalid_argument(
              "cannot pair variants '" + variant.name + "' and '" + base.name + "': replication " +
              std::to_string(ra.replication) + " vs " + std::to_string(rb.replication) +
              " at index " + std::to_string(i));
        }
        if (metric->value != nullptr) {
          a.push_back(metric->value(ra));
          b.push_back(metric->value(rb));
          continue;
        }
        // A replication without crossings has no rate. Skipping the pair (rather than
        // counting the rate as 0) keeps both sides on the same replications; with common
        // random numbers both sides usually see the same crossers anyway.
        if (ra.crossings == 0 || rb.crossings == 0) continue;
        a.push_back(static_cast<double>(ra.*metric->count) / static_cast<double>(ra.crossings));
        b.push_back(static_cast<double>(rb.*metric->count) / static_cast<double>(rb.crossings));
      }
      rows.push_back(ComparisonRow{variant.name, base.name, std::string(metric->name),
                                   paired_difference(a, b, confidence)});
    }
  }
  return rows;
}

}  // namespace bordersim
