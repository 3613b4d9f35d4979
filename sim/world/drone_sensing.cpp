// Drones.
//
// Drones glimpse: every glimpse period while an airframe is on station, the drone checks
// the crossers whose paths have entered its reach (the box of its track grown by its
// range), in ascending order (a crosser's position at t is analytic). They are a handful:
// a list per drone is cheaper than asking a spatial index of every path (a drone's look
// once spent 59 % of its time scanning one; bench/README.md). A drone whose reach no
// crosser's path enters sleeps, and the next crosser that enters its reach wakes it.
//
// Most glimpses find no one: the drone sweeps 150 km of border while its walkers stay put
// by comparison. For each walker the drone keeps a time before which it cannot be within
// range (sensors::earliest_within: from the drone's place along the border and speed, the
// walker's place and the speed of the leg it walks), worked out again at each glimpse that
// looks at it and whenever its next leg starts (a leg's speed holds only while it is
// walked; a reaction rewrites the legs and starts one). A glimpse before every walker's
// time returns at once: it would have passed over each of them at the range test, drawing
// nothing. The glimpse events themselves stay as they were (their sequence numbers order
// same-time events).

#include "drone_sensing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "bordersim/sensors/drone_approach.h"
#include "bordersim/sensors/glimpse_schedule.h"

namespace bordersim::detail {

DroneSensing::DroneSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list)
    : Sensing(list), rep_(replica), tracer_(tracer), post_(post) {
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
    state.lane = rep_.sim.add_lane();
    state.period = site.glimpse_period;
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
      const auto at = std::lower_bound(walkers.begin(), walkers.end(), c);
      drones_[d].quiet.insert(drones_[d].quiet.begin() + (at - walkers.begin()), 0);
      walkers.insert(at, c);
      wake(d, rep_.sim.now());
    }
  }
  const CrosserState& crosser = rep_.crossers[c];
  const Time now = rep_.sim.now();
  const MapPoint p = crosser.movement.at(now, crosser.leg);
  for (std::uint16_t d : reached) set_quiet(d, c, quiet_for(d, c, p, now));
}

void DroneSensing::crossing_ends(std::uint32_t c) {
  for (std::uint16_t d : crossers_[c].drones) {
    auto& walkers = drones_[d].walkers;
    const auto at = std::lower_bound(walkers.begin(), walkers.end(), c);
    drones_[d].quiet.erase(drones_[d].quiet.begin() + (at - walkers.begin()));
    walkers.erase(at);  // quiet_until stays a lower bound
    publish_quiet(d);
  }
  crossers_[c].drones.clear();
}

void DroneSensing::wake(std::size_t d, Time from) {
  DroneState& drone = drones_[d];
  if (drone.awake) return;
  drone.awake = true;
  rep_.sim.schedule_on_lane(drone.lane, next_glimpse(d, from), Phase::kSense,
                            {static_cast<std::uint32_t>(d), rep_.model.drones[d].sector},
                            kind_of<kGlimpse>());
}

// Glimpses fall every period from the start of each slot on station.
Time DroneSensing::repeat_glimpse(const void* drone, Time from) {
  const DroneState& state = *static_cast<const DroneState*>(drone);
  const sensors::StationSchedule& schedule = state.schedule;
  const Time period = state.period;
  // Every glimpse time lies on its slot's grid, so the one after it (from = it + 1) is a
  // period on while that stays inside the slot: what the arithmetic below gives.
  if (from == state.last_glimpse + 1 && state.last_glimpse + period < state.last_slot_end)
    return state.last_glimpse += period;
  const Time start = schedule.slot_start_for(from);
  const Time at = from <= start ? start : start + (from - start + period - 1) / period * period;
  const bool in_slot = at < start + schedule.on_station;
  state.last_glimpse = in_slot ? at : start + schedule.slot;
  state.last_slot_end = (in_slot ? start : start + schedule.slot) + schedule.on_station;
  return state.last_glimpse;
}

Time DroneSensing::next_glimpse(std::size_t d, Time from) const {
  return repeat_glimpse(&drones_[d], from);
}

// The glimpses before quiet_until find no one and, for a drone on a line, do nothing but
// come again: the simulator repeats them itself. A random track must step at each glimpse,
// and a drone without walkers sleeps at its next glimpse: their glimpses are handled.
void DroneSensing::publish_quiet(std::size_t d) {
  const DroneState& drone = drones_[d];
  const Time until = drone.walkers.empty() || drone.track ? 0 : drone.quiet_until;
  rep_.sim.set_lane_quiet(drone.lane, until, &DroneSensing::repeat_glimpse, &drone);
}

