#include "crossing_story.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <tuple>

#include "bordersim/run/trace_notes.h"

namespace bordersim::cli {
namespace {

using trace_note::kAssessedPrefix;

// "9 min", "40 s", "2 h 05 min".
std::string duration(double seconds) {
  const double s = std::abs(seconds);
  if (s < 60.0) return fmt::format("{:.0f} s", s);
  const auto minutes = static_cast<long long>(std::llround(s / 60.0));
  if (minutes < 60) return fmt::format("{} min", minutes);
  return fmt::format("{} h {:02} min", minutes / 60, minutes % 60);
}

std::string km(double metres) { return fmt::format("{:.1f} km", metres / 1000.0); }

std::string sensor_name(const TraceRow& row) {
  const SensorKind* kind = sensor_kind(row.sensor);
  if (!kind) return "an unknown sensor";
  return fmt::format(fmt::runtime(kind->story), fmt::arg("id", row.sensor_id),
                     fmt::arg("note", row.note.empty() ? std::string() : row.note + " "));
}

std::string responder_name(const TraceRow& row) {
  return row.responder == Responder::kPatrol
             ? fmt::format("a vehicle of patrol {}", row.responder_id)
             : fmt::format("QRF team {}", row.responder_id);
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string range_text(double lo, double hi) {
  if (!std::isfinite(lo)) return "";
  return std::abs(hi - lo) < 50.0 ? fmt::format(" at {}", km(lo))
                                  : fmt::format(" at {} to {}", km(lo), km(hi));
}

// Every look by one sensor, in one sentence.
struct SensorLooks {
  const TraceRow* first = nullptr;
  const TraceRow* first_seen = nullptr;
  double last_s = 0.0;
  int looks = 0, seen = 0, down = 0;
  double range_lo = INFINITY, range_hi = -INFINITY, p_lo = INFINITY, p_hi = -INFINITY;

  void add(const TraceRow& row) {
    if (!first) first = &row;
    last_s = row.time_s;
    ++looks;
    down += row.sensor_up ? 0 : 1;
    if (row.seen && ++seen == 1) first_seen = &row;
    if (std::isfinite(row.range_m)) {
      range_lo = std::min(range_lo, row.range_m);
      range_hi = std::max(range_hi, row.range_m);
    }
    if (std::isfinite(row.p)) {
      p_lo = std::min(p_lo, row.p);
      p_hi = std::max(p_hi, row.p);
    }
  }

  std::string sentence(const Clock& clock) const {
    std::string text = capitalised(sensor_name(*first));
    if (seen == looks && !std::isfinite(p_lo)) {  // a crew's sightings: the hazard's events
      text += looks == 1 ? fmt::format(" sighted it at {}", clock(first->time_s))
                         : fmt::format(" sighted it {} times from {} to {}", looks,
                                       clock(first->time_s), clock(last_s));
      return text + range_text(range_hi, range_lo) + ".";
    }
    if (looks == 1)
      text += fmt::format(" had one chance to see it, at {}{}", clock(first->time_s),
                          range_text(range_lo, range_hi));
    else
      text += fmt::format(" had {} chances to see it from {} to {}{}", looks, clock(first->time_s),
                          clock(last_s), range_text(range_hi, range_lo));
    if (std::isfinite(p_lo)) {
      const std::string lo = fmt::format("{:.2f}", p_lo), hi = fmt::format("{:.2f}", p_hi);
      text +=
          lo == hi ? fmt::format(", p = {} each", lo) : fmt::format(", p = {} to {} each", lo, hi);
    }
    if (down > 0) text += fmt::format(" ({} while it was out of service)", down);
    if (seen == 0) return text + "; it never saw it.";
    text += seen == 1 ? "; it saw it once" : fmt::format("; it saw it {} times, first", seen);
    text += fmt::format(" at {}", clock(first_seen->time_s));
    if (std::isfinite(first_seen->p)) text += fmt::format(" with p = {:.2f}", first_seen->p);
    if (std::isfinite(first_seen->range_m))
      text += fmt::format(", {} away", km(first_seen->range_m));
    return text + ".";
  }
};

// A tower's stretches in sight, and the legs its range covered with the crosser hidden.
struct TowerSight {
  double first_s = 0.0, last_s = 0.0, in_sight_s = 0.0, miss = 1.0;
  int stretches = 0, hidden = 0;
  bool crew_chance = false;
  double hidden_nearest_m = INFINITY;
};

}  // namespace

std::string Clock::operator()(double seconds) const {
  const auto minutes = static_cast<long long>(std::floor((start_s + seconds) / 60.0));
  const long long day = minutes / (24 * 60);
  const auto text = fmt::format("{:02}:{:02}", (minutes / 60) % 24, minutes % 60);
  return day == 0 ? text : fmt::format("day {} {}", day + 1, text);
}

std::vector<std::string> tell_story(const CrossingRecord& crossing, std::span<const TraceRow> rows,
                                    const std::string& sector, const Clock& clock) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format(
      "Crossing {}:{}: {}{} on {}{}, set off at {} in sector {}.", crossing.replication,
      crossing.crosser, crossing.kind == CrosserKind::kSmuggler ? "a smuggler" : "an infiltrator",
      crossing.group_size > 1 ? fmt::format(" (a group of {})", crossing.group_size) : "",
      crossing.mover == Mover::kVehicle ? "a vehicle" : "foot",
      crossing.cargo == CargoKind::kNone ? ""
                                         : fmt::format(", carrying {}", to_string(crossing.cargo)),
      clock(crossing.start_s), sector));

