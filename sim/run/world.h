#pragma once
// One replication's mutable state and its event handlers; private to sim/run. The model is
// shared and read-only. The handlers are split by job:
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
// leg schedules what it will do (a view entered, a glimpse, a contact). Events addressed
// to a crosser carry its `stamp`, bumped at every leg start and every change of plan, so
// events planned for a leg that no longer exists are recognised and dropped.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <tuple>
#include <vector>

#include "bordersim/core/simulator.h"
#include "bordersim/movers/arrivals.h"
#include "bordersim/movers/movement.h"
#include "bordersim/random/stream.h"
#include "bordersim/run/model.h"
#include "bordersim/run/record.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/sensors/motion.h"
#include "bordersim/sensors/weather.h"

namespace bordersim::detail {

enum EventKind : std::uint16_t {
  kLegStart,       // target: crosser; data: stamped leg index
  kEnterView,      // target: crosser; data: stamped index into its view intervals
  kDetection,      // target: crosser; data: stamped Detector
  kGlimpse,        // target: crosser; data: stamped view index × kMaxCameras + camera
  kReportArrives,  // target: crosser; data: the detection's time
  kInterception,   // target: crosser; data: responder (outside "exact": stamped by trip)
  kMovementEnds,   // target: crosser; data: stamp
  kCrewSighting,   // target: crosser; data: stamped index into its view intervals
  kGroundPass,     // target: crosser; data: stamped ground sensor index
  kFalseAlarm,     // target: the alarm (index into false_alarms_), reaching the post
  kResponderFree,  // target: responder; data: its trip (a re-tasked team's old return is void)
  kDroneGlimpse,   // target: drone
  kAssessed,       // target: crosser; a tower camera has looked at its report's place
  kAlarmAssessed,  // target: the alarm (index into false_alarms_), looked at likewise
  kFound,          // target: crosser; data: the searching responder, stamped by trip
  kRadarContact,   // target: crosser; data: stamped tower index (its radar)
};

inline constexpr std::uint64_t kMaxCameras = 64;

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

// A stretch [t_in, t_out] of the current leg during which a tower sees the crosser.
struct ViewInterval {
  std::uint32_t tower;
  Time t_in;
  Time t_out;
};

struct CrosserState {
  CrosserState(const CrosserPlan& its_plan, Stream detection_draws, Stream air_draws,
               Stream command_draws, Stream ground_draws, Stream radar_draws)
      : plan(&its_plan),
        detection(detection_draws),
        air(air_draws),
        command(command_draws),
        ground(ground_draws),
        radar(radar_draws) {}

  const CrosserPlan* plan = nullptr;
  double border_s = 0.0;  // where its walk starts along the border (its plan's, or a corridor's)
  std::uint32_t corridor = 0;  // "adaptive": the corridor it chose
  Movement movement;
  std::size_t leg = 0;  // the leg being walked
  std::uint32_t stamp = 0;
  bool detected = false;
  bool finished = false;
  bool turned_back = false;         // its reaction to being seen was to abort
  std::vector<ViewInterval> views;  // of the current leg
  Stream detection;                 // hazard draws of this crosser, one stream whatever the towers
  Stream air;      // its draws against drones' glimpses, apart so drones shift no tower draw
  Stream command;  // the post's verdicts on its reports
  Stream ground;   // its draws against ground sensors
  Stream radar;    // its draws against radars' looks
  // Radars that have reported it: (tower, earliest time of its next report), across legs.
  std::vector<std::pair<std::uint32_t, Time>> radar_quiet;
  std::vector<std::uint16_t> drones;  // drones whose reach its legs have entered
  // Its first contact on the current leg with a patrol or reconnaissance aircraft: when it
  // is due (kNever: none), and whether it has come. A contact solved again (a vehicle
  // sent away, or back) replaces the one due; the replaced event is dropped when it comes.
  Time sweep_at = kNever;
  bool swept = false;

  // The command post's view of it.
  Time track_until = -1;                   // the track is held until then
  bool target = false;                     // a report of it was taken for a real target
  bool waiting = false;                    // in the queue for a free team
  std::uint64_t cannot_meet = 0;           // bit r: responder r cannot meet it before it gets away
  std::optional<std::uint32_t> responder;  // the team on its way
  bool assessing = false;                  // a tower camera is looking at its report's place
  // Outside "exact": the detection the post last heard of, and the team's goal (a new
  // report changes the goal and bumps `trip`, voiding the arrival planned before).
  Time seen_at = -1;
  std::uint32_t trip = 0;
  MapPoint goal;
  Time team_leaves = 0;

  const Leg& current_leg() const { return movement.legs()[leg]; }
};

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

class World {
 public:
  World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
        std::uint32_t replication, bool trace = false);
  ReplicationRecord run();

 private:
  Target crosser_target(std::uint32_t c) const { return {c, record_.crossing_records[c].sector}; }
  MapPoint position(const CrosserState& crosser, Time t) const {
    return crosser.movement.at(t, crosser.leg);
  }
  // Whether an event's data was stamped for the crosser's current leg and plan.
  bool current(std::uint32_t c, std::uint64_t data) const {
    return !crossers_[c].finished && stamp_of(data) == crossers_[c].stamp;
  }

