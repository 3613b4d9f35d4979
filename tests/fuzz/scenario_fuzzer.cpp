// libFuzzer target for the scenario loader and the variant merge (issue 12): any bytes
// given as a scenario file must either load or raise InputError; any other exception, a
// crash, a leak or undefined behaviour is a finding. tools/fuzz.sh builds and runs it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bordersim/core/error.h"
#include "bordersim/scenario/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    // Loading merges every variant's patch over the base and checks the result.
    const bordersim::LoadedScenario loaded = bordersim::load_scenario_text(text, "fuzz.json");
    // What `run` and `validate --resolved` do with a loaded scenario before any model.
    const std::string resolved = loaded.resolved.dump(2);
    for (const bordersim::Variant& v : loaded.variants)
      (void)bordersim::scenario_to_json(v.scenario).dump();
    (void)resolved;
  } catch (const bordersim::InputError&) {
    // Bad input, reported the documented way.
  }
  return 0;
}
