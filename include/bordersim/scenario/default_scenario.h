#pragma once
#include <string_view>

namespace bordersim {
// The text of scenarios/default.json, embedded at build time.
std::string_view default_scenario_json();
inline constexpr const char* kDefaultScenarioName = "<built-in default>";
}  // namespace bordersim
