#pragma once
// The design matrix of a sweep, as it travels from the scenario (scenario/sweep.h) through
// the batch into the result file's /design table and back: one row per design point (a
// variant), one column per factor.
#include <string>
#include <vector>

namespace bordersim {

struct DesignTable {
  std::string design;                 // "factorial", "lhs" or "nolh"
  std::string factors_json;           // the factor definitions, levels included, as JSON text
  std::vector<std::string> factors;   // column names: each factor's JSON pointer
  std::vector<std::string> variants;  // one per design point, in design order
  // Row-major values[point * factors.size() + factor]: the value the point gives the factor
  // (a number; for levels that are not all numbers, the level's 0-based index).
  std::vector<double> values;

  double at(std::size_t point, std::size_t factor) const {
    return values[point * factors.size() + factor];
  }
  bool operator==(const DesignTable&) const = default;
};

}  // namespace bordersim
