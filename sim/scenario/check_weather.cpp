#include "check_weather.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/scenario/limits.h"
#include "field_io.h"

namespace bordersim::detail {
namespace {

// Weather lasts while crossers started before the end are still walking: as the sensors'
// timelines (run/sensor_service.h), the run plus 72 h.
constexpr double kWeatherMarginH = 72.0;

// The states' indices are 16 bits wide in the model; real chains have a handful.
constexpr std::size_t kMaxWeatherStates = 1000;

// States reached from `from` following positive weights (forward) or reaching it (backward).
std::vector<bool> reached(const std::vector<std::vector<bool>>& edge, std::size_t from,
                          bool forward) {
  std::vector<bool> seen(edge.size(), false);
  std::vector<std::size_t> stack{from};
  seen[from] = true;
  while (!stack.empty()) {
    const std::size_t i = stack.back();
    stack.pop_back();
    for (std::size_t j = 0; j < edge.size(); ++j) {
      if (seen[j] || !(forward ? edge[i][j] : edge[j][i])) continue;
      seen[j] = true;
      stack.push_back(j);
    }
  }
  return seen;
}

}  // namespace

void check_weather(const WeatherSpec& weather, double duration_h, const std::string& file) {
  if (!weather.states) return;
  const auto& states = *weather.states;
  const auto fail = [&](const std::string& ptr, const std::string& problem) {
    throw InputError(file, ptr, problem);
  };
  if (states.empty())
    fail("/weather/states", "at least one state is needed (or leave the key out)");
  if (states.size() > kMaxWeatherStates)
    fail("/weather/states",
         fmt::format("{} states, over the limit of {}", states.size(), kMaxWeatherStates));
  std::vector<std::string> names;
  for (const auto& [name, unused] : states) names.push_back(name);
  const auto index = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  const auto state_ptr = [](const std::string& name) {
    return "/weather/states/" + pointer_token(name);
  };

  std::vector<std::vector<bool>> edge(names.size(), std::vector<bool>(names.size(), false));
  double shortest_h = std::numeric_limits<double>::infinity();
  for (const auto& [name, state] : states) {
    const std::string ptr = state_ptr(name);
    double exits = 0.0;
    for (const auto& [to, weight] : state.to) {
      const std::string to_ptr = ptr + "/to/" + pointer_token(to);
      if (!states.contains(to))
        fail(to_ptr, fmt::format("\"{}\" is not a state in /weather/states", to));
      if (to == name)
        fail(to_ptr,
             "a state cannot go to itself: its mean_duration_h already says how long it lasts");
      exits += weight;
      if (weight > 0.0) edge[index(name)][index(to)] = true;
    }
    if (states.size() > 1 && !(exits > 0.0))
      fail(ptr + "/to", "no way out: give at least one other state a weight > 0");
    shortest_h = std::min(shortest_h, state.mean_duration_h);
  }
  if (states.size() > 1) {
    const std::size_t first = 0;
    const auto forward = reached(edge, first, true);
    const auto backward = reached(edge, first, false);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (!forward[i])
        fail(state_ptr(names[i]),
             fmt::format("never reached from \"{}\": no transitions lead to it", names[first]));
      if (!backward[i])
        fail(state_ptr(names[i]) + "/to",
             fmt::format(
                 "never leads back to \"{}\": the weather would stay stuck in part of the chain",
                 names[first]));
    }
  }
  const double spells = (duration_h + kWeatherMarginH) / shortest_h;
  if (spells > limits::kMaxPeriodicSteps) {
    for (const auto& [name, state] : states) {
      if (state.mean_duration_h == shortest_h)
        fail(state_ptr(name) + "/mean_duration_h",
             fmt::format(
                 "this makes about {:.3g} weather spells a replication, over the limit of {:.0g}",
                 spells, limits::kMaxPeriodicSteps));
    }
  }
}

}  // namespace bordersim::detail
