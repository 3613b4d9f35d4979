#include "bordersim/run/replication.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <deque>
#include <optional>

#include "bordersim/c2/intercept.h"
#include "bordersim/core/simulator.h"
#include "bordersim/random/stream.h"
#include "bordersim/sensors/glimpse_schedule.h"
#include "bordersim/terrain/grid_walk.h"

namespace bordersim {
namespace {

enum EventKind : std::uint16_t {
  kCrosserStart,    // target: crosser
  kEnterView,       // target: crosser; data: index into its view intervals
  kDetection,       // target: crosser
  kGlimpse,         // target: crosser; data: view index × kMaxCameras + camera
  kReportArrives,   // target: crosser (its report reaches the command post)
  kInterception,    // target: crosser; data: responder
  kGoalReached,     // target: crosser
  kResponderFree,   // target: responder
};

constexpr std::uint64_t kMaxCameras = 64;

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

  MapPoint at(double y) const { return {origin.x + y * direction.x, origin.y + y * direction.y}; }
};

struct ResponderState {
  MapPoint home;
  std::uint16_t sector = 0;
  bool busy = false;
  Time busy_since = 0;
};

// One replication's mutable state. The model is shared and read-only.
class World {
 public:
  World(const Model& model, std::span<const CrosserPlan> plans, std::uint64_t seed,
        std::uint32_t replication)
      : model_(model), seed_(seed), when_busy_queue_(model.scenario.response.when_busy == "queue") {
    record_.replication = replication;
    const auto& border = model.geography->border;
    for (std::uint32_t c = 0; c < plans.size(); ++c) {
      const CrosserPlan& plan = plans[c];
      const StreamKey detection_key{seed, replication, {EntityKind::kCrosser, plan.id}, Purpose::kDetection};
      CrosserState crosser{&plan, border.point_at(plan.border_s), border.normal_at(plan.border_s),
                           0, false, false, {}, {}, Stream(detection_key)};
      CrossingRecord row;
      row.replication = replication;
      row.crosser = plan.id;
      row.kind = plan.kind;
      row.group_size = plan.group_size;
      row.sector = model.sector_of(plan.border_s);
      row.start_s = time_to_seconds(plan.start);
      row.border_x_m = crosser.origin.x;
      row.border_y_m = crosser.origin.y;
      crossers_.push_back(std::move(crosser));
      record_.crossing_records.push_back(row);
      sim_.schedule(plan.start, Phase::kMove, crosser_target(c), kCrosserStart);
    }
    for (std::size_t r = 0; r < model.responder_homes.size(); ++r) {
      const MapPoint home = model.responder_homes[r];
      responders_.push_back({home, model.sector_of(border.project(home).s), false, 0});
    }
  }

  ReplicationRecord run() {
    record_.events = sim_.run([this](Simulator&, const Event& e) { handle(e); });
    for (const auto& row : record_.crossing_records) {
      ++record_.crossings;
      record_.detected += std::isnan(row.first_detection_s) ? 0 : 1;
      record_.intercepted += row.outcome == Outcome::kIntercepted ? 1 : 0;
      record_.aborted += row.outcome == Outcome::kAborted ? 1 : 0;
      record_.escaped += row.outcome == Outcome::kUndetected ||
                         row.outcome == Outcome::kDetectedNotIntercepted;
    }
    return std::move(record_);
  }

 private:
  Target crosser_target(std::uint32_t c) const {
    return {c, record_.crossing_records[c].sector};
  }
  // Across-border position y (m) of a crosser at time t, and the time it reaches y.
  static double y_at(const CrosserPlan& p, Time t) {
    return -p.approach_m + p.speed_mps * time_to_seconds(t - p.start);
  }
  static Time time_at(const CrosserPlan& p, double y) {
    return p.start + seconds_to_time((y + p.approach_m) / p.speed_mps);
  }

