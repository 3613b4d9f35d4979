#pragma once
// The difference of two pooled proportions whose trials come in clusters (replications):
// p1 − p2 with p1 = Σa/Σn and p2 = Σb/Σm over clusters r. Trials within one replication
// are not independent (they share responders), but replications are: the variance comes
// from the replications, by linearising the two ratio estimators (the delta method) —
// z_r = (a_r − p1·n_r)/n̄ − (b_r − p2·m_r)/m̄, Var ≈ Σ z_r² / (R(R − 1)) — with a t interval
// on R − 1 degrees of freedom. Both groups are counted in the same replications, so their
// covariance within a replication is in z_r: paired by replication, not by crossing.
// With the same n_r and m_r in every replication this is exactly the paired t interval of
// the per-replication rate differences.
#include <cstdint>
#include <span>

#include "bordersim/stats/intervals.h"

namespace bordersim {

struct ClusterCounts {
  std::uint64_t successes_a = 0, trials_a = 0;
  std::uint64_t successes_b = 0, trials_b = 0;
};

// n = number of clusters. NaN estimate when either group has no trials at all; NaN bounds
// with fewer than two clusters.
Interval clustered_ratio_difference(std::span<const ClusterCounts> clusters,
                                    double confidence = 0.95);

}  // namespace bordersim
