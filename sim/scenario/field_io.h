#pragma once
// Visitors for the one list of scenario keys (scenario/scenario.h): FieldReader reads and
// checks JSON into the structs, FieldWriter writes the structs back to JSON. Private to
// sim/scenario.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <concepts>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/scenario/limits.h"
#include "bordersim/scenario/load.h"
#include "bordersim/scenario/scenario.h"
#include "distribution_keys.h"

namespace bordersim::detail {

// RFC 6901: '~' and '/' inside a key are escaped in a pointer.
std::string pointer_token(std::string_view key);

struct NoCheck {};

class FieldReader;

template <class T>
concept VisitableStruct = requires(FieldReader& r, T& t) {
  visit_fields(r, t);
};

class FieldReader {
 public:
  FieldReader(const Json& object, std::string pointer, const std::string& file)
      : object_(object), pointer_(std::move(pointer)), file_(file) {
    if (!object_.is_object()) fail(pointer_, "expected an object");
  }

  template <class T, class Check = NoCheck>
  void field(const char* key, T& value, const Check& check = {}) {
    known_.push_back(key);
    if (auto it = object_.find(key); it != object_.end()) read(*it, child(key), value, check);
  }

  template <class T, class Check = NoCheck>
  void required(const char* key, T& value, const Check& check = {}) {
    if (!object_.contains(key)) fail(child(key), "missing (required)");
    field(key, value, check);
  }

  // Every key must be one of those visited: a typo is an error, not a silent default.
  void finish() const {
    for (const auto& [key, unused] : object_.items()) {
      if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        std::string known;
        for (const auto& k : known_) known += (known.empty() ? "" : ", ") + k;
        fail(child(key), fmt::format("unknown key (expected one of: {})", known));
      }
    }
  }

  [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const {
    throw InputError(file_, pointer, problem);
  }

 private:
  std::string child(std::string_view key) const { return pointer_ + "/" + pointer_token(key); }

  void check_range(double x, const std::string& ptr, const Range& r) const {
    const bool low = r.min_open ? !(x > r.min) : !(x >= r.min);
    if (low || x > r.max) {
      const char* open = r.min_open ? "(" : "[";
      fail(ptr, fmt::format("{} is out of range {}{}, {}]", x, open, r.min, r.max));
    }
  }
  void check_range(double, const std::string&, const NoCheck&) const {}
  void check_words(const std::string& s, const std::string& ptr, const Words& words) const {
    if (std::find(words.begin(), words.end(), s) != words.end()) return;
    std::string list;
    for (auto w : words) list += fmt::format("{}\"{}\"", list.empty() ? "" : ", ", w);
    fail(ptr, fmt::format("\"{}\" is not one of {}", s, list));
  }
  void check_words(const std::string&, const std::string&, const NoCheck&) const {}

  template <class Check>
  void read(const Json& j, const std::string& ptr, double& out, const Check& check) const {
    if (!j.is_number()) fail(ptr, fmt::format("expected a number, got {}", j.type_name()));
    out = j.get<double>();
    if (!std::isfinite(out)) fail(ptr, "expected a finite number");
    check_range(out, ptr, check);
  }
  template <class Check>
  void read(const Json& j, const std::string& ptr, std::int64_t& out, const Check& check) const {
    if (!j.is_number_integer()) fail(ptr, fmt::format("expected an integer, got {}", j.dump()));
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > INT64_MAX)
      fail(ptr, "integer too large");
    out = j.get<std::int64_t>();
    check_range(static_cast<double>(out), ptr, check);
  }
  void read(const Json& j, const std::string& ptr, std::uint64_t& out, const NoCheck&) const {
    if (!j.is_number_integer() || (!j.is_number_unsigned() && j.get<std::int64_t>() < 0))
      fail(ptr, fmt::format("expected a non-negative integer, got {}", j.dump()));
    out = j.get<std::uint64_t>();
  }
  void read(const Json& j, const std::string& ptr, bool& out, const NoCheck&) const {
    if (!j.is_boolean()) fail(ptr, fmt::format("expected true or false, got {}", j.dump()));
    out = j.get<bool>();
  }
  template <class Check>
  void read(const Json& j, const std::string& ptr, std::string& out, const Check& check) const {
    if (!j.is_string()) fail(ptr, fmt::format("expected a string, got {}", j.type_name()));
    out = j.get<std::string>();
    check_words(out, ptr, check);
  }
  void read(const Json& j, const std::string& ptr, DetectionRate& out, const NoCheck&) const {
    if (j.is_string() && j.get<std::string>() == "instant") {
      out = {true, 0.0};
      return;
    }
    if (j.is_string() && j.get<std::string>() == "none") {
      out = {false, 0.0};
      return;
    }
    if (!j.is_number())
      fail(ptr, "expected a rate per second (a number > 0), \"instant\" or \"none\"");
    out.instant = false;
    read(j, ptr, out.per_s, Range::positive());
  }
  void read(const Json& j, const std::string& ptr, Distribution& out,
            const DistributionCheck& check) const {
    out = read_distribution(j, ptr, file_, check);
  }
  void read(const Json& j, const std::string& ptr, GroupSizeDistribution& out,
            const Range& range) const {
    out = read_group_size(j, ptr, file_, range);
  }
  void read(const Json& j, const std::string& ptr, NightPreference& out, const Range& range) const {
    out = read_night_preference(j, ptr, file_, range);
  }
  template <class T, class Check>
  void read(const Json& j, const std::string& ptr, std::vector<T>& out, const Check& check) const {
    if (!j.is_array()) fail(ptr, fmt::format("expected an array, got {}", j.type_name()));
    if (j.size() >
        static_cast<std::size_t>(limits::kMaxListEntries))  // before allocating the structs
      fail(ptr, fmt::format("{} entries, over the limit of {}", j.size(), limits::kMaxListEntries));
    out.assign(j.size(), T{});
    for (std::size_t i = 0; i < j.size(); ++i)
      read(j[i], ptr + "/" + std::to_string(i), out[i], check);
  }
  // An object of named entries (weather states, transition weights): every key is a name.
  template <class T, class Check>
  void read(const Json& j, const std::string& ptr, std::map<std::string, T>& out,
            const Check& check) const {
    if (!j.is_object()) fail(ptr, fmt::format("expected an object, got {}", j.type_name()));
    if (j.size() > static_cast<std::size_t>(limits::kMaxListEntries))
      fail(ptr, fmt::format("{} entries, over the limit of {}", j.size(), limits::kMaxListEntries));
    out.clear();
    for (const auto& [key, value] : j.items())
      read(value, ptr + "/" + pointer_token(key), out[key], check);
  }
  template <class T, class Check>
  void read(const Json& j, const std::string& ptr, std::optional<T>& out, const Check& c) const {
    out.emplace();
    read(j, ptr, *out, c);
  }
  template <VisitableStruct T>
  void read(const Json& j, const std::string& ptr, T& out, const NoCheck&) const {
    FieldReader nested(j, ptr, file_);
    visit_fields(nested, out);
    nested.finish();
  }