  // What the sensors had of it: towers' sight, then each sensor's looks, by first chance.
  std::map<std::uint32_t, TowerSight> towers;
  std::vector<std::uint32_t> tower_order;
  std::map<std::tuple<Detector, std::uint32_t, std::string>, SensorLooks> looks;
  std::vector<std::tuple<Detector, std::uint32_t, std::string>> look_order;
  for (const TraceRow& row : rows) {
    if (row.event == TraceEvent::kInView || row.event == TraceEvent::kHidden) {
      auto [it, added] = towers.try_emplace(row.sensor_id);
      if (added) {
        tower_order.push_back(row.sensor_id);
        it->second.first_s = row.time_s;
      }
      TowerSight& t = it->second;
      if (row.event == TraceEvent::kHidden) {
        ++t.hidden;
        t.hidden_nearest_m = std::min(t.hidden_nearest_m, row.range_m);
        continue;
      }
      ++t.stretches;
      t.last_s = std::max(t.last_s, row.at_s);
      t.in_sight_s += std::max(0.0, row.at_s - row.time_s);
      if (std::isfinite(row.p)) {
        t.crew_chance = true;
        t.miss *= 1.0 - row.p;
      }
    } else if (row.event == TraceEvent::kLook) {
      const auto key = std::make_tuple(row.sensor, row.sensor_id, row.note);
      auto [it, added] = looks.try_emplace(key);
      if (added) look_order.push_back(key);
      it->second.add(row);
    }
  }
  for (std::uint32_t id : tower_order) {
    const TowerSight& t = towers[id];
    if (t.stretches > 0) {
      std::string text = fmt::format("In sight of tower {} for {} ", id, duration(t.in_sight_s));
      text += t.stretches == 1 ? fmt::format("from {} to {}", clock(t.first_s), clock(t.last_s))
                               : fmt::format("in {} stretches between {} and {}", t.stretches,
                                             clock(t.first_s), clock(t.last_s));
      if (t.crew_chance)
        text += fmt::format("; its crew's chance of a sighting there: {:.2f}", 1.0 - t.miss);
      lines.push_back(text + ".");
    }
    if (t.hidden > 0)
      lines.push_back(fmt::format(
          "Tower {}'s range covered {} of its legs ({} at the nearest) but terrain hid {} from it.",
          id, t.hidden == 1 ? std::string("one") : std::to_string(t.hidden), km(t.hidden_nearest_m),
          t.hidden == 1 ? "that leg" : "them"));
  }
  for (const auto& key : look_order) lines.push_back(looks[key].sentence(clock));
  if (look_order.empty() && tower_order.empty())
    lines.push_back("No sensor had a chance to see it.");

