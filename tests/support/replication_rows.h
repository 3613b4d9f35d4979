#pragma once
// Hand-made replications for tests of what reads results (summaries, tables, files): the
// crossing rows go in, and the replication's counts follow from them as the model's would.
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "bordersim/run/record.h"

namespace bordersim::testing {

// Files `rows` under replication `r` (setting each row's replication number) and counts
// crossings, detected, intercepted, aborted and escaped from them.
inline void add_crossings(ReplicationRecord& r, std::vector<CrossingRecord> rows) {
  for (CrossingRecord& c : rows) {
    c.replication = r.replication;
    ++r.crossings;
    if (!std::isnan(c.first_detection_s)) ++r.detected;
    if (c.outcome == Outcome::kIntercepted) ++r.intercepted;
    if (c.outcome == Outcome::kAborted) ++r.aborted;
    if (c.outcome == Outcome::kUndetected || c.outcome == Outcome::kDetectedNotIntercepted)
      ++r.escaped;
  }
  r.crossing_records = std::move(rows);
}

}  // namespace bordersim::testing