  void handle(const Event& e) {
    const std::uint32_t id = e.target.entity;
    switch (static_cast<EventKind>(e.kind)) {
      case kCrosserStart: return start_crossing(id);
      case kEnterView: return enter_view(id, static_cast<std::size_t>(e.data));
      case kDetection: return detect(id);
      case kGlimpse: return glimpse(id, e.data / kMaxCameras, e.data % kMaxCameras);
      case kReportArrives: return receive_report(id);
      case kInterception: return intercept(id, static_cast<std::size_t>(e.data));
      case kGoalReached: return reach_goal(id);
      case kResponderFree: return free_responder(id);
    }
  }

  void start_crossing(std::uint32_t c) {
    CrosserState& crosser = crossers_[c];
    const CrosserPlan& p = *crosser.plan;
    crosser.goal_time = time_at(p, p.goal_m);
    crosser.goal_event = sim_.schedule(crosser.goal_time, Phase::kMove, crosser_target(c), kGoalReached);
    if (model_.towers.empty()) return;
    // The path is straight, so the stretches each tower sees are known now: the crosser is
    // told when it enters each one, and sensing costs an event per stretch, not per second.
    const double reach = model_.scenario.sensors.towers->range_m;
    for (std::uint32_t t : model_.tower_index.near_box(crosser.at(-p.approach_m), crosser.at(p.goal_m), reach))
      add_views(crosser, t);
    for (std::size_t v = 0; v < crosser.views.size(); ++v)
      sim_.schedule(time_at(p, crosser.views[v].y_in), Phase::kSense, crosser_target(c), kEnterView, v);
  }

  // The stretches of the path inside tower t's range and, on terrain, in its sight.
  void add_views(CrosserState& crosser, std::uint32_t t) const {
    const CrosserPlan& p = *crosser.plan;
    const TowerSite& tower = model_.towers[t];
    const double rx = tower.position.x - crosser.origin.x;
    const double ry = tower.position.y - crosser.origin.y;
    const double along = rx * crosser.direction.x + ry * crosser.direction.y;
    const double across = rx * crosser.direction.y - ry * crosser.direction.x;
    const double r = tower.range_m;
    if (std::abs(across) >= r) return;
    const double half = std::sqrt(r * r - across * across);
    const double y_in = std::max(along - half, -p.approach_m);
    const double y_out = std::min(along + half, p.goal_m);
    if (!(y_in < y_out)) return;
    if (!tower.view) {
      crosser.views.push_back({t, y_in, y_out});
      return;
    }
    // Terrain hides parts of the chord: walk the cells it crosses and keep the runs of
    // cells the tower sees, exactly as tower_sees() would answer point by point.
    const MapPoint from = crosser.at(y_in);
    const MapPoint to = crosser.at(y_out);
    const auto& grid = model_.geography->terrain.elevation.geometry();
    std::optional<std::pair<double, double>> run;  // the visible stretch being extended
    const auto close_run = [&] {
      if (run) crosser.views.push_back({t, run->first, run->second});
      run.reset();
    };
    terrain::walk_cells(grid, from, to, [&](terrain::CellIndex cell, double t0, double t1) {
      const double y0 = y_in + t0 * (y_out - y_in);
      const double y1 = y_in + t1 * (y_out - y_in);
      if (!tower.view->visible(cell)) return close_run();
      if (run && run->second >= y0) run->second = y1;
      else {
        close_run();
        run = std::make_pair(y0, y1);
      }
    });
    close_run();
  }

  void enter_view(std::uint32_t c, std::size_t v) {
    CrosserState& crosser = crossers_[c];
    if (crosser.finished || crosser.detected) return;
    const ViewInterval& view = crosser.views[v];
    const TowerSite& tower = model_.towers[view.tower];
    for (std::size_t k = 0; k < model_.tower_cameras.size(); ++k)
      schedule_glimpse(c, v, k, sim_.now());
    if (!tower.crew) return;
    if (tower.instant) return detect(c);
    // Constant hazard while in sight: the time to detection is exponential; it counts only
    // if it falls before the crosser leaves sight. Towers' hazards compete independently.
    boost::random::exponential_distribution<double> time_to_detect_s(tower.rate_per_s);
    const Time at = sim_.now() + seconds_to_time(time_to_detect_s(crosser.detection));
    if (at < time_at(*crosser.plan, view.y_out)) sim_.schedule(at, Phase::kSense, crosser_target(c), kDetection);
  }

