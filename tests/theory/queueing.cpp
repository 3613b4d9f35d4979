#include "theory/queueing.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace bordersim::c2 {
namespace {

void require(bool condition, const char* what) {
  if (!condition) throw std::invalid_argument(std::string("queueing: ") + what);
}

void check_load(double offered_load_erlang) {
  require(std::isfinite(offered_load_erlang) && offered_load_erlang >= 0.0,
          "offered load must be finite and >= 0");
}

void check_pool(const ResponderPool& pool) {
  require(std::isfinite(pool.arrival_rate_per_s) && pool.arrival_rate_per_s >= 0.0,
          "arrival rate must be finite and >= 0");
  require(std::isfinite(pool.service_rate_per_s) && pool.service_rate_per_s > 0.0,
          "service rate must be finite and > 0");
  require(pool.servers >= 1, "a pool needs at least one server");
}

// The rate at which a non-empty queue drains, cμ − λ; it must be positive.
double drain_rate_per_s(const ResponderPool& pool) {
  check_pool(pool);
  const double drain =
      static_cast<double>(pool.servers) * pool.service_rate_per_s - pool.arrival_rate_per_s;
  require(drain > 0.0, "the queue is unstable (lambda >= c mu): no stationary wait");
  return drain;
}

}  // namespace

double erlang_b(double offered_load_erlang, int servers) {
  check_load(offered_load_erlang);
  require(servers >= 0, "servers must be >= 0");
  double blocking = 1.0;  // B(0): with no server every arrival is lost
  for (int k = 1; k <= servers; ++k) {
    const double carried = offered_load_erlang * blocking;
    blocking = carried / (static_cast<double>(k) + carried);
  }
  return blocking;
}

double erlang_c(double offered_load_erlang, int servers) {
  check_load(offered_load_erlang);
  require(servers >= 1, "Erlang C needs at least one server");
  const double c = static_cast<double>(servers);
  require(offered_load_erlang < c, "Erlang C needs a < c (a stable queue)");
  // From the stationary M/M/c probabilities, with the loss system's for states 0..c:
  // C = π_c/(1 − ρ) / (Σ_{k<c} π_k + π_c/(1 − ρ)); dividing by the loss system's total
  // gives c·B / (c − a·(1 − B)) (Kleinrock 1975, ch. 3). Both terms of the denominator
  // are positive for a < c, so there is no cancellation.
  const double blocking = erlang_b(offered_load_erlang, servers);
  return c * blocking / (c - offered_load_erlang * (1.0 - blocking));
}

int servers_for_blocking(double offered_load_erlang, double max_blocking) {
  check_load(offered_load_erlang);
  require(max_blocking > 0.0 && max_blocking <= 1.0, "target blocking must be in (0, 1]");
  // The same recursion, stopped at the first k that meets the target. B(k) decreases in
  // k and reaches any positive target, at the latest near k ≈ a + a few √a.
  double blocking = 1.0;
  int servers = 0;
  while (blocking > max_blocking) {
    ++servers;
    const double carried = offered_load_erlang * blocking;
    blocking = carried / (static_cast<double>(servers) + carried);
  }
  return servers;
}

double offered_load(const ResponderPool& pool) {
  check_pool(pool);
  return pool.arrival_rate_per_s / pool.service_rate_per_s;
}

double utilisation(const ResponderPool& pool) {
  return offered_load(pool) / static_cast<double>(pool.servers);
}

double blocking_probability(const ResponderPool& pool) {
  return erlang_b(offered_load(pool), pool.servers);
}

double mean_busy_servers_loss(const ResponderPool& pool) {
  const double a = offered_load(pool);
  return a * (1.0 - erlang_b(a, pool.servers));
}

double probability_of_waiting(const ResponderPool& pool) {
  return erlang_c(offered_load(pool), pool.servers);
}

double mean_wait_in_queue_s(const ResponderPool& pool) {
  return probability_of_waiting(pool) / drain_rate_per_s(pool);
}

double wait_exceeds(const ResponderPool& pool, double wait_s) {
  require(std::isfinite(wait_s) && wait_s >= 0.0, "wait must be finite and >= 0");
  return probability_of_waiting(pool) * std::exp(-drain_rate_per_s(pool) * wait_s);
}

double mean_queue_length(const ResponderPool& pool) {
  return littles_law_mean_number(pool.arrival_rate_per_s, mean_wait_in_queue_s(pool));
}

double mean_busy_servers_queue(const ResponderPool& pool) {
  drain_rate_per_s(pool);  // only a stable queue has a stationary mean
  return offered_load(pool);
}

double mg1_mean_wait_in_queue_s(double arrival_rate_per_s, double mean_service_s,
                                double service_second_moment_s2) {
  require(std::isfinite(arrival_rate_per_s) && arrival_rate_per_s >= 0.0,
          "arrival rate must be finite and >= 0");
  require(std::isfinite(mean_service_s) && mean_service_s > 0.0,
          "mean service time must be finite and > 0");
  // E[S²] ≥ E[S]² for every distribution (variance ≥ 0); allow rounding at equality.
  require(std::isfinite(service_second_moment_s2) &&
              service_second_moment_s2 >= mean_service_s * mean_service_s * (1.0 - 1e-12),
          "the second moment of the service time must be >= its mean squared");
  const double rho = arrival_rate_per_s * mean_service_s;
  require(rho < 1.0, "the queue is unstable (lambda E[S] >= 1)");
  return arrival_rate_per_s * service_second_moment_s2 / (2.0 * (1.0 - rho));
}

double littles_law_mean_number(double arrival_rate_per_s, double mean_time_s) {
  require(std::isfinite(arrival_rate_per_s) && arrival_rate_per_s >= 0.0,
          "arrival rate must be finite and >= 0");
  require(std::isfinite(mean_time_s) && mean_time_s >= 0.0, "mean time must be finite and >= 0");
  return arrival_rate_per_s * mean_time_s;
}

double littles_law_mean_time_s(double mean_number, double arrival_rate_per_s) {
  require(std::isfinite(mean_number) && mean_number >= 0.0, "mean number must be finite and >= 0");
  require(std::isfinite(arrival_rate_per_s) && arrival_rate_per_s > 0.0,
          "arrival rate must be finite and > 0");
  return mean_number / arrival_rate_per_s;
}

}  // namespace bordersim::c2
