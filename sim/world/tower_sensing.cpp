// Towers: the stretches of a leg each tower sees are known when the leg starts (a leg is
// straight), so sensing costs an event per stretch, per crew sighting and per camera look,
// not per second. Sensing goes on after the first detection: each sighting is a report
// that keeps the command post's track alive.
#include "tower_sensing.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <optional>

#include "bordersim/sensors/camera.h"
#include "bordersim/sensors/glimpse_schedule.h"
#include "bordersim/terrain/grid_walk.h"

namespace bordersim::detail {
namespace {

Time time_on(const Leg& leg, double f) {
  return leg.t0 + static_cast<Time>(std::llround(f * static_cast<double>(leg.t1 - leg.t0)));
}

}  // namespace

TowerSensing::TowerSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list)
    : Sensing(list),
      rep_(replica),
      tracer_(tracer),
      post_(post),
      crew_weather_(replica.model.weather && replica.model.weather->changes_crews()),
      crew_ceiling_(crew_weather_ ? replica.model.weather->max_crew_factor() : 1.0),
      scan_phases_(replica.model.towers.size() * replica.model.tower_cameras.size(), -1) {
  watches_.reserve(rep_.crossers.size());
  for (const CrosserState& crosser : rep_.crossers)
    watches_.emplace_back(rep_.crosser_draws(crosser, Purpose::kDetection));
}

// Events planned for the crosser's leg: dropped when it is no longer current.
void TowerSensing::handle(std::uint16_t own, const Event& e) {
  const std::uint32_t c = e.target.entity;
  if (!rep_.current(c, e.data)) return;
  const std::uint64_t payload = payload_of(e.data);
  switch (own) {
    case kEnterView:
      return enter_view(c, payload);
    case kCrewSighting:
      return crew_sighting(c, payload);
    default:  // kGlimpse
      return glimpse(c, payload / kMaxCameras, payload % kMaxCameras);
  }
}

void TowerSensing::leg_starts(std::uint32_t c) {
  std::vector<ViewInterval>& views = watches_[c].views;
  views.clear();
  if (rep_.model.towers.empty()) return;
  const CrosserState& crosser = rep_.crossers[c];
  const Leg& leg = crosser.current_leg();
  const double reach = rep_.model.tower_range_m;
  for (std::uint32_t t : rep_.model.tower_index.near_box(leg.from, leg.to, reach)) {
    const std::size_t first = views.size();
    const bool in_range = add_views(crosser, t, views);
    if (tracer_.on() && in_range && views.size() == first) tracer_.hidden(c, t);
  }
  for (std::size_t v = 0; v < views.size(); ++v)
    rep_.sim.schedule(std::max(views[v].t_in, rep_.sim.now()), Phase::kSense, rep_.target(c),
                      kind_of<kEnterView>(), stamped(crosser.stamp, v));
}

// The stretches of the current leg inside tower t's range and, on terrain, in its sight.
bool TowerSensing::add_views(const CrosserState& crosser, std::uint32_t t,
                             std::vector<ViewInterval>& views) const {
  const Leg& leg = crosser.current_leg();
  const TowerSite& tower = rep_.model.towers[t];
  const double dx = leg.to.x - leg.from.x;
  const double dy = leg.to.y - leg.from.y;
  const double length = std::hypot(dx, dy);
  if (length == 0.0) {  // standing still
    if (rep_.model.tower_sees(t, leg.from)) views.push_back({t, leg.t0, leg.t1});
    const MapPoint at = rep_.model.towers[t].position;
    return std::hypot(at.x - leg.from.x, at.y - leg.from.y) < rep_.model.towers[t].range_m;
  }
  const double rx = tower.position.x - leg.from.x;
  const double ry = tower.position.y - leg.from.y;
  const double along = (rx * dx + ry * dy) / length;
  const double across = (rx * dy - ry * dx) / length;
  const double r = tower.range_m;
  if (std::abs(across) >= r) return false;
  const double half = std::sqrt(r * r - across * across);
  const double f_in = std::max(along - half, 0.0) / length;
  const double f_out = std::min(along + half, length) / length;
  if (!(f_in < f_out)) return false;
  if (!tower.view) {
    views.push_back({t, time_on(leg, f_in), time_on(leg, f_out)});
    return true;
  }
  // Terrain hides parts of the chord: walk the cells it crosses and keep the runs of
  // cells the tower sees, exactly as tower_sees() would answer point by point.
  const MapPoint from{leg.from.x + f_in * dx, leg.from.y + f_in * dy};
  const MapPoint to{leg.from.x + f_out * dx, leg.from.y + f_out * dy};
  const auto& grid = rep_.model.geography->terrain.elevation.geometry();
  std::optional<std::pair<double, double>> run;  // the visible stretch being extended
  const auto close_run = [&] {
    if (run) views.push_back({t, time_on(leg, run->first), time_on(leg, run->second)});
    run.reset();
  };
  terrain::walk_cells(grid, from, to, [&](terrain::CellIndex cell, double t0, double t1) {
    const double f0 = f_in + t0 * (f_out - f_in);
    const double f1 = f_in + t1 * (f_out - f_in);
    if (!tower.view->visible(cell)) return close_run();
    if (run && run->second >= f0)
      run->second = f1;
    else {
      close_run();
      run = std::make_pair(f0, f1);
    }
  });
  close_run();
  return true;
}

