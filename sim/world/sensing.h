#pragma once
// What the sensing components have in common: World calls each of them, in the order of
// its list (world.h, World::sensing_), when a crosser's leg starts and when its crossing
// ends; and they report to the command post through `Reports`, which World implements.
// Each owns what it knows of every crosser, in a vector by crosser index built in its
// constructor from Replica::crossers (the crossers exist by then), its draws from the
// crosser's streams keyed by identity (Replica::crosser_draws, one Purpose per kind).
//
// A new sensor kind is: a component deriving from Sensing (a header and source in world/),
// a member of World added to that list, its events (replica.h, EventKind) routed in
// World::handle; plus, where the kind has them, its model's sites and its service and
// false alarms.
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
