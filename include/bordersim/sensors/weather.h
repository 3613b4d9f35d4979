#pragma once
// Weather that comes and goes: a continuous-time Markov chain over named states (clear,
// haze, dust, ...). Each state holds for an exponential time with its own mean, then
// jumps to another state with probabilities proportional to its transition weights; while
// it holds it sets the cameras' extinction by band, whether drones and reconnaissance
// aircraft fly, and a factor on patrols' sweep width.
//
// One replication's weather is drawn upfront over [0, horizon) from its own keyed stream
// (Stream(seed, replication, {kWeather, 0}, Purpose::kWeather)), so every variant of a
// batch meets the same weather (common random numbers), and nothing else's draws move.
// The first state is drawn from the chain's stationary distribution π (πQ = 0, Σπ = 1),
// and by memorylessness the first spell's remaining length is again exponential with the
// state's mean: the process is stationary from t = 0, so P(state i at t) = π_i at every t.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/random/stream.h"
#include "bordersim/sensors/availability.h"

namespace bordersim::sensors {

struct WeatherState {
  std::string name;
  double mean_duration_s = 1.0;  // > 0
  // Probability of each state being the next on leaving this one (0 on the diagonal;
  // sums to 1, or all 0 for a chain of one state, which never leaves).
  std::vector<double> next;
  std::optional<double> visible_extinction_per_km;  // absent: the camera's own
  std::optional<double> thermal_extinction_per_km;
  bool drones_fly = true;
  bool air_recon_flies = true;
  double patrol_sweep_width_factor = 1.0;
  double crew_detection_factor = 1.0;  // multiplies tower crews' sighting rate
};

struct WeatherChain {
  std::vector<WeatherState> states;
  std::vector<double> stationary;  // π, the long-run share of time in each state

  // Whether some state grounds drones, stops reconnaissance or changes patrols' sweep:
  // the checks that need a weather lookup at all.
  bool grounds_drones() const;
  bool grounds_air_recon() const;
  bool changes_patrols() const;
  // Whether some state changes tower crews' sighting, and the largest factor over the
  // states (the rate a changing hazard is drawn at, then thinned).
  bool changes_crews() const;
  double max_crew_factor() const;
};

// The generator's off-diagonal rates q_ij = next_ij / mean_duration_i, and q_ii = −Σ_j q_ij.
std::vector<std::vector<double>> generator_matrix(const WeatherChain& chain);

// π with πQ = 0 and Σπ = 1, by Gaussian elimination with partial pivoting (one equation
// of πQ = 0 replaced by the sum). Throws std::invalid_argument when the chain has no
// unique stationary distribution (two closed classes). A chain of one state: {1}.
std::vector<double> stationary_distribution(const WeatherChain& chain);

// A stretch [begin, end) of one state.
struct WeatherSpell {
  Time begin = 0;
  Time end = 0;
  std::uint16_t state = 0;
};

class WeatherTimeline {
 public:
  // Draws: a uniform for the first state (from π), then per spell an exponential for its
  // length and, when it ends before `horizon`, a uniform for the next state. The last spell
  // runs on to kNever. `chain.stationary` must be set.
  WeatherTimeline(const WeatherChain& chain, Time horizon, Stream stream);

  std::uint16_t state_at(Time t) const;
  // Spells in time order, covering [0, kNever).
  std::span<const WeatherSpell> spells() const { return spells_; }
  // The index of the spell holding t.
  std::size_t spell_at(Time t) const;
  // Time in each state within [from, to).
  std::vector<Time> time_in_states(Time from, Time to, std::size_t states) const;
  // The spells whose state fails `keep` (e.g. no drones fly), merged, clipped to [0, horizon).
  template <class Keep>
  std::vector<Interval> intervals_without(Keep keep, Time horizon) const {
    std::vector<Interval> out;
    for (const WeatherSpell& s : spells_)
      if (!keep(s.state)) out.push_back({s.begin, s.end});
    return merge_intervals(std::move(out), horizon);
  }

 private:
  std::vector<WeatherSpell> spells_;
};

}  // namespace bordersim::sensors
