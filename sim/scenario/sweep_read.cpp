// Reading a scenario's `sweep` section (sweep.h): the design, its points and seed, and each
// factor's pointer and range or levels, checked against the resolved base scenario.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "bordersim/core/error.h"
#include "bordersim/scenario/sweep.h"
#include "bordersim/study/designs.h"

namespace bordersim {
namespace {

using Pointer = Json::json_pointer;

constexpr const char* kDesigns[] = {"factorial", "lhs", "nolh"};

[[noreturn]] void fail(const std::string& file, const std::string& pointer,
                       const std::string& problem) {
  throw InputError(file, pointer, problem);
}

double read_number(const Json& object, const char* key, const std::string& ptr,
                   const std::string& file) {
  const Json& v = object.at(key);
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    fail(file, ptr + "/" + key, "expected a finite number");
  return v.get<double>();
}

std::size_t read_count(const Json& object, const char* key, std::size_t low, std::size_t high,
                       const std::string& ptr, const std::string& file) {
  const Json& v = object.at(key);
  if (!v.is_number_integer() || v.get<std::int64_t>() < static_cast<std::int64_t>(low) ||
      v.get<std::int64_t>() > static_cast<std::int64_t>(high))
    fail(file, ptr + "/" + key, fmt::format("expected an integer from {} to {}", low, high));
  return v.get<std::size_t>();
}

void check_keys(const Json& object, std::initializer_list<const char*> known,
                const std::string& ptr, const std::string& file) {
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    if (std::find_if(known.begin(), known.end(), [&](const char* k) { return key == k; }) !=
        known.end())
      continue;
    std::string list;
    for (const char* k : known) list += fmt::format("{}{}", list.empty() ? "" : ", ", k);
    fail(file, ptr + "/" + key, fmt::format("unknown key (expected one of: {})", list));
  }
}

// A factor may not set what variants share (the batch's seed and replications), nor the
// design itself.
bool shared_key(const std::string& pointer) {
  for (const char* top : {"/seed", "/batch", "/variants", "/sweep"}) {
    const std::string t = top;
    if (pointer == t || pointer.starts_with(t + "/")) return true;
  }
  return false;
}

SweepFactor read_factor(const Json& f, const Json& resolved, const std::string& design,
                        const std::string& ptr, const std::string& file) {
  if (!f.is_object())
    fail(file, ptr, "expected an object with \"pointer\" and \"min\"/\"max\" or \"levels\"");
  check_keys(f, {"pointer", "min", "max", "integer", "steps", "levels"}, ptr, file);
  SweepFactor factor;
  if (!f.contains("pointer") || !f["pointer"].is_string())
    fail(file, ptr + "/pointer",
         "expected a JSON pointer into the scenario, e.g. \"/sectors/handoff_delay_s\"");
  factor.pointer = f["pointer"].get<std::string>();
  Pointer where;
  try {
    where = Pointer(factor.pointer);
  } catch (const Json::exception&) {
    fail(file, ptr + "/pointer",
         fmt::format("\"{}\" is not a JSON pointer (RFC 6901)", factor.pointer));
  }
  if (factor.pointer.empty() || shared_key(factor.pointer))
    fail(file, ptr + "/pointer",
         fmt::format("\"{}\" cannot be a factor: variants share the seed and batch, and the sweep "
                     "makes the variants",
                     factor.pointer));
  if (!resolved.contains(where))
    fail(file, ptr + "/pointer",
         fmt::format("\"{}\" names nothing in the scenario (see `bordersim validate --resolved`)",
                     factor.pointer));
  const Json& base = resolved[where];

  if (f.contains("levels")) {
    for (const char* other : {"min", "max", "integer", "steps"}) {
      if (f.contains(other))
        fail(file, ptr + "/" + other, "give either levels or min and max, not both");
    }
    const Json& levels = f["levels"];
    if (!levels.is_array() || levels.empty())
      fail(file, ptr + "/levels", "expected a non-empty array of values");
    for (std::size_t i = 0; i < levels.size(); ++i) {
      if (levels[i].is_null())
        fail(file, fmt::format("{}/levels/{}", ptr, i),
             "null cannot be a level (a merge patch would delete the key)");
      for (std::size_t j = 0; j < i; ++j) {
        if (levels[j] == levels[i])
          fail(file, fmt::format("{}/levels/{}", ptr, i), "repeats an earlier level");
      }
      factor.levels.push_back(levels[i]);
    }
    return factor;
  }
  if (!f.contains("min") || !f.contains("max"))
    fail(file, ptr, "expected \"min\" and \"max\", or \"levels\"");
  if (!base.is_number())
    fail(file, ptr + "/pointer",
         fmt::format("\"{}\" is not a number in the scenario; give its values as \"levels\"",
                     factor.pointer));
  factor.min = read_number(f, "min", ptr, file);
  factor.max = read_number(f, "max", ptr, file);
  if (!(factor.max > factor.min))
    fail(file, ptr + "/max", fmt::format("must be greater than min ({})", factor.min));
  factor.integer = base.is_number_integer();
  if (f.contains("integer")) {
    if (!f["integer"].is_boolean()) fail(file, ptr + "/integer", "expected true or false");
    factor.integer = f["integer"].get<bool>();
  }
  if (factor.integer && std::ceil(factor.min) > std::floor(factor.max))
    fail(file, ptr + "/max", "no integer lies between min and max");
  if (f.contains("steps")) {
    if (design != "factorial") fail(file, ptr + "/steps", "only a factorial design takes steps");
    factor.steps = read_count(f, "steps", 2, kMaxSweepPoints, ptr, file);
  }
  return factor;
}

}  // namespace

