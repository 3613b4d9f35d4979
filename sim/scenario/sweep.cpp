#include "bordersim/scenario/sweep.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "bordersim/core/error.h"
#include "bordersim/study/designs.h"

namespace bordersim {
namespace {

using Pointer = Json::json_pointer;

// The JSON of one factor's definition, as written into the result file.
Json factor_json(const SweepFactor& f, const std::string& design) {
  Json j = Json::object();
  j["pointer"] = f.pointer;
  if (!f.levels.empty()) {
    j["levels"] = f.levels;
    return j;
  }
  j["min"] = f.min;
  j["max"] = f.max;
  j["integer"] = f.integer;
  if (design == "factorial") j["steps"] = f.steps;
  return j;
}

bool numeric_levels(const SweepFactor& f) {
  return std::all_of(f.levels.begin(), f.levels.end(), [](const Json& v) { return v.is_number(); });
}

// What a factor is set to at unit coordinate u in [0, 1], and its design-table number.
std::pair<Json, double> factor_value(const SweepFactor& f, double u) {
  if (!f.levels.empty()) {
    const std::size_t count = f.levels.size();
    const auto index =
        std::min(count - 1, static_cast<std::size_t>(u * static_cast<double>(count)));
    const Json& level = f.levels[index];
    return {level, numeric_levels(f) ? level.get<double>() : static_cast<double>(index)};
  }
  const double x = f.min + u * (f.max - f.min);
  if (f.integer) {
    // Clamped into [min, max] so that rounding never leaves the range the user gave.
    const double r = std::clamp(std::round(x), std::ceil(f.min), std::floor(f.max));
    return {Json(static_cast<std::int64_t>(r)), r};
  }
  return {Json(x), x};
}

std::string point_name(std::size_t index, std::size_t points) {
  const std::size_t width = std::max<std::size_t>(3, std::to_string(points).size());
  return fmt::format("point-{:0{}}", index + 1, width);
}

// The merge patch (RFC 7386) that turns `from` into `to`: objects recursively, anything
// else (arrays included) replaced whole, keys that vanish set to null.
Json merge_diff(const Json& from, const Json& to) {
  if (!from.is_object() || !to.is_object()) return to;
  Json patch = Json::object();
  for (const auto& [key, value] : to.items()) {
    if (!from.contains(key))
      patch[key] = value;
    else if (from[key] != value)
      patch[key] = merge_diff(from[key], value);
  }
  for (const auto& [key, unused] : from.items()) {
    if (!to.contains(key)) patch[key] = nullptr;
  }
  return patch;
}

// Sets `value` at `where` in the document as written; where the document leaves a part of
// the path to its defaults, that part is first copied from the resolved scenario, so that
// arrays keep their other elements.
void set_in_document(Json& document, const Json& resolved, const Pointer& where,
                     const Json& value) {
  std::vector<std::string> tokens;
  for (Pointer p = where; !p.empty(); p = p.parent_pointer())
    tokens.insert(tokens.begin(), p.back());
  Pointer prefix;
  for (const std::string& token : tokens) {
    prefix /= token;
    if (!document.contains(prefix)) {
      document[prefix] = resolved[prefix];
      break;
    }
  }
  document[where] = value;
}

std::string point_settings(const DesignTable& design, std::size_t point, const SweepSpec& spec) {
  std::string text;
  for (std::size_t f = 0; f < spec.factors.size(); ++f)
    text += fmt::format("{}{} = {}", text.empty() ? "" : ", ", spec.factors[f].pointer,
                        design.at(point, f));
  return text;
}

// An error found while checking the design points names the point, and the factor that set
// the offending key (the one whose pointer shares the longest prefix with it).
[[noreturn]] void rethrow_for_point(const InputError& e, const DesignTable& design,
                                    const SweepSpec& spec, const std::vector<Json>& settings) {
  for (std::size_t p = 0; p < design.variants.size(); ++p) {
    const std::string prefix = "/variants/" + design.variants[p];
    const std::string quoted = fmt::format(" (in variant \"{}\")", design.variants[p]);
    if (e.pointer().starts_with(prefix + "/")) {
      const std::string inner = e.pointer().substr(prefix.size());
      std::size_t best = 0, best_length = 0;
      for (std::size_t f = 0; f < spec.factors.size(); ++f) {
        const std::string& fp = spec.factors[f].pointer;
        std::size_t n = 0;
        while (n < fp.size() && n < inner.size() && fp[n] == inner[n]) ++n;
        if (n > best_length) best = f, best_length = n;
      }
      throw InputError(
          e.file(), spec.factors[best].pointer,
          fmt::format("{} (sweep design point {} sets it to {}: factor /sweep/factors/{})",
                      e.problem(), design.variants[p],
                      settings[p * spec.factors.size() + best].dump(), best));
    }
    if (e.problem().ends_with(quoted)) {
      throw InputError(e.file(), e.pointer(),
                       fmt::format("{} (sweep design point {}: {})",
                                   e.problem().substr(0, e.problem().size() - quoted.size()),
                                   design.variants[p], point_settings(design, p, spec)));
    }
  }
  throw e;
}

}  // namespace

namespace {

// Where each point lies in each factor's range, in [0, 1].
study::Design unit_design(const SweepSpec& spec) {
  if (spec.design == "nolh") return study::nolh(spec.factors.size());
  if (spec.design == "lhs")
    return study::latin_hypercube(spec.points, spec.factors.size(), spec.seed);
  std::vector<std::size_t> levels;
  for (const SweepFactor& f : spec.factors)
    levels.push_back(f.levels.empty() ? f.steps : f.levels.size());
  return study::full_factorial(levels, kMaxSweepPoints);
}

}  // namespace

DesignTable make_design(const SweepSpec& spec) {
  const study::Design unit = unit_design(spec);
  DesignTable table;
  table.design = spec.design;
  Json definitions = Json::array();
  for (const SweepFactor& f : spec.factors) {
    table.factors.push_back(f.pointer);
    definitions.push_back(factor_json(f, spec.design));
  }
  table.factors_json = definitions.dump();
  for (std::size_t p = 0; p < unit.points; ++p) {
    table.variants.push_back(point_name(p, unit.points));
    for (std::size_t f = 0; f < spec.factors.size(); ++f)
      table.values.push_back(factor_value(spec.factors[f], unit.at(p, f)).second);
  }
  return table;
}

LoadedScenario load_sweep_text(const std::string& text, const std::string& file,
                               const ScenarioOverrides& overrides) {
  // The base alone first: a malformed file or base gets the loader's own message.
  ScenarioOverrides base_overrides = overrides;
  base_overrides.only_variants.clear();
  const LoadedScenario base = load_scenario_text(text, file, base_overrides);
  Json document = Json::parse(text);
  if (!document.contains("sweep"))
    throw InputError(file, "/sweep", "the scenario has no sweep section");
  if (document.contains("variants"))
    throw InputError(
        file, "/variants",
        "a sweep's design points are its variants: move these into the base or a factor");
  const Json section = document["sweep"];
  // The patches are taken against the base without its sweep; the loaded text keeps the
  // sweep, so that its resolved JSON is what loading that JSON again gives (merge and
  // --resume compare the two).
  Json base_document = document;
  base_document.erase("sweep");
  Json resolved_base = base.resolved;
  resolved_base.erase("variants");
  const SweepSpec spec = read_sweep(section, resolved_base, file);
  DesignTable design = make_design(spec);

  const study::Design unit = unit_design(spec);
  std::vector<Json> settings;  // [point * factors + factor]: the JSON value it sets
  Json variants = Json::object();
  for (std::size_t p = 0; p < design.variants.size(); ++p) {
    Json modified = base_document;
    for (std::size_t f = 0; f < spec.factors.size(); ++f) {
      const SweepFactor& factor = spec.factors[f];
      Json value = factor_value(factor, unit.at(p, f)).first;
      set_in_document(modified, resolved_base, Pointer(factor.pointer), value);
      settings.push_back(std::move(value));
    }
    variants[design.variants[p]] = merge_diff(base_document, modified);
  }
  document["variants"] = variants;

  LoadedScenario loaded;
  try {
    loaded = load_scenario_text(document.dump(), file, overrides);
  } catch (const InputError& e) {
    rethrow_for_point(e, design, spec, settings);
  }
  loaded.design = std::move(design);
  return loaded;
}

LoadedScenario load_sweep_file(const std::string& path, const ScenarioOverrides& overrides) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open the scenario file");
  std::ostringstream text;
  text << in.rdbuf();
  return load_sweep_text(text.str(), path, overrides);
}

}  // namespace bordersim
