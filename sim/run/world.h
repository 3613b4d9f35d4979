#pragma once
// One replication's mutable state and its event handlers; private to sim/run. The model is
// shared and read-only. The handlers are split by job:
//   world.cpp           crossers' lives, reports, dispatch and interception
//   tower_sensing.cpp   towers: the stretches of a path each sees, crews and cameras
//   moving_sensors.cpp  drones (glimpses through the index of walking crossers), patrols
//                       and air reconnaissance (first contacts solved leg by leg)
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <vector>

#include "bordersim/core/simulator.h"
#include "bordersim/movers/arrivals.h"
#include "bordersim/random/stream.h"
#include "bordersim/run/model.h"
#include "bordersim/run/record.h"
#include "bordersim/run/segment_index.h"
#include "bordersim/sensors/motion.h"

namespace bordersim::detail {

enum EventKind : std::uint16_t {
  kCrosserStart,   // target: crosser
  kEnterView,      // target: crosser; data: index into its view intervals
  kDetection,      // target: crosser
  kGlimpse,        // target: crosser; data: view index × kMaxCameras + camera
  kReportArrives,  // target: crosser (its report reaches the command post)
  kInterception,   // target: crosser; data: responder
  kGoalReached,    // target: crosser
  kResponderFree,  // target: responder
  kDroneGlimpse,   // target: drone
};

inline constexpr std::uint64_t kMaxCameras = 64;

// A stretch [y_in, y_out] of a crosser's path (across-border coordinate, m) that a tower sees.
struct ViewInterval {
  std::uint32_t tower;
  double y_in;
  double y_out;
};

struct CrosserState {
  const CrosserPlan* plan = nullptr;
  MapPoint origin;     // where its path crosses the border
  MapPoint direction;  // unit, towards the home side
  Time goal_time = 0;
  bool detected = false;
  bool finished = false;
  EventHandle goal_event;
  std::vector<ViewInterval> views;
  Stream detection;  // hazard draws of this crosser, one stream whatever the towers
  Stream air;        // its draws against drones' glimpses, apart so drones shift no tower draw
  std::vector<std::uint16_t> drones;  // drones whose reach its path enters

  MapPoint at(double y) const { return {origin.x + y * direction.x, origin.y + y * direction.y}; }
};

struct ResponderState {
  MapPoint home;
  std::uint16_t sector = 0;
  bool busy = false;
  Time busy_since = 0;
};

// A drone station in this replication: the phases drawn for it and whether its glimpses
// are running. It sleeps while no walking crosser's path enters its reach.
struct DroneState {
  sensors::StationSchedule schedule;
  double unfolded0_m = 0.0;                   // "line": where on its back-and-forth cycle at t = 0
  std::optional<sensors::RandomTrack> track;  // "random"
  std::uint32_t walkers = 0;                  // walking crossers whose paths enter its reach
  bool awake = false;                         // a glimpse is scheduled
};

class World {
 public:
  World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
        std::uint32_t replication);
  ReplicationRecord run();

 private:
  Target crosser_target(std::uint32_t c) const { return {c, record_.crossing_records[c].sector}; }
  // Across-border position y (m) of a crosser at time t, and the time it reaches y.
  static double y_at(const CrosserPlan& p, Time t) {
    return -p.approach_m + p.speed_mps * time_to_seconds(t - p.start);
  }
  static Time time_at(const CrosserPlan& p, double y) {
    return p.start + seconds_to_time((y + p.approach_m) / p.speed_mps);
  }
  MapPoint position(const CrosserState& crosser, Time t) const {
    return crosser.at(y_at(*crosser.plan, t));
  }

  void handle(const Event& e);

  // world.cpp
  void start_crossing(std::uint32_t c);
  void detect(std::uint32_t c);
  void receive_report(std::uint32_t c);
  bool dispatch(std::uint32_t c);
  void intercept(std::uint32_t c, std::size_t r);
  void reach_goal(std::uint32_t c);
  void finish(std::uint32_t c);
  void free_responder(std::uint32_t r);

  // tower_sensing.cpp
  void start_tower_views(std::uint32_t c);
  void add_views(CrosserState& crosser, std::uint32_t t) const;
  void enter_view(std::uint32_t c, std::size_t v);
  std::optional<Time> next_look(const CrosserState& crosser, const ViewInterval& view,
                                std::size_t k, Time from) const;
  void schedule_glimpse(std::uint32_t c, std::size_t v, std::size_t k, Time from);
  Time scan_phase(std::uint32_t tower, std::size_t k, Time period) const;
  void glimpse(std::uint32_t c, std::size_t v, std::size_t k);

  // moving_sensors.cpp
  void init_moving_sensors();
  void start_moving_sensors(std::uint32_t c);
  void leave_moving_sensors(std::uint32_t c);
  std::optional<double> first_sweep_contact(const CrosserState& crosser) const;
  void wake_drone(std::size_t d, Time from);  // its next glimpse at or after `from`
  Time next_drone_glimpse(std::size_t d, Time from) const;
  MapPoint drone_position(std::size_t d, Time t);
  void drone_glimpse(std::size_t d);

  const Model& model_;
  const std::uint64_t seed_;
  const bool when_busy_queue_;
  Simulator sim_;
  std::vector<CrosserState> crossers_;
  std::vector<ResponderState> responders_;
  std::deque<std::uint32_t> waiting_;  // reports waiting for a free team, oldest first
  std::vector<DroneState> drones_;
  std::vector<double>
      patrol_unfolded0_m_;  // per patrol: its first vehicle's place on the cycle at t = 0
  SegmentIndex walkers_;    // walking crossers' paths, for drones
  Time walkers_pruned_ = 0;
  std::vector<std::uint32_t> found_;  // scratch for index queries
  ReplicationRecord record_;
};

}  // namespace bordersim::detail
