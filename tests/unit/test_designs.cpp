// Designs of experiments (study/designs.h): the NOLH against Cioppa & Lucas's criteria and
// construction, Latin hypercube stratification, factorial counts.
#include <doctest/doctest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <vector>

#include "bordersim/study/designs.h"

using namespace bordersim::study;

namespace {

// Each column holds every level i / (n − 1) of n exactly once: a Latin hypercube.
void check_latin(const Design& d) {
  for (std::size_t f = 0; f < d.factors; ++f) {
    std::vector<double> column;
    for (std::size_t p = 0; p < d.points; ++p) column.push_back(d.at(p, f));
    std::sort(column.begin(), column.end());
    for (std::size_t p = 0; p < d.points; ++p)
      REQUIRE(column[p] ==
              doctest::Approx(static_cast<double>(p) / static_cast<double>(d.points - 1)));
  }
}

// Condition number of the columns' correlation matrix (Cioppa & Lucas's second measure).
double condition_number(const Design& d) {
  Eigen::MatrixXd x(d.points, d.factors);
  for (std::size_t p = 0; p < d.points; ++p)
    for (std::size_t f = 0; f < d.factors; ++f) x(p, f) = d.at(p, f);
  const Eigen::MatrixXd centred = x.rowwise() - x.colwise().mean();
  Eigen::MatrixXd c = centred.transpose() * centred;
  const Eigen::VectorXd scale = c.diagonal().cwiseSqrt().cwiseInverse();
  c = scale.asDiagonal() * c * scale.asDiagonal();
  const Eigen::VectorXd eig = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(c).eigenvalues();
  return eig.maxCoeff() / eig.minCoeff();
}

std::vector<int> identity(int q) {
  std::vector<int> e(q);
  for (int i = 0; i < q; ++i) e[i] = i + 1;
  return e;
}

}  // namespace

TEST_CASE("NOLH: run counts by number of factors, as tabulated by Cioppa & Lucas") {
  CHECK(nolh_points(1) == 17);
  CHECK(nolh_points(7) == 17);
  CHECK(nolh_points(8) == 33);
  CHECK(nolh_points(11) == 33);
  CHECK(nolh_points(12) == 65);
  CHECK(nolh_points(16) == 65);
  CHECK(nolh_points(17) == 129);
  CHECK(nolh_points(22) == 129);
  CHECK_THROWS_AS(nolh_points(0), std::invalid_argument);
  CHECK_THROWS_AS(nolh_points(23), std::invalid_argument);
}

TEST_CASE(
    "NOLH construction: with e = 1..q the rows of the paper's M ∘ S and exact orthogonality") {
  // First rows of T = M ∘ S for m = 4 (values −8..8), written out by hand from the
  // construction: row r is e[r ⊕ mask] with the signs of the bits of r.
  const Design d = cioppa_lucas(identity(8), 7);
  const auto value = [&](std::size_t p, std::size_t f) {
    return static_cast<int>(std::lround(d.at(p, f) * 16.0)) - 8;
  };
  const int rows[3][7] = {
      {1, -2, -4, -8, 3, 7, 5}, {2, 1, -3, -7, -4, -8, 6}, {3, -4, 2, -6, -1, 5, -7}};
  for (std::size_t r = 0; r < 3; ++r)
    for (std::size_t f = 0; f < 7; ++f) CHECK(value(r, f) == rows[r][f]);
  for (std::size_t f = 0; f < 7; ++f) {
    CHECK(value(8, f) == 0);             // the centre run
    CHECK(value(9, f) == -value(0, f));  // [T; 0; −T]
  }
  for (int q : {8, 16, 32, 64}) {
    const std::size_t columns = q == 8 ? 7 : q == 16 ? 11 : q == 32 ? 16 : 22;
    const Design o = cioppa_lucas(identity(q), columns);
    check_latin(o);
    CHECK(max_abs_correlation(o) < 1e-12);
  }
  CHECK_THROWS_AS(cioppa_lucas(identity(8), 8), std::invalid_argument);
  CHECK_THROWS_AS(cioppa_lucas(identity(6), 2), std::invalid_argument);
}

