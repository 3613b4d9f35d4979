#pragma once
// A crosser's attribute that differs from one crossing to the next (issue 15, item 2):
// speed, goal depth, group size. In a scenario a plain number is `fixed` (today's
// meaning); an object names a family and its parameters, in the unit of its key:
//   {"family": "fixed", "value": v}
//   {"family": "uniform", "min": a, "max": b}
//   {"family": "lognormal", "mean": m, "cv": c}   (c = sd / mean; 0: always m)
//   {"family": "exponential", "mean": m}          (only where memorylessness means
//                                                   something: a goal depth)
// Every family is sampled by its quantile function from ONE uniform u, so a crosser keeps
// its rank (its u) when a variant or a sweep changes the family's parameters: common
// random numbers hold and paired differences stay tight (movers/crosser_variety.h).
#include <cstdint>

namespace bordersim {

enum class DistributionFamily : std::uint8_t {
  kFixed = 0,
  kUniform = 1,
  kLognormal = 2,
  kExponential = 3
};

struct Distribution {
  DistributionFamily family = DistributionFamily::kFixed;
  double value = 0.0;  // fixed
  double min = 0.0;    // uniform
  double max = 0.0;
  double mean = 0.0;  // lognormal, exponential
  double cv = 0.0;    // lognormal

  Distribution() = default;
  // A number in the file, or a default written as one: fixed. Implicit on purpose, so
  // `double speed_mps = 1.2` and `spec.speed_mps = 2` keep their meaning.
  Distribution(double fixed_value) : value(fixed_value) {}  // NOLINT(google-explicit-constructor)

  static Distribution uniform(double lo, double hi);
  static Distribution lognormal(double mean, double cv);
  static Distribution exponential(double mean);

  // True when every crossing gets the same value: such an attribute makes no draw.
  bool fixed() const;
  // The distribution's mean (before any clamping by the caller).
  double expected() const;
  // The value at probability u in [0, 1) (u is kept inside (0, 1) for the unbounded
  // families): the inverse of the distribution function.
  double quantile(double u) const;
};

// Group sizes: whole people. `[min, max]` in a file is today's uniform integer (and the
// resolved scenario writes a uniform that way); lognormal values are rounded to the
// nearest integer and kept within [1, 10000]. Exponential is not offered.
struct GroupSizeDistribution : Distribution {
  GroupSizeDistribution() = default;
  GroupSizeDistribution(std::int64_t lo, std::int64_t hi)
      : Distribution(uniform(static_cast<double>(lo), static_cast<double>(hi))) {}
  // The size at probability u in [0, 1): uniform exactly as before this type existed,
  // lo + floor(u · (hi − lo + 1)), so old scenarios draw the same groups.
  std::uint16_t size_at(double u) const;
};

}  // namespace bordersim
