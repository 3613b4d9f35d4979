// Towers: the stretches of a crosser's path each tower sees are known when the crosser
// sets off (its path is straight), so sensing costs an event per stretch and per camera
// look, not per second.
#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <optional>

#include "bordersim/sensors/camera.h"
#include "bordersim/sensors/glimpse_schedule.h"
#include "bordersim/terrain/grid_walk.h"
#include "world.h"

namespace bordersim::detail {

void World::start_tower_views(std::uint32_t c) {
  if (model_.towers.empty()) return;
  CrosserState& crosser = crossers_[c];
  const CrosserPlan& p = *crosser.plan;
  const double reach = model_.scenario.sensors.towers->range_m;
  for (std::uint32_t t :
       model_.tower_index.near_box(crosser.at(-p.approach_m), crosser.at(p.goal_m), reach))
    add_views(crosser, t);
  for (std::size_t v = 0; v < crosser.views.size(); ++v)
    sim_.schedule(time_at(p, crosser.views[v].y_in), Phase::kSense, crosser_target(c), kEnterView,
                  v);
}

// The stretches of the path inside tower t's range and, on terrain, in its sight.
void World::add_views(CrosserState& crosser, std::uint32_t t) const {
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
    if (run && run->second >= y0)
      run->second = y1;
    else {
      close_run();
      run = std::make_pair(y0, y1);
    }
  });
  close_run();
}

void World::enter_view(std::uint32_t c, std::size_t v) {
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
  if (at < time_at(*crosser.plan, view.y_out))
    sim_.schedule(at, Phase::kSense, crosser_target(c), kDetection);
}

// When camera k of the view's tower next looks along the crosser's bearing, at or after
// `from`; empty when the bearing lies outside the scanned sector.
std::optional<Time> World::next_look(const CrosserState& crosser, const ViewInterval& view,
                                     std::size_t k, Time from) const {
  const TowerSite& tower = model_.towers[view.tower];
  const MapPoint p = position(crosser, sim_.now());
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
void World::schedule_glimpse(std::uint32_t c, std::size_t v, std::size_t k, Time from) {
  const CrosserState& crosser = crossers_[c];
  const auto at = next_look(crosser, crosser.views[v], k, from);
  if (at && *at < time_at(*crosser.plan, crosser.views[v].y_out))
    sim_.schedule(*at, Phase::kSense, crosser_target(c), kGlimpse, v * kMaxCameras + k);
}

// Each camera's scan phase, drawn from a stream keyed by the tower and camera, so it is
// the same for every crosser of a replication and independent of what else is drawn.
Time World::scan_phase(std::uint32_t tower, std::size_t k, Time period) const {
  Stream stream({seed_,
                 record_.replication,
                 {EntityKind::kTower, tower * kMaxCameras + k},
                 Purpose::kScanPhase});
  return sensors::draw_scan_phase(stream, period);
}

void World::glimpse(std::uint32_t c, std::size_t v, std::size_t k) {
  CrosserState& crosser = crossers_[c];
  if (crosser.finished || crosser.detected) return;
  const ViewInterval& view = crosser.views[v];
  // The crosser has moved since this look was aimed: if the scan is not on its bearing
  // now, aim again at where it is.
  if (next_look(crosser, view, k, sim_.now()) != sim_.now())
    return schedule_glimpse(c, v, k, sim_.now());
  const TowerSite& tower = model_.towers[view.tower];
  const MapPoint p = position(crosser, sim_.now());
  const double range = std::hypot(p.x - tower.position.x, p.y - tower.position.y);
  const double g = sensors::glimpse_probability(
      model_.tower_cameras[k], range, model_.concealment_at(p), model_.sun_at(sim_.now()));
  if (uniform01(crosser.detection) < g) return detect(c);
  schedule_glimpse(c, v, k, sim_.now() + 1);
}

}  // namespace bordersim::detail
