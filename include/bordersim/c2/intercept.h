#pragma once
// Where a responder can meet a crosser: the earliest meeting of a pursuer moving straight
// at constant speed with a target moving straight at constant velocity.
#include "bordersim/run/model.h"

namespace bordersim {

// Seconds until a pursuer leaving `from` at `speed_mps` can be where the target is, the
// target being at `target` now and moving with `velocity` (m/s per axis); +inf if never.
double earliest_intercept_s(MapPoint from, double speed_mps, MapPoint target, MapPoint velocity);

}  // namespace bordersim
