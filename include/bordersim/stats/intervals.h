#pragma once
// Confidence intervals: the one place where bordersim turns raw counts and per-replication
// values into statistics (files store raw sums; readers can recompute with these).
// Every function throws std::invalid_argument when `confidence` is not in (0, 1).
#include <cstdint>
#include <limits>
#include <span>

namespace bordersim {

struct Interval {
  double estimate = std::numeric_limits<double>::quiet_NaN();
  double lower = std::numeric_limits<double>::quiet_NaN();
  double upper = std::numeric_limits<double>::quiet_NaN();
  std::uint64_t n = 0;  // trials, values or pairs behind the interval
};

// Proportion successes/trials with the Wilson score interval: good coverage for moderate
// n and never outside [0, 1]. trials == 0 gives NaN estimate and bounds;
// successes > trials throws std::invalid_argument.
Interval wilson_interval(std::uint64_t successes, std::uint64_t trials, double confidence = 0.95);

// The exact (Clopper–Pearson) interval from beta quantiles: conservative, for small n.
// Same conventions as wilson_interval.
Interval clopper_pearson_interval(std::uint64_t successes, std::uint64_t trials,
                                  double confidence = 0.95);

// Mean with a Student-t interval. Empty: all NaN; one value: the value with NaN bounds.
Interval t_interval(std::span<const double> values, double confidence = 0.95);

// Mean of a[i] - b[i] with a t interval over the differences: the comparison for
// variants run on common random numbers, paired by replication. Sizes must match
// (std::invalid_argument otherwise).
Interval paired_difference(std::span<const double> a, std::span<const double> b,
                           double confidence = 0.95);

}  // namespace bordersim
