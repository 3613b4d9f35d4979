#include "bordersim/run/command_params.h"

namespace bordersim {
namespace {

DurationLaw duration_law(const std::string& word) {
  if (word == "exponential") return DurationLaw::kExponential;
  if (word == "normal") return DurationLaw::kNormal;
  return DurationLaw::kFixed;
}

}  // namespace

CommandParams resolve_command(const Scenario& scenario) {
  const ResponseSpec& response = scenario.response;
  CommandParams c;
  c.queue_when_busy = response.when_busy == "queue";
  c.track_hold_s = response.track_hold_s;
  c.p_target_given_crosser = response.p_target_given_crosser;
  c.p_target_given_false_alarm = response.p_target_given_false_alarm;
  c.dispatch_delay = duration_law(response.dispatch_delay);
  c.dispatch_delay_s = response.dispatch_delay_s;
  c.dispatch_delay_sd_s = response.dispatch_delay_sd_s;
  c.prediction = response.prediction == "exact"       ? PredictionRule::kExact
                 : response.prediction == "last_seen" ? PredictionRule::kLastSeen
                                                      : PredictionRule::kFastestRoute;
  c.search_s = response.search_s;
  c.search_radius_m = response.search_radius_m;
  c.hold_after_escape_s = response.hold_after_escape_s;
  c.assesses = response.assessment != "none";
  c.assessment_s = response.assessment_s;
  c.assessment_looks = response.assessment_looks;
  c.max_response_margin_s = response.max_response_margin_s;
  c.priority = response.priority == "kind"          ? Priority::kKind
               : response.priority == "cargo_value" ? Priority::kCargoValue
                                                    : Priority::kFirstCome;
  c.retask_from_false_alarms = response.retask_from_false_alarms;
  c.handoff = scenario.sectors.handoff == "joint"   ? Handoff::kJoint
              : scenario.sectors.handoff == "never" ? Handoff::kRefused
                                                    : Handoff::kDelayed;
  c.handoff_delay_s = scenario.sectors.handoff_delay_s;
  if (const auto& qrf = response.qrf) {
    c.qrf_speed_mps = qrf->speed_mps;
    c.on_scene_s = qrf->on_scene_s;
    c.on_scene = duration_law(qrf->on_scene);
  }
  const ThreatsSpec& threats = scenario.threats;
  c.alarm_walker = {InfiltratorsSpec{}.speed_mps.expected(),
                    InfiltratorsSpec{}.goal_depth_km.expected() * 1000.0};
  if (const auto& i = threats.infiltrators) {
    c.infiltrators = KindMeans{i->speed_mps.expected(), i->goal_depth_km.expected() * 1000.0};
    c.alarm_walker = *c.infiltrators;
  }
  if (const auto& m = threats.smugglers) {
    const double goal_m = m->goal_depth_km.expected() * 1000.0;
    c.smugglers_foot = KindMeans{m->foot_speed_mps.expected(), goal_m};
    c.smugglers_vehicle = KindMeans{m->vehicle_speed_mps.expected(), goal_m};
    if (!threats.infiltrators) c.alarm_walker = *c.smugglers_foot;
  }
  return c;
}

}  // namespace bordersim
