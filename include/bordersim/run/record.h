#pragma once
// What one replication leaves behind: one row per crossing and the replication's totals.
// Handlers append here; writing files is io/'s job, after the run.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "bordersim/model/kinds.h"

namespace bordersim {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

struct CrossingRecord {
  std::uint32_t replication = 0;
  std::uint32_t crosser = 0;
  CrosserKind kind = CrosserKind::kInfiltrator;
  std::uint16_t group_size = 1;
  std::uint16_t sector = 0;
  double start_s = 0.0;
  double first_detection_s = kMissing;  // NaN when never detected
  double interception_s = kMissing;     // NaN when not intercepted
  Detector first_detector = Detector::kNone;
  double first_report_s = kMissing;    // its first report reaches the command post
  double first_dispatch_s = kMissing;  // a responder is first sent after it
  Responder interceptor = Responder::kNone;
  Outcome outcome = Outcome::kUndetected;
  double border_x_m = 0.0;  // where it crosses the border line
  double border_y_m = 0.0;
  double cargo_value_usd = 0.0;
  // Copied from the crosser's plan after the run (run/plan_records.h).
  Mover mover = Mover::kFoot;
  CargoKind cargo = CargoKind::kNone;
  std::uint16_t organisation = 0;  // smugglers: 1, 2, ...; 0: none (infiltrators)
  // Along the border, from where it crossed to the nearest seam between two
  // jurisdictions; NaN when the border has no seam. Set after the run from border_x/y_m.
  double seam_distance_m = kMissing;
  // Where the crosser was at its first detection and at its interception (NaN when there
  // was none): the result file's detection and interception rasters.
  double detection_x_m = kMissing;
  double detection_y_m = kMissing;
  double interception_x_m = kMissing;
  double interception_y_m = kMissing;
};

// One line of a crossing's story (`run --trace N`, `bordersim explain`): a sensor's
// opportunity to see it and how it came out, a report, a dispatch or the lack of one, a
// responder's arrival, the crossing's end. Recorded only for traced replications; the
// result file's /variants/NAME/trace (io/result_file.h) holds these rows.
enum class TraceEvent : std::uint8_t {
  kHidden = 0,      // a tower's range covers the leg but terrain hides all of it from the tower
  kInView = 1,      // a stretch of the leg in a tower's sight begins (at_s: it ends)
  kLook = 2,        // a glimpse, crew sighting, pass or contact: p, seen, sensor_up
  kReport = 3,      // a report reaches the post (at_s: when the crosser was seen)
  kDispatch = 4,    // a responder is sent (at_s: the planned meeting; sets_off_s)
  kNoDispatch = 5,  // the post wanted to send one and could not (note: why)
  kArrival = 6,     // a responder is where it was sent (note: intercepted, or why not)
  kEnd = 7,         // the crossing ends (note: its outcome)
};

inline std::string_view to_string(TraceEvent event) {
  switch (event) {
    case TraceEvent::kHidden:
      return "hidden";
    case TraceEvent::kInView:
      return "in_view";
    case TraceEvent::kLook:
      return "look";
    case TraceEvent::kReport:
      return "report";
    case TraceEvent::kDispatch:
      return "dispatch";
    case TraceEvent::kNoDispatch:
      return "no_dispatch";
    case TraceEvent::kArrival:
      return "arrival";
    case TraceEvent::kEnd:
      return "end";
  }
  return "unknown";
}

struct TraceRow {
  std::uint32_t replication = 0;
  std::uint32_t crosser = 0;  // CrossingRecord::crosser
  double time_s = 0.0;
  TraceEvent event = TraceEvent::kLook;
  Detector sensor = Detector::kNone;  // looks, views, reports: which kind of sensor
  std::uint32_t sensor_id = 0;  // its index: tower, drone, patrol vehicle, sortie, ground sensor
  double range_m = kMissing;    // sensor (or responder at dispatch) to crosser
  double p = kMissing;  // the chance of this glimpse or pass; in_view: of a crew sighting in it
  bool seen = false;
  bool sensor_up = true;
  bool los_blocked = false;
  double x_m = kMissing;  // the crosser (looks), the responder setting off (dispatch)
  double y_m = kMissing;
  Responder responder = Responder::kNone;
  std::uint32_t responder_id = 0;
  double sets_off_s = kMissing;  // dispatch: when the responder leaves
  double at_s = kMissing;        // see TraceEvent
  double goal_s = kMissing;      // when the crosser reaches its goal, as planned now
  std::string note;              // a camera's kind; why no dispatch, no interception
};

struct ReplicationRecord {
  std::uint32_t replication = 0;
  std::uint64_t crossings = 0;
  std::uint64_t detected = 0;
  std::uint64_t intercepted = 0;
  std::uint64_t aborted = 0;
  std::uint64_t escaped = 0;  // reached the goal, detected or not
  std::uint64_t false_alarms = 0;
  double responder_busy_s = 0.0;
  std::uint64_t missed_arrivals = 0;         // a responder arrived after the track was lost
  std::uint64_t false_alarm_dispatches = 0;  // responders sent to false alarms
  std::uint64_t responder_dispatches = 0;    // responders sent, to crossers or false alarms
  // Responder-seconds on duty ((teams + responding patrol vehicles) × duration): the
  // denominator of responder utilisation.
  double responder_available_s = 0.0;
  // Cargo of intercepted crossings, and of crossings that reached their goal.
  double value_seized_usd = 0.0;
  double value_delivered_usd = 0.0;
  std::uint64_t events = 0;  // events handled: a cost measure, not a model output
  // The post's assessments of reports (response.assessment) still open when the tower
  // camera's looks end: a crosser seen and confirmed as a target, a false alarm seen to be
  // one (it sends nobody), or nothing settled (the post decides as without assessment).
  std::uint64_t assessments_confirmed = 0;
  std::uint64_t assessments_dismissed = 0;
  std::uint64_t assessments_unsettled = 0;
  // Teams on their way to a false alarm turned to a confirmed target
  // (response.retask_from_false_alarms); each is also one of responder_dispatches.
  std::uint64_t retaskings = 0;
  // Seconds of [0, duration) spent in each state of weather.states, in the model's order
  // (by name); empty without weather.states.
  std::vector<double> weather_s;
  std::vector<CrossingRecord> crossing_records;
  std::vector<TraceRow> trace;  // empty unless the replication was traced
};

}  // namespace bordersim
