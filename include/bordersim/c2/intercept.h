#pragma once
// Where a responder can meet a crosser: the earliest meeting of a pursuer moving straight
// at constant speed with a target moving straight at constant velocity.
#include "bordersim/terrain/grid.h"

namespace bordersim {

using terrain::MapPoint;

// Seconds until a pursuer leaving `from` at `speed_mps` can be where the target is, the
// target being at `target` now and moving with `velocity` (m/s per axis); +inf if never.
// With a head start, the pursuer set off `head_start_s` seconds ago: it can be anywhere
// within speed·(head_start + t) of `from` at time t from now.
double earliest_intercept_s(MapPoint from, double speed_mps, MapPoint target, MapPoint velocity,
                            double head_start_s = 0.0);

}  // namespace bordersim
