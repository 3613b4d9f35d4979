#include "bordersim/run/replication.h"

#include "bordersim/run/plan_records.h"
#include "world.h"

namespace bordersim {

ReplicationRecord simulate_replication(const Model& model, std::span<const CrosserPlan> crossers,
                                       std::uint64_t seed, std::uint32_t replication, bool trace) {
  ReplicationRecord record = detail::World(model, crossers, seed, replication, trace).run();
  record_plans(model, crossers, record);  // cargo, organisation, seams: what the plans know
  return record;
}

ReplicationRecord run_replication(const Model& model, std::uint64_t seed, std::uint32_t replication,
                                  bool trace) {
  const auto plans = plan_crossers(model.crossers, seed, replication);
  return simulate_replication(model, plans, seed, replication, trace);
}

}  // namespace bordersim
