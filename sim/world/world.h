#pragma once
// One replication: the assembly that owns its components and routes the simulator's events
// to them (world.cpp, World::handle). What every component shares (model, simulator,
// crossers, record, weather, service timelines, patrol rounds) is the Replica
// (sim/run/replica.h); the crossing's story is the Tracer (sim/run/tracer.h). Being split
// into components; the handlers still on World, by job:
//   world.cpp           crossers' lives: routes, legs, reactions, goals
//   command.cpp         reports, tracks, classification, dispatch, interception
//   responders.cpp      who may be sent, from where, how fast (teams and patrol vehicles)
//   prediction.cpp      where the post thinks a crosser is going; the team's search there
//   assessment.cpp      tower cameras looking at a report's place before the post acts
//   dispatch_rules.cpp  maximum response time, priorities, re-tasking
// The sensing components, each a header and source of its own (sensing.h: what they share):
//   tower_sensing       towers: the stretches of a leg each sees, crews and cameras
//   radar_sensing       radars on towers: their looks along a leg, drawn when it starts
//   drone_sensing       drones: glimpses through the index of walking crossers
//   sweep_sensing       patrols and air reconnaissance: first contacts solved leg by leg
//   ground_sensing      ground sensors: a leg's passes through their discs
//   sensor_timelines    every sensor's service timeline and false alarms
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

// A patrol's vehicle that responds: which patrol, which of its vehicles.
struct PatrolVehicle {
  std::uint32_t patrol = 0;
  std::uint32_t index = 0;
};

// A quick-reaction team (from its base, by road and terrain) or a patrol's vehicle (from
// wherever its round has taken it, along its road and then by road and terrain; off its
// round while busy).
struct ResponderState {
  MapPoint home;             // a team's base
  std::uint16_t sector = 0;  // a team's base's; a vehicle's stretch's middle
  std::uint16_t jurisdiction = 0;
  std::optional<PatrolVehicle> vehicle;
  bool busy = false;
  Time busy_since = 0;
  Time back_at = kNever;        // busy: when it is back on duty, once known
  std::uint32_t trip = 0;       // bumped when re-tasked: the return planned before is void
  Time alarm_reached = kNever;  // on its way to a false alarm: when it gets there
};

// Where the post thinks a crosser goes from its last detection: `path` (ending with a
// long stop where the projection ends) and when it would be gone.
struct Prediction {
  Movement path;
  Time escape = 0;
};

class World : private Upcalls, private Reports {
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
  void detect(std::uint32_t c, Detector by, double report_latency_s) override;
  void receive_false_alarm(std::size_t a);
  void send_to_alarm(std::size_t a);
  void act_on_report(std::uint32_t c);
  std::optional<std::size_t> nearest_free(MapPoint where, std::uint16_t post) const;
  void receive_report(std::uint32_t c, Time seen_at);
  bool dispatch(std::uint32_t c);
  std::optional<Time> meeting_time(std::size_t r, const Movement& path, Time leave) const;
  void send(std::size_t r);
  void arrive(std::uint32_t c, std::uint64_t data);
  void intercept(std::uint32_t c, std::size_t r);
  void return_to_base(std::size_t r, MapPoint from, double on_scene_s);
  void free_responder(std::uint32_t r, std::uint64_t trip);

  // prediction.cpp
  bool exact_prediction() const { return rep_.model.command.prediction == PredictionRule::kExact; }
  Prediction predict(const CrosserState& crosser) const;
  double escape_s_from(MapPoint where) const;  // a foot crosser's, straight to its goal depth
  void retarget(std::uint32_t c);
  void search(std::uint32_t c, std::size_t r);
  void found(std::uint32_t c, std::uint64_t data);

  // assessment.cpp
  bool assesses() const { return rep_.model.command.assesses; }
  double assessment_chance(MapPoint p) const;  // that a look at p now settles the matter
  void assessed(std::uint32_t c);
  void alarm_assessed(std::size_t a);

  // dispatch_rules.cpp
  Time latest_arrival(Time escape) const;  // kNever: no maximum response time
  bool retaskable(std::size_t r) const;
  std::size_t next_waiting() const;  // index into waiting_ of the report a freed team takes

  // responders.cpp: where responders are, how fast they get somewhere, who may go
  void init_responders();
  bool ready(std::size_t r) const;             // free, and its patrol (if any) in service
  MapPoint responder_at(std::size_t r) const;  // a team's base; a vehicle's place now
  std::uint16_t responder_jurisdiction(std::size_t r) const;
  bool drives_straight(std::size_t r) const;
  double responder_speed_mps(std::size_t r) const;
  double travel_s(std::size_t r, MapPoint to) const;  // from where it is now
  double draw_on_scene_s(std::size_t r);              // (command.cpp)

  // dispatch_bounds.cpp: lower bounds on a drive, to skip responders that cannot win
  struct DriveBound {
    MapPoint from;
    double max_speed_mps;
    double slack_s;
  };
  void init_drive_bounds();
  std::optional<DriveBound> drive_bound(std::size_t r) const;
  bool cannot_meet_by(std::size_t r, const Movement& path, Time leave, Time until) const;
  void order_for_dispatch(MapPoint crosser_at);

  // Call sites of the tracer that need the responder pool (command.cpp, responders.cpp).
  void trace_dispatch(std::uint32_t c, std::optional<std::size_t> r, Time leave, Time meet,
                      std::string note = {});
  TracedResponder traced(std::size_t r) const;

  bool up(EntityKind kind, std::size_t index, Time t) const {
    return rep_.service.up(kind, index, t);
  }
  // The sensing's questions to the post and the post's to the sweeps (world.cpp).
  bool vehicle_away(std::size_t p, std::size_t k, Time t) const override;
  void schedule_sweep_contact(std::uint32_t c) override { sweeps_.schedule_contact(c); }
  void sweep_again() override { sweeps_.again(); }

  Replica rep_;    // what every component shares: model, simulator, crossers, record
  Tracer tracer_;  // the crossing's story, when tracing
  // The sensing components, and the order in which a leg start reaches them (world.cpp).
  TowerSensing towers_;
  DroneSensing drones_;
  SweepSensing sweeps_;
  GroundSensing ground_;
  RadarSensing radars_;
  const std::array<Sensing*, 5> sensing_;
  const bool when_busy_queue_;
  std::vector<ResponderState> responders_;
  Stream dispatch_draws_;              // times on scene, in order of dispatch (delays: per crosser)
  std::deque<std::uint32_t> waiting_;  // reports waiting for a free team, oldest first
  std::vector<std::size_t> patrol_responders_;  // per responding patrol: its vehicle 0's index
  std::vector<double> patrol_jumps_m_;          // per patrol: J of dispatch_bounds.cpp
  std::vector<std::pair<double, std::size_t>> dispatch_order_;  // (bound, responder)
  // "adaptive" crossers learn per group (kind, organisation, origin area) and corridor how
  // many of their finished crossings got through and how many were stopped.
  struct CorridorTally {
    std::uint32_t through = 0;
    std::uint32_t stopped = 0;
  };
  std::map<std::tuple<CrosserKind, std::uint16_t, std::uint16_t>, std::vector<CorridorTally>>
      corridors_;
  Stream alarm_verdicts_;    // the post's verdicts on false alarms
  Stream assessment_draws_;  // whether each assessment settles its report, in event order
};

}  // namespace bordersim::detail
