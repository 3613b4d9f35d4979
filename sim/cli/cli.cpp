#include "bordersim/cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

#include "bordersim/cli/progress.h"
#include "bordersim/cli/report_command.h"
#include "bordersim/core/error.h"
#include "bordersim/io/console_table.h"
#include "bordersim/io/result_file.h"
#include "bordersim/run/batch.h"
#include "bordersim/scenario/default_scenario.h"
#include "bordersim/scenario/load.h"
#include "bordersim/version.h"

namespace bordersim {
namespace {

struct RunOptions {
  std::string scenario;  // empty: the built-in default
  std::string output;
  std::optional<std::int64_t> replications;
  std::optional<std::uint64_t> seed;
  int threads = 0;  // 0: all cores
  std::vector<std::string> variants;
  bool quiet = false;
};

LoadedScenario load(const std::string& path, const ScenarioOverrides& overrides) {
  if (path.empty()) return load_scenario_text(std::string(default_scenario_json()), kDefaultScenarioName, overrides);
  return load_scenario_file(path, overrides);
}

// "north sector/2026" -> "north-sector-2026.h5": a file name from the scenario's name.
std::string default_output(const std::string& name) {
  std::string file;
  for (char c : name) file += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
  return (file.empty() ? "results" : file) + ".h5";
}

// Fails before any work if the result could not be written, so a long batch is never
// lost to a typo in -o.
void check_output_path(const std::string& output) {
  namespace fs = std::filesystem;
  const fs::path path(output);
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(dir)) throw InputError(output, "", "the output directory does not exist");
  if (fs::is_directory(path)) throw InputError(output, "", "is a directory, not a file name");
  if (access(dir.c_str(), W_OK) != 0) throw InputError(output, "", "the output directory is not writable");
}

int run_command(const RunOptions& options, std::ostream& out, std::ostream& err) {
  ScenarioOverrides overrides{options.seed, options.replications, options.variants};
  const LoadedScenario scenario = load(options.scenario, overrides);
  const std::string output = options.output.empty() ? default_output(scenario.base.name) : options.output;
  check_output_path(output);

  const auto started = std::chrono::steady_clock::now();
  ProgressPrinter progress(err, &err == &std::cerr && isatty(STDERR_FILENO));
  ProgressCallback on_progress;
  if (!options.quiet) on_progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  const BatchResult batch = run_batch(scenario, options.threads, on_progress);
  progress.finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  print_results(out, batch);
  write_result_file(output, batch, scenario.resolved.dump(2));
  const std::size_t runs = batch.replications * batch.variants.size();
  out << fmt::format("\nwrote {} ({} variants x {} replications, seed {}) in {:.2f} s, {:.1f} replications/s\n",
                     output, batch.variants.size(), batch.replications, batch.seed, seconds,
                     static_cast<double>(runs) / seconds);
  return 0;
}

int validate_command(const std::string& path, bool resolved, std::ostream& out) {
  const LoadedScenario scenario = load(path, {});
  if (resolved) {
    out << scenario.resolved.dump(2) << "\n";
  } else {
    out << fmt::format("{}: valid ({} variants: ", scenario.file, scenario.variants.size());
    for (std::size_t i = 0; i < scenario.variants.size(); ++i)
      out << (i ? ", " : "") << scenario.variants[i].name;
    out << ")\n";
  }
  return 0;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"bordersim: discrete-event simulation of a land border under surveillance"};
  app.set_version_flag("--version", std::string("bordersim ") + kVersion);
  app.require_subcommand(1);

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "Run a batch: print the results table and write an HDF5 file");
  run_cmd->add_option("scenario", run.scenario, "Scenario file (JSON); omitted: the built-in default");
  run_cmd->add_option("-o,--output", run.output, "Result file (HDF5); default: <scenario name>.h5");
  run_cmd->add_option("-n,--replications", run.replications, "Replications per variant")->check(CLI::Range(1, 1000000000));
  run_cmd->add_option("-j,--threads", run.threads, "Worker threads (0: all cores)")->check(CLI::Range(0, 4096));
  run_cmd->add_option("--seed", run.seed, "Seed of the batch's random streams");
  run_cmd->add_option("--variant", run.variants, "Run only these variants (repeatable)");
  run_cmd->add_flag("-q,--quiet", run.quiet, "No progress output");

  std::string validate_path;
  bool resolved = false;
  auto* validate_cmd = app.add_subcommand("validate", "Check a scenario file without running it");
  validate_cmd->add_option("scenario", validate_path, "Scenario file (JSON)")->required();
  validate_cmd->add_flag("--resolved", resolved, "Print the scenario with every default filled in");

  ReportOptions report;
  auto* report_cmd = add_report_command(app, report);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0 in CLI11.
    const int code = app.exit(e, out, err);
    return code == 0 ? 0 : 2;
  }

  try {
    if (*run_cmd) return run_command(run, out, err);
    if (*validate_cmd) return validate_command(validate_path, resolved, out);
    if (*report_cmd) return report_command(report, out, err);
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
