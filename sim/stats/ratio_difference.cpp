#include "bordersim/stats/ratio_difference.h"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace bordersim {

Interval clustered_ratio_difference(std::span<const ClusterCounts> clusters, double confidence) {
  Interval out;
  out.n = clusters.size();
  double a = 0, n = 0, b = 0, m = 0;
  for (const ClusterCounts& c : clusters) {
    a += static_cast<double>(c.successes_a);
    n += static_cast<double>(c.trials_a);
    b += static_cast<double>(c.successes_b);
    m += static_cast<double>(c.trials_b);
  }
  if (n == 0.0 || m == 0.0) return out;
  const double p1 = a / n, p2 = b / m;
  out.estimate = p1 - p2;
  const auto clusters_count = static_cast<double>(clusters.size());
  if (clusters.size() < 2) return out;
  const double n_mean = n / clusters_count, m_mean = m / clusters_count;
  double sum_z2 = 0.0;
  for (const ClusterCounts& c : clusters) {
    const double z =
        (static_cast<double>(c.successes_a) - p1 * static_cast<double>(c.trials_a)) / n_mean -
        (static_cast<double>(c.successes_b) - p2 * static_cast<double>(c.trials_b)) / m_mean;
    sum_z2 += z * z;
  }
  const double se = std::sqrt(sum_z2 / (clusters_count * (clusters_count - 1.0)));
  const double t = boost::math::quantile(
      boost::math::students_t_distribution<double>(clusters_count - 1.0), 0.5 + confidence / 2.0);
  out.lower = out.estimate - t * se;
  out.upper = out.estimate + t * se;
  return out;
}

}  // namespace bordersim