void TowerSensing::enter_view(std::uint32_t c, std::size_t v) {
  const ViewInterval& view = watches_[c].views[v];
  if (tracer_.on()) tracer_.in_view(c, view.tower, view.t_out);
  for (std::size_t k = 0; k < rep_.model.tower_cameras.size(); ++k)
    schedule_glimpse(c, v, k, rep_.sim.now());
  if (!rep_.model.towers[view.tower].crew) return;
  if (rep_.model.towers[view.tower].instant) return crew_sighting(c, v);
  schedule_crew(c, v);
}

void TowerSensing::crew_sighting(std::uint32_t c, std::size_t v) {
  const std::uint32_t stamp = rep_.crossers[c].stamp;
  const std::uint32_t t = watches_[c].views[v].tower;
  const bool on = rep_.service.up(EntityKind::kTower, t, rep_.sim.now());
  const bool seen = on && crew_sees_through_weather(c, t);
  if (tracer_.on())
    tracer_.look(c, Detector::kTowerCrew, t, rep_.model.towers[t].position, kMissing, seen, on);
  // which may change the crosser's plan
  if (seen) post_.detect(c, Detector::kTowerCrew, rep_.model.towers[t].report_latency_s);
  if (rep_.current(c, stamped(stamp, 0))) schedule_crew(c, v);
}

// Weather that changes the crews' sighting (weather.states[].crew_detection_factor): a
// hazard crew's sightings are drawn at the largest factor's rate (schedule_crew) and each
// is kept with probability factor(now) / largest, which thins them into exactly the
// piecewise-constant hazard the states give; an instant crew's sighting is kept with
// probability factor(now). Without such weather no draw is spent, so other streams and
// the fixed-weather model stay as they were.
bool TowerSensing::crew_sees_through_weather(std::uint32_t c, std::uint32_t t) {
  if (!crew_weather_) return true;
  const double factor =
      rep_.model.weather->states[rep_.weather->state_at(rep_.sim.now())].crew_detection_factor;
  const double keep = rep_.model.towers[t].instant ? factor : factor / crew_ceiling_;
  return uniform01(watches_[c].detection) < keep;
}

// The crew's next sighting while the crosser stays in sight: at a fixed interval for an
// "instant" crew; for a hazard, an exponential time (memoryless, so redrawn after each
// sighting), scaled by how conspicuous the crosser is on this leg. Towers' hazards
// compete independently.
void TowerSensing::schedule_crew(std::uint32_t c, std::size_t v) {
  const CrosserState& crosser = rep_.crossers[c];
  Watch& watch = watches_[c];
  const ViewInterval& view = watch.views[v];
  const TowerSite& tower = rep_.model.towers[view.tower];
  Time at = rep_.sim.now() + seconds_to_time(tower.resighting_s);
  if (!tower.instant) {
    const double weather_ceiling = crew_ceiling_;
    const double rate_per_s =
        tower.rate_per_s * crosser.current_leg().detect_factor * weather_ceiling;
    if (rate_per_s <= 0.0) return;
    boost::random::exponential_distribution<double> time_to_detect_s(rate_per_s);
    // A weak hazard can draw a time past the clock's range: never, within this view.
    at = time_after(rep_.sim.now(), time_to_detect_s(watch.detection));
  }
  if (at < view.t_out)
    rep_.sim.schedule(at, Phase::kSense, rep_.target(c), kind_of<kCrewSighting>(),
                      stamped(crosser.stamp, v));
}

