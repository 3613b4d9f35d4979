#include "sweep_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <ostream>

#include "bordersim/scenario/sweep.h"

namespace bordersim::cli {

void add_batch_options(CLI::App& cmd, std::optional<std::int64_t>& replications,
                       std::optional<std::uint64_t>& seed, std::string& shard, RunOptions& options,
                       const std::string& unit, const std::string& what) {
  cmd.add_option("-o,--output", options.output, "Result file (HDF5); default: <scenario name>.h5");
  cmd.add_option("-n,--replications", replications, "Replications per " + unit)
      ->check(CLI::Range(1, 1000000000));
  cmd.add_option("-j,--threads", options.threads, "Worker threads (0: all cores)")
      ->check(CLI::Range(0, 4096));
  cmd.add_option("--seed", seed, "Seed of the batch's random streams");
  cmd.add_option("--shard", shard,
                 "Run shard I (0-based) of N: a contiguous part of every " + unit +
                     "'s replications, for `merge`");
  cmd.add_flag("--resume", options.resume,
               "Continue an interrupted " + what + " from OUT.h5.checkpoint");
  cmd.add_flag("-q,--quiet", options.quiet, "No progress output");
}

CLI::App* add_sweep_command(CLI::App& app, SweepOptions& options) {
  auto* cmd = app.add_subcommand(
      "sweep", "Run the scenario's sweep design: every design point as a variant");
  cmd->add_option("scenario", options.scenario, "Scenario file (JSON) with a \"sweep\" section")
      ->required();
  add_batch_options(*cmd, options.replications, options.seed, options.shard, options.options,
                    "design point", "sweep");
  return cmd;
}

int sweep_command(SweepOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.shard.empty()) options.options.shard = parse_shard(options.shard);
  const ScenarioOverrides overrides{options.seed, options.replications, {}};
  // Every design point is expanded and checked here, before the output path or any run.
  const LoadedScenario scenario = load_sweep_file(options.scenario, overrides);
  const DesignTable& design = *scenario.design;
  out << fmt::format("{} design: {} points over {} factors ({})\n\n", design.design,
                     design.variants.size(), design.factors.size(),
                     fmt::join(design.factors, ", "));
  return run_loaded_scenario(scenario, options.options, out, err);
}

}  // namespace bordersim::cli