  // The command chain, in order; runs of like reports and refusals in one sentence.
  double ended_s = NAN;
  for (const TraceRow& row : rows)
    if (row.event == TraceEvent::kEnd) ended_s = row.time_s;
  std::vector<const TraceRow*> chain;
  for (const TraceRow& row : rows)
    if (row.event >= TraceEvent::kReport) chain.push_back(&row);
  for (std::size_t i = 0; i < chain.size(); ++i) {
    const TraceRow& row = *chain[i];
    std::size_t j = i;  // the last of a run of like rows
    if (row.event == TraceEvent::kReport || row.event == TraceEvent::kNoDispatch)
      while (j + 1 < chain.size() && chain[j + 1]->event == row.event &&
             chain[j + 1]->note == row.note)
        ++j;
    const std::size_t n = j - i + 1;
    const std::string last = clock(chain[j]->time_s);
    switch (row.event) {
      case TraceEvent::kReport:
        // An assessment's verdict is a report row with its chance p (sim/run/tracer.cpp).
        if (n == 1 && std::isfinite(row.p) && row.note.starts_with(kAssessedPrefix)) {
          lines.push_back(fmt::format(
              "The assessment ended at {} (its looks had a chance of {:.2f} to settle it): {}.",
              clock(row.time_s), row.p, row.note.substr(kAssessedPrefix.size())));
          break;
        }
        lines.push_back(n == 1 ? fmt::format("A report reached the post at {} (seen at {}): {}.",
                                             clock(row.time_s), clock(row.at_s), row.note)
                               : fmt::format("{} reports reached the post from {} to {}: {}.", n,
                                             clock(row.time_s), last, row.note));
        break;
      case TraceEvent::kNoDispatch:
        lines.push_back(
            n == 1 ? fmt::format("At {} no responder was sent: {}.", clock(row.time_s), row.note)
                   : fmt::format("{} times from {} to {} no responder was sent: {}.", n,
                                 clock(row.time_s), last, row.note));
        break;
      case TraceEvent::kDispatch:
        if (row.note == trace_note::kNewGoal) {
          lines.push_back(
              fmt::format("At {} a report gave {} a new goal: to meet the crosser at {}.",
                          clock(row.time_s), responder_name(row), clock(row.at_s)));
          break;
        }
        lines.push_back(
            fmt::format("{}, {} away, was sent at {}; it set off at {} to meet the crosser at {}, "
                        "before its goal at {}.",
                        capitalised(responder_name(row)), km(row.range_m), clock(row.time_s),
                        clock(row.sets_off_s), clock(row.at_s), clock(row.goal_s)));
        break;
      case TraceEvent::kArrival:
        if (row.note == trace_note::kSearching)
          lines.push_back(fmt::format("{} arrived at {} and searched within {} until {}.",
                                      capitalised(responder_name(row)), clock(row.time_s),
                                      km(row.range_m), clock(row.at_s)));
        else if (row.note == trace_note::kIntercepted)
          lines.push_back(fmt::format("{} arrived at {} and intercepted it.",
                                      capitalised(responder_name(row)), clock(row.time_s)));
        else if (std::isfinite(ended_s) && ended_s <= row.time_s)
          lines.push_back(fmt::format("{} arrived at {}, {} after the crosser reached its goal.",
                                      capitalised(responder_name(row)), clock(row.time_s),
                                      duration(row.time_s - ended_s)));
        else
          lines.push_back(
              fmt::format("{} arrived at {} and found nobody: the track had expired at {}.",
                          capitalised(responder_name(row)), clock(row.time_s), clock(row.at_s)));
        break;
      case TraceEvent::kEnd:
        if (row.note == to_string(Outcome::kAborted))
          lines.push_back(fmt::format("It turned back at {}.", clock(row.time_s)));
        else if (row.note != to_string(Outcome::kIntercepted))
          lines.push_back(
              fmt::format("It reached its goal at {}{}.", clock(row.time_s),
                          row.note == to_string(Outcome::kUndetected) ? ", unseen" : ""));
        break;
      default:
        break;
    }
    i = j;
  }
  if (const auto miss = near_miss(crossing, rows, clock))
    lines.push_back("Why it got through: " + miss->why + ".");
  if (!std::isfinite(ended_s) && std::isnan(crossing.interception_s))
    lines.push_back("It was still on its way when the run ended.");
  return lines;
}

