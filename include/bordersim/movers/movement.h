#pragma once
// Where a crosser is when: a chain of straight legs at constant speed, each with its time
// window. Crossers move leg by leg (an event at each leg's start), and everything that
// senses them solves its geometry against one straight leg at a time.
#include <cstddef>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/terrain/grid.h"

namespace bordersim {

struct Leg {
  terrain::MapPoint from;
  terrain::MapPoint to;
  Time t0 = 0;
  Time t1 = 0;  // >= t0; a leg with from == to is a stop (hiding, crossing an obstacle)
  // Multiplier of the detection hazard while on this leg: > 1 while busy crossing an
  // obstacle, < 1 while hiding.
  double detect_factor = 1.0;

  terrain::MapPoint at(Time t) const;
  // m/s; zero for a stop.
  terrain::MapPoint velocity() const;
};

class Movement {
 public:
  Movement() = default;
  Movement(terrain::MapPoint start, Time t0)
      : end_point_(start), end_(t0), end_s_(time_to_seconds(t0)) {}

  // Appends a leg from the current end point to `to` lasting `seconds`. Leg ends are rounded
  // from a running sum in seconds, so many short legs do not drift.
  void go_to(terrain::MapPoint to, double seconds, double detect_factor = 1.0);
  // Drops everything after t: the leg holding t ends there, later legs are forgotten.
  void cut_at(Time t);

  const std::vector<Leg>& legs() const { return legs_; }
  terrain::MapPoint end_point() const { return end_point_; }
  Time end() const { return end_; }
  // The leg holding t (the last leg that starts at or before t); t must be within [start, end].
  std::size_t leg_at(Time t) const;
  terrain::MapPoint at(Time t) const;
  // The same answers, looking first at leg `hint` (the one being walked): a drone asks where
  // every crosser in its reach is at each glimpse, and the binary search over a terrain
  // route's many legs was a tenth of a replication (bench/README.md, "Replications").
  std::size_t leg_at(Time t, std::size_t hint) const;
  terrain::MapPoint at(Time t, std::size_t hint) const;
  double length_m() const;

 private:
  std::vector<Leg> legs_;
  terrain::MapPoint end_point_;
  Time end_ = 0;
  double end_s_ = 0.0;
};

}  // namespace bordersim
