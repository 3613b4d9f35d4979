#include "bordersim/routes/obstacles.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bordersim::routes {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

// Defaults (the scenario's "obstacles" keys; judgement, not measurement):
// - trench 240 s: a 3 m deep, 3 m wide ditch with steep walls; a group helps one another
//   down and up with kit, a few minutes;
// - river 600 s: wading and swimming a 150-300 m river with kit floated across, against
//   the current; ford 120 s for either mover (slow driving or wading in shallow water);
// - fence 300 s: cutting a chain-link or razor-wire fence, or laddering it;
// - detection factor 2 for each: a crosser stopped at an obstacle, climbing, in the open
//   on a bank or against a fence line is about twice as conspicuous as one walking.
double ObstacleCosts::crossing_seconds(Obstacle what, Mover mover) const {
  const bool foot = mover == Mover::kFoot;
  switch (what) {
    case Obstacle::kNone:
      return 0.0;
    case Obstacle::kTrench:
      return foot ? trench_foot_crossing_s : kInf;
    case Obstacle::kRiver:
      return foot ? river_foot_crossing_s : kInf;
    case Obstacle::kFence:
      return foot ? fence_foot_crossing_s : kInf;
  }
  return 0.0;
}

double ObstacleCosts::detection_factor(Obstacle what) const {
  switch (what) {
    case Obstacle::kNone:
      return 1.0;
    case Obstacle::kTrench:
      return trench_detection_factor;
    case Obstacle::kRiver:
      return river_detection_factor;
    case Obstacle::kFence:
      return fence_detection_factor;
  }
  return 1.0;
}

Barrier border_fence(const terrain::BorderFrame& border, double from_km, double to_km,
                     double setback_m, double gap_every_km, double gap_m) {
  Barrier fence;
  const double from = std::clamp(from_km * 1000.0, 0.0, border.length());
  const double to = std::clamp(to_km * 1000.0, from, border.length());
  if (to <= from) return fence;
  // Offset the border's vertices between from and to along their normals.
  const auto offset = [&](double s) {
    const terrain::MapPoint p = border.point_at(s);
    const terrain::MapPoint n = border.normal_at(s);
    return terrain::MapPoint{p.x + setback_m * n.x, p.y + setback_m * n.y};
  };
  fence.line.points.push_back(offset(from));
  for (const double s : border.vertex_s()) {
    if (s > from && s < to) fence.line.points.push_back(offset(s));
  }
  fence.line.points.push_back(offset(to));
  // Gaps are placed by arc length along the fence line itself.
  const double fence_length = terrain::length(fence.line);
  const double every = gap_every_km * 1000.0;
  if (every > 0.0 && gap_m > 0.0) {
    for (double s = every; s < fence_length; s += every) {
      const double a = std::max(0.0, s - gap_m / 2.0);
      const double b = std::min(fence_length, s + gap_m / 2.0);
      if (!fence.gaps_m.empty() && a <= fence.gaps_m.back().second) {
        fence.gaps_m.back().second = b;
      } else {
        fence.gaps_m.emplace_back(a, b);
      }
    }
  }
  return fence;
}

ObstacleCosts obstacle_costs(const ObstaclesSpec& spec, const terrain::BorderFrame& border) {
  ObstacleCosts costs;
  costs.trench_foot_crossing_s = spec.trench.crossing_time_s;
  costs.trench_detection_factor = spec.trench.detection_factor;
  costs.river_foot_crossing_s = spec.rivers.crossing_time_s;
  costs.ford_crossing_s = spec.rivers.ford_crossing_time_s;
  costs.ford_every_km = spec.rivers.ford_every_km;
  costs.river_detection_factor = spec.rivers.detection_factor;
  if (spec.fence) {
    const FenceObstacleSpec& f = *spec.fence;
    const double to_km = f.to_km > 0.0 ? f.to_km : border.length() / 1000.0;
    costs.fences.push_back(
        border_fence(border, f.from_km, to_km, f.setback_m, f.gap_every_km, f.gap_m));
    costs.fence_foot_crossing_s = f.crossing_time_s;
    costs.fence_detection_factor = f.detection_factor;
  }
  return costs;
}

}  // namespace bordersim::routes
