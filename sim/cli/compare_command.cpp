#include "compare_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ostream>

#include "bordersim/core/error.h"
#include "bordersim/io/console_table.h"
#include "bordersim/io/result_file.h"
#include "bordersim/results/summary.h"

namespace bordersim::cli {
namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& n : names) text += fmt::format("{}\"{}\"", text.empty() ? "" : ", ", n);
  return text;
}

// A sweep's points with their factors' values, so that each difference can be read
// against the settings that produced it.
void print_design(std::ostream& out, const DesignTable& design) {
  std::vector<std::size_t> widths;
  for (const std::string& f : design.factors) widths.push_back(std::max<std::size_t>(f.size(), 10));
  out << fmt::format("Design ({}, {} points)\n\n  {:<12}", design.design, design.variants.size(),
                     "Point");
  for (std::size_t f = 0; f < design.factors.size(); ++f)
    out << fmt::format("  {:>{}}", design.factors[f], widths[f]);
  out << "\n";
  for (std::size_t p = 0; p < design.variants.size(); ++p) {
    out << fmt::format("  {:<12}", design.variants[p]);
    for (std::size_t f = 0; f < design.factors.size(); ++f)
      out << fmt::format("  {:>{}.6g}", design.at(p, f), widths[f]);
    out << "\n";
  }
  out << "\n";
}

}  // namespace

CLI::App* add_compare_command(CLI::App& app, CompareOptions& options) {
  auto* cmd = app.add_subcommand(
      "compare", "Paired differences of every variant against a baseline, from a result file");
  cmd->add_option("file", options.file, "Result file (HDF5) of run or sweep")->required();
  cmd->add_option("--baseline", options.baseline, "Variant to compare against; default: the first");
  cmd->add_option(
      "--metric", options.metrics,
      "Metric to compare (repeatable; default: detection_rate and interception_rate): " +
          fmt::format("{}", fmt::join(paired_metric_names(), ", ")));
  return cmd;
}

int compare_command(const CompareOptions& options, std::ostream& out) {
  ResultFile file;
  try {
    file = read_result_file(options.file);
  } catch (const std::runtime_error& e) {
    throw InputError(options.file, "", e.what());
  }
  std::vector<std::string> names;
  for (const ResultVariant& v : file.variants) names.push_back(v.name);
  if (names.empty()) throw InputError(options.file, "/variants", "the file holds no variant");
  std::size_t baseline = 0;
  if (!options.baseline.empty()) {
    const auto it = std::find(names.begin(), names.end(), options.baseline);
    if (it == names.end())
      throw InputError(options.file, "/variants",
                       fmt::format("no variant named \"{}\" (--baseline; the file has {})",
                                   options.baseline, quoted_list(names)));
    baseline = static_cast<std::size_t>(it - names.begin());
  }
  std::vector<std::string> metrics = options.metrics;
  if (metrics.empty()) metrics = {"detection_rate", "interception_rate"};
  const std::vector<std::string> known = paired_metric_names();
  for (const std::string& m : metrics) {
    if (std::find(known.begin(), known.end(), m) == known.end())
      throw InputError(
          options.file, "",
          fmt::format("no metric \"{}\" (--metric; one of {})", m, quoted_list(known)));
  }
  if (names.size() < 2) {
    out << fmt::format("{}: one variant (\"{}\"), nothing to compare\n", options.file,
                       names.front());
    return 0;
  }
  if (file.design) print_design(out, *file.design);
  print_comparison(out, to_batch_result(file), baseline, metrics);
  return 0;
}

}  // namespace bordersim::cli
