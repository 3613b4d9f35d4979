#pragma once
// Reading a scenario file: parse, check every key against the one list of keys
// (scenario/scenario.h), expand the variants (JSON Merge Patches, RFC 7386, over the
// base), and check the whole. A `sweep` section is kept aside (in `resolved`) for
// scenario/sweep.h, which runs it.
// Every problem is an InputError naming the file, the JSON pointer and what is wrong.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/design_table.h"
#include "bordersim/scenario/scenario.h"

namespace bordersim {

using Json = nlohmann::ordered_json;  // keeps the file's key order (variants in file order)

struct Variant {
  std::string name;
  Scenario scenario;
  Json patch;  // as written under /variants/NAME
};

struct LoadedScenario {
  std::string file;               // as named in messages
  Scenario base;                  // the scenario without variant patches
  std::vector<Variant> variants;  // at least one; "baseline" (empty patch) when none given
  Json resolved;                  // base with every default filled in, plus the variants
  // A sweep's design points (scenario/sweep.h), when the variants are those points.
  std::optional<DesignTable> design;
};

// What the command line may override; applied before checking, so that the result is
// the same as if the file had said it.
struct ScenarioOverrides {
  std::optional<std::uint64_t> seed;
  std::optional<std::int64_t> replications;
  std::vector<std::string> only_variants;  // empty: all
};

LoadedScenario load_scenario_text(const std::string& text, const std::string& file,
                                  const ScenarioOverrides& overrides = {});
LoadedScenario load_scenario_file(const std::string& path, const ScenarioOverrides& overrides = {});

// The scenario with all defaults filled in, as JSON (what `validate --resolved` prints).
Json scenario_to_json(const Scenario& scenario);

}  // namespace bordersim
