#include "bordersim/scenario/distribution.h"

#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>

namespace bordersim {
namespace {

// Keeps u inside (0, 1): the lognormal's and exponential's quantiles are infinite at the
// ends. 2^-54 is half the spacing of uniform01's values, so no draw is moved but 0.
double open_unit(double u) {
  constexpr double kEdge = 0x1.0p-54;
  return std::clamp(u, kEdge, 1.0 - kEdge);
}

// Standard normal quantile, via Boost's erfc_inv (portable: std:: has none, and
// Boost.Math computes the same values on every standard library).
double normal_quantile(double u) { return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u); }

}  // namespace

Distribution Distribution::uniform(double lo, double hi) {
  Distribution d;
  d.family = DistributionFamily::kUniform;
  d.min = lo;
  d.max = hi;
  return d;
}

Distribution Distribution::lognormal(double mean, double cv) {
  Distribution d;
  d.family = DistributionFamily::kLognormal;
  d.mean = mean;
  d.cv = cv;
  return d;
}

Distribution Distribution::exponential(double mean) {
  Distribution d;
  d.family = DistributionFamily::kExponential;
  d.mean = mean;
  return d;
}

bool Distribution::fixed() const {
  switch (family) {
    case DistributionFamily::kFixed:
      return true;
    case DistributionFamily::kUniform:
      return min == max;
    case DistributionFamily::kLognormal:
      return cv == 0.0;
    case DistributionFamily::kExponential:
      return false;
  }
  return true;
}

double Distribution::expected() const {
  switch (family) {
    case DistributionFamily::kFixed:
      return value;
    case DistributionFamily::kUniform:
      return 0.5 * (min + max);
    case DistributionFamily::kLognormal:
    case DistributionFamily::kExponential:
      return mean;
  }
  return value;
}

double Distribution::quantile(double u) const {
  switch (family) {
    case DistributionFamily::kFixed:
      return value;
    case DistributionFamily::kUniform:
      return min + u * (max - min);
    case DistributionFamily::kLognormal: {
      if (cv == 0.0) return mean;
      // Parameters of log X from the mean and cv: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2.
      const double sigma2 = std::log1p(cv * cv);
      return std::exp(std::log(mean) - 0.5 * sigma2 +
                      std::sqrt(sigma2) * normal_quantile(open_unit(u)));
    }
    case DistributionFamily::kExponential:
      return -mean * std::log1p(-open_unit(u));
  }
  return value;
}

std::uint16_t GroupSizeDistribution::size_at(double u) const {
  double size = 0.0;
  if (family == DistributionFamily::kUniform) {
    const auto lo = static_cast<std::int64_t>(min), hi = static_cast<std::int64_t>(max);
    const auto span = static_cast<double>(hi - lo + 1);
    size = static_cast<double>(lo + std::min(static_cast<std::int64_t>(u * span), hi - lo));
  } else {
    size = std::round(quantile(u));
  }
  return static_cast<std::uint16_t>(std::clamp(size, 1.0, 10000.0));
}

}  // namespace bordersim
