// The closed forms of command and response (theory/queueing.h, theory/interception_race.h,
// theory/easi.h) against published table values, exact small cases worked by hand, brute-force
// solutions of the birth–death chains (Eigen, not the product form), quadrature, and
// Monte-Carlo experiments built from each model's definition (fixed seeds, tolerances
// from 99% intervals at the theoretical value).
#include <doctest/doctest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "../support/proportions.h"
#include "bordersim/random/stream.h"
#include "theory/easi.h"
#include "theory/interception_race.h"
#include "theory/queueing.h"

namespace bordersim::c2 {
namespace {

using bordersim::testing::kZ99;

Stream stream_for(std::uint64_t seed) {
  return Stream(StreamKey{seed, 0, EntityKey{EntityKind::kBenchmark, 0}, Purpose::kResponse});
}

// A simulated proportion against theory, with the binomial 99% half-width at the theory.
void check_proportion(std::uint64_t hits, std::uint64_t n, double theory) {
  const double rate = static_cast<double>(hits) / static_cast<double>(n);
  const double half_width = kZ99 * std::sqrt(theory * (1.0 - theory) / static_cast<double>(n));
  INFO("simulated " << rate << " over " << n << " | theory " << theory << " | 99% half-width "
                    << half_width);
  CHECK(std::abs(rate - theory) <= half_width);
}

// Independent replications' estimates against theory, with the 99% t interval of their mean.
void check_replications(const std::vector<double>& estimates, double theory) {
  const auto n = static_cast<double>(estimates.size());
  double mean = 0.0;
  for (double x : estimates) mean += x / n;
  double sum_sq = 0.0;
  for (double x : estimates) sum_sq += (x - mean) * (x - mean);
  const double sd = std::sqrt(sum_sq / (n - 1.0));
  const double t99 =
      boost::math::quantile(boost::math::students_t_distribution<double>(n - 1.0), 0.995);
  const double half_width = t99 * sd / std::sqrt(n);
  INFO("replication mean " << mean << " over " << n << " | theory " << theory
                           << " | 99% half-width " << half_width);
  CHECK(std::abs(mean - theory) <= half_width);
}

// ------------------------------------------------------------ birth–death chains by brute force

// The stationary law of a birth–death chain on states 0..N-1 (birth[n]: rate n → n+1,
// death[n]: rate n → n−1), solved as the linear system πQ = 0, Σπ = 1 by LU, without
// using the chain's product form.
Eigen::VectorXd stationary_law(const std::vector<double>& birth, const std::vector<double>& death) {
  const auto states = static_cast<Eigen::Index>(birth.size());
  Eigen::MatrixXd generator = Eigen::MatrixXd::Zero(states, states);
  for (Eigen::Index n = 0; n < states; ++n) {
    const auto i = static_cast<std::size_t>(n);
    if (n + 1 < states) generator(n, n + 1) = birth[i];
    if (n > 0) generator(n, n - 1) = death[i];
    generator(n, n) = -generator.row(n).sum();
  }
  Eigen::MatrixXd system = generator.transpose();
  system.row(states - 1).setOnes();  // replace one balance equation by the normalisation
  Eigen::VectorXd right = Eigen::VectorXd::Zero(states);
  right(states - 1) = 1.0;
  return system.fullPivLu().solve(right);
}

// The loss system M/M/c/c with μ = 1, λ = a: states 0..c.
Eigen::VectorXd loss_chain(double a, int c) {
  std::vector<double> birth, death;
  for (int n = 0; n <= c; ++n) {
    birth.push_back(n < c ? a : 0.0);
    death.push_back(static_cast<double>(n));
  }
  return stationary_law(birth, death);
}

// M/M/c with μ = 1, λ = a < c, truncated where ρ^K < 1e-17 (the tail beyond is below
// double precision of the answers compared).
Eigen::VectorXd delay_chain(double a, int c) {
  const double rho = a / c;
  const int tail = static_cast<int>(std::ceil(std::log(1e-17) / std::log(rho)));
  std::vector<double> birth, death;
  for (int n = 0; n <= c + tail; ++n) {
    birth.push_back(n < c + tail ? a : 0.0);
    death.push_back(static_cast<double>(std::min(n, c)));
  }
  return stationary_law(birth, death);
}

// ------------------------------------------------------------ Erlang B and C

TEST_CASE("Erlang B: published table values") {
  // The check: a = 10 erlangs on 10 servers blocks 21.46%.
  CHECK(std::abs(erlang_b(10.0, 10) - 0.2146) < 5e-5);
  // The standard Erlang B traffic table (as printed in teletraffic texts, e.g. Iversen's
  // ITU-D handbook): the load in erlangs, to 3 decimals, that c servers carry at a given
  // blocking. The table's rounding half-unit must bracket the target.
  struct Row {
    int servers;
    double load_erlang;
    double blocking;
  };
  for (const Row& row : {Row{1, 0.0101, 0.01}, Row{2, 0.153, 0.01}, Row{3, 0.455, 0.01},
                         Row{4, 0.869, 0.01}, Row{5, 1.361, 0.01}, Row{10, 4.461, 0.01},
                         Row{20, 12.031, 0.01}, Row{50, 37.901, 0.01}, Row{100, 84.064, 0.01},
                         Row{10, 5.084, 0.02}, Row{10, 7.511, 0.10}, Row{20, 17.613, 0.10}}) {
    const double half_unit = row.servers == 1 ? 0.00005 : 0.0005;
    INFO("c = " << row.servers << " | a = " << row.load_erlang);
    CHECK(erlang_b(row.load_erlang - half_unit, row.servers) <= row.blocking);
    CHECK(erlang_b(row.load_erlang + half_unit, row.servers) >= row.blocking);
  }
}

TEST_CASE("Erlang B and C: small cases by hand") {
  // B(a, 0) = 1; B(a, 1) = a/(1 + a); B(a, 2) = (a²/2)/(1 + a + a²/2).
  CHECK(erlang_b(3.0, 0) == 1.0);
  CHECK(erlang_b(0.0, 3) == 0.0);
  for (double a : {0.1, 1.0, 2.5, 40.0}) {
    CHECK(erlang_b(a, 1) == doctest::Approx(a / (1.0 + a)).epsilon(1e-14));
    CHECK(erlang_b(a, 2) == doctest::Approx(a * a / 2.0 / (1.0 + a + a * a / 2.0)).epsilon(1e-14));
  }
  // M/M/1: C = ρ. M/M/2: C = 2ρ²/(1 + ρ) (Kleinrock 1975, ch. 3).
  for (double rho : {0.05, 0.5, 0.9, 0.999}) {
    CHECK(erlang_c(rho, 1) == doctest::Approx(rho).epsilon(1e-13));
    CHECK(erlang_c(2.0 * rho, 2) == doctest::Approx(2.0 * rho * rho / (1.0 + rho)).epsilon(1e-13));
  }
  // a = 2, c = 3: B = 4/19, C = 4/9.
  CHECK(erlang_b(2.0, 3) == doctest::Approx(4.0 / 19.0).epsilon(1e-14));
  CHECK(erlang_c(2.0, 3) == doctest::Approx(4.0 / 9.0).epsilon(1e-14));
}

TEST_CASE("Erlang B: the recursion matches the defining sum and stays finite for large pools") {
  // B = (aᶜ/c!) / Σₖ aᵏ/k!, summed in logs (lgamma) as an independent computation.
  for (double a : {0.3, 4.0, 17.5, 60.0}) {
    for (int c : {1, 4, 17, 60, 150}) {
      double denominator = 0.0;
      const double log_top = c * std::log(a) - std::lgamma(c + 1.0);
      for (int k = 0; k <= c; ++k)
        denominator += std::exp(k * std::log(a) - std::lgamma(k + 1.0) - log_top);
      INFO("a = " << a << " | c = " << c);
      CHECK(erlang_b(a, c) == doctest::Approx(1.0 / denominator).epsilon(1e-11));
    }
  }
  // Where the factorials overflow a double, the recursion is still well inside (0, 1).
  const double big = erlang_b(1000.0, 1000);
  CHECK(big > 0.02);
  CHECK(big < 0.03);  // ≈ 0.0248 (√(2/(π·1000)) to first order)
  CHECK(erlang_c(990.0, 1000) > big);
  CHECK(erlang_c(990.0, 1000) < 1.0);
}

TEST_CASE("Erlang B: equals the loss chain solved by brute force") {
  for (double a : {0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 35.0}) {
    for (int c : {1, 2, 3, 5, 8, 13, 21, 34, 50}) {
      const Eigen::VectorXd pi = loss_chain(a, c);
      const double chain_blocking = pi(c);
      double chain_busy = 0.0;
      for (int n = 0; n <= c; ++n) chain_busy += n * pi(n);
      INFO("a = " << a << " | c = " << c);
      const double b = erlang_b(a, c);
      CHECK(std::abs(b - chain_blocking) <= 1e-9 * b + 1e-14);
      const ResponderPool pool{a / 600.0, 1.0 / 600.0, c};
      CHECK(blocking_probability(pool) == doctest::Approx(b).epsilon(1e-12));
      CHECK(mean_busy_servers_loss(pool) == doctest::Approx(chain_busy).epsilon(1e-9));
    }
  }
}

TEST_CASE("Erlang C: waiting probability and mean and tail of the wait equal the M/M/c chain") {
  for (double a : {0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0}) {
    for (int c : {1, 2, 3, 5, 8, 13, 21, 34}) {
      if (a >= 0.9 * c) continue;  // keep the truncated chain small
      const Eigen::VectorXd pi = delay_chain(a, c);
      const auto states = static_cast<int>(pi.size());
      // With μ = 1: an arrival that finds n ≥ c waits for n − c + 1 departures at rate c
      // (PASTA), so E[W] = Σ π_n (n − c + 1)/c and P(W > t) = Σ π_n P(Poisson(ct) ≤ n − c).
      const double t = 0.7;
      double waits = 0.0, mean_wait = 0.0, queue_length = 0.0, tail = 0.0;
      double poisson_term = std::exp(-c * t), poisson_cdf = poisson_term;
      for (int n = c; n < states; ++n) {
        waits += pi(n);
        mean_wait += pi(n) * (n - c + 1) / c;
        queue_length += pi(n) * (n - c);
        tail += pi(n) * poisson_cdf;
        poisson_term *= c * t / (n - c + 1);
        poisson_cdf += poisson_term;
      }
      INFO("a = " << a << " | c = " << c);
      const ResponderPool pool{a, 1.0, c};
      CHECK(erlang_c(a, c) == doctest::Approx(waits).epsilon(1e-9));
      CHECK(probability_of_waiting(pool) == doctest::Approx(waits).epsilon(1e-9));
      CHECK(mean_wait_in_queue_s(pool) == doctest::Approx(mean_wait).epsilon(1e-9));
      CHECK(mean_queue_length(pool) == doctest::Approx(queue_length).epsilon(1e-9));
      CHECK(wait_exceeds(pool, t) == doctest::Approx(tail).epsilon(1e-9));
      CHECK(wait_exceeds(pool, 0.0) == doctest::Approx(waits).epsilon(1e-9));
      CHECK(utilisation(pool) == doctest::Approx(a / c));
      CHECK(mean_busy_servers_queue(pool) == doctest::Approx(a));
    }
  }
}

TEST_CASE("Erlang: monotone in load and pool size") {
  for (int c = 1; c < 30; ++c) {
    CHECK(erlang_b(7.0, c + 1) < erlang_b(7.0, c));
    CHECK(erlang_b(7.5, c) > erlang_b(7.0, c));
    if (7.0 < c) CHECK(erlang_c(7.0, c) > erlang_b(7.0, c));  // waiting is likelier than blocking
  }
}

TEST_CASE("servers for a target blocking: the table's pools") {
  CHECK(servers_for_blocking(4.461, 0.01) == 10);
  CHECK(servers_for_blocking(37.901, 0.01) == 50);
  CHECK(servers_for_blocking(10.0, 0.2146) == 10);  // B(10, 10) = 0.214582...
  CHECK(servers_for_blocking(10.0, 0.2145) == 11);
  CHECK(servers_for_blocking(0.0, 0.5) == 1);
  CHECK(servers_for_blocking(3.0, 1.0) == 0);
}

TEST_CASE("Little and Pollaczek-Khinchine: identities") {
  CHECK(littles_law_mean_number(0.5, 30.0) == 15.0);
  CHECK(littles_law_mean_time_s(15.0, 0.5) == 30.0);
  // M/G/1 with exponential service (E[S²] = 2/μ²) is M/M/1.
  const ResponderPool one{1.0 / 600.0, 1.0 / 450.0, 1};
  CHECK(mg1_mean_wait_in_queue_s(1.0 / 600.0, 450.0, 2.0 * 450.0 * 450.0) ==
        doctest::Approx(mean_wait_in_queue_s(one)).epsilon(1e-13));
  // M/D/1: W_q = ρ/(2μ(1 − ρ)); λ = 1/600, S = 300 s: ρ = 1/2, W_q = 150 s.
  CHECK(mg1_mean_wait_in_queue_s(1.0 / 600.0, 300.0, 300.0 * 300.0) == doctest::Approx(150.0));
}

TEST_CASE("queueing: arguments out of the domain throw") {
  CHECK_THROWS_AS(erlang_b(-1.0, 3), std::invalid_argument);
  CHECK_THROWS_AS(erlang_b(1.0, -1), std::invalid_argument);
  CHECK_THROWS_AS(erlang_b(std::numeric_limits<double>::quiet_NaN(), 3), std::invalid_argument);
  CHECK_THROWS_AS(erlang_c(3.0, 3), std::invalid_argument);  // unstable
  CHECK_THROWS_AS(erlang_c(1.0, 0), std::invalid_argument);
  CHECK_THROWS_AS(servers_for_blocking(3.0, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(mean_wait_in_queue_s(ResponderPool{2.0, 1.0, 2}), std::invalid_argument);
  CHECK_THROWS_AS(offered_load(ResponderPool{1.0, 0.0, 2}), std::invalid_argument);
  CHECK_THROWS_AS(offered_load(ResponderPool{1.0, 1.0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(wait_exceeds(ResponderPool{1.0, 1.0, 2}, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(mg1_mean_wait_in_queue_s(1.0, 1.0, 1.0), std::invalid_argument);  // ρ = 1
  CHECK_THROWS_AS(mg1_mean_wait_in_queue_s(0.1, 2.0, 3.0), std::invalid_argument);  // E[S²] < E[S]²
  CHECK_THROWS_AS(littles_law_mean_time_s(1.0, 0.0), std::invalid_argument);
  // A loss system has an answer at any load.
  CHECK(blocking_probability(ResponderPool{5.0, 1.0, 2}) == doctest::Approx(erlang_b(5.0, 2)));
}

// A first-come-first-served pool of c teams fed by Poisson arrivals, simulated arrival by
// arrival (each takes the team that frees first), from an empty start with a warm-up.
// Returns, per replication: P(wait > 0), mean wait, P(wait > threshold), P(wait + R < T).
struct QueueEstimates {
  std::vector<double> waiting, mean_wait, tail, intercepted;
};

template <class ServiceTime>
QueueEstimates simulate_fcfs(double arrival_rate_per_s, int servers, ServiceTime service_s,
                             double threshold_s, double response_s, double time_to_goal_s,
                             std::uint64_t seed) {
  constexpr int kReplications = 200, kWarmUp = 500, kCustomers = 5000;
  QueueEstimates out;
  for (int r = 0; r < kReplications; ++r) {
    Stream stream(StreamKey{seed, static_cast<std::uint64_t>(r),
                            EntityKey{EntityKind::kBenchmark, 1}, Purpose::kResponse});
    boost::random::exponential_distribution<double> gap(arrival_rate_per_s);
    std::vector<double> free_at(static_cast<std::size_t>(servers), 0.0);
    double now = 0.0;
    int waited = 0, beyond = 0, caught = 0;
    double wait_sum = 0.0;
    for (int k = 0; k < kWarmUp + kCustomers; ++k) {
      now += gap(stream);
      auto team = std::min_element(free_at.begin(), free_at.end());
      const double wait = std::max(0.0, *team - now);
      *team = now + wait + service_s(stream);
      if (k < kWarmUp) continue;
      waited += wait > 0.0;
      beyond += wait > threshold_s;
      caught += wait + response_s < time_to_goal_s;
      wait_sum += wait;
    }
    out.waiting.push_back(static_cast<double>(waited) / kCustomers);
    out.mean_wait.push_back(wait_sum / kCustomers);
    out.tail.push_back(static_cast<double>(beyond) / kCustomers);
    out.intercepted.push_back(static_cast<double>(caught) / kCustomers);
  }
  return out;
}

TEST_CASE("M/M/2 pool simulated: Erlang C and the wait and the race after the queue") {
  // One detection every 10 min; a job takes 15 min on average; two teams: a = 1.5, ρ = 0.75.
  const ResponderPool pool{1.0 / 600.0, 1.0 / 900.0, 2};
  boost::random::exponential_distribution<double> job(pool.service_rate_per_s);
  const double threshold_s = 600.0, response_s = 300.0, goal_s = 1200.0;
  const QueueEstimates sim = simulate_fcfs(
      pool.arrival_rate_per_s, pool.servers, [&](Stream& s) { return job(s); }, threshold_s,
      response_s, goal_s, 2024);
  check_replications(sim.waiting, probability_of_waiting(pool));
  check_replications(sim.mean_wait, mean_wait_in_queue_s(pool));
  check_replications(sim.tail, wait_exceeds(pool, threshold_s));
  check_replications(sim.intercepted,
                     interception_probability_after_queue(pool, response_s, goal_s));
}

TEST_CASE("M/D/1 pool simulated: the Pollaczek-Khinchine mean wait") {
  const double rate = 1.0 / 600.0, job_s = 300.0;
  const QueueEstimates sim = simulate_fcfs(
      rate, 1, [&](Stream&) { return job_s; }, 0.0, 0.0, 0.0, 77);
  check_replications(sim.mean_wait, mg1_mean_wait_in_queue_s(rate, job_s, job_s * job_s));
}

// ------------------------------------------------------------ the interception race

TEST_CASE("race with a fixed goal: closed values and limits") {
  // rate 1/60, R = 100, T = 160: one mean delay of slack, P = 1 − 1/e.
  CHECK(interception_probability_fixed_goal(1.0 / 60.0, 100.0, 160.0) ==
        doctest::Approx(1.0 - std::exp(-1.0)).epsilon(1e-14));
  CHECK(interception_probability_fixed_goal(1.0 / 60.0, 100.0, 100.0) == 0.0);
  CHECK(interception_probability_fixed_goal(1.0 / 60.0, 200.0, 100.0) == 0.0);
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(interception_probability_fixed_goal(inf, 100.0, 100.001) == 1.0);
  CHECK(interception_probability_fixed_goal(inf, 100.0, 100.0) == 0.0);
  CHECK(interception_probability_fixed_goal(0.0, 0.0, 100.0) == 0.0);
  // Tiny slack: 1 − e^{−x} ≈ x without cancellation.
  CHECK(interception_probability_fixed_goal(1.0, 0.0, 1e-12) ==
        doctest::Approx(1e-12).epsilon(1e-9));
}

TEST_CASE("race with an exponential goal: closed values and limits") {
  // r = g: half the time the dispatch comes first; then e^{−gR}.
  CHECK(interception_probability_exponential_goal(0.01, 50.0, 0.01) ==
        doctest::Approx(0.5 * std::exp(-0.5)).epsilon(1e-14));
  CHECK(interception_probability_exponential_goal(0.01, 0.0, 0.0) == 1.0);
  CHECK(interception_probability_exponential_goal(0.0, 0.0, 0.0) == 0.0);
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(interception_probability_exponential_goal(inf, 100.0, 0.002) ==
        doctest::Approx(std::exp(-0.2)).epsilon(1e-14));
}

TEST_CASE("race with an exponential goal is the fixed-goal race averaged over T") {
  for (const auto& [r, rt, g] :
       {std::array{1.0 / 60.0, 100.0, 1.0 / 900.0}, std::array{1.0 / 300.0, 0.0, 1.0 / 200.0},
        std::array{0.05, 400.0, 0.004}}) {
    const auto integrand = [&](double t) {
      return g * std::exp(-g * t) * interception_probability_fixed_goal(r, rt, t);
    };
    const double averaged = boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
        integrand, rt, std::numeric_limits<double>::infinity(), 15, 1e-13);
    CHECK(interception_probability_exponential_goal(r, rt, g) ==
          doctest::Approx(averaged).epsilon(1e-9));
  }
}

TEST_CASE("race simulated: exponential delay against a fixed and an exponential goal") {
  constexpr std::uint64_t kDraws = 400000;
  const double rate = 1.0 / 120.0, response_s = 240.0, goal_s = 420.0, goal_rate = 1.0 / 600.0;
  Stream stream = stream_for(11);
  boost::random::exponential_distribution<double> delay(rate), goal(goal_rate);
  std::uint64_t fixed_hits = 0, exponential_hits = 0;
  for (std::uint64_t k = 0; k < kDraws; ++k) {
    const double d = delay(stream);
    fixed_hits += d + response_s < goal_s;
    exponential_hits += d + response_s < goal(stream);
  }
  check_proportion(fixed_hits, kDraws,
                   interception_probability_fixed_goal(rate, response_s, goal_s));
  check_proportion(exponential_hits, kDraws,
                   interception_probability_exponential_goal(rate, response_s, goal_rate));
}

TEST_CASE("race after a queue: limits") {
  const ResponderPool idle{1e-9, 1.0 / 900.0, 3};  // almost never waits
  CHECK(interception_probability_after_queue(idle, 300.0, 301.0) ==
        doctest::Approx(1.0).epsilon(1e-6));
  CHECK(interception_probability_after_queue(idle, 300.0, 300.0) == 0.0);
  // One team: C = ρ and the wait, when there is one, is Exp(μ − λ).
  const ResponderPool one{1.0 / 600.0, 1.0 / 400.0, 1};
  const double rho = 400.0 / 600.0, drain = 1.0 / 400.0 - 1.0 / 600.0;
  CHECK(interception_probability_after_queue(one, 100.0, 700.0) ==
        doctest::Approx(1.0 - rho * std::exp(-drain * 600.0)).epsilon(1e-13));
  CHECK_THROWS_AS(interception_probability_fixed_goal(-1.0, 1.0, 2.0), std::invalid_argument);
  CHECK_THROWS_AS(interception_probability_fixed_goal(1.0, -1.0, 2.0), std::invalid_argument);
  CHECK_THROWS_AS(interception_probability_exponential_goal(1.0, 1.0, -2.0), std::invalid_argument);
}

// ------------------------------------------------------------ EASI

// Φ from the C library's erfc, independent of the Boost normal the library uses.
double phi(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

TEST_CASE("EASI: one layer detected at its beginning races the response evenly") {
  const std::vector<EasiLayer> path{{0.7, DetectionPoint::kBeginning, 100.0, 30.0}};
  CHECK(easi_interruption_probability(path, {100.0, 40.0, 1.0}) ==
        doctest::Approx(0.35).epsilon(1e-14));
  // At its end nothing remains: P(R < 0) = Φ(−μ_R/σ_R) = Φ(−2.5).
  const std::vector<EasiLayer> at_end{{0.7, DetectionPoint::kEnd, 100.0, 30.0}};
  CHECK(easi_interruption_probability(at_end, {100.0, 40.0, 1.0}) ==
        doctest::Approx(0.7 * 0.0062096653257761).epsilon(1e-10));
  // Deterministic times: the strict race.
  const std::vector<EasiLayer> fixed{{1.0, DetectionPoint::kMiddle, 200.0, 0.0}};
  CHECK(easi_interruption_probability(fixed, {99.0, 0.0, 1.0}) == 1.0);
  CHECK(easi_interruption_probability(fixed, {100.0, 0.0, 1.0}) == 0.0);
}

TEST_CASE("EASI: a three-layer path worked by hand") {
  // Layer 1: P_D 0.5 at its beginning, 200 ± 120 s; layer 2: P_D 0.6 in its middle,
  // 180 ± 60 s; layer 3: P_D 0.9 at its end, no delay. Response 100 ± 40 s.
  // T₁ = 200 + 180 = 380 s, Var = 120² + 60² = 18000; with σ_R² = 1600 the sd is 140 s:
  //   z₁ = (380 − 100)/140 = 2.
  // T₂ = 90 s, sd 30 s (half of 60); with σ_R: 50 s: z₂ = (90 − 100)/50 = −0.2.
  // T₃ = 0: z₃ = −100/40 = −2.5.
  // Φ(2) = 0.97724986805182, Φ(−0.2) = 0.42074029056090, Φ(−2.5) = 0.00620966532578
  // (normal tables, e.g. Abramowitz & Stegun 26.2).
  const std::vector<EasiLayer> path{{0.5, DetectionPoint::kBeginning, 200.0, 120.0},
                                    {0.6, DetectionPoint::kMiddle, 180.0, 60.0},
                                    {0.9, DetectionPoint::kEnd, 0.0, 0.0}};
  const EasiResponse response{100.0, 40.0, 1.0};
  const NormalTime t1 = easi_remaining_time(path, 0), t2 = easi_remaining_time(path, 1);
  CHECK(t1.mean_s == doctest::Approx(380.0));
  CHECK(t1.sd_s == doctest::Approx(std::sqrt(18000.0)));
  CHECK(t2.mean_s == doctest::Approx(90.0));
  CHECK(t2.sd_s == doctest::Approx(30.0));
  const std::vector<double> terms = easi_interruption_terms(path, response);
  REQUIRE(terms.size() == 3);
  CHECK(terms[0] == doctest::Approx(0.5 * 0.97724986805182).epsilon(1e-12));
  CHECK(terms[1] == doctest::Approx(0.5 * 0.6 * 0.42074029056090).epsilon(1e-12));
  CHECK(terms[2] == doctest::Approx(0.5 * 0.4 * 0.9 * 0.00620966532578).epsilon(1e-10));
  const double by_hand = 0.5 * 0.97724986805182 + 0.3 * 0.42074029056090 + 0.18 * 0.00620966532578;
  CHECK(easi_interruption_probability(path, response) == doctest::Approx(by_hand).epsilon(1e-12));
  // P_C scales every term: an uncommunicated first detection is a lost chance.
  CHECK(easi_interruption_probability(path, {100.0, 40.0, 0.9}) ==
        doctest::Approx(0.9 * by_hand).epsilon(1e-12));
  // Layers that never detect add no term but still delay the crosser.
  const std::vector<EasiLayer> with_blind{{0.0, DetectionPoint::kMiddle, 1000.0, 0.0},
                                          {0.5, DetectionPoint::kBeginning, 200.0, 120.0},
                                          {0.6, DetectionPoint::kMiddle, 180.0, 60.0},
                                          {0.9, DetectionPoint::kEnd, 0.0, 0.0}};
  CHECK(easi_interruption_probability(with_blind, response) ==
        doctest::Approx(by_hand).epsilon(1e-12));
}

TEST_CASE("EASI: the sum over layers equals an independent evaluation with erfc") {
  const std::vector<EasiLayer> path{{0.3, DetectionPoint::kBeginning, 120.0, 40.0},
                                    {0.5, DetectionPoint::kMiddle, 300.0, 90.0},
                                    {0.2, DetectionPoint::kEnd, 60.0, 20.0},
                                    {0.7, DetectionPoint::kMiddle, 240.0, 60.0}};
  const EasiResponse response{250.0, 70.0, 0.95};
  // Remaining means and variances written out by hand for each detection layer.
  const std::array<double, 4> mean{120 + 300 + 60 + 240, 150 + 60 + 240, 240, 120};
  const std::array<double, 4> var{40 * 40 + 90 * 90 + 20 * 20 + 60 * 60,
                                  45 * 45 + 20 * 20 + 60 * 60, 60 * 60, 30 * 30};
  const std::array<double, 4> first{0.3, 0.7 * 0.5, 0.7 * 0.5 * 0.2, 0.7 * 0.5 * 0.8 * 0.7};
  double expected = 0.0;
  for (std::size_t i = 0; i < 4; ++i) {
    expected += 0.95 * first[i] * phi((mean[i] - 250.0) / std::sqrt(70.0 * 70.0 + var[i]));
  }
  CHECK(easi_interruption_probability(path, response) == doctest::Approx(expected).epsilon(1e-12));
}

// The EASI model sampled from its definition: walk the layers until one detects, lose the
// detection with probability 1 − P_C, draw every remaining delay and the response time.
// Returns the number of interruptions in `draws` crossings.
std::uint64_t simulate_easi(const std::vector<EasiLayer>& path, const EasiResponse& response,
                            std::uint64_t draws, std::uint64_t seed) {
  Stream stream = stream_for(seed);
  boost::random::normal_distribution<double> standard(0.0, 1.0);
  std::uint64_t interrupted = 0;
  for (std::uint64_t k = 0; k < draws; ++k) {
    std::size_t detected = path.size();
    for (std::size_t i = 0; i < path.size() && detected == path.size(); ++i) {
      if (uniform01(stream) < path[i].detection_probability) detected = i;
    }
    if (detected == path.size()) continue;
    if (uniform01(stream) >= response.communication_probability) continue;
    double remaining = 0.0;
    for (std::size_t j = detected; j < path.size(); ++j) {
      const double delay = path[j].delay_mean_s + path[j].delay_sd_s * standard(stream);
      remaining += j == detected ? remaining_fraction(path[j].detection_point) * delay : delay;
    }
    const double respond = response.mean_s + response.sd_s * standard(stream);
    interrupted += respond < remaining;
  }
  return interrupted;
}

TEST_CASE("EASI simulated: sequential detection and normal delays and response") {
  constexpr std::uint64_t kDraws = 400000;
  const std::vector<EasiLayer> path{{0.3, DetectionPoint::kBeginning, 120.0, 40.0},
                                    {0.5, DetectionPoint::kMiddle, 300.0, 90.0},
                                    {0.2, DetectionPoint::kEnd, 60.0, 20.0},
                                    {0.7, DetectionPoint::kMiddle, 240.0, 60.0}};
  const EasiResponse response{250.0, 70.0, 0.95};
  check_proportion(simulate_easi(path, response, kDraws, 31), kDraws,
                   easi_interruption_probability(path, response));
  // A layer whose delay varies much more than the response, detected in its middle: the
  // remaining half of one delay has sd σ/2 = 100 s (P = Φ(−0.199) ≈ 0.421); independent
  // halves would give σ/√2 = 141 s (P ≈ 0.444), far outside this interval (± 0.002).
  const std::vector<EasiLayer> wide{{1.0, DetectionPoint::kMiddle, 200.0, 200.0}};
  const EasiResponse tight{120.0, 10.0, 1.0};
  check_proportion(simulate_easi(wide, tight, kDraws, 32), kDraws,
                   easi_interruption_probability(wide, tight));
}

TEST_CASE("EASI: arguments out of the domain throw") {
  const std::vector<EasiLayer> bad_probability{{1.5, DetectionPoint::kMiddle, 10.0, 1.0}};
  CHECK_THROWS_AS(easi_interruption_probability(bad_probability, {}), std::invalid_argument);
  const std::vector<EasiLayer> bad_delay{{0.5, DetectionPoint::kMiddle, -10.0, 1.0}};
  CHECK_THROWS_AS(easi_interruption_probability(bad_delay, {}), std::invalid_argument);
  const std::vector<EasiLayer> good{{0.5, DetectionPoint::kMiddle, 10.0, 1.0}};
  CHECK_THROWS_AS(easi_interruption_probability(good, {10.0, -1.0, 1.0}), std::invalid_argument);
  CHECK_THROWS_AS(easi_interruption_probability(good, {10.0, 1.0, 1.1}), std::invalid_argument);
  CHECK_THROWS_AS(easi_remaining_time(good, 1), std::invalid_argument);
  CHECK(easi_interruption_probability(std::vector<EasiLayer>{}, {}) == 0.0);
  CHECK(remaining_fraction(DetectionPoint::kBeginning) == 1.0);
  CHECK(remaining_fraction(DetectionPoint::kMiddle) == 0.5);
  CHECK(remaining_fraction(DetectionPoint::kEnd) == 0.0);
}

}  // namespace
}  // namespace bordersim::c2
