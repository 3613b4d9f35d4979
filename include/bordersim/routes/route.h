#pragma once
// A planned route as straight legs at constant speed, the form the simulator moves along.
#include <vector>

#include "bordersim/routes/obstacles.h"
#include "bordersim/terrain/grid.h"

namespace bordersim::routes {

// Straight from the previous point (the route's start, or the previous leg's `to`) to `to`
// in `seconds`. An obstacle crossing is its own leg of zero length that lasts the crossing
// time, flagged with the obstacle, so that the simulator can slow the crosser there and
// make it easier to detect (ObstacleCosts::detection_factor).
struct RouteLeg {
  terrain::MapPoint to;
  double seconds = 0.0;
  Obstacle obstacle = Obstacle::kNone;
};

struct Route {
  terrain::MapPoint start;
  std::vector<RouteLeg> legs;

  double seconds() const;         // total travel time
  double length_m() const;        // total distance
  terrain::MapPoint end() const;  // the last leg's end, or start when there is none
  bool empty() const { return legs.empty(); }
};

}  // namespace bordersim::routes
