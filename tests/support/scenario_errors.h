#pragma once
// The JSON pointer of the InputError a scenario text raises when loaded and built.
#include <doctest/doctest.h>

#include <string>

#include "bordersim/core/error.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"

namespace bordersim::testing {

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

}  // namespace bordersim::testing
