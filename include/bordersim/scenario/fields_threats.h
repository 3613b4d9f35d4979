#pragma once
// The keys of the scenario's crossers (threat_keys.h): their JSON names and valid ranges.
// Part of the one list of scenario keys (fields.h).
#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/threat_keys.h"

namespace bordersim {

template <class V>
void visit_fields(V& v, ReactionsSpec& r) {
  v.field("abort", r.abort, Range::between(0.0, 1.0));
  v.field("hide", r.hide, Range::between(0.0, 1.0));
  v.field("run", r.run, Range::between(0.0, 1.0));
  v.field("hide_s", r.hide_s, Range::non_negative());
  v.field("run_speed_factor", r.run_speed_factor, Range::positive());
  v.field("hidden_detection_factor", r.hidden_detection_factor, Range::between(0.0, 1.0));
}

template <class V>
void visit_fields(V& v, OriginSpec& o) {
  v.required("along_border_km", o.along_border_km, Range::non_negative());
  v.field("weight", o.weight, Range::positive());
}

template <class V>
void visit_fields(V& v, InfiltratorsSpec& i) {
  v.field("per_day", i.per_day, Range::non_negative());
  v.field("group_size", i.group_size, Range::between(1, 10000));
  v.field("speed_mps", i.speed_mps, DistributionCheck{Range::positive()});
  v.field("approach_m", i.approach_m, Range::non_negative());
  v.field("goal_depth_km", i.goal_depth_km, DistributionCheck{Range::positive(), true});
  v.field("night_preference", i.night_preference, Range::between(0.0, 1.0));
  v.field("arrival_profile", i.arrival_profile, Range::non_negative());
  v.field("knowledge", i.knowledge, Words{"naive", "informed", "adaptive"});
  v.field("risk_aversion_s", i.risk_aversion_s, Range::non_negative());
  v.field("corridor_km", i.corridor_km, Range::between(0.1, 20000.0));
  v.field("reactions", i.reactions);
  v.field("origins", i.origins);
}

template <class V>
void visit_fields(V& v, CargoValueSpec& c) {
  v.field("mean", c.mean, Range::non_negative());
  v.field("cv", c.cv, Range::between(0.0, 100.0));
}

template <class V>
void visit_fields(V& v, CargoMixSpec& c) {
  v.field("drugs", c.drugs, Range::non_negative());
  v.field("weapons", c.weapons, Range::non_negative());
  v.field("people", c.people, Range::non_negative());
}

template <class V>
void visit_fields(V& v, CargoValuesSpec& c) {
  v.field("drugs", c.drugs);
  v.field("weapons", c.weapons);
  v.field("people", c.people);
}

template <class V>
void visit_fields(V& v, SmugglersSpec& s) {
  v.field("per_day", s.per_day, Range::non_negative());
  v.field("organisations", s.organisations, Range::between(1, 65534));
  v.field("organisation_weights", s.organisation_weights, Range::non_negative());
  v.field("cargo", s.cargo);
  v.field("value_usd", s.value_usd);
  v.field("vehicle_share", s.vehicle_share, Range::between(0.0, 1.0));
  v.field("group_size", s.group_size, Range::between(1, 10000));
  v.field("foot_speed_mps", s.foot_speed_mps, DistributionCheck{Range::positive()});
  v.field("vehicle_speed_mps", s.vehicle_speed_mps, DistributionCheck{Range::positive()});
  v.field("approach_m", s.approach_m, Range::non_negative());
  v.field("goal_depth_km", s.goal_depth_km, DistributionCheck{Range::positive(), true});
  v.field("night_preference", s.night_preference, Range::between(0.0, 1.0));
  v.field("arrival_profile", s.arrival_profile, Range::non_negative());
  v.field("knowledge", s.knowledge, Words{"naive", "informed", "adaptive"});
  v.field("risk_aversion_s", s.risk_aversion_s, Range::non_negative());
  v.field("corridor_km", s.corridor_km, Range::between(0.1, 20000.0));
  v.field("reactions", s.reactions);
  v.field("origins", s.origins);
}

template <class V>
void visit_fields(V& v, ThreatsSpec& t) {
  v.field("infiltrators", t.infiltrators);
  v.field("smugglers", t.smugglers);
}

}  // namespace bordersim
