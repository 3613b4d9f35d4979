#include "bordersim/cli/cli.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "bordersim/cli/report_command.h"
#include "bordersim/cli/run_command.h"
#include "bordersim/core/error.h"
#include "bordersim/io/console_table.h"
#include "bordersim/io/merge.h"
#include "bordersim/io/result_file.h"
#include "bordersim/run/memory_estimate.h"
#include "bordersim/scenario/default_scenario.h"
#include "bordersim/scenario/load.h"
#include "bordersim/scenario/sweep.h"
#include "bordersim/version.h"
#include "compare_command.h"
#include "explain_command.h"
#include "sweep_command.h"

namespace bordersim {
namespace {

struct RunArguments {
  std::string scenario;  // empty: the built-in default
  std::optional<std::int64_t> replications;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> variants;
  std::string shard;  // "I/N"
  RunOptions options;
};

LoadedScenario load(const std::string& path, const ScenarioOverrides& overrides) {
  if (path.empty())
    return load_scenario_text(std::string(default_scenario_json()), kDefaultScenarioName,
                              overrides);
  return load_scenario_file(path, overrides);
}

int run_command(RunArguments& run, std::ostream& out, std::ostream& err) {
  if (!run.shard.empty()) run.options.shard = parse_shard(run.shard);
  const ScenarioOverrides overrides{run.seed, run.replications, run.variants};
  const LoadedScenario scenario = load(run.scenario, overrides);
  return run_loaded_scenario(scenario, run.options, out, err);
}

int merge_command(const std::vector<std::string>& parts, const std::string& output,
                  std::ostream& out) {
  check_output_path(output);
  const auto started = std::chrono::steady_clock::now();
  const MergedBatch merged = merge_result_files(parts);
  write_result_file(output, merged.batch, merged.scenario);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << fmt::format(
      "merged {} parts into {} ({} variants x {} replications, seed {}) in {:.2f} s\n",
      parts.size(), output, merged.batch.variants.size(), merged.batch.replications,
      merged.batch.seed, seconds);
  return 0;
}

int validate_command(const std::string& path, bool resolved, std::ostream& out) {
  const LoadedScenario scenario = load(path, {});
  // A sweep's design points are checked too, before anything is printed, so that `validate`
  // passes only what `sweep` runs.
  std::optional<LoadedScenario> sweep;
  if (!path.empty() && scenario.resolved.contains("sweep")) sweep = load_sweep_file(path);
  if (resolved) {
    out << scenario.resolved.dump(2) << "\n";
  } else {
    out << fmt::format("{}: valid ({} variants: ", scenario.file, scenario.variants.size());
    for (std::size_t i = 0; i < scenario.variants.size(); ++i)
      out << (i ? ", " : "") << scenario.variants[i].name;
    out << ")\n";
  }
  if (sweep && !resolved) {
    out << fmt::format("{}: sweep valid ({} design, {} points over {} factors)\n", scenario.file,
                       sweep->design->design, sweep->design->variants.size(),
                       sweep->design->factors.size());
  }
  return 0;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"bordersim: discrete-event simulation of a land border under surveillance"};
  app.set_version_flag("--version", std::string("bordersim ") + kVersion);
  app.require_subcommand(1);

  RunArguments run;
  for (int i = 0; i < argc; ++i) run.options.command_line += (i ? " " : "") + std::string(argv[i]);
  auto* run_cmd =
      app.add_subcommand("run", "Run a batch: print the results table and write an HDF5 file");
  run_cmd->add_option("scenario", run.scenario,
                      "Scenario file (JSON); omitted: the built-in default");
  cli::add_batch_options(*run_cmd, run.replications, run.seed, run.shard, run.options, "variant",
                         "run");
  run_cmd->add_option("--variant", run.variants, "Run only these variants (repeatable)");
  run_cmd
      ->add_option("--trace", run.options.trace,
                   "Record every crossing's story in replications 0..N-1 of each variant "
                   "(for `explain`)")
      ->check(CLI::Range(0, 1000000));
  std::string max_memory = "50%";
  run_cmd
      ->add_option(
          "--max-memory", max_memory,
          "Refuse a batch whose estimated memory exceeds this (e.g. 8G, 512M, 50% of the machine)")
      ->capture_default_str();

  std::vector<std::string> merge_parts;
  std::string merge_output;
  auto* merge_cmd =
      app.add_subcommand("merge", "Combine the shards of one batch into its result file");
  merge_cmd->add_option("parts", merge_parts, "Result files of the shards (run --shard I/N)")
      ->required();
  merge_cmd->add_option("-o,--output", merge_output, "Merged result file (HDF5)")->required();

  std::string validate_path;
  bool resolved = false;
  auto* validate_cmd = app.add_subcommand("validate", "Check a scenario file without running it");
  validate_cmd->add_option("scenario", validate_path, "Scenario file (JSON)")->required();
  validate_cmd->add_flag("--resolved", resolved, "Print the scenario with every default filled in");

  ReportOptions report;
  auto* report_cmd = add_report_command(app, report);
  cli::SweepOptions sweep;
  sweep.options.command_line = run.options.command_line;
  auto* sweep_cmd = cli::add_sweep_command(app, sweep);
  cli::CompareOptions compare;
  auto* compare_cmd = cli::add_compare_command(app, compare);
  cli::ExplainOptions explain;
  auto* explain_cmd = cli::add_explain_command(app, explain);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0 in CLI11.
    const int code = app.exit(e, out, err);
    return code == 0 ? 0 : 2;
  }

  try {
    run.options.max_memory = parse_memory_size(max_memory);
  } catch (const std::invalid_argument& e) {
    err << "--max-memory: " << e.what() << "\n";
    return 2;
  }

  try {
    if (*run_cmd) return run_command(run, out, err);
    if (*merge_cmd) return merge_command(merge_parts, merge_output, out);
    if (*validate_cmd) return validate_command(validate_path, resolved, out);
    if (*report_cmd) return report_command(report, out, err);
    if (*sweep_cmd) return cli::sweep_command(sweep, out, err);
    if (*compare_cmd) return cli::compare_command(compare, out);
    if (*explain_cmd) return cli::explain_command(explain, out);
  } catch (const InputError& e) {
    err << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "bordersim: error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace bordersim
