// Who can be sent, from where, and how fast. Quick-reaction teams wait at their bases and
// drive by road and terrain (the base's travel-time field). A patrol's vehicle answers from
// wherever its round has taken it: it drives its own road to the place from which the
// crosser is soonest reached across the ground, then by road and terrain (the road's
// field); it sweeps nothing until it is back on its round. On ground without a routing
// grid, both drive straight.
#include "responder_pool.h"

#include <algorithm>
#include <cmath>

namespace bordersim::detail {

ResponderPool::ResponderPool(Replica& replica) : rep_(replica) {
  const auto& border = rep_.model.geography->border;
  for (const MapPoint home : rep_.model.responder_homes) {
    ResponderState team;
    team.home = home;
    team.sector = rep_.model.sector_of(border.project(home).s);
    team.jurisdiction = rep_.model.sectors[team.sector].jurisdiction_index;
    responders_.push_back(team);
  }
  patrol_responders_.assign(rep_.model.patrols.size(), 0);
  for (std::uint32_t p = 0; p < rep_.model.patrols.size(); ++p) {
    const PatrolSite& site = rep_.model.patrols[p];
    if (!site.responds) continue;
    patrol_responders_[p] = responders_.size();
    ResponderState vehicle;
    const double middle = 0.5 * (site.route.from_m + site.route.to_m);
    vehicle.sector = rep_.model.sector_of(
        site.on_border_road ? middle : border.project(lane_point(site.route, middle)).s);
    for (std::uint32_t k = 0; k < site.vehicles; ++k) {
      vehicle.vehicle = PatrolVehicle{p, k};
      responders_.push_back(vehicle);
    }
  }
  init_drive_bounds();
}

bool ResponderPool::any_busy() const {
  return std::any_of(responders_.begin(), responders_.end(),
                     [](const ResponderState& r) { return r.busy; });
}

std::size_t ResponderPool::free_count() const {
  std::size_t free = 0;
  for (std::size_t r = 0; r < responders_.size(); ++r) free += ready(r) ? 1 : 0;
  return free;
}

bool ResponderPool::ready(std::size_t r) const {
  const ResponderState& responder = responders_[r];
  if (responder.busy) return false;
  if (!responder.vehicle) return true;
  const std::size_t p = responder.vehicle->patrol;
  return rep_.service.up(EntityKind::kPatrol, p, rep_.sim.now()) &&
         rep_.model.patrols[p].shifts.active(time_to_seconds(rep_.sim.now()));
}

MapPoint ResponderPool::at(std::size_t r) const {
  const ResponderState& responder = responders_[r];
  if (!responder.vehicle) return responder.home;
  return rep_.rounds.vehicle_at(responder.vehicle->patrol, responder.vehicle->index,
                                rep_.sim.now());
}

TracedResponder ResponderPool::traced(std::size_t r) const {
  const ResponderState& responder = responders_[r];
  return {responder.vehicle ? Responder::kPatrol : Responder::kQuickReaction,
          responder.vehicle ? responder.vehicle->patrol : static_cast<std::uint32_t>(r), at(r)};
}

// A vehicle answers to the jurisdiction it is driving through.
std::uint16_t ResponderPool::jurisdiction(std::size_t r) const {
  const auto& vehicle = responders_[r].vehicle;
  if (!vehicle) return responders_[r].jurisdiction;
  const double s = rep_.rounds.vehicle_border_s(vehicle->patrol, vehicle->index, rep_.sim.now());
  return rep_.model.sectors[rep_.model.sector_of(s)].jurisdiction_index;
}

bool ResponderPool::drives_straight(std::size_t r) const {
  if (!rep_.model.routing) return true;
  if (const auto& vehicle = responders_[r].vehicle)
    return !rep_.model.routing->patrol_fields[vehicle->patrol].field;
  return rep_.model.routing->base_fields.empty();
}

double ResponderPool::speed_mps(std::size_t r) const {
  if (const auto& vehicle = responders_[r].vehicle)
    return rep_.model.patrols[vehicle->patrol].response_speed_mps;
  return rep_.model.command.qrf_speed_mps;
}

// From where it is now to `to` (or back: the way out reversed): infinite where no
// vehicle gets.
double ResponderPool::travel_s(std::size_t r, MapPoint to) const {
  if (drives_straight(r)) {
    const MapPoint from = at(r);
    return std::hypot(to.x - from.x, to.y - from.y) / speed_mps(r);
  }
  const auto& vehicle = responders_[r].vehicle;
  if (!vehicle)
    return rep_.model.routing->base_fields[rep_.model.responder_base[r]]->seconds_to(to) /
           speed_mps(r);
  const PatrolSite& site = rep_.model.patrols[vehicle->patrol];
  const auto& road = rep_.model.routing->patrol_fields[vehicle->patrol];
  const auto across = road.field->from_nearest_source(to);
  if (!std::isfinite(across.seconds)) return across.seconds;
  double along_m = std::abs(road.source_s[across.source] -
                            rep_.rounds.vehicle_s(vehicle->patrol, vehicle->index, rep_.sim.now()));
  // Round a loop, the shorter way to the source: a vehicle on a call may turn back.
  if (site.loop) along_m = std::min(along_m, (site.route.to_m - site.route.from_m) - along_m);
  return along_m / site.speed_mps + across.seconds / site.response_speed_mps;
}

double ResponderPool::travel_s_or_more(std::size_t r, MapPoint to, double enough_s) const {
  if (!drives_straight(r) && !responders_[r].vehicle) {
    const auto& field = *rep_.model.routing->base_fields[rep_.model.responder_base[r]];
    const double least = field.seconds_to_or_more(to, enough_s * speed_mps(r)) / speed_mps(r);
    if (least >= enough_s) return least;
  }
  return travel_s(r, to);
}

bool ResponderPool::vehicle_away(std::size_t p, std::size_t k, Time t) const {
  if (!rep_.model.patrols[p].responds) return false;
  const ResponderState& vehicle = responders_[patrol_responders_[p] + k];
  return vehicle.busy && t < vehicle.back_at;
}

void ResponderPool::send(std::size_t r) {
  ResponderState& responder = responders_[r];
  responder.busy = true;
  responder.busy_since = rep_.sim.now();
  responder.back_at = kNever;  // known once it turns back
  responder.alarm_reached = kNever;
  ++rep_.record.responder_dispatches;
}

}  // namespace bordersim::detail
