// A sweep's contact reaching the command post (sim/c2/command_post.h), which the sensing
// reports to through World::detect. (The sweeps' component will take detect_by.)
#include <algorithm>

#include "world.h"

namespace bordersim::detail {

void World::detect(std::uint32_t c, Detector by, double report_latency_s) {
  post_.detect(c, by, report_latency_s);
}

// A patrol's or a reconnaissance sortie's contact, planned when the leg started: it counts
// if the patrol is in service now, and if the vehicle has not been sent away since (then
// the leg's next contact with the others is looked for).
void World::detect_by(std::uint32_t c, std::uint64_t payload) {
  CrosserState& crosser = rep_.crossers[c];
  if (rep_.sim.now() != crosser.sweep_at) return;  // replaced by a contact solved again
  crosser.sweep_at = kNever;
  crosser.swept = true;
  const auto by = static_cast<Detector>(payload >> 24);
  const std::uint32_t index = payload & 0xFF'FFFF;
  if (by != Detector::kPatrol) {
    if (tracer_.on()) tracer_.look(c, by, index, {kMissing, kMissing}, 1.0, true, true);
    return detect(c, by, rep_.model.air_recon[index].report_latency_s);
  }
  const auto after = std::upper_bound(
      rep_.model.patrols.begin(), rep_.model.patrols.end(), index,
      [](std::uint32_t v, const PatrolSite& site) { return v < site.first_vehicle; });
  const auto p = static_cast<std::size_t>(after - rep_.model.patrols.begin()) - 1;
  const std::uint32_t k = index - rep_.model.patrols[p].first_vehicle;
  if (vehicle_away(p, k, rep_.sim.now()) && up(EntityKind::kPatrol, p, rep_.sim.now())) {
    crosser.swept = false;
    return schedule_sweep_contact(c);
  }
  const bool on = up(EntityKind::kPatrol, p, rep_.sim.now());
  if (tracer_.on())
    tracer_.look(c, by, index, rep_.rounds.vehicle_at(p, k, rep_.sim.now()), 1.0, on, on);
  if (on) detect(c, by, rep_.model.patrols[p].report_latency_s);
}

}  // namespace bordersim::detail
