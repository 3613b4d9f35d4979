#pragma once
// One replication: the crossers of a plan walk across the border, towers detect them,
// reports reach the command post, responders race to intercept them.
#include <cstdint>
#include <span>

#include "bordersim/movers/arrivals.h"
#include "bordersim/run/model.h"
#include "bordersim/run/record.h"

namespace bordersim {

// Runs the given crossers through the model (tests hand-make plans to pin situations down).
// With `trace`, the record's trace holds every crossing's story (record.h, TraceRow).
ReplicationRecord simulate_replication(const Model& model, std::span<const CrosserPlan> crossers,
                                       std::uint64_t seed, std::uint32_t replication,
                                       bool trace = false);

// plan_crossers + simulate_replication: what a batch runs.
ReplicationRecord run_replication(const Model& model, std::uint64_t seed, std::uint32_t replication,
                                  bool trace = false);

}  // namespace bordersim
