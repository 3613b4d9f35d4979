#pragma once
// Designs of experiments over k factors: where in each factor's range every design point
// lies. A design is a matrix of points × factors with values in [0, 1] (0: the factor's
// minimum or first level, 1: its maximum or last); scenario/sweep.h maps it onto the
// factors' values. Every generator is deterministic: the same arguments give the same
// matrix on every machine.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace bordersim::study {

struct Design {
  std::size_t points = 0;
  std::size_t factors = 0;
  std::vector<double> x;  // row-major: x[point * factors + factor], each in [0, 1]

  double at(std::size_t point, std::size_t factor) const { return x[point * factors + factor]; }
};

// Every combination of the factors' levels; factor f takes levels[f] equally spaced values
// (0 and 1 for two; a single level is 0). The last factor varies fastest. Throws
// std::invalid_argument when a count is 0 or the product exceeds max_points.
Design full_factorial(std::span<const std::size_t> levels, std::size_t max_points);

// The largest number of factors a nearly orthogonal Latin hypercube is tabulated for (22).
inline constexpr std::size_t kNolhMaxFactors = 22;

// Runs of the smallest NOLH with room for `factors` columns: 17 (up to 7 factors), 33 (8
// to 11), 65 (12 to 16), 129 (17 to 22). Throws std::invalid_argument for 0 or more than 22.
std::size_t nolh_points(std::size_t factors);

// Cioppa & Lucas's nearly orthogonal Latin hypercube (sim/study/nolh.cpp has the
// construction and its provenance): its first `factors` columns, one run per row, the
// centre run in the middle.
Design nolh(std::size_t factors);

// The construction itself (nolh.cpp): the design whose first column is the permutation e
// of 1..q, q = 2^(m−1), with its first `factors` of m + C(m−1, 2) columns; e = 1..q gives an
// orthogonal Latin hypercube. Throws std::invalid_argument for other sizes.
Design cioppa_lucas(std::span<const int> e, std::size_t factors);

// A Latin hypercube of `points` × `factors`: each factor's range cut into `points` equal
// strata with exactly one point in each, at a uniform place within it. Of several random
// hypercubes drawn from `seed` it keeps the maximin one (largest smallest distance between
// two points; ties to the smaller largest |correlation|): `candidates` of them, or with 0 as
// many as about 2·10⁷ distance terms allow (at most 200). Throws std::invalid_argument for
// fewer than 2 points or no factor.
Design latin_hypercube(std::size_t points, std::size_t factors, std::uint64_t seed,
                       std::size_t candidates = 0);

// Largest |Pearson correlation| between two columns (0 with fewer than two factors).
double max_abs_correlation(const Design& design);

// Smallest Euclidean distance between two points in the unit cube.
double min_distance(const Design& design);

}  // namespace bordersim::study
