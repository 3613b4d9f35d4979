#pragma once
// Private to sim/cli: `bordersim sweep SCENARIO [-o OUT.h5] [-n N] [-j N] [--seed S]
// [--shard I/N] [--resume] [-q]`.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "bordersim/cli/run_command.h"

namespace CLI {
class App;
}

namespace bordersim::cli {

struct SweepOptions {
  std::string scenario;
  std::optional<std::int64_t> replications;
  std::optional<std::uint64_t> seed;
  std::string shard;   // "I/N"
  RunOptions options;  // output, threads, quiet, resume, command line: as for `run`
};

// The options `run` and `sweep` share: -o, -n, -j, --seed, --shard, --resume and -q, in that
// order; `unit` is what replications and shards are counted per ("variant", "design
// point"), `what` what --resume continues ("run", "sweep").
void add_batch_options(CLI::App& cmd, std::optional<std::int64_t>& replications,
                       std::optional<std::uint64_t>& seed, std::string& shard, RunOptions& options,
                       const std::string& unit, const std::string& what);

CLI::App* add_sweep_command(CLI::App& app, SweepOptions& options);

// Runs every design point of the scenario's sweep as a variant (common random numbers)
// through `run`'s path (shards, --resume, progress, tables, result file) and writes the
// result file with its /design table. InputError on bad input.
int sweep_command(SweepOptions& options, std::ostream& out, std::ostream& err);

}  // namespace bordersim::cli
