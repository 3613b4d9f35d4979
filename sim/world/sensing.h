#pragma once
// What the sensing components have in common: World calls each of them, in the order of
// its list (world.cpp, World::World), when a crosser's leg starts and when its crossing
// ends; and they report to the command post through `Reports`, which World implements.
// A new sensor kind is a component deriving from Sensing, added to that list, with its
// events routed in World::handle.
#include <cstdint>

#include "../run/replica.h"

namespace bordersim::detail {

class Sensing {
 public:
  // The crosser's current leg (rep.crossers[c].leg) has just started: plan what this kind
  // of sensor will do on it (events stamped with the crosser's stamp).
  virtual void leg_starts(std::uint32_t c) = 0;
  // The crossing is over: forget the crosser.
  virtual void crossing_ends(std::uint32_t /*c*/) {}

 protected:
  ~Sensing() = default;
};

// What the sensing asks of the command post.
class Reports {
 public:
  // A sensor of kind `by` has seen crosser c now; the report reaches the post after
  // `report_latency_s`.
  virtual void detect(std::uint32_t c, Detector by, double report_latency_s) = 0;
  // Whether vehicle k of patrol p is off its round on a call at t.
  virtual bool vehicle_away(std::size_t p, std::size_t k, Time t) const = 0;

 protected:
  ~Reports() = default;
};

}  // namespace bordersim::detail
