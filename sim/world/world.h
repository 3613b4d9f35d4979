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
//   tower_sensing.cpp   towers: the stretches of a leg each sees, crews and cameras
//   radar_sensing.cpp   radars on towers: their looks along a leg, drawn when it starts
//   moving_sensors.cpp  drones (glimpses at the crossers in their reach), patrols
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

#include "../run/replica.h"
#include "../run/tracer.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/sensors/motion.h"

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

// A drone station in this replication: the phases drawn for it and whether its glimpses
// are running. It sleeps while no walking crosser's path enters its reach.
struct DroneState {
  sensors::StationSchedule schedule;
  double unfolded0_m = 0.0;                   // "line": where on its back-and-forth cycle at t = 0
  std::optional<sensors::RandomTrack> track;  // "random"
  // Crossers (ascending) whose legs have entered its reach, until their crossing ends: the
  // only ones it can see, since its whole track's range lies in its reach.
  std::vector<std::uint32_t> walkers;
  bool awake = false;  // a glimpse is scheduled
};

class World : private Upcalls {
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

  // command.cpp
  void detect(std::uint32_t c, Detector by, double report_latency_s);
  void detect_by(std::uint32_t c, std::uint64_t payload);  // a moving sensor's contact
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
  const bool when_busy_queue_;
  std::vector<ResponderState> responders_;
  Stream dispatch_draws_;              // times on scene, in order of dispatch (delays: per crosser)
  std::deque<std::uint32_t> waiting_;  // reports waiting for a free team, oldest first
  std::vector<DroneState> drones_;
  std::vector<std::size_t> patrol_responders_;  // per responding patrol: its vehicle 0's index
  std::vector<double> patrol_jumps_m_;          // per patrol: J of dispatch_bounds.cpp
  std::vector<std::pair<double, std::size_t>> dispatch_order_;  // (bound, responder)
  std::vector<std::uint32_t> found_;  // scratch: a drone glimpse's walkers
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
