#pragma once
// What a batch will hold in memory, estimated from the scenario before any work, so that a
// batch that cannot fit fails at once with the part to shrink (`--max-memory`), instead of
// being killed by the system hours later.
#include <cstdint>
#include <string>
#include <vector>

#include "bordersim/scenario/load.h"

namespace bordersim {

struct MemoryPart {
  std::string what;     // e.g. "results held until the file is written"
  std::string pointer;  // the key that sets it; empty: a command-line option
  std::string remedy;   // how to shrink it
  double bytes = 0.0;
};

struct MemoryEstimate {
  std::vector<MemoryPart> parts;
  double total() const;
};

// Upper estimates: terrain and routing grids of every variant (shared variants are counted
// once per variant, so the estimate errs high), the route solver's scratch (one per field
// being solved, at most one per thread), the queues the QRF bases' fields keep while paused
// (at most CostField::kFrontierBytesPerCell per cell each), the results of every replication
// (records and mean crossings), and one replication's plans per thread.
MemoryEstimate estimate_memory(const LoadedScenario& scenario, int threads);

// Parses "8G", "512M", "1.5T", "1000000" (bytes) or "50%" (of physical memory).
// Throws std::invalid_argument on anything else.
std::uint64_t parse_memory_size(const std::string& text);

// Throws InputError naming the largest part, its key and the budget when the estimate
// exceeds `budget_bytes`.
void check_memory_budget(const MemoryEstimate& estimate, std::uint64_t budget_bytes,
                         const std::string& file);

}  // namespace bordersim
