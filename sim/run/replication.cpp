#include "bordersim/run/replication.h"

#include "bordersim/movers/plan_records.h"
#include "world.h"

namespace bordersim {

ReplicationRecord simulate_replication(const Model& model, std::span<const CrosserPlan> crossers,
                                       std::uint64_t seed, std::uint32_t replication) {
  ReplicationRecord record = detail::World(model, crossers, seed, replication).run();
  record_plans(model, crossers, record);  // cargo, organisation, seams: what the plans know
  return record;
}

ReplicationRecord run_replication(const Model& model, std::uint64_t seed,
                                  std::uint32_t replication) {
  const auto plans = plan_crossers(model, seed, replication);
  return simulate_replication(model, plans, seed, replication);
}

}  // namespace bordersim
