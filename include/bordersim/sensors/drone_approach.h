#pragma once
// How soon a drone flying along a border can come within range of a crosser: a lower bound,
// so that a drone skips the glimpses that cannot find anyone (most of them: a drone sweeps
// 150 km of border while the few crossers in its reach stay put by comparison;
// bench/README.md, "Replications").
#include "bordersim/terrain/terrain.h"

namespace bordersim::sensors {

using terrain::MapPoint;

// Where a drone can be: BorderFrame::offset_at(s, n) for s in [s_lo, s_hi] and n in
// [n_lo, n_hi] (a line: n_lo == n_hi), its along-border place s moving at most speed_mps.
struct AlongBorderTrack {
  double s_lo = 0.0, s_hi = 0.0;
  double n_lo = 0.0, n_hi = 0.0;
  double speed_mps = 0.0;
};

// A time (seconds) before which no place of the drone is within range_m of the crosser:
// the drone was at along-border s_ref at t_ref_s; the crosser is at p0 at now_s (>= t_ref_s)
// and moves at most crosser_mps from then on. now_s when it may be within range already;
// +infinity when never. Exact arithmetic would allow range_m itself; callers add a margin
// for the floating point of the positions they compare.
double earliest_within(const terrain::BorderFrame& border, const AlongBorderTrack& track,
                       double s_ref, double t_ref_s, MapPoint p0, double now_s, double crosser_mps,
                       double range_m);

}  // namespace bordersim::sensors
