#include "distribution_keys.h"

#include <fmt/format.h>

#include <cmath>
#include <string_view>
#include <vector>

#include "bordersim/core/error.h"

namespace bordersim::detail {
namespace {

[[noreturn]] void fail(const std::string& file, const std::string& ptr,
                       const std::string& problem) {
  throw InputError(file, ptr, problem);
}

// The same message as FieldReader's range check, so the new keys read like the old ones.
void check_range(double x, const std::string& ptr, const std::string& file, const Range& r) {
  const bool low = r.min_open ? !(x > r.min) : !(x >= r.min);
  if (low || x > r.max) {
    const char* open = r.min_open ? "(" : "[";
    fail(file, ptr, fmt::format("{} is out of range {}{}, {}]", x, open, r.min, r.max));
  }
}

double number(const Json& j, const std::string& ptr, const std::string& file, const Range& range,
              bool integer) {
  if (integer) {
    if (!j.is_number_integer())
      fail(file, ptr, fmt::format("expected an integer, got {}", j.dump()));
  } else if (!j.is_number()) {
    fail(file, ptr, fmt::format("expected a number, got {}", j.type_name()));
  }
  const double x = j.get<double>();
  if (!std::isfinite(x)) fail(file, ptr, "expected a finite number");
  check_range(x, ptr, file, range);
  return x;
}

// The cv of a lognormal: as for cargo values, 0 (always the mean) to 100.
constexpr Range kCvRange = Range::between(0.0, 100.0);

// An object {"family": F, ...} with exactly F's parameters. `integer`: group sizes.
Distribution read_object(const Json& j, const std::string& ptr, const std::string& file,
                         const Range& range, bool exponential, bool integer) {
  const auto family_it = j.find("family");
  const std::string families = exponential ? R"("fixed", "uniform", "lognormal", "exponential")"
                                           : R"("fixed", "uniform", "lognormal")";
  if (family_it == j.end())
    fail(file, ptr + "/family", fmt::format("missing (required): one of {}", families));
  if (!family_it->is_string())
    fail(file, ptr + "/family", fmt::format("expected one of {}", families));
  const std::string family = family_it->get<std::string>();
  std::vector<std::string_view> keys;
  if (family == "fixed")
    keys = {"value"};
  else if (family == "uniform")
    keys = {"min", "max"};
  else if (family == "lognormal")
    keys = {"mean", "cv"};
  else if (family == "exponential" && exponential)
    keys = {"mean"};
  else if (family == "exponential")
    fail(file, ptr + "/family",
         fmt::format("\"exponential\" is not offered for this key (one of {})", families));
  else
    fail(file, ptr + "/family", fmt::format("\"{}\" is not one of {}", family, families));

  for (const auto& [key, unused] : j.items()) {
    if (key == "family") continue;
    bool known = false;
    for (auto k : keys) known = known || key == k;
    if (!known) {
      std::string expected;
      for (auto k : keys) expected += fmt::format("{}\"{}\"", expected.empty() ? "" : ", ", k);
      fail(file, ptr + "/" + key,
           fmt::format("unknown key for \"{}\" (expected: {})", family, expected));
    }
  }
  const auto param = [&](const char* key, const Range& r, bool whole) {
    const auto it = j.find(key);
    if (it == j.end())
      fail(file, ptr + "/" + key, fmt::format("missing (required for \"{}\")", family));
    return number(*it, ptr + "/" + key, file, r, whole);
  };

  if (family == "fixed") return Distribution(param("value", range, integer));
  if (family == "uniform") {
    const double lo = param("min", range, integer);
    const double hi = param("max", range, integer);
    if (lo > hi) fail(file, ptr + "/max", fmt::format("max {} is less than min {}", hi, lo));
    return Distribution::uniform(lo, hi);
  }
  if (family == "lognormal") {
    const double mean = param("mean", range, false);
    // A lognormal value is > 0 whatever the range allows.
    if (!(mean > 0.0)) fail(file, ptr + "/mean", fmt::format("{} is not > 0", mean));
    return Distribution::lognormal(mean, param("cv", kCvRange, false));
  }
  const double mean = param("mean", range, false);
  if (!(mean > 0.0)) fail(file, ptr + "/mean", fmt::format("{} is not > 0", mean));
  return Distribution::exponential(mean);
}

}  // namespace

Distribution read_distribution(const Json& j, const std::string& ptr, const std::string& file,
                               const DistributionCheck& check) {
  if (j.is_number()) return Distribution(number(j, ptr, file, check.range, false));
  if (!j.is_object())
    fail(file, ptr,
         fmt::format("expected a number or an object {{\"family\": ...}}, got {}", j.type_name()));
  return read_object(j, ptr, file, check.range, check.exponential, false);
}

GroupSizeDistribution read_group_size(const Json& j, const std::string& ptr,
                                      const std::string& file, const Range& range) {
  GroupSizeDistribution out;
  if (j.is_array()) {
    if (j.size() != 2) fail(file, ptr, "expected [min, max]");
    const double lo = number(j[0], ptr + "/0", file, range, true);
    const double hi = number(j[1], ptr + "/1", file, range, true);
    if (lo > hi) fail(file, ptr, "min is greater than max");
    static_cast<Distribution&>(out) = Distribution::uniform(lo, hi);
    return out;
  }
  if (!j.is_object())
    fail(
        file, ptr,
        fmt::format("expected [min, max] or an object {{\"family\": ...}}, got {}", j.type_name()));
  static_cast<Distribution&>(out) = read_object(j, ptr, file, range, false, true);
  return out;
}

NightPreference read_night_preference(const Json& j, const std::string& ptr,
                                      const std::string& file, const Range& range) {
  NightPreference out;
  if (j.is_null() || (j.is_string() && j.get<std::string>() == "none")) return out;
  if (!j.is_number())
    fail(file, ptr, fmt::format("expected a share (0 to 1), null or \"none\", got {}", j.dump()));
  out.share = number(j, ptr, file, range, false);
  out.written = true;
  return out;
}

Json distribution_json(const Distribution& d) {
  switch (d.family) {
    case DistributionFamily::kFixed:
      return Json(d.value);
    case DistributionFamily::kUniform:
      return Json{{"family", "uniform"}, {"min", d.min}, {"max", d.max}};
    case DistributionFamily::kLognormal:
      return Json{{"family", "lognormal"}, {"mean", d.mean}, {"cv", d.cv}};
    case DistributionFamily::kExponential:
      return Json{{"family", "exponential"}, {"mean", d.mean}};
  }
  return Json(d.value);
}

Json group_size_json(const GroupSizeDistribution& d) {
  const auto whole = [](double x) { return static_cast<std::int64_t>(x); };
  switch (d.family) {
    case DistributionFamily::kUniform:
      return Json::array({whole(d.min), whole(d.max)});
    case DistributionFamily::kFixed:
      return Json{{"family", "fixed"}, {"value", whole(d.value)}};
    default:
      return distribution_json(d);
  }
}

Json night_preference_json(const NightPreference& p) {
  return p.share ? Json(*p.share) : Json(nullptr);
}

}  // namespace bordersim::detail
