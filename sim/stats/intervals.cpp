#include "bordersim/stats/intervals.h"

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace bordersim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_confidence(double confidence) {
  // Written as a negation so that NaN is rejected too.
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument("confidence must lie in (0, 1), got " + std::to_string(confidence));
  }
}

void check_counts(std::uint64_t successes, std::uint64_t trials) {
  if (successes > trials) {
    throw std::invalid_argument("successes (" + std::to_string(successes) + ") exceed trials (" +
                                std::to_string(trials) + ")");
  }
}

// Two-sided: the quantile leaving (1 - confidence) / 2 in the upper tail.
double normal_quantile(double confidence) {
  return boost::math::quantile(boost::math::normal_distribution<double>{}, 0.5 + confidence / 2.0);
}

}  // namespace

Interval wilson_interval(std::uint64_t successes, std::uint64_t trials, double confidence) {
  check_confidence(confidence);
  check_counts(successes, trials);
  if (trials == 0) return Interval{kNaN, kNaN, kNaN, 0};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z = normal_quantile(confidence);
  const double z2n = z * z / n;
  const double centre = (p + z2n / 2.0) / (1.0 + z2n);
  const double half = z / (1.0 + z2n) * std::sqrt(p * (1.0 - p) / n + z2n / (4.0 * n));
  // At 0 and n successes the closed form gives exactly 0 and 1; rounding would not.
  const double lower = successes == 0 ? 0.0 : std::max(0.0, centre - half);
  const double upper = successes == trials ? 1.0 : std::min(1.0, centre + half);
  return Interval{p, lower, upper, trials};
}

Interval clopper_pearson_interval(std::uint64_t successes, std::uint64_t trials,
                                  double confidence) {
  check_confidence(confidence);
  check_counts(successes, trials);
  if (trials == 0) return Interval{kNaN, kNaN, kNaN, 0};
  const double k = static_cast<double>(successes);
  const double n = static_cast<double>(trials);
  const double alpha = 1.0 - confidence;
  // Beta(k, n-k+1) and Beta(k+1, n-k) are undefined at the ends, where the bound is exact.
  const double lower =
      successes == 0 ? 0.0
                     : boost::math::quantile(boost::math::beta_distribution<double>(k, n - k + 1.0),
                                             alpha / 2.0);
  const double upper =
      successes == trials
          ? 1.0
          : boost::math::quantile(boost::math::beta_distribution<double>(k + 1.0, n - k),
                                  1.0 - alpha / 2.0);
  return Interval{k / n, lower, upper, trials};
}

Interval t_interval(std::span<const double> values, double confidence) {
  check_confidence(confidence);
  const std::uint64_t count = values.size();
  if (count == 0) return Interval{kNaN, kNaN, kNaN, 0};
  // Two passes: the textbook one-pass sum of squares loses digits when the mean is large
  // compared with the spread (e.g. responder busy seconds).
  double sum = 0.0;
  for (double v : values) sum += v;
  const double n = static_cast<double>(count);
  const double mean = sum / n;
  if (count < 2) return Interval{mean, kNaN, kNaN, count};
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double std_error = std::sqrt(squares / (n - 1.0) / n);
  const double t = boost::math::quantile(boost::math::students_t_distribution<double>(n - 1.0),
                                         0.5 + confidence / 2.0);
  return Interval{mean, mean - t * std_error, mean + t * std_error, count};
}

Interval paired_difference(std::span<const double> a, std::span<const double> b,
                           double confidence) {
  if (a.size() != b.size()) {
    throw std::invalid_argument("paired_difference: " + std::to_string(a.size()) + " vs " +
                                std::to_string(b.size()) + " values; pairs must match");
  }
  std::vector<double> differences(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) differences[i] = a[i] - b[i];
  return t_interval(differences, confidence);
}

}  // namespace bordersim
