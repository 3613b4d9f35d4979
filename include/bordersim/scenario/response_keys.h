#pragma once
// The response's keys: the quick-reaction teams and how the post handles a report, from
// its verdict to dispatch, prediction, assessment and priority. Each struct's members are
// its keys' defaults; its visit_fields, next to it, their JSON names, valid ranges and
// printing order (scenario.h has the conventions and the one list of keys;
// scenarios/README.md documents every key).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/field_rules.h"

namespace bordersim {

struct QrfSpec {
  std::vector<double> bases_km = {305.0};  // positions along the border
  double setback_m = 10000.0;              // distance of the bases behind the border
  std::int64_t teams_per_base = 1;
  double speed_mps = 15.0;
  double on_scene_s = 900.0;       // time at the interception before driving back
  std::string on_scene = "fixed";  // "fixed" or "exponential" (with mean on_scene_s)
};

template <class V>
void visit_fields(V& v, QrfSpec& q) {
  v.field("bases_km", q.bases_km, Range::non_negative());
  v.field("setback_m", q.setback_m, Range::any());
  v.field("teams_per_base", q.teams_per_base, Range::between(1, 10000));
  v.field("speed_mps", q.speed_mps, Range::positive());
  v.field("on_scene_s", q.on_scene_s, Range::non_negative());
  v.field("on_scene", q.on_scene, Words{"fixed", "exponential"});
}

struct ResponseSpec {
  std::optional<QrfSpec> qrf;
  double report_latency_s = 60.0;
  std::string when_busy = "queue";  // "queue": wait for a free team; "drop": give up
  // The post keeps a track while reports keep coming: each report holds it until the
  // detection's time + track_hold_s. A responder intercepts only if the track is held
  // when it arrives.
  double track_hold_s = 900.0;
  // Probability that the post takes a report of a real crosser for a target (else it
  // dismisses that report), and a false alarm for a target (it then sends a responder).
  double p_target_given_crosser = 1.0;
  double p_target_given_false_alarm = 0.5;
  // Between a report taken for a target and the responder setting off.
  double dispatch_delay_s = 0.0;
  // "fixed", "exponential" (mean dispatch_delay_s) or "normal" (mean dispatch_delay_s, sd
  // dispatch_delay_sd_s, truncated at 0: EASI's normal response time). One draw per crosser.
  std::string dispatch_delay = "fixed";
  double dispatch_delay_sd_s = 0.0;  // "normal" only
  // Where the post sends a team (sim/c2/prediction.cpp): "exact" (to a point of the
  // route the crosser will really take: validation), "last_seen" (to where it was last
  // detected) or "fastest_route" (to meet it on the fastest route from there towards its
  // goal, at its kind's mean speed). Outside "exact" the team, once there, searches for
  // search_s: it finds the crosser the first time it comes within search_radius_m.
  std::string prediction = "exact";
  double search_s = 1800.0;
  double search_radius_m = 500.0;
  // Outside "exact": after its projection ends (the predicted escape; "last_seen": at the
  // place), the post's picture of a crosser holds still this long, so a team is sent only
  // if it can be there by then.
  double hold_after_escape_s = 43200.0;
  // Before acting on a report the post may have it assessed (sim/c2/assessment.cpp):
  // "none", or "tower_camera": the best camera of a tower in service that sees the place
  // looks assessment_looks times during assessment_s; seen, a crosser is confirmed as a
  // target; a false alarm so looked at is recognised as one. Inconclusive: the post's
  // verdict as without assessment.
  std::string assessment = "none";
  double assessment_s = 60.0;
  std::int64_t assessment_looks = 5;
  // Dispatch rules (sim/c2/dispatch_rules.cpp). No team is sent that cannot be there
  // before the predicted escape + max_response_margin_s (unset: no such rule).
  std::optional<double> max_response_margin_s;
  // Which waiting report a freed team takes: "first_come" (oldest), "kind" (vehicles and
  // armed groups before foot smugglers, then oldest), "cargo_value" (highest, then oldest).
  std::string priority = "first_come";
  // A confirmed target no free team can meet takes a team on its way to a false alarm.
  bool retask_from_false_alarms = false;
};

template <class V>
void visit_fields(V& v, ResponseSpec& r) {
  v.field("qrf", r.qrf);
  v.field("report_latency_s", r.report_latency_s, Range::non_negative());
  v.field("when_busy", r.when_busy, Words{"queue", "drop"});
  v.field("track_hold_s", r.track_hold_s, Range::non_negative());
  v.field("p_target_given_crosser", r.p_target_given_crosser, Range::between(0.0, 1.0));
  v.field("p_target_given_false_alarm", r.p_target_given_false_alarm, Range::between(0.0, 1.0));
  v.field("dispatch_delay_s", r.dispatch_delay_s, Range::non_negative());
  v.field("dispatch_delay", r.dispatch_delay, Words{"fixed", "exponential", "normal"});
  v.field("dispatch_delay_sd_s", r.dispatch_delay_sd_s, Range::non_negative());
  v.field("prediction", r.prediction, Words{"exact", "last_seen", "fastest_route"});
  v.field("search_s", r.search_s, Range::between(0.0, 1e7));
  v.field("search_radius_m", r.search_radius_m, Range::between(0.0, 1e6));
  v.field("hold_after_escape_s", r.hold_after_escape_s, Range::between(0.0, 1e7));
  v.field("assessment", r.assessment, Words{"none", "tower_camera"});
  v.field("assessment_s", r.assessment_s, Range::between(0.0, 1e6));
  v.field("assessment_looks", r.assessment_looks, Range::between(1, 1000));
  v.field("max_response_margin_s", r.max_response_margin_s, Range::between(-1e7, 1e7));
  v.field("priority", r.priority, Words{"first_come", "kind", "cargo_value"});
  v.field("retask_from_false_alarms", r.retask_from_false_alarms);
}

}  // namespace bordersim
