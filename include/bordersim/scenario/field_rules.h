#pragma once
// What a key's value may be: a range of numbers, a distribution's check, a list of words.
// The keys' visits (visit_fields, next to each struct in scenario.h and the *_keys.h
// headers it includes) use them.
#include <initializer_list>
#include <limits>
#include <string_view>

namespace bordersim {

// A closed or half-open interval of allowed numbers.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;  // true: value must be > min

  static constexpr Range positive() { return {0.0, std::numeric_limits<double>::infinity(), true}; }
  static constexpr Range non_negative() { return {0.0}; }
  static constexpr Range at_least(double m) { return {m}; }
  static constexpr Range between(double lo, double hi) { return {lo, hi}; }
  static constexpr Range any() { return {}; }
};

// A per-crossing distribution (scenario/distribution.h): the range its parameters that
// are values of the key (value, min, max, mean) must lie in, and whether the exponential
// family means something for the key (a goal depth: yes; a speed: no).
struct DistributionCheck {
  Range range;
  bool exponential = false;
};

// Allowed words for a string key; empty: any string.
using Words = std::initializer_list<std::string_view>;

}  // namespace bordersim