  // When camera k of the view's tower next looks along the crosser's bearing, at or after
  // `from`; empty when the bearing lies outside the scanned sector.
  std::optional<Time> next_look(const CrosserState& crosser, const ViewInterval& view, std::size_t k,
                                Time from) const {
    const TowerSite& tower = model_.towers[view.tower];
    const MapPoint p = crosser.at(y_at(*crosser.plan, sim_.now()));
    const double bearing = std::atan2(p.x - tower.position.x, p.y - tower.position.y) * 180.0 / M_PI;
    const auto pattern = sensors::scan_pattern(model_.tower_cameras[k], tower.facing_deg);
    const auto train = sensors::glimpse_train(pattern, scan_phase(view.tower, k, pattern.period),
                                              std::fmod(bearing + 360.0, 360.0));
    if (!train) return std::nullopt;
    return sensors::first_glimpse_at_or_after(*train, from);
  }

  // Schedules the camera's next look at the crosser, if the crosser is still in the
  // stretch of view by then. The look is aimed at the crosser's bearing now; glimpse()
  // checks that the scan really points there when the time comes, as the crosser moves.
  void schedule_glimpse(std::uint32_t c, std::size_t v, std::size_t k, Time from) {
    const CrosserState& crosser = crossers_[c];
    const auto at = next_look(crosser, crosser.views[v], k, from);
    if (at && *at < time_at(*crosser.plan, crosser.views[v].y_out))
      sim_.schedule(*at, Phase::kSense, crosser_target(c), kGlimpse, v * kMaxCameras + k);
  }

  // Each camera's scan phase, drawn from a stream keyed by the tower and camera, so it is
  // the same for every crosser of a replication and independent of what else is drawn.
  Time scan_phase(std::uint32_t tower, std::size_t k, Time period) const {
    Stream stream({seed_, record_.replication, {EntityKind::kTower, tower * kMaxCameras + k}, Purpose::kScanPhase});
    return sensors::draw_scan_phase(stream, period);
  }

  void glimpse(std::uint32_t c, std::size_t v, std::size_t k) {
    CrosserState& crosser = crossers_[c];
    if (crosser.finished || crosser.detected) return;
    const ViewInterval& view = crosser.views[v];
    // The crosser has moved since this look was aimed: if the scan is not on its bearing
    // now, aim again at where it is.
    if (next_look(crosser, view, k, sim_.now()) != sim_.now()) return schedule_glimpse(c, v, k, sim_.now());
    const TowerSite& tower = model_.towers[view.tower];
    const MapPoint p = crosser.at(y_at(*crosser.plan, sim_.now()));
    const double range = std::hypot(p.x - tower.position.x, p.y - tower.position.y);
    const double g = sensors::glimpse_probability(model_.tower_cameras[k], range,
                                                  model_.concealment_at(p), model_.sun_at(sim_.now()));
    if (uniform01(crosser.detection) < g) return detect(c);
    schedule_glimpse(c, v, k, sim_.now() + 1);
  }

  void detect(std::uint32_t c) {
    CrosserState& crosser = crossers_[c];
    if (crosser.finished || crosser.detected) return;
    crosser.detected = true;
    record_.crossing_records[c].first_detection_s = time_to_seconds(sim_.now());
    sim_.schedule_in(seconds_to_time(model_.scenario.response.report_latency_s), Phase::kReport,
                     crosser_target(c), kReportArrives);
  }

