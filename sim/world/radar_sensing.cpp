// Radars on towers (sensors/radar.h). A leg is straight and its timing known when it
// starts, so a radar's looks at the crosser along it are known too: they fall at the
// radar's scan times phase + k·period. The looks are drawn in order, as the leg starts,
// until one detects; that one becomes an event, and when it comes (the leg still current)
// the radar reports and its looks at that crosser go on from report_interval_s later, on
// this leg and the next ones. A radar costs an event per report, not per scan.
#include "radar_sensing.h"

#include <algorithm>
#include <cmath>

#include "bordersim/sensors/glimpse_schedule.h"
#include "bordersim/sensors/radar.h"

namespace bordersim::detail {

RadarSensing::RadarSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list)
    : Sensing(list), rep_(replica), tracer_(tracer), post_(post) {
  tracks_.reserve(rep_.crossers.size());
  for (const CrosserState& crosser : rep_.crossers)
    tracks_.emplace_back(rep_.crosser_draws(crosser, Purpose::kRadarDetection));
}

void RadarSensing::leg_starts(std::uint32_t c) {
  if (!rep_.model.tower_radar || rep_.model.towers.empty()) return;
  const Leg& leg = rep_.crossers[c].current_leg();
  // The Doppler processor rejects what does not move: a stop is never seen.
  if (leg.from.x == leg.to.x && leg.from.y == leg.to.y) return;
  const double reach = rep_.model.tower_radar->spec.range_m;
  for (std::uint32_t t : rep_.model.tower_index.near_box(leg.from, leg.to, reach)) {
    Time from = std::max(leg.t0, rep_.sim.now());
    for (const auto& [tower, next] : tracks_[c].quiet)
      if (tower == t) from = std::max(from, next);
    schedule_contact(c, t, from);
  }
}

// The radar's scan phase, from a stream keyed by its tower: the same for every crosser of
// a replication, whatever else is drawn.
Time RadarSensing::phase(std::uint32_t tower) const {
  Stream stream(
      {rep_.seed, rep_.record.replication, {EntityKind::kRadar, tower}, Purpose::kScanPhase});
  return sensors::draw_scan_phase(stream,
                                  seconds_to_time(rep_.model.tower_radar->spec.scan_period_s));
}

// The probability that tower t's radar detects the crosser on its current leg at time at.
double RadarSensing::look(const CrosserState& crosser, std::uint32_t t, Time at) const {
  const TowerSite& tower = rep_.model.towers[t];
  const sensors::RadarSpec& radar = rep_.model.tower_radar->spec;
  const MapPoint p = crosser.movement.at(at);
  const double dx = p.x - tower.position.x;
  const double dy = p.y - tower.position.y;
  if (!sensors::in_radar_coverage(radar, tower.facing_deg, dx, dy) ||
      !rep_.model.in_tower_sight(t, p))
    return 0.0;
  const auto cover = rep_.model.geography->terrain.cover.cover_at(p);
  const auto target = crosser.plan->mover == Mover::kVehicle ? sensors::RadarTarget::kVehicle
                                                             : sensors::RadarTarget::kWalker;
  const double pd = sensors::radar_scan_probability(radar, target, std::hypot(dx, dy),
                                                    cover.value_or(terrain::LandCover::kDesert));
  // A crosser `factor` times as conspicuous: as if `factor` independent looks.
  return 1.0 - std::pow(1.0 - pd, crosser.current_leg().detect_factor);
}

// Draws the radar's looks at the crosser from `from` to the end of the leg, in order, and
// schedules the first that detects. Only looks with a chance use a draw.
void RadarSensing::schedule_contact(std::uint32_t c, std::uint32_t t, Time from) {
  const CrosserState& crosser = rep_.crossers[c];
  const Leg& leg = crosser.current_leg();
  // Only the stretch of the leg within range can be seen: the chord of the range's disc.
  const MapPoint at_radar = rep_.model.towers[t].position;
  const double dx = leg.to.x - leg.from.x, dy = leg.to.y - leg.from.y;
  const double length = std::hypot(dx, dy);
  if (length == 0.0) return;  // a stop: never seen (start_radar_scans)
  const double rx = at_radar.x - leg.from.x, ry = at_radar.y - leg.from.y;
  const double along = (rx * dx + ry * dy) / length;
  const double across = (rx * dy - ry * dx) / length;
  const double range = rep_.model.tower_radar->spec.range_m;
  if (std::abs(across) > range) return;
  const double half = std::sqrt(range * range - across * across);
  const auto time_on = [&](double d) {  // a little wide: the looks check the range again
    const double f = std::clamp(d / length, 0.0, 1.0);
    return leg.t0 + static_cast<Time>(f * static_cast<double>(leg.t1 - leg.t0));
  };
  const Time end = std::min(leg.t1, time_on(along + half) + 1);
  from = std::max(from, time_on(along - half) - 1);
  const Time period = seconds_to_time(rep_.model.tower_radar->spec.scan_period_s);
  const Time phase = this->phase(t);
  // The first scan at or after `from`: phase + k·period.
  const Time behind = from - phase;
  Time at = phase + (behind <= 0 ? 0 : (behind + period - 1) / period * period);
  for (; at < end; at += period) {
    const double p = look(crosser, t, at);
    if (p > 0.0 && uniform01(tracks_[c].radar) < p) {
      rep_.sim.schedule(at, Phase::kSense, rep_.target(c), kind_of<kContact>(),
                        stamped(crosser.stamp, t));
      return;
    }
  }
}

// A look that detected, drawn when the leg started: the radar reports if its tower is in
// service now; either way its looks go on.
void RadarSensing::contact(std::uint32_t c, std::uint32_t t) {
  const TowerSite& tower = rep_.model.towers[t];
  const bool on = rep_.service.up(EntityKind::kTower, t, rep_.sim.now());
  if (tracer_.on())
    tracer_.look(c, Detector::kRadar, t, tower.position, look(rep_.crossers[c], t, rep_.sim.now()),
                 on, on);
  const std::uint32_t stamp = rep_.crossers[c].stamp;
  if (on) post_.detect(c, Detector::kRadar, tower.report_latency_s);  // which may change the plan
  if (!on) return schedule_contact(c, t, rep_.sim.now() + 1);
  // The next report no sooner than the interval, even on a later leg.
  const Time next = rep_.sim.now() + seconds_to_time(rep_.model.tower_radar->report_interval_s);
  auto& quiet = tracks_[c].quiet;
  const auto known =
      std::find_if(quiet.begin(), quiet.end(), [t](const auto& q) { return q.first == t; });
  if (known != quiet.end())
    known->second = next;
  else
    quiet.emplace_back(t, next);
  if (rep_.current(c, stamped(stamp, 0))) schedule_contact(c, t, next);
}

}  // namespace bordersim::detail
