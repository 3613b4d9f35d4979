#pragma once
// The traces of a result file written by `bordersim run --trace N`: /variants/NAME/trace,
// one row per event of a traced crossing's story (run/record.h, TraceRow), attribute
// `replications` = N (replications 0 .. N-1 of the variant are traced). Absent otherwise.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/run/record.h"

namespace bordersim {

struct VariantTrace {
  std::uint64_t replications = 0;  // the --trace N the file was written with
  std::vector<TraceRow> rows;      // replication order, then event order
};

// The variant's trace; empty when the file holds none for it. Throws ResultFileError
// (io/result_file.h) when the file cannot be read or the trace is damaged.
std::optional<VariantTrace> read_trace(const std::string& path, const std::string& variant);

// Whether any variant of the file has a trace (merge refuses such parts).
bool has_trace(const std::string& path);

}  // namespace bordersim