// When camera k of the view's tower next looks along the crosser's bearing, at or after
// `from`; empty when the bearing lies outside the scanned sector.
std::optional<Time> TowerSensing::next_look(const CrosserState& crosser, const ViewInterval& view,
                                            std::size_t k, Time from) {
  const TowerSite& tower = rep_.model.towers[view.tower];
  const MapPoint p = crosser.movement.at(rep_.sim.now());
  const double bearing = std::atan2(p.x - tower.position.x, p.y - tower.position.y) * 180.0 / M_PI;
  const auto pattern = sensors::scan_pattern(rep_.model.tower_cameras[k], tower.facing_deg);
  const auto train = sensors::glimpse_train(pattern, scan_phase(view.tower, k, pattern.period),
                                            std::fmod(bearing + 360.0, 360.0));
  if (!train) return std::nullopt;
  return sensors::first_glimpse_at_or_after(*train, from);
}

// Schedules the camera's next look at the crosser, if the crosser is still in the
// stretch of view by then. The look is aimed at the crosser's bearing now; glimpse()
// checks that the scan really points there when the time comes, as the crosser moves.
void TowerSensing::schedule_glimpse(std::uint32_t c, std::size_t v, std::size_t k, Time from) {
  const CrosserState& crosser = rep_.crossers[c];
  const ViewInterval& view = watches_[c].views[v];
  const auto at = next_look(crosser, view, k, from);
  if (at && *at < view.t_out)
    rep_.sim.schedule(*at, Phase::kSense, rep_.target(c), kind_of<kGlimpse>(),
                      stamped(crosser.stamp, v * kMaxCameras + k));
}

// Each camera's scan phase, drawn from a stream keyed by the tower and camera, so it is
// the same for every crosser of a replication and independent of what else is drawn
// (so drawn once, when first asked: a camera's period never changes).
Time TowerSensing::scan_phase(std::uint32_t tower, std::size_t k, Time period) {
  Time& phase = scan_phases_[tower * rep_.model.tower_cameras.size() + k];
  if (phase < 0) {
    Stream stream({rep_.seed,
                   rep_.record.replication,
                   {EntityKind::kTower, tower * kMaxCameras + k},
                   Purpose::kScanPhase});
    phase = sensors::draw_scan_phase(stream, period);
  }
  return phase;
}

void TowerSensing::glimpse(std::uint32_t c, std::size_t v, std::size_t k) {
  const CrosserState& crosser = rep_.crossers[c];
  Watch& watch = watches_[c];
  const ViewInterval& view = watch.views[v];
  // The crosser has moved since this look was aimed: if the scan is not on its bearing
  // now, aim again at where it is.
  if (next_look(crosser, view, k, rep_.sim.now()) != rep_.sim.now())
    return schedule_glimpse(c, v, k, rep_.sim.now());
  const TowerSite& tower = rep_.model.towers[view.tower];
  const MapPoint p = crosser.movement.at(rep_.sim.now());
  const double range = std::hypot(p.x - tower.position.x, p.y - tower.position.y);
  // The camera as the weather of the moment sees (its extinction), else as keyed.
  const sensors::CameraSpec& camera =
      rep_.weather ? rep_.model.weather_cameras[rep_.weather->state_at(rep_.sim.now()) *
                                                    rep_.model.tower_cameras.size() +
                                                k]
                   : rep_.model.tower_cameras[k];
  const double g = sensors::glimpse_probability(camera, range, rep_.model.concealment_at(p),
                                                rep_.model.sun_at(rep_.sim.now()));
  // A crosser `factor` times as conspicuous: as if `factor` independent glimpses.
  const double seen = 1.0 - std::pow(1.0 - g, crosser.current_leg().detect_factor);
  const std::uint32_t stamp = crosser.stamp;
  const bool hit = uniform01(watch.detection) < seen;
  const bool on = !hit || rep_.service.up(EntityKind::kTower, view.tower,
                                          rep_.sim.now());  // asked only on a hit
  if (tracer_.on())
    tracer_.look(c, Detector::kCamera, view.tower, tower.position, seen, hit && on,
                 rep_.service.up(EntityKind::kTower, view.tower, rep_.sim.now()),
                 camera.kind == sensors::CameraKind::kThermal ? "thermal" : "visible");
  if (hit && on) post_.detect(c, Detector::kCamera, tower.report_latency_s);
  if (rep_.current(c, stamped(stamp, 0))) schedule_glimpse(c, v, k, rep_.sim.now() + 1);
}

}  // namespace bordersim::detail
