// Nearly orthogonal Latin hypercubes (NOLH): T. M. Cioppa and T. W. Lucas, "Efficient
// nearly orthogonal and space-filling Latin hypercubes", Technometrics 49(1), 45–55, 2007.
//
// Their construction, for m = 4..7 (n = 2^m + 1 runs, k = m + C(m−1, 2) columns, q = 2^(m−1)):
//   - a permutation e of 1..q is the first column of the q × k matrix M; with the permutation
//     matrices A_i = I^{⊗(m−2−i)} ⊗ R^{⊗(i+1)} (R = [[0,1],[1,0]], i = 0..m−2) the next m−1
//     columns are A_i e and the last C(m−1, 2) are A_i A_j e (i < j);
//   - sign vectors a_i = ⊗_k b_k with b_k = [−1, 1] at k = m−2−i and [1, 1] elsewhere give
//     the q × k sign matrix S = [1, a_i, a_i ∘ a_j] in the same column order;
//   - T = M ∘ S, and the design is [T; 0; −T]: values −q..q, each once per column.
// With e = (1, 2, ..., q) every pair of columns is exactly orthogonal (tested). The paper
// then permutes e to spread the points better while keeping every |correlation| ≤ 0.03 and
// the condition number of the correlation matrix ≤ 1.13, its definition of "nearly
// orthogonal". The published tables of those permutations were not at hand when this was
// written, so kFirstColumns below come from the same kind of search (tools/nolh_search.py:
// from e = 1..q, random transpositions kept when they raise the smallest distance between
// two points, then lower the φ15 criterion, within those two limits). The tests check both
// limits and that the spread is at least that of the orthogonal design.
#include <array>
#include <stdexcept>
#include <string>

#include "bordersim/study/designs.h"

namespace bordersim::study {
namespace {

// e for m = 4, 5, 6, 7 (q = 8, 16, 32, 64 values), from tools/nolh_search.py. Largest
// |correlation| and condition number of the full designs: 17 × 7: 0.0294, 1.061; 33 × 11:
// 0.0267, 1.098; 65 × 16: 0.0274, 1.128; 129 × 22: 0.0186, 1.128. Smallest distance between
// two points in the unit cube (the orthogonal design's): 0.740 (0.740), 0.836 (0.836),
// 0.922 (0.897), 0.934 (0.894).
const std::array<std::vector<int>, 4> kFirstColumns = {{
    {1, 3, 2, 4, 5, 6, 7, 8},
    {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 12, 11, 14, 15, 16},
    {1,  4,  3,  2,  8,  6,  5,  7,  11, 9,  10, 12, 13, 15, 16, 14,
     19, 18, 17, 22, 20, 21, 23, 24, 28, 25, 29, 26, 31, 27, 30, 32},
    {1,  2,  3,  4,  5,  8,  6,  7,  11, 10, 9,  12, 13, 14, 18, 17, 16, 26, 19, 20, 22, 15,
     21, 29, 23, 25, 27, 28, 35, 30, 24, 32, 33, 38, 31, 36, 39, 34, 37, 40, 41, 44, 43, 42,
     47, 46, 45, 48, 52, 49, 50, 55, 58, 56, 51, 54, 59, 57, 53, 60, 61, 62, 63, 64},
}};

// Applying A_i (or A_i A_j) to e reads e at the index with its low bits flipped: R on a
// Kronecker factor swaps that bit, and A_i holds R on the i + 1 lowest bits.
std::size_t flip_mask(std::size_t i) { return (std::size_t{1} << (i + 1)) - 1; }

// a_i at row r: −1 where bit i of r is 0 (b_k's −1 sits on the Kronecker factor of that bit).
int sign(std::size_t i, std::size_t r) { return (r >> i) & 1U ? 1 : -1; }

}  // namespace

std::size_t nolh_points(std::size_t factors) {
  if (factors == 0) throw std::invalid_argument("a NOLH needs at least one factor");
  for (std::size_t m = 4; m <= 7; ++m) {
    if (factors <= m + (m - 1) * (m - 2) / 2) return (std::size_t{1} << m) + 1;
  }
  throw std::invalid_argument("a NOLH has at most " + std::to_string(kNolhMaxFactors) +
                              " factors, not " + std::to_string(factors));
}

Design cioppa_lucas(std::span<const int> e, std::size_t factors) {
  const std::size_t q = e.size();
  std::size_t m = 2;
  while ((std::size_t{1} << (m - 1)) < q) ++m;
  if (q < 2 || (std::size_t{1} << (m - 1)) != q)
    throw std::invalid_argument("the first column must have 2^(m-1) values, m >= 2");
  if (factors == 0 || factors > m + (m - 1) * (m - 2) / 2)
    throw std::invalid_argument("this construction has " +
                                std::to_string(m + (m - 1) * (m - 2) / 2) + " columns, not " +
                                std::to_string(factors));
  const std::size_t n = 2 * q + 1;

  // The columns of M ∘ S as (flip mask, sign bits) in the paper's order.
  struct Column {
    std::size_t mask;
    std::vector<std::size_t> signs;
  };
  std::vector<Column> columns{{0, {}}};
  for (std::size_t i = 0; i + 1 < m; ++i) columns.push_back({flip_mask(i), {i}});
  for (std::size_t i = 0; i + 1 < m; ++i) {
    for (std::size_t j = i + 1; j + 1 < m; ++j)
      columns.push_back({flip_mask(i) ^ flip_mask(j), {i, j}});
  }

  Design d{n, factors, std::vector<double>(n * factors)};
  for (std::size_t r = 0; r < q; ++r) {
    for (std::size_t f = 0; f < factors; ++f) {
      int value = e[r ^ columns[f].mask];
      for (std::size_t i : columns[f].signs) value *= sign(i, r);
      // Rows 0..q−1 are T, row q the centre, rows q+1..2q are −T; −q..q maps onto [0, 1].
      const auto unit = [&](int v) {
        return static_cast<double>(v + static_cast<int>(q)) / static_cast<double>(2 * q);
      };
      d.x[r * factors + f] = unit(value);
      d.x[(q + 1 + r) * factors + f] = unit(-value);
    }
  }
  for (std::size_t f = 0; f < factors; ++f) d.x[q * factors + f] = 0.5;
  return d;
}

Design nolh(std::size_t factors) {
  const std::size_t n = nolh_points(factors);
  std::size_t m = 4;
  while ((std::size_t{1} << m) + 1 != n) ++m;
  return cioppa_lucas(kFirstColumns[m - 4], factors);
}

}  // namespace bordersim::study
