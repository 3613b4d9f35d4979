#pragma once
// What the sensing components have in common. Each joins World's list when it is built
// (SensingList, which World implements), so the order World builds them (world.h) is the
// order a leg start and a crossing's end reach them. Its events are its own: an enum of its
// own from 0, below kMaxOwnEvents, scheduled with kind_of<>() and handed back to handle() by
// World; no other file lists them. They report to the command post through `Reports`,
// which World implements. Each owns what it knows of every crosser, in a vector by crosser
// index built in its constructor from Replica::crossers (the crossers exist by then), its
// draws from the crosser's streams keyed by identity (Replica::crosser_draws, one Purpose
// per kind).
//
// A new sensor kind is a component deriving from Sensing (a header and source in world/),
// a member of World (world.h); its sites' service is a row of service_kinds()
// (run/sensor_service.h).
#include <cstddef>
#include <cstdint>

#include "../run/replica.h"

namespace bordersim::detail {

// How many events one component may have: its own kinds 0 … kMaxOwnEvents − 1.
inline constexpr std::uint16_t kMaxOwnEvents = 8;

class Sensing;

// World's list of sensing components, in the order they are built.
class SensingList {
 public:
  // Appends `sensing` (not yet fully built: only its address is kept) and returns the
  // simulator's event kind of its own event 0.
  virtual std::uint16_t join(Sensing& sensing) = 0;

 protected:
  ~SensingList() = default;
};

class Sensing {
 public:
  // One of its own events (`own`: its enum's value) has come.
  virtual void handle(std::uint16_t own, const Event& e) = 0;
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
  explicit Sensing(SensingList& list) : first_kind_(list.join(*this)) {}
  ~Sensing() = default;
  // The simulator's kind for its own event `own`: what it schedules. A component with more
  // events than its block holds does not compile.
  template <auto own>
  std::uint16_t kind_of() const {
    static_assert(static_cast<std::uint16_t>(own) < kMaxOwnEvents, "raise kMaxOwnEvents");
    return static_cast<std::uint16_t>(first_kind_ + static_cast<std::uint16_t>(own));
  }

 private:
  std::uint16_t first_kind_;
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