TEST_CASE(
    "NOLH: Latin, nearly orthogonal (|r| <= 0.03, condition number <= 1.13) and no worse spread") {
  for (std::size_t k : {7, 11, 16, 22}) {
    CAPTURE(k);
    const Design d = nolh(k);
    CHECK(d.points == nolh_points(k));
    check_latin(d);
    // Cioppa & Lucas's definition of nearly orthogonal.
    CHECK(max_abs_correlation(d) <= 0.03);
    CHECK(condition_number(d) <= 1.13);
    // The permuted first column was chosen for space filling: at least the orthogonal
    // design's smallest distance between two points.
    const Design orthogonal = cioppa_lucas(identity(static_cast<int>(d.points - 1) / 2), k);
    CHECK(min_distance(d) >= min_distance(orthogonal) - 1e-12);
  }
  // Fewer factors: the first columns of the same design.
  const Design five = nolh(5), seven = nolh(7);
  for (std::size_t p = 0; p < 17; ++p)
    for (std::size_t f = 0; f < 5; ++f) CHECK(five.at(p, f) == seven.at(p, f));
}

TEST_CASE("Latin hypercube: one point per stratum per factor, seeded, maximin among candidates") {
  for (std::size_t n : {2, 10, 57}) {
    CAPTURE(n);
    const Design d = latin_hypercube(n, 4, 99);
    REQUIRE(d.points == n);
    for (std::size_t f = 0; f < 4; ++f) {
      std::set<std::size_t> strata;
      for (std::size_t p = 0; p < n; ++p) {
        CHECK(d.at(p, f) >= 0.0);
        CHECK(d.at(p, f) < 1.0);
        strata.insert(static_cast<std::size_t>(d.at(p, f) * static_cast<double>(n)));
      }
      CHECK(strata.size() == n);  // every stratum 0..n−1 once
    }
  }
  CHECK(latin_hypercube(20, 3, 7).x == latin_hypercube(20, 3, 7).x);
  CHECK(latin_hypercube(20, 3, 7).x != latin_hypercube(20, 3, 8).x);
  // Maximin: the first candidate drawn is the one-candidate design of the same seed, so the
  // kept design spreads its points at least as well, and on average clearly better.
  double kept = 0.0, single = 0.0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const double best = min_distance(latin_hypercube(20, 3, seed));
    const double first = min_distance(latin_hypercube(20, 3, seed, 1));
    CHECK(best >= first);
    kept += best;
    single += first;
  }
  CHECK(kept > 1.5 * single);
  CHECK_THROWS_AS(latin_hypercube(1, 3, 1), std::invalid_argument);
  CHECK_THROWS_AS(latin_hypercube(5, 0, 1), std::invalid_argument);
}

TEST_CASE("full factorial: every combination once, last factor fastest, counts checked") {
  const std::vector<std::size_t> levels{2, 3, 4};
  const Design d = full_factorial(levels, 1000);
  REQUIRE(d.points == 24);
  std::set<std::vector<double>> seen;
  for (std::size_t p = 0; p < d.points; ++p) seen.insert({d.at(p, 0), d.at(p, 1), d.at(p, 2)});
  CHECK(seen.size() == 24);
  CHECK(d.at(0, 2) == 0.0);
  CHECK(d.at(1, 2) == doctest::Approx(1.0 / 3.0));
  CHECK(d.at(3, 2) == 1.0);
  CHECK(d.at(4, 1) == 0.5);
  CHECK(d.at(12, 0) == 1.0);
  CHECK(full_factorial(std::vector<std::size_t>{1, 5}, 10).points == 5);
  CHECK_THROWS_AS(full_factorial(levels, 23), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial(std::vector<std::size_t>{2, 0}, 100), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial(std::vector<std::size_t>{}, 100), std::invalid_argument);
}
