#include "theory/easi.h"

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace bordersim::c2 {
namespace {

void require(bool condition, const char* what) {
  if (!condition) throw std::invalid_argument(std::string("EASI: ") + what);
}

bool is_probability(double p) { return p >= 0.0 && p <= 1.0; }  // false for NaN
bool is_duration(double s) { return std::isfinite(s) && s >= 0.0; }

void check_layer(const EasiLayer& layer) {
  require(is_probability(layer.detection_probability), "detection probability must be in [0, 1]");
  require(is_duration(layer.delay_mean_s), "delay mean must be finite and >= 0");
  require(is_duration(layer.delay_sd_s), "delay sd must be finite and >= 0");
}

void check_response(const EasiResponse& response) {
  require(is_duration(response.mean_s), "response mean must be finite and >= 0");
  require(is_duration(response.sd_s), "response sd must be finite and >= 0");
  require(is_probability(response.communication_probability),
          "communication probability must be in [0, 1]");
}

}  // namespace

double remaining_fraction(DetectionPoint point) {
  switch (point) {
    case DetectionPoint::kBeginning:
      return 1.0;
    case DetectionPoint::kMiddle:
      return 0.5;
    case DetectionPoint::kEnd:
      return 0.0;
  }
  throw std::invalid_argument("EASI: unknown detection point");
}

NormalTime easi_remaining_time(std::span<const EasiLayer> path, std::size_t detecting_layer) {
  require(detecting_layer < path.size(), "the detecting layer is not on the path");
  const EasiLayer& here = path[detecting_layer];
  check_layer(here);
  const double f = remaining_fraction(here.detection_point);
  double mean_s = f * here.delay_mean_s;
  double variance_s2 = f * f * here.delay_sd_s * here.delay_sd_s;
  for (std::size_t j = detecting_layer + 1; j < path.size(); ++j) {
    check_layer(path[j]);
    mean_s += path[j].delay_mean_s;
    variance_s2 += path[j].delay_sd_s * path[j].delay_sd_s;
  }
  return {mean_s, std::sqrt(variance_s2)};
}

double response_beats(const NormalTime& remaining, const EasiResponse& response) {
  check_response(response);
  require(is_duration(remaining.mean_s) && is_duration(remaining.sd_s),
          "remaining time must be finite and >= 0");
  const double sd_s = std::hypot(response.sd_s, remaining.sd_s);  // sd of T − R
  const double margin_s = remaining.mean_s - response.mean_s;
  if (sd_s == 0.0) return margin_s > 0.0 ? 1.0 : 0.0;
  return boost::math::cdf(boost::math::normal_distribution<double>(), margin_s / sd_s);
}

std::vector<double> easi_interruption_terms(std::span<const EasiLayer> path,
                                            const EasiResponse& response) {
  check_response(response);
  std::vector<double> terms(path.size(), 0.0);
  double undetected_so_far = 1.0;  // Πⱼ<ᵢ (1 − P_D,j)
  for (std::size_t i = 0; i < path.size(); ++i) {
    check_layer(path[i]);
    const double first_detection_here = undetected_so_far * path[i].detection_probability;
    terms[i] = response.communication_probability * first_detection_here *
               response_beats(easi_remaining_time(path, i), response);
    undetected_so_far *= 1.0 - path[i].detection_probability;
  }
  return terms;
}

double easi_interruption_probability(std::span<const EasiLayer> path,
                                     const EasiResponse& response) {
  const std::vector<double> terms = easi_interruption_terms(path, response);
  return std::accumulate(terms.begin(), terms.end(), 0.0);
}

}  // namespace bordersim::c2
