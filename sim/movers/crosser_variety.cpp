#include "bordersim/movers/crosser_variety.h"

#include <algorithm>

#include "bordersim/random/stream.h"
#include "bordersim/scenario/limits.h"

namespace bordersim {
namespace {

// One uniform of the crosser's stream for this purpose, through the quantile function.
double draw(const Distribution& d, const CrosserIdentity& who, Purpose purpose) {
  Stream stream({who.seed, who.replication, {EntityKind::kCrosser, who.key}, purpose});
  return d.quantile(uniform01(stream));
}

}  // namespace

double draw_speed_mps(const Distribution& speed_mps, const CrosserIdentity& who) {
  if (speed_mps.fixed()) return speed_mps.expected();
  return std::max(draw(speed_mps, who, Purpose::kSpeed), limits::kMinSpeedMps);
}

double draw_goal_m(const Distribution& goal_depth_km, double corridor_depth_m,
                   const CrosserIdentity& who) {
  if (goal_depth_km.fixed()) return goal_depth_km.expected() * 1000.0;
  return std::clamp(draw(goal_depth_km, who, Purpose::kGoalDepth) * 1000.0, 1.0, corridor_depth_m);
}

double corridor_depth_m(const TerrainSpec& terrain) {
  if (terrain.synthetic) return terrain.synthetic->depth_km * 1000.0;
  if (terrain.files) return terrain.files->depth_km * 1000.0;
  if (terrain.flat) return terrain.flat->depth_km * 1000.0;
  return FlatTerrainSpec{}.depth_km * 1000.0;
}

}  // namespace bordersim
