#pragma once
// The results as a planner reads them on a terminal: per variant, outcome rates with their
// intervals and counts, cargo value, and a line per sector; then each variant against the
// baseline, paired by replication.
#include <cstddef>
#include <ostream>
#include <span>
#include <string>

#include "bordersim/run/batch.h"

namespace bordersim {

// One table per variant, then (with more than one variant) print_comparison against the
// first variant.
void print_results(std::ostream& out, const BatchResult& batch, double confidence = 0.95);

// Paired differences (variant − baseline) of detection and interception rates, in
// percentage points, for every variant but the baseline. Throws std::out_of_range for a
// bad baseline_index.
void print_comparison(std::ostream& out, const BatchResult& batch, std::size_t baseline_index,
                      double confidence = 0.95);

// The same for the named metrics (paired_metric_names() in results/summary.h): rates in
// percentage points, values per replication in their units. std::invalid_argument for an
// unknown metric.
void print_comparison(std::ostream& out, const BatchResult& batch, std::size_t baseline_index,
                      std::span<const std::string> metrics, double confidence = 0.95);

}  // namespace bordersim
