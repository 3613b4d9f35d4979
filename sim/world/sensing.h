#pragma once
// What the sensing components have in common: World routes to each the events it lists in
// events() (World::handle), and calls each of them, in the order of its list (world.h,
// sensing_), when a crosser's leg starts and when its crossing ends; they report to the
// command post through `Reports`, which World implements. Each owns what it knows of every
// crosser, in a vector by crosser index built in its constructor from Replica::crossers
// (the crossers exist by then), its draws from the crosser's streams keyed by identity
// (Replica::crosser_draws, one Purpose per kind).
//
// A new sensor kind is a component deriving from Sensing (a header and source in world/),
// added to that list; its events are enumerators of EventKind (replica.h), and its sites'
// service a row of service_kinds() (run/sensor_service.h).
#include <cstddef>
#include <cstdint>
#include <span>

#include "../run/replica.h"

namespace bordersim::detail {

class Sensing {
 public:
  // The events it schedules and handles: World::handle passes each of them to handle().
  virtual std::span<const EventKind> events() const = 0;
  virtual void handle(const Event& e) = 0;
  // The crosser's current leg (rep.crossers[c].leg) has just started: plan what this kind
  // of sensor will do on it (events stamped with the crosser's stamp).
  virtual void leg_starts(std::uint32_t c) = 0;
  // The crossing is over: forget the crosser.
  virtual void crossing_ends(std::uint32_t /*c*/) {}
  // Whether sensor `site` of `kind` was watching at t, so that a false alarm it raised then
  // counts (start_service); a component speaks only of its own kinds.
  virtual bool watching(EntityKind /*kind*/, std::size_t /*site*/, Time /*t*/) const {
    return true;
  }

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