  const Json& object_;
  std::string pointer_;
  const std::string& file_;
  std::vector<std::string> known_;
};

class FieldWriter {
 public:
  explicit FieldWriter(Json& out) : out_(out) {}

  template <class T, class Check = NoCheck>
  void field(const char* key, const T& value, const Check& = {}) {
    if constexpr (requires { value.has_value(); }) {
      if (value) out_[key] = to_json(*value);
    } else {
      out_[key] = to_json(value);
    }
  }
  template <class T, class Check = NoCheck>
  void required(const char* key, const T& value, const Check& = {}) {
    field(key, value);
  }

  template <class T>
  static Json to_json(const T& value) {
    if constexpr (std::same_as<T, GroupSizeDistribution>) {
      return group_size_json(value);
    } else if constexpr (std::same_as<T, Distribution>) {
      return distribution_json(value);
    } else if constexpr (std::same_as<T, NightPreference>) {
      return night_preference_json(value);
    } else if constexpr (std::same_as<T, DetectionRate>) {
      if (value.none()) return Json("none");
      return value.instant ? Json("instant") : Json(value.per_s);
    } else if constexpr (requires { typename T::mapped_type; }) {
      Json object = Json::object();
      for (const auto& [key, element] : value) object[key] = to_json(element);
      return object;
    } else if constexpr (requires { value.begin(); } && !std::same_as<T, std::string>) {
      Json array = Json::array();
      for (const auto& element : value) array.push_back(to_json(element));
      return array;
    } else if constexpr (requires(FieldWriter & w, T & t) { visit_fields(w, t); }) {
      Json object = Json::object();
      FieldWriter writer(object);
      visit_fields(writer, const_cast<T&>(value));  // the writer only reads
      return object;
    } else {
      return Json(value);
    }
  }

 private:
  Json& out_;
};

}  // namespace bordersim::detail
