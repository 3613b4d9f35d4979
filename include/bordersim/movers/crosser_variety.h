#pragma once
// Crossers that differ from one another (issue 15, item 2): each crossing's speed and
// goal depth drawn from the kind's distributions (scenario/distribution.h).
//
// Each attribute that varies has a stream of its own, {kCrosser, CrosserPlan::key} /
// kSpeed or kGoalDepth, and takes ONE uniform from it, mapped through the family's
// quantile function. So:
// - the crosser's other draws (its kAttributes stream: place, group, reaction, cargo) are
//   untouched, and a scenario whose distributions are all fixed draws exactly as before;
// - a fixed attribute makes no draw at all;
// - every variant meets the same crosser at the same quantile: a variant that makes
//   speeds vary leaves goal depths alone, and one that widens the spread keeps a fast
//   crosser fast (common random numbers, monotone in the parameters).
// Smugglers draw one speed uniform whether on foot or by vehicle: its mover picks which
// distribution maps it.
#include <cstdint>

#include "bordersim/scenario/distribution.h"
#include "bordersim/scenario/scenario.h"

namespace bordersim {

// Whose draws: the batch's seed, the replication, the crosser's key (CrosserPlan::key).
struct CrosserIdentity {
  std::uint64_t seed = 0;
  std::uint32_t replication = 0;
  std::uint64_t key = 0;
};

// Speed on open flat ground, m/s: the fixed value, or a draw kept at or above the slowest
// speed the clock allows (limits::kMinSpeedMps; only a lognormal's far tail reaches it).
double draw_speed_mps(const Distribution& speed_mps, const CrosserIdentity& who);

// Goal depth behind the border line, m: the fixed value, or a draw kept within
// [1 m, corridor_depth_m] (a goal must lie on the ground; the loader has checked that the
// distribution's mean, or a uniform's max, does).
double draw_goal_m(const Distribution& goal_depth_km, double corridor_depth_m,
                   const CrosserIdentity& who);

// The corridor's depth behind the border, m, of whichever terrain the scenario has.
double corridor_depth_m(const TerrainSpec& terrain);

}  // namespace bordersim
