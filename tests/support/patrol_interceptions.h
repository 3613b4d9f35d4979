#pragma once
// Replications of one hand-made crosser that a tower crew always sees and only a patrol
// can intercept: how many ended in an interception. Shared by the patrol-response
// validations, which compare that count against a closed form.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "bordersim/run/model.h"
#include "bordersim/run/replication.h"

namespace bordersim::testing {

inline std::uint32_t patrol_interceptions(const Model& model, const CrosserPlan& plan,
                                          std::uint32_t replications, std::uint64_t seed = 17) {
  const std::vector<CrosserPlan> plans{plan};
  std::uint32_t intercepted = 0;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const ReplicationRecord record = simulate_replication(model, plans, seed, r);
    const CrossingRecord& row = record.crossing_records.at(0);
    REQUIRE(row.first_detector == Detector::kTowerCrew);
    if (row.outcome == Outcome::kIntercepted) {
      ++intercepted;
      CHECK(row.interceptor == Responder::kPatrol);
    } else {
      CHECK(row.outcome == Outcome::kDetectedNotIntercepted);
      CHECK(row.interceptor == Responder::kNone);
    }
  }
  return intercepted;
}

}  // namespace bordersim::testing