  void receive_report(std::uint32_t c) {
    if (crossers_[c].finished) return;
    if (dispatch(c)) return;
    const bool some_busy = std::any_of(responders_.begin(), responders_.end(),
                                       [](const ResponderState& r) { return r.busy; });
    if (when_busy_queue_ && some_busy) waiting_.push_back(c);
  }

  // Sends the free responder that can meet the crosser soonest, if any can before its goal.
  bool dispatch(std::uint32_t c) {
    const CrosserState& crosser = crossers_[c];
    const CrosserPlan& p = *crosser.plan;
    const MapPoint where = crosser.at(y_at(p, sim_.now()));
    const MapPoint velocity{p.speed_mps * crosser.direction.x, p.speed_mps * crosser.direction.y};
    const double speed = model_.scenario.response.qrf ? model_.scenario.response.qrf->speed_mps : 0.0;
    std::optional<std::size_t> best;
    Time best_time = crosser.goal_time;  // must meet strictly before the goal
    for (std::size_t r = 0; r < responders_.size(); ++r) {
      if (responders_[r].busy) continue;
      const double meet_s = earliest_intercept_s(responders_[r].home, speed, where, velocity);
      if (!std::isfinite(meet_s)) continue;
      const Time meet = sim_.now() + seconds_to_time(meet_s);
      if (meet < best_time) {
        best_time = meet;
        best = r;
      }
    }
    if (!best) return false;
    ResponderState& responder = responders_[*best];
    responder.busy = true;
    responder.busy_since = sim_.now();
    sim_.schedule(best_time, Phase::kDecide, crosser_target(c), kInterception, *best);
    return true;
  }

  void intercept(std::uint32_t c, std::size_t r) {
    CrosserState& crosser = crossers_[c];
    crosser.finished = true;
    sim_.cancel(crosser.goal_event);
    auto& row = record_.crossing_records[c];
    row.outcome = Outcome::kIntercepted;
    row.interception_s = time_to_seconds(sim_.now());
    // On scene, then back to base before the team can be sent again.
    const auto& qrf = *model_.scenario.response.qrf;
    const MapPoint at = crosser.at(y_at(*crosser.plan, sim_.now()));
    const double back_s = std::hypot(at.x - responders_[r].home.x, at.y - responders_[r].home.y) / qrf.speed_mps;
    sim_.schedule_in(seconds_to_time(qrf.on_scene_s + back_s), Phase::kDecide,
                     {static_cast<std::uint32_t>(r), responders_[r].sector}, kResponderFree);
  }

  void reach_goal(std::uint32_t c) {
    CrosserState& crosser = crossers_[c];
    crosser.finished = true;
    record_.crossing_records[c].outcome =
        crosser.detected ? Outcome::kDetectedNotIntercepted : Outcome::kUndetected;
  }

  void free_responder(std::uint32_t r) {
    ResponderState& responder = responders_[r];
    responder.busy = false;
    record_.responder_busy_s += time_to_seconds(sim_.now() - responder.busy_since);
    // Oldest report first; a crosser no free team can reach in time is given up.
    while (!waiting_.empty() && !responder.busy) {
      const std::uint32_t c = waiting_.front();
      waiting_.pop_front();
      if (!crossers_[c].finished) dispatch(c);
    }
  }

  const Model& model_;
  const std::uint64_t seed_;
  const bool when_busy_queue_;
  Simulator sim_;
  std::vector<CrosserState> crossers_;
  std::vector<ResponderState> responders_;
  std::deque<std::uint32_t> waiting_;  // reports waiting for a free team, oldest first
  ReplicationRecord record_;
};

}  // namespace

ReplicationRecord simulate_replication(const Model& model, std::span<const CrosserPlan> crossers,
                                       std::uint64_t seed, std::uint32_t replication) {
  return World(model, crossers, seed, replication).run();
}

ReplicationRecord run_replication(const Model& model, std::uint64_t seed, std::uint32_t replication) {
  const auto plans = plan_crossers(model, seed, replication);
  return simulate_replication(model, plans, seed, replication);
}

}  // namespace bordersim
