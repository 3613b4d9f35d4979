#pragma once
// One replication's shared state, private to the library: what every component of the
// World (sim/world/world.h, which lists them in order) reads, whatever its job. Components
// live in the layers above run/ (c2/: the command post and its responders; world/: the
// crossers and the sensing) and reach the shared state through a `Replica&`; they talk
// through the simulator's events (EventKind) and the narrow `Upcalls` interface below.
// What only one component needs is that component's own: a crosser's state here is what its
// life (world/crossers.h) keeps and others read; its streams, a tower's views of its leg,
// a patrol's contact, the post's track are kept by the component that uses them.
//
// Events addressed to a crosser carry its `stamp`, bumped at every leg start and every
// change of plan, so events planned for a leg that no longer exists are recognised and
// dropped (`Replica::current`).
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "bordersim/core/simulator.h"
#include "bordersim/model/kinds.h"
#include "bordersim/movers/arrivals.h"
#include "bordersim/movers/movement.h"
#include "bordersim/random/stream.h"
#include "bordersim/run/model.h"
#include "bordersim/run/record.h"
#include "bordersim/sensors/availability.h"
#include "bordersim/sensors/false_alarms.h"
#include "bordersim/sensors/weather.h"

namespace bordersim::detail {

// The events World::handle (sim/world/world.cpp) gives the crossers and the command post.
// The sensing components' events are their own (sim/world/sensing.h: kinds from kEventKinds
// on, a block per component), so a new sensor kind adds none here.
enum EventKind : std::uint16_t {
  kLegStart,       // target: crosser; data: stamped leg index
  kMovementEnds,   // target: crosser; data: stamp
  kReportArrives,  // target: crosser; data: the detection's time
  kInterception,   // target: crosser; data: responder (outside "exact": stamped by trip)
  kFalseAlarm,     // target: the alarm (index into Replica::false_alarms), reaching the post
  kResponderFree,  // target: responder; data: its trip (a re-tasked team's old return is void)
  kAssessed,       // target: crosser; a tower camera has looked at its report's place
  kAlarmAssessed,  // target: the alarm (index into Replica::false_alarms), looked at likewise
  kFound,          // target: crosser; data: the searching responder, stamped by trip
  kEventKinds,     // how many there are; the sensing's kinds start here
};

// Event payloads addressed to a crosser: its stamp in the high 32 bits.
inline std::uint64_t stamped(std::uint32_t stamp, std::uint64_t payload) {
  return (static_cast<std::uint64_t>(stamp) << 32) | payload;
}
inline std::uint32_t stamp_of(std::uint64_t data) { return static_cast<std::uint32_t>(data >> 32); }
inline std::uint64_t payload_of(std::uint64_t data) { return data & 0xFFFF'FFFFULL; }

// A detection by a moving sensor: which kind (Detector) and which of them, in 32 bits.
inline std::uint64_t sensor_payload(Detector by, std::size_t index) {
  return (static_cast<std::uint64_t>(by) << 24) | index;
}

// What the crosser's life needs, shared: the sensing and the post read where it is and
// whether its events are current. What each component knows of it besides (a tower's
// view of its leg, its draws against each kind of sensor, the post's track) is that
// component's own, in a vector by crosser index built when the component is.
struct CrosserState {
  explicit CrosserState(const CrosserPlan& its_plan) : plan(&its_plan) {}

  const CrosserPlan* plan = nullptr;
  double border_s = 0.0;  // where its walk starts along the border (its plan's, or a corridor's)
  std::uint32_t corridor = 0;  // "adaptive": the corridor it chose
  Movement movement;
  std::size_t leg = 0;  // the leg being walked
  std::uint32_t stamp = 0;
  bool detected = false;
  bool finished = false;
  bool turned_back = false;  // its reaction to being seen was to abort

  const Leg& current_leg() const { return movement.legs()[leg]; }
};

// Every sensor's up/down timeline in this replication, by kind and site, drawn once from
// its keyed stream (run/sensor_service.h; filled by world/sensor_timelines.cpp). A kind may
// read another's timelines (a radar its tower's); a kind with none is always up.
class ServiceTimelines {
 public:
  ServiceTimelines();
  void set(EntityKind kind, std::vector<sensors::Availability> sites);
  void share(EntityKind kind, EntityKind with);  // `kind`'s site i is up when `with`'s is
  const std::vector<sensors::Availability>& of(EntityKind kind) const {
    return timelines_[slot_[index(kind)]];
  }
  // Asked at every glimpse and look: two array reads and the timeline's search.
  bool up(EntityKind kind, std::size_t site, Time t) const {
    const auto& sites = of(kind);
    return sites.empty() || sites[site].up(t);
  }

 private:
  static constexpr std::size_t kKinds = 16;  // EntityKind values below it have timelines
  static std::size_t index(EntityKind kind) { return static_cast<std::size_t>(kind) % kKinds; }
  std::array<std::vector<sensors::Availability>, kKinds> timelines_;
  std::array<std::uint8_t, kKinds> slot_;  // whose timelines a kind reads: its own, or shared
};

// A false alarm raised by a sensor (drawn when the replication starts), on its way to the
// post: a kFalseAlarm event's target is its index in Replica::false_alarms.
struct PendingAlarm {
  sensors::FalseAlarm alarm;
  std::uint16_t sector;
};

// Where each patrol's vehicles would be on their rounds (were they not on a call): the
// phase of each round is drawn once per replication. Read by the sweeps (contacts) and by
// the responder pool (where a patrol vehicle sets off from).
class PatrolRounds {
 public:
  PatrolRounds() = default;
  PatrolRounds(const Model& model, std::uint64_t seed, std::uint32_t replication);
  // Vehicle k of patrol p at t: its arc length along its lane, the border's arc length
  // nearest it (where its sector is), its place.
  double vehicle_s(std::size_t p, std::size_t k, Time t) const;
  double vehicle_border_s(std::size_t p, std::size_t k, Time t) const;
  MapPoint vehicle_at(std::size_t p, std::size_t k, Time t) const;
  double unfolded0_m(std::size_t p) const { return unfolded0_m_[p]; }  // its first vehicle's, t = 0

 private:
  const Model* model_ = nullptr;
  std::vector<double> unfolded0_m_;  // per patrol: its first vehicle's place on the cycle at t = 0
};

// Calls from a component to one in a layer above it (the command post, in c2/, to the
// crossers and the sweeps, in world/). World owns both and forwards; a component never
// includes a header of a layer above its own (tools/check_layers.py).
class Upcalls {
 public:
  virtual void react(std::uint32_t c) = 0;                    // the crosser learns it has been seen
  virtual void finish(std::uint32_t c, Outcome outcome) = 0;  // its crossing is over
  // Patrol vehicles changed duty (one back on its round): the sweeps solve again the first
  // contact of every crosser on the move not yet swept on its leg.
  virtual void sweep_again() = 0;
  virtual void schedule_sweep_contact(std::uint32_t c) = 0;  // crosser c's, on its leg

 protected:
  ~Upcalls() = default;
};

// The state every component shares. Built by World before its components, which keep a
// reference to it; the crossers' states are filled by the first of them (Crossers).
struct Replica {
  Replica(const Model& its_model, std::uint64_t its_seed, std::uint32_t replication,
          Upcalls& its_calls);

  const Model& model;
  const std::uint64_t seed;
  Upcalls& calls;
  Simulator sim;
  std::vector<CrosserState> crossers;  // by crosser index, the index of its CrossingRecord
  ReplicationRecord record;
  // This replication's weather (model.weather), drawn from its own stream; absent: the
  // same weather all run, and no lookups.
  std::optional<sensors::WeatherTimeline> weather;
  ServiceTimelines service;
  PatrolRounds rounds;
  std::vector<PendingAlarm> false_alarms;  // every sensor's, raised before the run

  std::uint32_t replication() const { return record.replication; }
  // A crosser's stream for one purpose, keyed by its identity (plan.key): a component
  // builds the ones it draws from.
  Stream crosser_draws(const CrosserState& crosser, Purpose purpose) const {
    return Stream({seed, replication(), {EntityKind::kCrosser, crosser.plan->key}, purpose});
  }
  Time now() const { return sim.now(); }
  Target target(std::uint32_t c) const { return {c, record.crossing_records[c].sector}; }
  MapPoint position(std::uint32_t c, Time t) const {
    return crossers[c].movement.at(t, crossers[c].leg);
  }
  // Whether an event's data was stamped for the crosser's current leg and plan.
  bool current(std::uint32_t c, std::uint64_t data) const {
    return !crossers[c].finished && stamp_of(data) == crossers[c].stamp;
  }
};

}  // namespace bordersim::detail