double DroneSensing::line_along(std::size_t d, Time t) const {
  const DroneSite& site = rep_.model.drones[d];
  const double unfolded = drones_[d].unfolded0_m + site.speed_mps * time_to_seconds(t);
  return site.from_m + sensors::back_and_forth_position(unfolded, site.to_m - site.from_m);
}

MapPoint DroneSensing::position(std::size_t d, Time t) {
  const DroneSite& site = rep_.model.drones[d];
  const auto& border = rep_.model.geography->border;
  DroneState& drone = drones_[d];
  if (auto& track = drone.track) {
    const MapPoint sn = track->at(time_to_seconds(t));  // (along, across) the border
    drone.s_seen = sn.x;
    drone.t_seen = t;
    return behind_border(border, sn.x, sn.y);
  }
  return behind_border(border, line_along(d, t), site.offset_m);
}

// 1 m more than the range: far more than the rounding of the places the glimpse compares.
constexpr double kRangeMarginM = 1.0;

Time DroneSensing::quiet_for(std::size_t d, std::uint32_t c, MapPoint p, Time now) const {
  const DroneSite& site = rep_.model.drones[d];
  const DroneState& drone = drones_[d];
  if (drone.track && drone.t_seen < 0) return now;  // no place known yet
  const double s_ref = drone.track ? drone.s_seen : line_along(d, now);
  const Time t_ref = drone.track ? drone.t_seen : now;
  const double half_depth = drone.track ? 0.5 * site.depth_m : 0.0;
  const sensors::AlongBorderTrack track{site.from_m, site.to_m, site.offset_m - half_depth,
                                        site.offset_m + half_depth, site.speed_mps};
  const Leg& leg = rep_.crossers[c].current_leg();
  const double leg_m = std::hypot(leg.to.x - leg.from.x, leg.to.y - leg.from.y);
  const double speed = leg.t1 > leg.t0 ? leg_m / time_to_seconds(leg.t1 - leg.t0)
                       : leg_m > 0.0   ? std::numeric_limits<double>::infinity()
                                       : 0.0;
  const double t =
      sensors::earliest_within(rep_.model.geography->border, track, s_ref, time_to_seconds(t_ref),
                               p, time_to_seconds(now), speed, site.range_m + kRangeMarginM);
  // Glimpses strictly before the bound are quiet; past any horizon, never mind.
  if (!(t < time_to_seconds(kMaxTime))) return kMaxTime;
  return std::max(now, static_cast<Time>(std::floor(t * kTicksPerSecond)));
}

void DroneSensing::set_quiet(std::size_t d, std::uint32_t c, Time quiet) {
  DroneState& drone = drones_[d];
  const auto at = std::lower_bound(drone.walkers.begin(), drone.walkers.end(), c);
  drone.quiet[static_cast<std::size_t>(at - drone.walkers.begin())] = quiet;
  drone.quiet_until = *std::min_element(drone.quiet.begin(), drone.quiet.end());
  publish_quiet(d);
}

void DroneSensing::glimpse(std::size_t d) {
  DroneState& drone = drones_[d];
  const DroneSite& site = rep_.model.drones[d];
  drone.awake = false;
  if (drone.walkers.empty()) return;  // asleep until a crosser comes within reach
  const Time now = rep_.sim.now();
  if (now < drone.quiet_until) {  // it would pass over every walker at the range test
    if (drone.track && rep_.service.up(EntityKind::kDrone, d, now)) position(d, now);
    return wake(d, now + 1);
  }
  if (!rep_.service.up(EntityKind::kDrone, d, now)) return wake(d, now + 1);
  const MapPoint q = position(d, now);
  found_ = drone.walkers;  // detections below may add or remove walkers
  for (std::uint32_t c : found_) {
    const CrosserState& crosser = rep_.crossers[c];
    if (crosser.finished) continue;
    Time& quiet = drone.quiet[static_cast<std::size_t>(
        std::lower_bound(drone.walkers.begin(), drone.walkers.end(), c) - drone.walkers.begin())];
    if (now < quiet) continue;  // it cannot be within range yet
    const MapPoint p = crosser.movement.at(now, crosser.leg);
    const double dx = p.x - q.x, dy = p.y - q.y;
    // hypot(dx, dy) >= max(|dx|, |dy|), and most walkers in a drone's reach are far from it.
    const bool far = std::abs(dx) > site.range_m || std::abs(dy) > site.range_m;
    const double ground = far ? 0.0 : std::hypot(dx, dy);
    if (far || ground > site.range_m) {
      quiet = quiet_for(d, c, p, now);
      continue;
    }
    quiet = now;  // set before the detection, whose reaction may start a leg (and reset it)
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
  if (!drone.quiet.empty())
    drone.quiet_until = *std::min_element(drone.quiet.begin(), drone.quiet.end());
  publish_quiet(d);
  wake(d, now + 1);
}

}  // namespace bordersim::detail
