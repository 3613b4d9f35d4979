#include "bordersim/run/replication.h"

#include "world.h"

namespace bordersim {

ReplicationRecord simulate_replication(const Model& model, std::span<const CrosserPlan> crossers,
                                       std::uint64_t seed, std::uint32_t replication) {
  return detail::World(model, crossers, seed, replication).run();
}

ReplicationRecord run_replication(const Model& model, std::uint64_t seed,
                                  std::uint32_t replication) {
  const auto plans = plan_crossers(model, seed, replication);
  return simulate_replication(model, plans, seed, replication);
}

}  // namespace bordersim
