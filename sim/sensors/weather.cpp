#include "bordersim/sensors/weather.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <stdexcept>

namespace bordersim::sensors {
namespace {

// The index of the first cumulative weight above u (u in [0, 1)); the last positive one
// when rounding leaves u above the sum.
std::uint16_t pick(const std::vector<double>& p, double u) {
  double sum = 0.0;
  std::size_t last = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] <= 0.0) continue;
    last = i;
    sum += p[i];
    if (u < sum) return static_cast<std::uint16_t>(i);
  }
  return static_cast<std::uint16_t>(last);
}

}  // namespace

bool WeatherChain::grounds_drones() const {
  return std::any_of(states.begin(), states.end(), [](const auto& s) { return !s.drones_fly; });
}
bool WeatherChain::grounds_air_recon() const {
  return std::any_of(states.begin(), states.end(),
                     [](const auto& s) { return !s.air_recon_flies; });
}
bool WeatherChain::changes_patrols() const {
  return std::any_of(states.begin(), states.end(),
                     [](const auto& s) { return s.patrol_sweep_width_factor != 1.0; });
}

bool WeatherChain::changes_crews() const {
  return std::any_of(states.begin(), states.end(),
                     [](const auto& s) { return s.crew_detection_factor != 1.0; });
}
double WeatherChain::max_crew_factor() const {
  double most = 0.0;
  for (const WeatherState& s : states) most = std::max(most, s.crew_detection_factor);
  return most;
}

std::vector<std::vector<double>> generator_matrix(const WeatherChain& chain) {
  const std::size_t n = chain.states.size();
  std::vector<std::vector<double>> q(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    const WeatherState& s = chain.states[i];
    for (std::size_t j = 0; j < n && j < s.next.size(); ++j) {
      if (j == i) continue;
      q[i][j] = s.next[j] / s.mean_duration_s;
      q[i][i] -= q[i][j];
    }
  }
  return q;
}

std::vector<double> stationary_distribution(const WeatherChain& chain) {
  const std::size_t n = chain.states.size();
  if (n == 0) throw std::invalid_argument("stationary_distribution: no states");
  // Rates are per second and small; scale each row by its mean so the system is O(1).
  const auto q = generator_matrix(chain);
  // A x = b with A = Qᵀ, its last row replaced by ones, b = (0, …, 0, 1).
  std::vector<std::vector<double>> a(n, std::vector<double>(n + 1, 0.0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) a[i][j] = q[j][i] * chain.states[j].mean_duration_s;
  // Column j scaled by m_j: solve for y_j = π_j / m_j, then π_j = y_j · m_j.
  for (std::size_t j = 0; j < n; ++j) a[n - 1][j] = chain.states[j].mean_duration_s;
  a[n - 1][n] = 1.0;
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t best = col;
    for (std::size_t r = col + 1; r < n; ++r)
      if (std::abs(a[r][col]) > std::abs(a[best][col])) best = r;
    if (std::abs(a[best][col]) < 1e-12)
      throw std::invalid_argument("the weather chain has no unique stationary distribution");
    std::swap(a[col], a[best]);
    for (std::size_t r = 0; r < n; ++r) {
      if (r == col || a[r][col] == 0.0) continue;
      const double f = a[r][col] / a[col][col];
      for (std::size_t k = col; k <= n; ++k) a[r][k] -= f * a[col][k];
    }
  }
  std::vector<double> pi(n);
  double sum = 0.0;
  for (std::size_t j = 0; j < n; ++j) {
    pi[j] = std::max(0.0, a[j][n] / a[j][j] * chain.states[j].mean_duration_s);
    sum += pi[j];
  }
  for (double& p : pi) p /= sum;
  return pi;
}

WeatherTimeline::WeatherTimeline(const WeatherChain& chain, Time horizon, Stream stream) {
  std::uint16_t state = pick(chain.stationary, uniform01(stream));
  Time t = 0;
  while (true) {
    const WeatherState& s = chain.states[state];
    boost::random::exponential_distribution<double> holding(1.0 / s.mean_duration_s);
    const bool stays = std::none_of(s.next.begin(), s.next.end(), [](double p) { return p > 0.0; });
    const Time end = stays ? kNever : t + std::max<Time>(1, seconds_to_time(holding(stream)));
    if (end >= horizon) {
      spells_.push_back({t, kNever, state});
      return;
    }
    spells_.push_back({t, end, state});
    t = end;
    state = pick(s.next, uniform01(stream));
  }
}

std::size_t WeatherTimeline::spell_at(Time t) const {
  const auto it = std::upper_bound(spells_.begin(), spells_.end(), t,
                                   [](Time x, const WeatherSpell& s) { return x < s.begin; });
  return it == spells_.begin() ? 0 : static_cast<std::size_t>(it - spells_.begin()) - 1;
}

std::uint16_t WeatherTimeline::state_at(Time t) const { return spells_[spell_at(t)].state; }

std::vector<Time> WeatherTimeline::time_in_states(Time from, Time to, std::size_t states) const {
  std::vector<Time> out(states, 0);
  for (std::size_t i = spell_at(from); i < spells_.size() && spells_[i].begin < to; ++i) {
    const Time a = std::max(from, spells_[i].begin);
    const Time b = std::min(to, spells_[i].end);
    if (b > a) out[spells_[i].state] += b - a;
  }
  return out;
}

}  // namespace bordersim::sensors
