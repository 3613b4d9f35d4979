#pragma once
// One replication: the assembly that owns its components, builds them in order, routes the
// simulator's events to them (world.cpp, World::handle) and forwards their calls to one
// another. What every component shares (model, simulator, the crossers' states, record,
// weather, service timelines, patrol rounds) is the Replica (sim/run/replica.h); the
// crossing's story is the Tracer (sim/run/tracer.h). Every other component owns what it
// knows of each crosser (its streams, views, contacts, tracks) in a vector by crosser,
// built in its constructor, so the crossers come first. In the order World builds them
// (the members below):
//   crossers            (world/crossers.h) the crossers' states, from the plans, and their
//                       lives: routes, corridors and learning, legs, reactions, ends
//   ResponderPool       (c2/responder_pool.h) who may be sent, from where, how fast; lower
//                       bounds on a drive
//   CommandPost         (c2/command_post.h) reports, tracks and verdicts, the waiting
//                       queue, dispatch, interception, prediction and search, assessment
// and the sensing components (sensing.h: what they share), in the order a leg start
// reaches them:
//   tower_sensing       towers: the stretches of a leg each sees, crews and cameras
//   drone_sensing       drones: glimpses at the crossers whose legs entered their reach
//   sweep_sensing       patrols and air reconnaissance: first contacts solved leg by leg
//   ground_sensing      ground sensors: a leg's passes through their discs
//   radar_sensing       radars on towers: their looks along a leg, drawn when it starts
// then sensor_timelines, every sensor's service timeline and false alarms, kind by kind
// (the rows of run/sensor_service.h's service_kinds()), started in World::World.
// World::handle names the crossers' and the command post's events (replica.h: EventKind);
// a sensing component's events are its own, handed back to it (sensing.h).
//
// A crosser moves leg by leg: when a leg starts, every sensor that could see it on that
// leg schedules what it will do (a view entered, a glimpse, a contact), stamped
// (replica.h) so that events planned for a leg that no longer exists are dropped.
// Components talk through the simulator's events and narrow interfaces that World
// implements: the crossers' news (crossers.h: CrosserNews), the sensing's reports
// (sensing.h: Reports) and list (sensing.h: SensingList), the post's calls up
// (replica.h: Upcalls).
#include <cstdint>
#include <span>
#include <vector>

#include "../c2/command_post.h"
#include "../c2/responder_pool.h"
#include "../run/replica.h"
#include "../run/tracer.h"
#include "bordersim/run/sensor_service.h"
#include "crossers.h"
#include "drone_sensing.h"
#include "ground_sensing.h"
#include "radar_sensing.h"
#include "sensing.h"
#include "sweep_sensing.h"
#include "tower_sensing.h"

namespace bordersim::detail {

class World : private Upcalls, private Reports, private CrosserNews, private SensingList {
 public:
  World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
        std::uint32_t replication, bool trace = false);
  ReplicationRecord run();

 private:
  bool current(std::uint32_t c, std::uint64_t data) const { return rep_.current(c, data); }

  void handle(const Event& e);

  // The crossers' news, to the sensing (in the order of sensing_) and the post.
  void leg_starts(std::uint32_t c) override;
  void crossing_ends(std::uint32_t c) override;
  void new_way(std::uint32_t c) override { post_.new_way(c); }
  // The post's calls up, to the crossers and the sweeps.
  void react(std::uint32_t c) override { crossers_.react(c); }
  void finish(std::uint32_t c, Outcome outcome) override { crossers_.finish(c, outcome); }
  void schedule_sweep_contact(std::uint32_t c) override { sweeps_.schedule_contact(c); }
  void sweep_again() override { sweeps_.again(); }
  // The sensing's report to the post, and its question to the responder pool (world.cpp).
  void detect(std::uint32_t c, Detector by, double report_latency_s) override;
  bool vehicle_away(std::size_t p, std::size_t k, Time t) const override;
  // A sensing component joins the list as it is built (sensing.h).
  std::uint16_t join(Sensing& sensing) override;

  Replica rep_;        // what every component shares: model, simulator, crossers' states, record
  Tracer tracer_;      // the crossing's story, when tracing
  Crossers crossers_;  // first: the others build their per-crosser state from rep_.crossers
  ResponderPool pool_;
  CommandPost post_;
  // The sensing components, in the order they join sensing_ as they are built: the order a
  // leg start reaches them. A new kind of sensor is one more member here.
  std::vector<Sensing*> sensing_;
  TowerSensing towers_{rep_, tracer_, *this, *this};
  DroneSensing drones_{rep_, tracer_, *this, *this};
  SweepSensing sweeps_{rep_, tracer_, *this, *this};
  GroundSensing ground_{rep_, tracer_, *this, *this};
  RadarSensing radars_{rep_, tracer_, *this, *this};
};

}  // namespace bordersim::detail