std::optional<NearMiss> near_miss(const CrossingRecord& crossing, std::span<const TraceRow> rows,
                                  const Clock& clock) {
  if (crossing.outcome != Outcome::kDetectedNotIntercepted) return std::nullopt;
  const TraceRow* first_report = nullptr;
  const TraceRow* last_arrival = nullptr;
  const TraceRow* last_refusal = nullptr;
  const TraceRow* last_dispatch = nullptr;
  double ended_s = NAN, goal_s = NAN;
  int reports = 0, dismissed = 0;
  for (const TraceRow& row : rows) {
    switch (row.event) {
      case TraceEvent::kReport:
        if (!first_report) first_report = &row;
        ++reports;
        dismissed += row.note == trace_note::kDismissed ? 1 : 0;
        break;
      case TraceEvent::kArrival:
        last_arrival = &row;
        break;
      case TraceEvent::kNoDispatch:
        last_refusal = &row;
        break;
      case TraceEvent::kDispatch:
        last_dispatch = &row;
        break;
      case TraceEvent::kEnd:
        ended_s = row.time_s;
        break;
      default:
        break;
    }
    if (std::isfinite(row.goal_s)) goal_s = row.goal_s;
  }
  if (std::isfinite(ended_s)) goal_s = ended_s;
  const double left_s = first_report ? goal_s - first_report->time_s : 0.0;
  NearMiss miss;
  if (last_arrival) {
    miss.rank = 0;
    const std::string who = responder_name(*last_arrival);
    if (std::isfinite(ended_s) && ended_s <= last_arrival->time_s) {
      miss.margin_s = last_arrival->time_s - ended_s;
      miss.why =
          fmt::format("{} arrived {} after it reached its goal", who, duration(miss.margin_s));
    } else if (last_arrival->note == trace_note::kSearching) {
      miss.margin_s = 0.0;  // there in time: the prediction missed, not the clock
      miss.why = fmt::format(
          "{} searched within {} of where the post expected it and did not "
          "find it",
          who, km(last_arrival->range_m));
    } else {
      miss.margin_s = last_arrival->time_s - last_arrival->at_s;
      miss.why =
          fmt::format("{} arrived {} after the track was lost", who, duration(miss.margin_s));
    }
  } else if (last_dispatch) {
    miss.rank = 0;
    miss.margin_s = INFINITY;
    miss.why =
        fmt::format("{} was still on its way when the run ended", responder_name(*last_dispatch));
  } else if (last_refusal) {
    miss.rank = 1;
    miss.margin_s = left_s;
    miss.why = fmt::format("{} left between the first report and its goal, {}", duration(left_s),
                           last_refusal->note);
  } else if (reports > 0 && dismissed == reports) {
    miss.rank = 2;
    miss.margin_s = left_s;
    miss.why = reports == 1
                   ? std::string("its one report was dismissed as not a real target")
                   : fmt::format("all {} reports were dismissed as not a real target", reports);
  } else {
    miss.rank = 3;
    miss.margin_s = 0.0;
    miss.why = first_report
                   ? "the post took it for a target but sent nobody"
                   : fmt::format("it was seen at {} but reached its goal before any report",
                                 clock(crossing.first_detection_s));
  }
  return miss;
}

}  // namespace bordersim::cli