SweepSpec read_sweep(const Json& section, const Json& resolved, const std::string& file) {
  if (!section.is_object())
    fail(file, "/sweep", "expected an object with \"design\" and \"factors\"");
  check_keys(section, {"design", "points", "seed", "factors"}, "/sweep", file);
  SweepSpec spec;
  if (!section.contains("design") || !section["design"].is_string())
    fail(file, "/sweep/design", "expected \"factorial\", \"lhs\" or \"nolh\"");
  spec.design = section["design"].get<std::string>();
  if (std::find(std::begin(kDesigns), std::end(kDesigns), spec.design) == std::end(kDesigns))
    fail(file, "/sweep/design",
         fmt::format("\"{}\" is not one of \"factorial\", \"lhs\", \"nolh\"", spec.design));
  if (spec.design == "lhs") {
    if (!section.contains("points"))
      fail(file, "/sweep/points", "missing (required for an lhs design)");
    spec.points = read_count(section, "points", 2, kMaxSweepPoints, "/sweep", file);
  } else if (section.contains("points")) {
    fail(file, "/sweep/points",
         fmt::format("a {} design sets its own number of points", spec.design));
  }
  if (section.contains("seed")) {
    if (spec.design != "lhs")
      fail(file, "/sweep/seed", fmt::format("a {} design draws nothing at random", spec.design));
    if (!section["seed"].is_number_unsigned())
      fail(file, "/sweep/seed", "expected a non-negative integer");
    spec.seed = section["seed"].get<std::uint64_t>();
  }
  if (!section.contains("factors") || !section["factors"].is_array() || section["factors"].empty())
    fail(file, "/sweep/factors", "expected a non-empty array of factors");
  const Json& factors = section["factors"];
  if (spec.design == "nolh" && factors.size() > study::kNolhMaxFactors)
    fail(file, "/sweep/factors",
         fmt::format("a NOLH takes at most {} factors, not {}", study::kNolhMaxFactors,
                     factors.size()));
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const std::string ptr = fmt::format("/sweep/factors/{}", i);
    SweepFactor factor = read_factor(factors[i], resolved, spec.design, ptr, file);
    for (std::size_t j = 0; j < spec.factors.size(); ++j) {
      const std::string& a = spec.factors[j].pointer;
      const std::string& b = factor.pointer;
      if (a == b || b.starts_with(a + "/") || a.starts_with(b + "/"))
        fail(file, ptr + "/pointer",
             fmt::format("overlaps factor /sweep/factors/{} (\"{}\")", j, a));
    }
    spec.factors.push_back(std::move(factor));
  }
  if (spec.design == "factorial") {
    double points = 1.0;
    for (const SweepFactor& f : spec.factors)
      points *= static_cast<double>(f.levels.empty() ? f.steps : f.levels.size());
    if (points > static_cast<double>(kMaxSweepPoints))
      fail(file, "/sweep/factors",
           fmt::format("the factorial has {} points, more than {}", points, kMaxSweepPoints));
  }
  return spec;
}

}  // namespace bordersim
