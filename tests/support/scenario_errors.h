#pragma once
// The errors a scenario text raises, for tests of the checks.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "bordersim/core/error.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"

namespace bordersim::testing {

// The JSON pointer of the InputError a scenario text raises when loaded and built.
inline std::string pointer_of_error(const std::string& text) {
  try {
    const auto loaded = load_scenario_text(text, "s.json");
    for (const auto& v : loaded.variants) build_model(v.scenario, "s.json");
  } catch (const InputError& e) {
    return e.pointer();
  }
  FAIL("expected an InputError for: " << text);
  return {};
}

// The JSON pointer and the problem of the InputError a scenario text raises when loaded
// (not built): for the checks the loader itself makes.
inline std::pair<std::string, std::string> load_error_of(const std::string& text) {
  try {
    load_scenario_text(text, "s.json");
  } catch (const InputError& e) {
    return {e.pointer(), e.problem()};
  }
  FAIL("expected an InputError for: " << text.substr(0, 300));
  return {};
}

}  // namespace bordersim::testing
