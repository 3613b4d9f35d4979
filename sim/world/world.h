#pragma once
// One replication: the assembly that owns its components and routes the simulator's events
// to them (world.cpp, World::handle). What every component shares (model, simulator,
// crossers, record, weather, service timelines, patrol rounds) is the Replica
// (sim/run/replica.h); the crossing's story is the Tracer (sim/run/tracer.h). World itself
// keeps the crossers' lives (world.cpp: routes, legs, reactions, goals). The command and
// control components, in sim/c2/:
//   ResponderPool       who may be sent, from where, how fast; lower bounds on a drive
//   CommandPost         reports, tracks, classification, the waiting queue, dispatch,
//                       interception, prediction and search, assessment
// The sensing components, each a header and source of its own (sensing.h: what they share):
//   tower_sensing       towers: the stretches of a leg each sees, crews and cameras
//   radar_sensing       radars on towers: their looks along a leg, drawn when it starts
//   drone_sensing       drones: glimpses at the crossers whose legs entered their reach
//   sweep_sensing       patrols and air reconnaissance: first contacts solved leg by leg
//   ground_sensing      ground sensors: a leg's passes through their discs
//   sensor_timelines    every sensor's service timeline and false alarms, kind by kind
//                       (the rows of run/sensor_service.h's service_kinds())
// World::handle names the crossers' and the command post's events; a sensing event goes to
// the component whose events() lists it (its header's first lines say which).
//
// A crosser moves leg by leg: when a leg starts, every sensor that could see it on that
// leg schedules what it will do (a view entered, a glimpse, a contact), stamped
// (replica.h) so that events planned for a leg that no longer exists are dropped.
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <tuple>
#include <vector>

#include "../c2/command_post.h"
#include "../c2/responder_pool.h"
#include "../run/replica.h"
#include "../run/tracer.h"
#include "bordersim/run/sensor_service.h"
#include "drone_sensing.h"
#include "ground_sensing.h"
#include "radar_sensing.h"
#include "sensing.h"
#include "sweep_sensing.h"
#include "tower_sensing.h"

namespace bordersim::detail {

class World : private Upcalls, private Reports {
 public:
  World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
        std::uint32_t replication, bool trace = false);
  ReplicationRecord run();

 private:
  Target crosser_target(std::uint32_t c) const { return rep_.target(c); }
  MapPoint position(const CrosserState& crosser, Time t) const {
    return crosser.movement.at(t, crosser.leg);
  }
  bool current(std::uint32_t c, std::uint64_t data) const { return rep_.current(c, data); }

  void handle(const Event& e);

  // world.cpp
  void start_crossing(std::uint32_t c);
  double choose_corridor(CrosserState& crosser);
  void learn(const CrosserState& crosser, Outcome outcome);
  void plan_movement(CrosserState& crosser);
  void start_leg(std::uint32_t c, std::size_t leg);
  void react(std::uint32_t c) override;
  void end_movement(std::uint32_t c);
  void finish(std::uint32_t c, Outcome outcome) override;

  // The sensing's report to the post (world.cpp).
  void detect(std::uint32_t c, Detector by, double report_latency_s) override;
  // The sensing's question to the responder pool (world.cpp); the post's calls to the sweeps.
  bool vehicle_away(std::size_t p, std::size_t k, Time t) const override;
  void schedule_sweep_contact(std::uint32_t c) override { sweeps_.schedule_contact(c); }
  void sweep_again() override { sweeps_.again(); }

  Replica rep_;    // what every component shares: model, simulator, crossers, record
  Tracer tracer_;  // the crossing's story, when tracing
  ResponderPool pool_;
  CommandPost post_;
  // The sensing components, and the order in which a leg start reaches them (world.cpp):
  // a new kind of sensor is one more here.
  TowerSensing towers_{rep_, tracer_, *this};
  DroneSensing drones_{rep_, tracer_, *this};
  SweepSensing sweeps_{rep_, tracer_, *this};
  GroundSensing ground_{rep_, tracer_, *this};
  RadarSensing radars_{rep_, tracer_, *this};
  const std::array<Sensing*, 5> sensing_{&towers_, &drones_, &sweeps_, &ground_, &radars_};
  // Which of them handles each sensing event: the one whose events() lists it (World::World).
  std::array<Sensing*, kEventKinds> sensing_for_{};
  // "adaptive" crossers learn per group (kind, organisation, origin area) and corridor how
  // many of their finished crossings got through and how many were stopped.
  struct CorridorTally {
    std::uint32_t through = 0;
    std::uint32_t stopped = 0;
  };
  std::map<std::tuple<CrosserKind, std::uint16_t, std::uint16_t>, std::vector<CorridorTally>>
      corridors_;
};

}  // namespace bordersim::detail
