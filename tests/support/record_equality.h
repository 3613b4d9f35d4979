#pragma once
// Bit-exact equality of records, for determinism checks (NaN equals NaN, -0 differs from 0).
#include <cstring>

#include "bordersim/run/record.h"

namespace bordersim::testing {

inline bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

inline bool same(const CrossingRecord& a, const CrossingRecord& b) {
  return a.replication == b.replication && a.crosser == b.crosser && a.kind == b.kind &&
         a.group_size == b.group_size && a.sector == b.sector && a.outcome == b.outcome &&
         same_bits(a.start_s, b.start_s) && same_bits(a.first_detection_s, b.first_detection_s) &&
         same_bits(a.interception_s, b.interception_s) && same_bits(a.border_x_m, b.border_x_m) &&
         same_bits(a.border_y_m, b.border_y_m) && same_bits(a.cargo_value_usd, b.cargo_value_usd) &&
         a.mover == b.mover && a.cargo == b.cargo && a.organisation == b.organisation &&
         same_bits(a.seam_distance_m, b.seam_distance_m) && a.first_detector == b.first_detector &&
         same_bits(a.first_report_s, b.first_report_s) &&
         same_bits(a.first_dispatch_s, b.first_dispatch_s) && a.interceptor == b.interceptor &&
         same_bits(a.detection_x_m, b.detection_x_m) &&
         same_bits(a.detection_y_m, b.detection_y_m) &&
         same_bits(a.interception_x_m, b.interception_x_m) &&
         same_bits(a.interception_y_m, b.interception_y_m);
}

inline bool same(const TraceRow& a, const TraceRow& b) {
  return a.replication == b.replication && a.crosser == b.crosser &&
         same_bits(a.time_s, b.time_s) && a.event == b.event && a.sensor == b.sensor &&
         a.sensor_id == b.sensor_id && same_bits(a.range_m, b.range_m) && same_bits(a.p, b.p) &&
         a.seen == b.seen && a.sensor_up == b.sensor_up && a.los_blocked == b.los_blocked &&
         same_bits(a.x_m, b.x_m) && same_bits(a.y_m, b.y_m) && a.responder == b.responder &&
         a.responder_id == b.responder_id && same_bits(a.sets_off_s, b.sets_off_s) &&
         same_bits(a.at_s, b.at_s) && same_bits(a.goal_s, b.goal_s) && a.note == b.note;
}

// Totals only; compare crossing_records with same() where both sides carry them.
inline bool same_totals(const ReplicationRecord& a, const ReplicationRecord& b) {
  return a.replication == b.replication && a.crossings == b.crossings && a.detected == b.detected &&
         a.intercepted == b.intercepted && a.aborted == b.aborted && a.escaped == b.escaped &&
         a.false_alarms == b.false_alarms && a.events == b.events &&
         same_bits(a.responder_busy_s, b.responder_busy_s) &&
         a.responder_dispatches == b.responder_dispatches &&
         a.false_alarm_dispatches == b.false_alarm_dispatches &&
         a.missed_arrivals == b.missed_arrivals &&
         same_bits(a.responder_available_s, b.responder_available_s) &&
         same_bits(a.value_seized_usd, b.value_seized_usd) &&
         same_bits(a.value_delivered_usd, b.value_delivered_usd) && a.weather_s == b.weather_s &&
         a.assessments_confirmed == b.assessments_confirmed &&
         a.assessments_dismissed == b.assessments_dismissed &&
         a.assessments_unsettled == b.assessments_unsettled && a.retaskings == b.retaskings;
}

}  // namespace bordersim::testing
