#pragma once
// Who crosses, where and when: the crossers of one replication, drawn from streams keyed
// by (seed, replication, source or crosser), so every variant of a batch meets the same
// crossers (common random numbers) whatever its sensors and responders.
//
// Each kind (infiltrators, smugglers) has origin areas along the border; each area is a
// non-homogeneous Poisson process with rate per_day × weight / Σ weights, shaped in time
// by night_preference or arrival_profile (movers/arrival_timing.h), drawn by thinning
// from the stream {kThreatSource, kind << 16 | origin} / kArrivals. A crossing's
// attributes come from its own stream {kCrosser, (kind << 16 | origin) << 32 | sequence
// in its area} / kAttributes, in this order: place in its area, group size (one uniform
// whatever its family), reaction; smugglers then organisation, cargo kind, vehicle or
// foot, and last the cargo value (lognormal, a variable number of draws). Speed and goal
// depth, when they vary, come from streams of their own (movers/crosser_variety.h). So a
// change to one kind's keys leaves the other kind's draws alone.
#include <cstdint>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/model/kinds.h"
#include "bordersim/movers/night_table.h"
#include "bordersim/scenario/scenario.h"
#include "bordersim/sensors/sun.h"

namespace bordersim {

enum class Knowledge : std::uint8_t { kNaive = 0, kInformed = 1, kAdaptive = 2 };
// What the crosser does once it knows it has been detected.
enum class Reaction : std::uint8_t { kNone = 0, kAbort = 1, kHide = 2, kRun = 3 };

struct CrosserPlan {
  // Dense: 0, 1, ... in order of start time (ties: kind, origin, sequence), unique across
  // kinds and origins. plan_crossers returns the plans in this order.
  std::uint32_t id = 0;
  // Who it is: (kind and origin) << 32 | sequence within that origin. Every stream the
  // crosser draws from is keyed by this, never by `id`, so adding crossers of one kind or
  // origin leaves every other crosser's draws unchanged (common random numbers across variants).
  std::uint64_t key = 0;
  CrosserKind kind = CrosserKind::kInfiltrator;
  Time start = 0;         // when it sets off, approach_m before the border line
  double border_s = 0.0;  // where it crosses: arc length along the border (its origin point)
  std::uint16_t group_size = 1;
  double speed_mps = 1.0;   // on open flat ground
  double approach_m = 0.0;  // walk before the border line
  double goal_m = 0.0;      // depth of its goal behind the border line

  Mover mover = Mover::kFoot;
  CargoKind cargo = CargoKind::kNone;
  double cargo_value_usd = 0.0;
  std::uint16_t organisation = 0;  // smugglers: 1 .. organisations; 0: none
  std::uint16_t origin = 0;        // index in its kind's origins (0: the whole border)
  double origin_from_m = 0.0;      // its origin area along the border
  double origin_to_m = 0.0;
  double corridor_m = 0.0;  // "adaptive": width of the corridors it chooses among
  Knowledge knowledge = Knowledge::kNaive;
  double risk_aversion_s = 0.0;         // travel time it would give to avoid one expected detection
  Reaction reaction = Reaction::kNone;  // drawn before it sets off, whatever happens
  double hide_s = 0.0;                  // how long it hides, if it hides
  double run_speed_factor = 1.0;        // speed × this, if it runs
  double hidden_detection_factor = 1.0;  // detection hazards × this, while it hides
};

// What the movers need of a variant, resolved when its model is built (Model::crossers).
struct CrossingParams {
  ThreatsSpec threats;  // who crosses: the keys this file draws from
  double border_length_m = 0.0;
  double corridor_m = 0.0;  // the ground's depth behind the border: no goal lies deeper
  Time duration = 0;
  sensors::UtcMs start_utc = 0;
  double longitude_deg = 0.0;  // local solar time, for arrival_profile
  NightTable nights;           // for night_preference
  // threats.*.knowledge, resolved once (knowledge_named), not per crosser planned.
  Knowledge infiltrators_knowledge = Knowledge::kNaive;
  Knowledge smugglers_knowledge = Knowledge::kInformed;
};

// The replication's crossers, sorted by start time, which is also id order.
std::vector<CrosserPlan> plan_crossers(const CrossingParams& params, std::uint64_t seed,
                                       std::uint32_t replication);

// u uniform in [0, 1): abort below p_abort, then hide, then run; none beyond their sum.
Reaction draw_reaction(const ReactionsSpec& reactions, double u);

std::string_view to_string(Knowledge knowledge);
// threats.*.knowledge's word ("naive", "informed", "adaptive"; checked when the scenario
// was loaded) as its enum: called when the model is built, never per crosser.
Knowledge knowledge_named(std::string_view word);
std::string_view to_string(Reaction reaction);

}  // namespace bordersim
