#pragma once
// A scenario's `sweep` section: a designed experiment over parameters named by JSON
// pointers. Each design point becomes a variant (a merge patch over the base scenario) so
// that every point runs with common random numbers through the ordinary batch.
//
//   "sweep": { "design": "nolh" | "lhs" | "factorial", "points": N (lhs), "seed": S (lhs),
//              "factors": [ { "pointer": "/json/pointer", "min": a, "max": b,
//                             "integer": bool, "steps": k (factorial) },
//                           { "pointer": "/json/pointer", "levels": [v1, v2, ...] } ] }
//
// Keys, defaults and meaning: scenarios/README.md, "Sweeps".
#include <cstdint>
#include <string>
#include <vector>

#include "bordersim/scenario/design_table.h"
#include "bordersim/scenario/load.h"

namespace bordersim {

struct SweepFactor {
  std::string pointer;  // into the scenario
  double min = 0.0, max = 0.0;
  bool integer = false;      // rounded to the nearest integer (default: the base value is one)
  std::size_t steps = 2;     // factorial: equally spaced values from min to max
  std::vector<Json> levels;  // non-empty: the factor takes these values, in this order
};

struct SweepSpec {
  std::string design;
  std::size_t points = 0;  // lhs
  std::uint64_t seed = 1;  // lhs
  std::vector<SweepFactor> factors;
};

// Largest number of design points a sweep may have (each is a variant with its own model).
inline constexpr std::size_t kMaxSweepPoints = 10000;

// Reads and checks `section` (the value of /sweep) against the base scenario with every
// default filled in (`resolved`): each pointer must name a value there. InputError with
// the /sweep/... pointer otherwise.
SweepSpec read_sweep(const Json& section, const Json& resolved, const std::string& file);

// The design matrix of `spec` in the factors' values; variant names "point-001", ...
DesignTable make_design(const SweepSpec& spec);

// Loads a scenario file whose `sweep` runs as its variants: every design point is checked
// before anything runs (an invalid point is an InputError naming the factor's pointer, the
// point and the value). The result's `design` holds the design table, and its resolved
// JSON the sweep section. InputError at /sweep when the scenario has none, and at
// /variants when it also has variants (the design points are the variants).
LoadedScenario load_sweep_text(const std::string& text, const std::string& file,
                               const ScenarioOverrides& overrides = {});
LoadedScenario load_sweep_file(const std::string& path, const ScenarioOverrides& overrides = {});

}  // namespace bordersim
