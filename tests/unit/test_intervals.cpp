// Intervals against closed forms and published values, and their coverage by simulation.
#include <doctest/doctest.h>

#include <boost/math/distributions/binomial.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "bordersim/random/stream.h"
#include "bordersim/stats/intervals.h"

using bordersim::Interval;

namespace {

constexpr double kZ95 = 1.9599639845400536;  // standard normal 0.975 quantile

bordersim::Stream test_stream(std::uint64_t seed) {
  return bordersim::Stream(
      {seed, 0, {bordersim::EntityKind::kBenchmark, 0}, bordersim::Purpose::kBenchmark});
}

// P(the interval for a Binomial(n, p) count covers p), summed over every count: the exact
// coverage that a simulation should reproduce.
template <class MakeInterval>
double exact_coverage(std::uint64_t n, double p, MakeInterval make) {
  const boost::math::binomial_distribution<double> binomial(static_cast<double>(n), p);
  double coverage = 0.0;
  for (std::uint64_t k = 0; k <= n; ++k) {
    const Interval ci = make(k, n);
    if (ci.lower <= p && p <= ci.upper)
      coverage += boost::math::pdf(binomial, static_cast<double>(k));
  }
  return coverage;
}

// The simulated coverage count must be consistent with `expected`: the tolerance is the
// 99.9% interval of the count itself, so that a correct implementation fails with
// probability 1e-3 (and, the seed being fixed, either always or never).
void check_coverage(std::uint64_t covered, std::uint64_t trials, double expected) {
  const Interval observed = bordersim::wilson_interval(covered, trials, 0.999);
  INFO("covered " << covered << " of " << trials << ", expected rate " << expected);
  CHECK(observed.lower <= expected);
  CHECK(expected <= observed.upper);
}

}  // namespace

TEST_CASE("wilson interval: published values") {
  const Interval a = bordersim::wilson_interval(8, 10);
  CHECK(a.estimate == doctest::Approx(0.8));
  CHECK(a.lower == doctest::Approx(0.49016247153664183).epsilon(1e-12));
  CHECK(a.upper == doctest::Approx(0.9433178485456247).epsilon(1e-12));
  CHECK(a.n == 10);

  // 0 successes: the lower bound is exactly 0 and the upper z²/(n + z²).
  const Interval none = bordersim::wilson_interval(0, 20);
  CHECK(none.estimate == 0.0);
  CHECK(none.lower == 0.0);
  CHECK(none.upper == doctest::Approx(kZ95 * kZ95 / (20.0 + kZ95 * kZ95)).epsilon(1e-12));
  CHECK(none.upper == doctest::Approx(0.1611251580528193).epsilon(1e-12));

  const Interval all = bordersim::wilson_interval(20, 20);
  CHECK(all.upper == 1.0);
  CHECK(all.lower == doctest::Approx(1.0 - none.upper).epsilon(1e-12));

  const Interval wide = bordersim::wilson_interval(8, 10, 0.99);
  CHECK(wide.lower == doctest::Approx(0.4008186965216717).epsilon(1e-12));
  CHECK(wide.upper == doctest::Approx(0.9598688474953835).epsilon(1e-12));
}

