#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <numeric>
#include <stdexcept>

#include "bordersim/study/designs.h"

namespace bordersim::study {
namespace {

// Distances cost points² × factors per candidate: about this many operations in all keeps
// a design of a few hundred points under a second, and small designs get many candidates.
constexpr double kSearchBudget = 2e7;
constexpr std::size_t kMaxCandidates = 200;

// boost's Mersenne twister and its integer distribution are specified exactly, so the
// design is the same with every compiler and standard library.
Design one_hypercube(std::size_t points, std::size_t factors, boost::random::mt19937_64& engine) {
  Design d{points, factors, std::vector<double>(points * factors)};
  std::vector<std::size_t> strata(points);
  for (std::size_t f = 0; f < factors; ++f) {
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    for (std::size_t i = points - 1; i > 0; --i) {  // Fisher–Yates
      boost::random::uniform_int_distribution<std::size_t> pick(0, i);
      std::swap(strata[i], strata[pick(engine)]);
    }
    for (std::size_t p = 0; p < points; ++p) {
      const double within = static_cast<double>(engine() >> 11) * 0x1.0p-53;  // [0, 1)
      d.x[p * factors + f] =
          (static_cast<double>(strata[p]) + within) / static_cast<double>(points);
    }
  }
  return d;
}

}  // namespace

Design latin_hypercube(std::size_t points, std::size_t factors, std::uint64_t seed,
                       std::size_t candidates) {
  if (points < 2) throw std::invalid_argument("a Latin hypercube needs at least 2 points");
  if (factors == 0) throw std::invalid_argument("a Latin hypercube needs at least one factor");
  const double work =
      static_cast<double>(points) * static_cast<double>(points) * static_cast<double>(factors);
  if (candidates == 0)
    candidates = static_cast<std::size_t>(
        std::clamp(kSearchBudget / work, 1.0, static_cast<double>(kMaxCandidates)));
  boost::random::mt19937_64 engine(seed);
  Design best;
  double best_distance = -1.0, best_correlation = 2.0;
  for (std::size_t c = 0; c < candidates; ++c) {
    Design d = one_hypercube(points, factors, engine);
    const double distance = min_distance(d);
    if (distance < best_distance) continue;
    const double correlation = max_abs_correlation(d);
    if (distance > best_distance || correlation < best_correlation) {
      best = std::move(d);
      best_distance = distance;
      best_correlation = correlation;
    }
  }
  return best;
}

}  // namespace bordersim::study
