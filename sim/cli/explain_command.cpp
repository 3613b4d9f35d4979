#include "explain_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "bordersim/core/error.h"
#include "bordersim/io/result_file.h"
#include "bordersim/io/trace_file.h"
#include "crossing_story.h"

namespace bordersim::cli {
namespace {

// "3:17" -> {3, 17}.
std::pair<std::uint32_t, std::uint32_t> parse_crossing(const std::string& text) {
  std::uint32_t r = 0, c = 0;
  const char* end = text.data() + text.size();
  auto [colon, e1] = std::from_chars(text.data(), end, r);
  if (e1 == std::errc() && colon != end && *colon == ':') {
    auto [last, e2] = std::from_chars(colon + 1, end, c);
    if (e2 == std::errc() && last == end) return {r, c};
  }
  throw InputError("--crossing", "", "'" + text + "': expected R:C, replication R and crosser C");
}

// Each crossing's rows, in the trace's (event) order.
std::vector<TraceRow> rows_of(const VariantTrace& trace, std::uint32_t r, std::uint32_t c) {
  std::vector<TraceRow> rows;
  for (const TraceRow& row : trace.rows)
    if (row.replication == r && row.crosser == c) rows.push_back(row);
  return rows;
}

// The run's start as seconds after its midnight, from the resolved scenario's "start"
// ("2026-06-10T20:00:00"); 0 where there is none.
Clock clock_of(const ResultFile& file) {
  const auto scenario = nlohmann::json::parse(file.scenario, nullptr, false);
  if (!scenario.is_object() || !scenario.contains("start") || !scenario["start"].is_string())
    return {};
  const std::string start = scenario["start"].get<std::string>();
  int h = 0, m = 0, s = 0;
  if (std::sscanf(start.c_str(), "%*d-%*d-%*dT%d:%d:%d", &h, &m, &s) < 2) return {};  // ss optional
  return {h * 3600.0 + m * 60.0 + s};
}

void print_worst(std::ostream& out, const ResultVariant& variant, const VariantTrace& trace,
                 std::size_t k, const Clock& clock) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<TraceRow>> by_crossing;
  for (const TraceRow& row : trace.rows) by_crossing[{row.replication, row.crosser}].push_back(row);
  struct Entry {
    const CrossingRecord* crossing;
    NearMiss miss;
  };
  std::vector<Entry> misses;
  for (const CrossingRecord& c : variant.crossings) {
    if (c.replication >= trace.replications) continue;
    const auto it = by_crossing.find({c.replication, c.crosser});
    if (it == by_crossing.end()) continue;
    if (auto miss = near_miss(c, it->second, clock)) misses.push_back({&c, std::move(*miss)});
  }
  // Nearest first: late arrivals by how late, then the others by how long the post had.
  std::stable_sort(misses.begin(), misses.end(), [](const Entry& a, const Entry& b) {
    if (a.miss.rank != b.miss.rank) return a.miss.rank < b.miss.rank;
    return a.miss.rank == 0 ? a.miss.margin_s < b.miss.margin_s : a.miss.margin_s > b.miss.margin_s;
  });
  out << fmt::format(
      "The {} crossings of variant \"{}\" (replications 0 to {}) that came closest to interception "
      "and got through ({} such):\n",
      std::min(k, misses.size()), variant.name, trace.replications - 1, misses.size());
  for (std::size_t i = 0; i < std::min(k, misses.size()); ++i)
    out << fmt::format(
        "  {:>2}. {:>8}  {}\n", i + 1,
        fmt::format("{}:{}", misses[i].crossing->replication, misses[i].crossing->crosser),
        misses[i].miss.why);
}

}  // namespace

CLI::App* add_explain_command(CLI::App& app, ExplainOptions& options) {
  auto* cmd = app.add_subcommand(
      "explain", "Tell the story of a traced crossing (run --trace N), from a result file alone");
  cmd->add_option("file", options.file, "Result file (HDF5) of run --trace N")->required();
  cmd->add_option("--variant", options.variant, "Variant; default: the first");
  auto* crossing =
      cmd->add_option("--crossing", options.crossing, "R:C: crosser C of replication R");
  auto* worst = cmd->add_option("--worst", options.worst,
                                "List the K traced crossings that came closest to interception "
                                "and got through, and why")
                    ->check(CLI::Range(1, 1000000));
  crossing->excludes(worst);
  cmd->callback([crossing, worst] {
    if (crossing->count() == 0 && worst->count() == 0)
      throw CLI::ValidationError("explain", "give --crossing R:C or --worst K");
  });
  return cmd;
}

int explain_command(const ExplainOptions& options, std::ostream& out) {
  ResultFile file;
  try {
    file = read_result_file(options.file);
  } catch (const std::runtime_error& e) {
    throw InputError(options.file, "", e.what());
  }
  if (file.variants.empty())
    throw InputError(options.file, "/variants", "the file holds no variant");
  auto variant = file.variants.begin();
  if (!options.variant.empty()) {
    variant = std::find_if(file.variants.begin(), file.variants.end(),
                           [&](const ResultVariant& v) { return v.name == options.variant; });
    if (variant == file.variants.end()) {
      std::string names;
      for (const ResultVariant& v : file.variants)
        names += (names.empty() ? "\"" : ", \"") + v.name + "\"";
      throw InputError(options.file, "/variants",
                       fmt::format("no variant named \"{}\" (--variant; the file has {})",
                                   options.variant, names));
    }
  }
  std::optional<VariantTrace> trace;
  try {
    trace = read_trace(options.file, variant->name);
  } catch (const std::runtime_error& e) {
    throw InputError(options.file, "/variants/" + variant->name + "/trace", e.what());
  }
  if (!trace)
    throw InputError(options.file, "/variants/" + variant->name + "/trace",
                     "the file has no trace: run with --trace N to record the stories of "
                     "replications 0 to N-1");
  if (options.worst > 0) {
    print_worst(out, *variant, *trace, options.worst, clock_of(file));
    return 0;
  }
  const auto [r, c] = parse_crossing(options.crossing);
  const std::uint64_t traced = std::min<std::uint64_t>(trace->replications, file.replications);
  const bool held =
      std::any_of(variant->replications.begin(), variant->replications.end(),
                  [r = r](const ReplicationRecord& rec) { return rec.replication == r; });
  if (r >= traced || !held)
    throw InputError(options.file, "/variants/" + variant->name + "/trace",
                     fmt::format("replication {} is not traced (--crossing; the file traces "
                                 "replications 0 to {} of those it holds)",
                                 r, traced - 1));
  const CrossingRecord* crossing = nullptr;
  std::uint32_t count = 0;
  for (const CrossingRecord& rec : variant->crossings) {
    if (rec.replication != r) continue;
    ++count;
    if (rec.crosser == c) crossing = &rec;
  }
  if (!crossing)
    throw InputError(
        options.file, "/variants/" + variant->name + "/crossings",
        fmt::format("replication {} has no crosser {} (--crossing; it has {} crossings{})", r, c,
                    count, count ? fmt::format(", 0 to {}", count - 1) : ""));
  const std::string sector =
      crossing->sector < variant->sectors.size() ? variant->sectors[crossing->sector].name : "?";
  for (const std::string& line :
       tell_story(*crossing, rows_of(*trace, r, c), sector, clock_of(file)))
    out << line << "\n";
  return 0;
}

}  // namespace bordersim::cli