TEST_CASE("wilson interval: degenerate and bad input") {
  const Interval empty = bordersim::wilson_interval(0, 0);
  CHECK(std::isnan(empty.estimate));
  CHECK(std::isnan(empty.lower));
  CHECK(std::isnan(empty.upper));
  CHECK(empty.n == 0);
  CHECK_THROWS_AS(bordersim::wilson_interval(3, 2), std::invalid_argument);
  CHECK_THROWS_AS(bordersim::wilson_interval(1, 2, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(bordersim::wilson_interval(1, 2, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(bordersim::wilson_interval(1, 2, std::nan("")), std::invalid_argument);
}

TEST_CASE("clopper-pearson interval: closed forms and the defining tail probabilities") {
  // k = 0: upper = 1 - (alpha/2)^(1/n).
  const Interval none = bordersim::clopper_pearson_interval(0, 20);
  CHECK(none.lower == 0.0);
  CHECK(none.upper == doctest::Approx(1.0 - std::pow(0.025, 1.0 / 20.0)).epsilon(1e-12));
  CHECK(none.upper == doctest::Approx(0.16843347098308536).epsilon(1e-12));
  // k = n: lower = (alpha/2)^(1/n).
  const Interval all = bordersim::clopper_pearson_interval(20, 20);
  CHECK(all.upper == 1.0);
  CHECK(all.lower == doctest::Approx(std::pow(0.025, 1.0 / 20.0)).epsilon(1e-12));

  // 8/10 (bisection on the binomial tails, computed independently).
  const Interval a = bordersim::clopper_pearson_interval(8, 10);
  CHECK(a.estimate == doctest::Approx(0.8));
  CHECK(a.lower == doctest::Approx(0.4439045376923585).epsilon(1e-10));
  CHECK(a.upper == doctest::Approx(0.9747892736731667).epsilon(1e-10));
  // By definition P(X >= 8 | lower) = P(X <= 8 | upper) = 0.025.
  const boost::math::binomial_distribution<double> at_lower(10.0, a.lower);
  const boost::math::binomial_distribution<double> at_upper(10.0, a.upper);
  CHECK(boost::math::cdf(boost::math::complement(at_lower, 7.0)) ==
        doctest::Approx(0.025).epsilon(1e-9));
  CHECK(boost::math::cdf(at_upper, 8.0) == doctest::Approx(0.025).epsilon(1e-9));

  // It is wider than Wilson's, and never covers less than the nominal level.
  const Interval w = bordersim::wilson_interval(8, 10);
  CHECK(a.lower < w.lower);
  CHECK(a.upper > w.upper);
  for (std::uint64_t n : {5u, 12u, 30u}) {
    for (double p : {0.03, 0.2, 0.5, 0.77}) {
      const double coverage = exact_coverage(n, p, [](std::uint64_t k, std::uint64_t m) {
        return bordersim::clopper_pearson_interval(k, m);
      });
      INFO("n=" << n << " p=" << p);
      CHECK(coverage >= 0.95 - 1e-12);
    }
  }
  CHECK(std::isnan(bordersim::clopper_pearson_interval(0, 0).estimate));
  CHECK_THROWS_AS(bordersim::clopper_pearson_interval(5, 4), std::invalid_argument);
}

TEST_CASE("t interval: small samples") {
  const std::vector<double> values = {1, 2, 3, 4, 5};
  const Interval ci = bordersim::t_interval(values);
  // mean 3, s = sqrt(2.5), se = sqrt(0.5), t(0.975, 4) = 2.7764451051977987.
  const double half = 2.7764451051977987 * std::sqrt(0.5);
  CHECK(ci.estimate == doctest::Approx(3.0));
  CHECK(ci.lower == doctest::Approx(3.0 - half).epsilon(1e-12));
  CHECK(ci.upper == doctest::Approx(3.0 + half).epsilon(1e-12));
  CHECK(ci.n == 5);

  // Constant values: zero width, not NaN.
  const std::vector<double> same = {7, 7, 7};
  const Interval flat = bordersim::t_interval(same);
  CHECK(flat.lower == 7.0);
  CHECK(flat.upper == 7.0);

  // A large offset must not cost the spread its digits (only the bounds' own rounding at
  // 1e9, about 1e-7 absolute, remains).
  const std::vector<double> offset = {1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5};
  const Interval shifted = bordersim::t_interval(offset);
  CHECK(shifted.upper - shifted.lower == doctest::Approx(2 * half).epsilon(1e-6));

  const std::vector<double> one = {4.5};
  const Interval single = bordersim::t_interval(one);
  CHECK(single.estimate == 4.5);
  CHECK(std::isnan(single.lower));
  CHECK(std::isnan(single.upper));
  CHECK(single.n == 1);
  const Interval none = bordersim::t_interval({});
  CHECK(std::isnan(none.estimate));
  CHECK(none.n == 0);
}

TEST_CASE("paired difference: t interval over the differences") {
  const std::vector<double> a = {3, 5, 7};
  const std::vector<double> b = {1, 2, 3};
  // differences 2, 3, 4: mean 3, s = 1; with 2 degrees of freedom the t quantile has the
  // closed form (2p - 1) / sqrt(2p(1 - p)), p = 0.975.
  const Interval d = bordersim::paired_difference(a, b);
  const double t2 = 0.95 / std::sqrt(2.0 * 0.975 * 0.025);
  const double half = t2 / std::sqrt(3.0);
  CHECK(d.estimate == doctest::Approx(3.0));
  CHECK(d.lower == doctest::Approx(3.0 - half).epsilon(1e-12));
  CHECK(d.upper == doctest::Approx(3.0 + half).epsilon(1e-12));
  CHECK(d.n == 3);
  const std::vector<double> shorter = {1, 2};
  CHECK_THROWS_AS(bordersim::paired_difference(a, shorter), std::invalid_argument);
}

TEST_CASE("wilson interval: coverage by simulation") {
  constexpr std::uint64_t kTrials = 40;
  constexpr double kP = 0.3;
  constexpr std::uint64_t kExperiments = 4000;
  auto wilson = [](std::uint64_t k, std::uint64_t n) { return bordersim::wilson_interval(k, n); };
  const double expected = exact_coverage(kTrials, kP, wilson);
  // Wilson's coverage oscillates around the nominal level with n and p; not far off.
  CHECK(expected == doctest::Approx(0.95).epsilon(0.03));

  bordersim::Stream stream = test_stream(20260101);
  // Boost's binomial needs a signed count type.
  boost::random::binomial_distribution<int> binomial(static_cast<int>(kTrials), kP);
  std::uint64_t covered = 0;
  for (std::uint64_t i = 0; i < kExperiments; ++i) {
    const Interval ci = wilson(static_cast<std::uint64_t>(binomial(stream)), kTrials);
    if (ci.lower <= kP && kP <= ci.upper) ++covered;
  }
  check_coverage(covered, kExperiments, expected);
}

TEST_CASE("t and paired intervals: coverage by simulation on normal data") {
  // For normal data the t interval's coverage is exactly the nominal level.
  constexpr std::uint64_t kExperiments = 4000;
  constexpr double kMean = 10.0;
  bordersim::Stream stream = test_stream(7);
  boost::random::normal_distribution<double> normal(kMean, 3.0);
  std::uint64_t covered = 0;
  std::vector<double> sample(6);
  for (std::uint64_t i = 0; i < kExperiments; ++i) {
    for (double& v : sample) v = normal(stream);
    const Interval ci = bordersim::t_interval(sample);
    if (ci.lower <= kMean && kMean <= ci.upper) ++covered;
  }
  check_coverage(covered, kExperiments, 0.95);

  // Pairs sharing a large common term (as variants on common random numbers do): the
  // paired interval covers the true difference at the nominal rate, and is much narrower
  // than the spread of either side would allow.
  constexpr double kShift = 0.5;
  boost::random::normal_distribution<double> common(0.0, 5.0);
  boost::random::normal_distribution<double> noise(0.0, 0.5);
  std::vector<double> a(8), b(8);
  covered = 0;
  double width = 0.0;
  for (std::uint64_t i = 0; i < kExperiments; ++i) {
    for (std::size_t j = 0; j < a.size(); ++j) {
      const double shared = common(stream);
      a[j] = shared + kShift + noise(stream);
      b[j] = shared + noise(stream);
    }
    const Interval d = bordersim::paired_difference(a, b);
    if (d.lower <= kShift && kShift <= d.upper) ++covered;
    width += (d.upper - d.lower) / static_cast<double>(kExperiments);
  }
  check_coverage(covered, kExperiments, 0.95);
  CHECK(width < 1.5);  // an unpaired interval would be about 10 wide here
}
