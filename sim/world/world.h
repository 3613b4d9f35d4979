#pragma once
// One replication: the assembly that owns its components and routes the simulator's events
// to them (world.cpp, World::handle). What every component shares (model, simulator,
// crossers, record, weather, service timelines, patrol rounds) is the Replica
// (sim/run/replica.h); the crossing's story is the Tracer (sim/run/tracer.h). The
// components, by job:
//   ResponderPool       (sim/c2/responder_pool.h) who may be sent, from where, how fast
//   CommandPost         (sim/c2/command_post.h) reports, tracks, classification, the
//                       waiting queue, dispatch, interception, prediction and search
// and the handlers still on World, being split into components:
//   world.cpp           crossers' lives: routes, legs, reactions, goals
//   command.cpp         the sensing's reports to the post (detect) and the sweeps' contacts
//   tower_sensing.cpp   towers: the stretches of a leg each sees, crews and cameras
//   radar_sensing.cpp   radars on towers: their looks along a leg, drawn when it starts
//   moving_sensors.cpp  drones (glimpses through the index of walking crossers), patrols
//                       and air reconnaissance (first contacts solved leg by leg)
//
// A crosser moves leg by leg: when a leg starts, every sensor that could see it on that
// leg schedules what it will do (a view entered, a glimpse, a contact), stamped
// (replica.h) so that events planned for a leg that no longer exists are dropped.
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
#include "bordersim/run/segment_index.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/sensors/motion.h"

namespace bordersim::detail {

// A drone station in this replication: the phases drawn for it and whether its glimpses
// are running. It sleeps while no walking crosser's path enters its reach.
struct DroneState {
  sensors::StationSchedule schedule;
  double unfolded0_m = 0.0;                   // "line": where on its back-and-forth cycle at t = 0
  std::optional<sensors::RandomTrack> track;  // "random"
  std::uint32_t walkers = 0;                  // walking crossers whose legs enter its reach
  bool awake = false;                         // a glimpse is scheduled
};

class World : private Upcalls {
 public:
  World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
        std::uint32_t replication, bool trace = false);
  ReplicationRecord run();

 private:
  Target crosser_target(std::uint32_t c) const { return rep_.target(c); }
  MapPoint position(const CrosserState& crosser, Time t) const { return crosser.movement.at(t); }
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

  // command.cpp
  void detect(std::uint32_t c, Detector by, double report_latency_s);  // to the post
  void detect_by(std::uint32_t c, std::uint64_t payload);              // a moving sensor's contact

  // tower_sensing.cpp
  void start_tower_views(std::uint32_t c);
  bool add_views(CrosserState& crosser, std::uint32_t t) const;  // false: out of range
  void enter_view(std::uint32_t c, std::size_t v);
  void crew_sighting(std::uint32_t c, std::size_t v);
  bool crew_sees_through_weather(std::uint32_t c, std::uint32_t t);
  void schedule_crew(std::uint32_t c, std::size_t v);
  std::optional<Time> next_look(const CrosserState& crosser, const ViewInterval& view,
                                std::size_t k, Time from) const;
  void schedule_glimpse(std::uint32_t c, std::size_t v, std::size_t k, Time from);
  Time scan_phase(std::uint32_t tower, std::size_t k, Time period) const;
  void glimpse(std::uint32_t c, std::size_t v, std::size_t k);

  // radar_sensing.cpp
  void start_radar_scans(std::uint32_t c);
  Time radar_phase(std::uint32_t tower) const;
  double radar_look(const CrosserState& crosser, std::uint32_t t, Time at) const;
  void schedule_radar_contact(std::uint32_t c, std::uint32_t t, Time from);
  void radar_contact(std::uint32_t c, std::uint32_t t);

  // ground_sensing.cpp: ground sensors, availability and false alarms
  void init_service();
  void start_ground_sensors(std::uint32_t c);
  void ground_pass(std::uint32_t c, std::size_t sensor);
  bool up(EntityKind kind, std::size_t index, Time t) const {
    return rep_.service.up(kind, index, t);
  }

  // moving_sensors.cpp
  void init_moving_sensors();
  void start_moving_sensors(std::uint32_t c);
  void leave_moving_sensors(std::uint32_t c);
  void schedule_sweep_contact(std::uint32_t c) override;
  void sweep_again() override;
  // Whether a patrol vehicle is off its round on a call.
  bool vehicle_away(std::size_t p, std::size_t k, Time t) const;
  std::optional<double> first_sweep_contact(const Leg& leg, std::uint64_t& by) const;
  void wake_drone(std::size_t d, Time from);  // its next glimpse at or after `from`
  Time next_drone_glimpse(std::size_t d, Time from) const;
  MapPoint drone_position(std::size_t d, Time t);
  void drone_glimpse(std::size_t d);

  Replica rep_;    // what every component shares: model, simulator, crossers, record
  Tracer tracer_;  // the crossing's story, when tracing
  ResponderPool pool_;
  CommandPost post_;
  std::vector<DroneState> drones_;
  SegmentIndex walkers_;  // walking crossers' legs, for drones
  Time walkers_pruned_ = 0;
  std::vector<std::uint32_t> found_;  // scratch for index queries
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
