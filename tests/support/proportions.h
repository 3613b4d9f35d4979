#pragma once
// A simulated proportion against its closed form: within the two-sided 99 % normal interval
// of a binomial with the theory's p over n trials.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdint>

namespace bordersim::testing {

inline constexpr double kZ99 = 2.5758293035489;  // two-sided 99 % normal quantile

inline void check_proportion(std::uint64_t hits, std::uint64_t n, double theory) {
  const double rate = static_cast<double>(hits) / static_cast<double>(n);
  const double half_width = kZ99 * std::sqrt(theory * (1.0 - theory) / static_cast<double>(n));
  INFO("simulated " << rate << " over " << n << ", theory " << theory << ", 99% half-width "
                    << half_width);
  MESSAGE(fmt::format("measured {:.4f} theory {:.4f} n {} half-width {:.4f}", rate, theory, n,
                      half_width));
  CHECK(std::abs(rate - theory) <= half_width);
}

}  // namespace bordersim::testing
