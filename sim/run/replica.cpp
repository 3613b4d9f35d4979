#include "replica.h"

#include <stdexcept>

#include "bordersim/sensors/patrol_cycle.h"

namespace bordersim::detail {

Replica::Replica(const Model& its_model, std::uint64_t its_seed, std::uint32_t replication,
                 Upcalls& its_calls)
    : model(its_model), seed(its_seed), calls(its_calls) {
  record.replication = replication;
}

ServiceTimelines::ServiceTimelines() {
  for (std::size_t k = 0; k < kKinds; ++k) slot_[k] = static_cast<std::uint8_t>(k);
}

void ServiceTimelines::set(EntityKind kind, std::vector<sensors::Availability> sites) {
  if (static_cast<std::size_t>(kind) >= kKinds)
    throw std::logic_error("ServiceTimelines: an EntityKind past kKinds");
  timelines_[index(kind)] = std::move(sites);
}

void ServiceTimelines::share(EntityKind kind, EntityKind with) {
  if (static_cast<std::size_t>(kind) >= kKinds || static_cast<std::size_t>(with) >= kKinds)
    throw std::logic_error("ServiceTimelines: an EntityKind past kKinds");
  slot_[index(kind)] = slot_[index(with)];
}

PatrolRounds::PatrolRounds(const Model& model, std::uint64_t seed, std::uint32_t replication)
    : model_(&model) {
  for (std::size_t p = 0; p < model.patrols.size(); ++p) {
    Stream phase({seed, replication, {EntityKind::kPatrol, p}, Purpose::kSchedulePhase});
    unfolded0_m_.push_back(uniform01(phase) * model.patrols[p].cycle_m());
  }
}

double PatrolRounds::vehicle_s(std::size_t p, std::size_t k, Time t) const {
  const PatrolSite& site = model_->patrols[p];
  const double length = site.route.to_m - site.route.from_m;
  const double unfolded =
      unfolded0_m_[p] +
      sensors::vehicle_offset(static_cast<std::int64_t>(k), site.vehicles, site.cycle_m()) +
      site.speed_mps * time_to_seconds(t);
  return site.route.from_m + sensors::cycle_position(unfolded, length, site.loop);
}

double PatrolRounds::vehicle_border_s(std::size_t p, std::size_t k, Time t) const {
  const double s = vehicle_s(p, k, t);
  if (model_->patrols[p].on_border_road) return s;
  return model_->geography->border.project(lane_point(model_->patrols[p].route, s)).s;
}

MapPoint PatrolRounds::vehicle_at(std::size_t p, std::size_t k, Time t) const {
  return lane_point(model_->patrols[p].route, vehicle_s(p, k, t));
}

}  // namespace bordersim::detail
