// Drones.
//
// Drones glimpse: every glimpse period while an airframe is on station, the drone checks
// the crossers whose paths have entered its reach (the box of its track grown by its
// range), in ascending order (a crosser's position at t is analytic). They are a handful:
// a list per drone is cheaper than asking a spatial index of every path (a drone's look
// once spent 59 % of its time scanning one; bench/README.md). A drone whose reach no
// crosser's path enters sleeps, and the next crosser that enters its reach wakes it.

#include "drone_sensing.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "bordersim/sensors/glimpse_schedule.h"

namespace bordersim::detail {

DroneSensing::DroneSensing(Replica& replica, Tracer& tracer, Reports& post)
    : rep_(replica), tracer_(tracer), post_(post) {
  const auto replication = replica.record.replication;
  for (std::size_t d = 0; d < rep_.model.drones.size(); ++d) {
    const DroneSite& site = rep_.model.drones[d];
    DroneState state;
    Stream phase({rep_.seed, replication, {EntityKind::kDrone, d}, Purpose::kSchedulePhase});
    state.schedule = {site.on_station, site.slot, sensors::draw_scan_phase(phase, site.slot)};
    if (site.random_pattern) {
      const sensors::TrackBox box{site.from_m, site.to_m, site.offset_m - 0.5 * site.depth_m,
                                  site.offset_m + 0.5 * site.depth_m};
      state.track.emplace(
          box, site.speed_mps, site.leg_m,
          Stream({rep_.seed, replication, {EntityKind::kDrone, d}, Purpose::kRoute}));
    } else {
      state.unfolded0_m = uniform01(phase) * 2.0 * (site.to_m - site.from_m);
    }
    drones_.push_back(std::move(state));
  }
  crossers_.reserve(rep_.crossers.size());
  for (const CrosserState& crosser : rep_.crossers)
    crossers_.emplace_back(rep_.crosser_draws(crosser, Purpose::kAirDetection));
}

// The current leg wakes the drones whose reach it enters (the crosser joins their lists of
// walkers).
void DroneSensing::leg_starts(std::uint32_t c) {
  const Leg& leg = rep_.crossers[c].current_leg();
  std::vector<std::uint16_t>& reached = crossers_[c].drones;
  const MapPoint lo{std::min(leg.from.x, leg.to.x), std::min(leg.from.y, leg.to.y)};
  const MapPoint hi{std::max(leg.from.x, leg.to.x), std::max(leg.from.y, leg.to.y)};
  if (rep_.model.drones.empty()) return;
  {
    for (std::size_t d = 0; d < rep_.model.drones.size(); ++d) {
      const DroneSite& site = rep_.model.drones[d];
      if (site.grounded || hi.x < site.reach_lo.x || lo.x > site.reach_hi.x ||
          hi.y < site.reach_lo.y || lo.y > site.reach_hi.y)
        continue;
      if (std::find(reached.begin(), reached.end(), d) != reached.end()) continue;
      reached.push_back(static_cast<std::uint16_t>(d));
      auto& walkers = drones_[d].walkers;
      walkers.insert(std::lower_bound(walkers.begin(), walkers.end(), c), c);
      wake(d, rep_.sim.now());
    }
  }
}

void DroneSensing::crossing_ends(std::uint32_t c) {
  for (std::uint16_t d : crossers_[c].drones) {
    auto& walkers = drones_[d].walkers;
    walkers.erase(std::lower_bound(walkers.begin(), walkers.end(), c));
  }
  crossers_[c].drones.clear();
}

void DroneSensing::wake(std::size_t d, Time from) {
  DroneState& drone = drones_[d];
  if (drone.awake) return;
  drone.awake = true;
  rep_.sim.schedule(next_glimpse(d, from), Phase::kSense,
                    {static_cast<std::uint32_t>(d), rep_.model.drones[d].sector}, kDroneGlimpse);
}

// Glimpses fall every period from the start of each slot on station.
Time DroneSensing::next_glimpse(std::size_t d, Time from) const {
  const sensors::StationSchedule& schedule = drones_[d].schedule;
  const Time period = rep_.model.drones[d].glimpse_period;
  const Time start = schedule.slot_start_for(from);
  if (from <= start) return start;
  const Time at = start + (from - start + period - 1) / period * period;
  return at < start + schedule.on_station ? at : start + schedule.slot;
}

MapPoint DroneSensing::position(std::size_t d, Time t) {
  const DroneSite& site = rep_.model.drones[d];
  const auto& border = rep_.model.geography->border;
  if (auto& track = drones_[d].track) {
    const MapPoint sn = track->at(time_to_seconds(t));  // (along, across) the border
    return behind_border(border, sn.x, sn.y);
  }
  const double unfolded = drones_[d].unfolded0_m + site.speed_mps * time_to_seconds(t);
  return behind_border(
      border, site.from_m + sensors::back_and_forth_position(unfolded, site.to_m - site.from_m),
      site.offset_m);
}

void DroneSensing::glimpse(std::size_t d) {
  DroneState& drone = drones_[d];
  const DroneSite& site = rep_.model.drones[d];
  drone.awake = false;
  if (drone.walkers.empty()) return;  // asleep until a crosser comes within reach
  const Time now = rep_.sim.now();
  if (!rep_.service.up(EntityKind::kDrone, d, now)) return wake(d, now + 1);
  const MapPoint q = position(d, now);
  found_ = drone.walkers;  // detections below may add or remove walkers
  for (std::uint32_t c : found_) {
    const CrosserState& crosser = rep_.crossers[c];
    if (crosser.finished) continue;
    const MapPoint p = crosser.movement.at(now, crosser.leg);
    const double dx = p.x - q.x, dy = p.y - q.y;
    // hypot(dx, dy) >= max(|dx|, |dy|), and most walkers in a drone's reach are far from it.
    if (std::abs(dx) > site.range_m || std::abs(dy) > site.range_m) continue;
    const double ground = std::hypot(dx, dy);
    if (ground > site.range_m) continue;
    const double seen =
        site.law == DroneLaw::kDefinite
            ? 1.0
            : sensors::inverse_cube_glimpse(site.k_m2_per_s, site.altitude_m, ground,
                                            time_to_seconds(site.glimpse_period));
    // A crosser `factor` times as conspicuous on this leg: as if `factor` glimpses.
    const double g = seen * (1.0 - rep_.model.concealment_at(p));
    const double factor =
        crosser.movement.legs()[crosser.movement.leg_at(now, crosser.leg)].detect_factor;
    const double p_seen = 1.0 - std::pow(1.0 - g, factor);
    const bool hit = uniform01(crossers_[c].air) < p_seen;
    if (tracer_.on()) tracer_.look(c, Detector::kDrone, d, q, p_seen, hit, true);
    if (hit) post_.detect(c, Detector::kDrone, site.report_latency_s);
  }
  wake(d, now + 1);
}

}  // namespace bordersim::detail
