#pragma once
// Two runs of one batch (on different thread counts, say) agree record for record: every
// replication's totals and every crossing, bit for bit.
#include <doctest/doctest.h>

#include <cstddef>

#include "bordersim/run/batch.h"
#include "record_equality.h"

namespace bordersim::testing {

// Checks two records of one replication, totals and crossings; returns how many crossings
// `a` holds, so that a caller can require that the comparison was not empty.
inline std::size_t check_same_replication(const ReplicationRecord& a, const ReplicationRecord& b) {
  CHECK(same_totals(a, b));
  REQUIRE(a.crossing_records.size() == b.crossing_records.size());
  for (std::size_t c = 0; c < a.crossing_records.size(); ++c)
    CHECK(same(a.crossing_records[c], b.crossing_records[c]));
  return a.crossing_records.size();
}

// The same for every replication of every variant; returns the crossings of `a`.
inline std::size_t check_same_batch(const BatchResult& a, const BatchResult& b) {
  REQUIRE(a.variants.size() == b.variants.size());
  std::size_t crossings = 0;
  for (std::size_t v = 0; v < a.variants.size(); ++v) {
    const auto& x = a.variants[v].replications;
    const auto& y = b.variants[v].replications;
    REQUIRE(x.size() == y.size());
    for (std::size_t r = 0; r < x.size(); ++r) crossings += check_same_replication(x[r], y[r]);
  }
  return crossings;
}

}  // namespace bordersim::testing
