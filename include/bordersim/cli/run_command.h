#pragma once
// The execution path of `bordersim run`, shared by every command that runs a batch
// (`sweep` runs its design points as variants through it): shards, MPI ranks, the
// checkpoint and --resume, signals, progress, the results table and the result file.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "bordersim/scenario/load.h"

namespace bordersim {

struct RunOptions {
  std::string output;  // empty: <scenario name>.h5
  int threads = 0;     // 0: all cores
  bool quiet = false;
  bool resume = false;  // continue from OUT.h5.checkpoint
  // Shard index/count (--shard I/N); unset: every replication.
  std::optional<std::pair<std::size_t, std::size_t>> shard;
  std::string command_line;  // as typed, for the "resume with" hint; empty: not shown
  // --max-memory in bytes: a batch whose estimate (run/memory_estimate.h) exceeds it is
  // refused before any work. The largest value: no budget.
  std::uint64_t max_memory = UINT64_MAX;
  // --trace N: record the stories of replications 0 .. N-1 of each variant (`explain`).
  // Refused with --resume and under MPI ranks, which do not carry traces.
  std::size_t trace = 0;
};

// Exit status as run_cli's: 0, 1, 2; 130 / 143 after SIGINT / SIGTERM (the checkpoint
// then holds what ran). Throws InputError for bad input, before any file is created.
int run_loaded_scenario(const LoadedScenario& scenario, const RunOptions& options,
                        std::ostream& out, std::ostream& err);

// "2/50" -> {2, 50}: the argument of --shard. InputError otherwise.
std::pair<std::size_t, std::size_t> parse_shard(const std::string& text);

// "north sector/2026" -> "north-sector-2026.h5": a file name from the scenario's name.
std::string default_output(const std::string& scenario_name);

// Throws InputError unless a result file can be created at `output`: checked before any
// work, so a long batch is never lost to a typo in -o. A path that exists and is not a
// regular file (a device, a FIFO) and a file name too long for the file system are refused.
void check_output_path(const std::string& output);

}  // namespace bordersim
