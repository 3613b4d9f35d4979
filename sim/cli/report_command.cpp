#include "bordersim/cli/report_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <ostream>

#include "bordersim/cli/python_tool.h"
#include "bordersim/core/error.h"
#include "bordersim/io/console_table.h"
#include "bordersim/io/result_file.h"

namespace bordersim {

CLI::App* add_report_command(CLI::App& app, ReportOptions& options) {
  auto* cmd = app.add_subcommand(
      "report", "Print a result file's tables; with --plots, draw its maps and charts");
  cmd->add_option("result", options.result, "Result file (HDF5) written by run, sweep or merge")
      ->required();
  cmd->add_option(
      "--plots", options.plots_dir,
      "Folder for PNG pictures (maps per variant, rates, sectors, a sweep's responses)");
  return cmd;
}

int report_command(const ReportOptions& options, std::ostream& out, std::ostream& err) {
  ResultFile file;
  try {
    file = read_result_file(options.result);
  } catch (const ResultFileError& e) {
    throw InputError(options.result, "", e.problem());
  }
  if (!options.plots_dir.empty()) {
    // Before any output, so that a bad folder is a bad-input error with nothing printed.
    std::error_code ec;
    std::filesystem::create_directories(options.plots_dir, ec);
    if (ec || !std::filesystem::is_directory(options.plots_dir))
      throw InputError(options.plots_dir, "",
                       "cannot make the plots folder" + (ec ? ": " + ec.message() : ""));
  }
  out << fmt::format("{}: bordersim {} (commit {}), seed {}, {} replications, created {}\n",
                     options.result, file.bordersim_version,
                     file.git_commit.empty() ? "not recorded" : file.git_commit, file.seed,
                     file.replications, file.created);
  print_results(out, to_batch_result(file));
  if (options.plots_dir.empty()) return 0;
  out << "\n";
  const int status =
      run_python_module("bordersim_py.plots", {options.result, options.plots_dir}, out, err);
  if (status != 0)
    throw std::runtime_error(fmt::format("drawing the pictures failed ({} exited with status {})",
                                         python_interpreter(), status));
  return 0;
}

}  // namespace bordersim