  void handle(const Event& e);

  // world.cpp
  void start_crossing(std::uint32_t c);
  double choose_corridor(CrosserState& crosser);
  void learn(const CrosserState& crosser, Outcome outcome);
  void plan_movement(CrosserState& crosser);
  void start_leg(std::uint32_t c, std::size_t leg);
  void react(std::uint32_t c);
  void end_movement(std::uint32_t c);
  void finish(std::uint32_t c, Outcome outcome);

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
  bool exact_prediction() const { return model_.command.prediction == PredictionRule::kExact; }
  Prediction predict(const CrosserState& crosser) const;
  double escape_s_from(MapPoint where) const;  // a foot crosser's, straight to its goal depth
  void retarget(std::uint32_t c);
  void search(std::uint32_t c, std::size_t r);
  void found(std::uint32_t c, std::uint64_t data);

  // assessment.cpp
  bool assesses() const { return model_.command.assesses; }
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

  // trace.cpp: the crossing's story (record.h, TraceRow), called only while tracing_, one
  // call per opportunity, report, dispatch, arrival and end.
  void trace_look(std::uint32_t c, Detector by, std::size_t sensor, MapPoint sensor_at, double p,
                  bool seen, bool sensor_up, std::string note = {});
  void trace_hidden(std::uint32_t c, std::size_t first_view, std::uint32_t tower, bool in_range);
  void trace_in_view(std::uint32_t c, std::size_t v);
  void trace_report(std::uint32_t c, Time seen_at, bool dismissed);
  // `note` "new goal": a report moved the goal of a team already on its way.
  void trace_dispatch(std::uint32_t c, std::optional<std::size_t> r, Time leave, Time meet,
                      std::string note = {});
  void trace_arrival(std::uint32_t c, std::size_t r, bool intercepted);
  void name_responder(TraceRow& row, std::size_t r) const;  // responder and responder_id
  // A search mode's team is there with the track held and searches until `until`.
  void trace_search(std::uint32_t c, std::size_t r, Time until);
  void trace_end(std::uint32_t c, Outcome outcome);
  TraceRow& trace_row(std::uint32_t c, TraceEvent event);
  void trace_assessment(std::uint32_t c, double p, bool seen, bool dismissed);

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
  bool up(EntityKind kind, std::size_t index, Time t) const;

  // moving_sensors.cpp
  void init_moving_sensors();
  void start_moving_sensors(std::uint32_t c);
  void leave_moving_sensors(std::uint32_t c);
  void schedule_sweep_contact(std::uint32_t c);
  void sweep_again();
  // Patrol vehicles on their round: arc length and place at t, and whether off it on a call.
  double patrol_vehicle_s(std::size_t p, std::size_t k, Time t) const;
  double patrol_vehicle_border_s(std::size_t p, std::size_t k, Time t) const;
  MapPoint patrol_vehicle_at(std::size_t p, std::size_t k, Time t) const;
  bool vehicle_away(std::size_t p, std::size_t k, Time t) const;
  std::optional<double> first_sweep_contact(const Leg& leg, std::uint64_t& by) const;
  void wake_drone(std::size_t d, Time from);  // its next glimpse at or after `from`
  Time next_drone_glimpse(std::size_t d, Time from) const;
  MapPoint drone_position(std::size_t d, Time t);
  void drone_glimpse(std::size_t d);

  const Model& model_;
  const std::uint64_t seed_;
  const bool when_busy_queue_;
  const bool tracing_;  // record the trace: one branch at each hook when off
  Simulator sim_;
  std::vector<CrosserState> crossers_;
  std::vector<ResponderState> responders_;
  Stream dispatch_draws_;              // times on scene, in order of dispatch (delays: per crosser)
  std::deque<std::uint32_t> waiting_;  // reports waiting for a free team, oldest first
  // This replication's weather (model_.weather), drawn from its own stream; absent: the
  // same weather all run, and no lookups.
  std::optional<sensors::WeatherTimeline> weather_;
  std::vector<DroneState> drones_;
  std::vector<double>
      patrol_unfolded0_m_;  // per patrol: its first vehicle's place on the cycle at t = 0
  std::vector<std::size_t> patrol_responders_;  // per responding patrol: its vehicle 0's index
  std::vector<double> patrol_jumps_m_;          // per patrol: J of dispatch_bounds.cpp
  std::vector<std::pair<double, std::size_t>> dispatch_order_;  // (bound, responder)
  std::vector<std::uint32_t> found_;  // scratch: a drone glimpse's walkers
  // Per sensor of each kind, its up/down timeline in this replication.
  std::vector<sensors::Availability> tower_service_, drone_service_, patrol_service_,
      ground_service_;
  struct PendingAlarm {
    sensors::FalseAlarm alarm;
    std::uint16_t sector;
  };
  std::vector<PendingAlarm> false_alarms_;
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
  ReplicationRecord record_;
};

}  // namespace bordersim::detail
