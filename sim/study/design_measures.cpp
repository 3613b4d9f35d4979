#include <algorithm>
#include <cmath>
#include <limits>

#include "bordersim/study/designs.h"

namespace bordersim::study {

double max_abs_correlation(const Design& design) {
  const std::size_t n = design.points;
  const std::size_t k = design.factors;
  std::vector<double> mean(k, 0.0), norm(k, 0.0);
  for (std::size_t f = 0; f < k; ++f) {
    for (std::size_t p = 0; p < n; ++p) mean[f] += design.at(p, f);
    mean[f] /= static_cast<double>(n);
    for (std::size_t p = 0; p < n; ++p) norm[f] += std::pow(design.at(p, f) - mean[f], 2);
    norm[f] = std::sqrt(norm[f]);
  }
  double worst = 0.0;
  for (std::size_t a = 0; a < k; ++a) {
    for (std::size_t b = a + 1; b < k; ++b) {
      double sum = 0.0;
      for (std::size_t p = 0; p < n; ++p)
        sum += (design.at(p, a) - mean[a]) * (design.at(p, b) - mean[b]);
      worst = std::max(worst, std::abs(sum / (norm[a] * norm[b])));
    }
  }
  return worst;
}

double min_distance(const Design& design) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t p = 0; p < design.points; ++p) {
    for (std::size_t q = p + 1; q < design.points; ++q) {
      double d2 = 0.0;
      for (std::size_t f = 0; f < design.factors; ++f)
        d2 += std::pow(design.at(p, f) - design.at(q, f), 2);
      best = std::min(best, d2);
    }
  }
  return std::sqrt(best);
}

}  // namespace bordersim::study
