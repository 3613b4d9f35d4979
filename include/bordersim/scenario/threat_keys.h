#pragma once
// The scenario's crossers: infiltrators and smugglers, where they come from, when, what
// they know and how they react. Each struct's members are its keys' defaults; its
// visit_fields, next to it, their JSON names, valid ranges and printing order (scenario.h
// has the conventions and the one list of keys; scenarios/README.md documents every key).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/distribution.h"
#include "bordersim/scenario/field_rules.h"

namespace bordersim {

// What a detected crosser does, drawn once per crosser before it sets off (so every
// variant meets the same reactions): abort (turn back), hide (stand still for hide_s),
// run (speed × run_speed_factor); the rest (1 − abort − hide − run) carry on.
struct ReactionsSpec {
  double abort = 0.1;
  double hide = 0.2;
  double run = 0.2;
  double hide_s = 1800.0;
  double run_speed_factor = 1.5;
  double hidden_detection_factor = 0.3;  // sensors' detection rates × this while it hides
};

template <class V>
void visit_fields(V& v, ReactionsSpec& r) {
  v.field("abort", r.abort, Range::between(0.0, 1.0));
  v.field("hide", r.hide, Range::between(0.0, 1.0));
  v.field("run", r.run, Range::between(0.0, 1.0));
  v.field("hide_s", r.hide_s, Range::non_negative());
  v.field("run_speed_factor", r.run_speed_factor, Range::positive());
  v.field("hidden_detection_factor", r.hidden_detection_factor, Range::between(0.0, 1.0));
}

// An area crossers come from: a stretch of the border, weighted against the other areas.
struct OriginSpec {
  std::vector<double> along_border_km;  // [from, to]; required
  double weight = 1.0;
};

template <class V>
void visit_fields(V& v, OriginSpec& o) {
  v.required("along_border_km", o.along_border_km, Range::non_negative());
  v.field("weight", o.weight, Range::positive());
}

// When crossers set off (issue 15, item 3): a share of arrivals at night, thinned by the
// sun; `null` (or "none") in the file: homogeneous in time, no thinning. A number, not an
// object: the visitors read and write it themselves (sim/scenario/distribution_keys.h).
struct NightPreference {
  std::optional<double> share;  // empty: no preference
  bool written = false;         // a number given in the file (for the arrival_profile check)
  NightPreference(double s) : share(s) {}  // NOLINT(google-explicit-constructor): a default
  NightPreference() = default;
};

struct InfiltratorsSpec {
  double per_day = 24.0;
  GroupSizeDistribution group_size = {2, 8};  // [min, max]: uniform integer
  Distribution speed_mps = 1.2;               // per crossing (scenario/distribution.h)
  double approach_m = 3000.0;                 // where the walk starts, before the border line
  Distribution goal_depth_km = 5.0;           // where it ends, behind the border line
  NightPreference night_preference = 0.7;  // share of arrivals while the sun is below the horizon
  std::vector<double> arrival_profile;     // 24 hourly weights (local mean solar time); empty: none
  std::string knowledge = "naive";         // "naive", "informed" or "adaptive"
  double risk_aversion_s = 1800.0;         // travel time given to avoid one expected detection
  double corridor_km = 20.0;  // "adaptive": the width of the corridors it learns between
  ReactionsSpec reactions;
  std::vector<OriginSpec> origins;  // empty: the whole border
};

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

// Value of one crossing's cargo: lognormal with this mean and coefficient of variation.
struct CargoValueSpec {
  double mean = 8000.0;
  double cv = 1.0;
};

template <class V>
void visit_fields(V& v, CargoValueSpec& c) {
  v.field("mean", c.mean, Range::non_negative());
  v.field("cv", c.cv, Range::between(0.0, 100.0));
}

struct CargoMixSpec {  // shares of crossings by cargo; normalised by their sum
  double drugs = 0.5;
  double weapons = 0.2;
  double people = 0.3;
};

template <class V>
void visit_fields(V& v, CargoMixSpec& c) {
  v.field("drugs", c.drugs, Range::non_negative());
  v.field("weapons", c.weapons, Range::non_negative());
  v.field("people", c.people, Range::non_negative());
}

struct CargoValuesSpec {
  CargoValueSpec drugs = {10000.0, 1.0};
  CargoValueSpec weapons = {9000.0, 1.0};
  CargoValueSpec people = {4000.0, 1.0};
};

template <class V>
void visit_fields(V& v, CargoValuesSpec& c) {
  v.field("drugs", c.drugs);
  v.field("weapons", c.weapons);
  v.field("people", c.people);
}

struct SmugglersSpec {
  double per_day = 12.0;
  std::int64_t organisations = 4;
  std::vector<double> organisation_weights;  // one per organisation; empty: uniform
  CargoMixSpec cargo;
  CargoValuesSpec value_usd;
  double vehicle_share = 0.3;                 // the rest cross on foot
  GroupSizeDistribution group_size = {1, 4};  // [min, max]: uniform integer
  Distribution foot_speed_mps = 1.3;
  Distribution vehicle_speed_mps = 8.0;
  double approach_m = 3000.0;
  Distribution goal_depth_km = 10.0;
  NightPreference night_preference = 0.8;
  std::vector<double> arrival_profile;  // as for infiltrators
  std::string knowledge = "informed";
  double risk_aversion_s = 3600.0;
  double corridor_km = 20.0;
  ReactionsSpec reactions = {0.3, 0.2, 0.2, 1800.0, 1.5, 0.3};
  std::vector<OriginSpec> origins;  // empty: the whole border
};

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

struct ThreatsSpec {
  std::optional<InfiltratorsSpec> infiltrators;
  std::optional<SmugglersSpec> smugglers;
};

template <class V>
void visit_fields(V& v, ThreatsSpec& t) {
  v.field("infiltrators", t.infiltrators);
  v.field("smugglers", t.smugglers);
}

}  // namespace bordersim
