#include "theory/interception_race.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace bordersim::c2 {
namespace {

void require(bool condition, const char* what) {
  if (!condition) throw std::invalid_argument(std::string("interception race: ") + what);
}

void check_rate(double rate_per_s, const char* what) {
  require(!std::isnan(rate_per_s) && rate_per_s >= 0.0, what);  // +inf allowed
}

void check_time(double time_s, const char* what) {
  require(std::isfinite(time_s) && time_s >= 0.0, what);
}

}  // namespace

double interception_probability_fixed_goal(double dispatch_rate_per_s, double response_s,
                                           double time_to_goal_s) {
  check_rate(dispatch_rate_per_s, "dispatch rate must be >= 0");
  check_time(response_s, "response time must be finite and >= 0");
  check_time(time_to_goal_s, "time to goal must be finite and >= 0");
  const double slack_s = time_to_goal_s - response_s;  // the longest delay that still wins
  if (slack_s <= 0.0) return 0.0;
  if (std::isinf(dispatch_rate_per_s)) return 1.0;
  return -std::expm1(-dispatch_rate_per_s * slack_s);  // 1 − e^{−x}, exact for small x
}

double interception_probability_exponential_goal(double dispatch_rate_per_s, double response_s,
                                                 double goal_rate_per_s) {
  check_rate(dispatch_rate_per_s, "dispatch rate must be >= 0");
  check_time(response_s, "response time must be finite and >= 0");
  require(std::isfinite(goal_rate_per_s) && goal_rate_per_s >= 0.0,
          "goal rate must be finite and >= 0");
  const double still_short_after_response = std::exp(-goal_rate_per_s * response_s);
  if (std::isinf(dispatch_rate_per_s)) return still_short_after_response;
  if (dispatch_rate_per_s == 0.0) return 0.0;  // never dispatched (also 0/0 at g = 0)
  const double dispatch_first = dispatch_rate_per_s / (dispatch_rate_per_s + goal_rate_per_s);
  return dispatch_first * still_short_after_response;
}

double interception_probability_after_queue(const ResponderPool& pool, double response_s,
                                            double time_to_goal_s) {
  check_time(response_s, "response time must be finite and >= 0");
  check_time(time_to_goal_s, "time to goal must be finite and >= 0");
  const double slack_s = time_to_goal_s - response_s;
  if (slack_s <= 0.0) return 0.0;
  return 1.0 - wait_exceeds(pool, slack_s);  // P(W < slack) = 1 − P(W > slack), W continuous past 0
}

}  // namespace bordersim::c2
