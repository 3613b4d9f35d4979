// One regression case (tests/regression/<case>/): runs scenario.json at each thread count
// given, checks that every run prints the same digest, and compares it with expected.txt
// (or rewrites expected.txt with --update). The digest is rounded text: every variant's
// summary rows and a hash of its replication records, so that a change of behaviour
// anywhere in the model shows here, while compiler-level floating-point noise does not.
//
//   bordersim_regression CASE_DIR [--threads 1,2,7] [--update]
//
// Exit status: 0 same, 1 differs (the diff is printed), 2 bad usage.
#include <fmt/format.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bordersim/results/summary.h"
#include "bordersim/run/batch.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;
namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bits: a stable digest of text, the same on every machine.
class Digest {
 public:
  void add(const std::string& text) {
    for (unsigned char c : text) hash_ = (hash_ ^ c) * 0x100000001b3ULL;
  }
  std::string hex() const { return fmt::format("{:016x}", hash_); }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// Nine significant digits: far above the model's own precision, far below the noise of
// a different optimisation level (the sanitizer build is -O0).
std::string rounded(double value) {
  return std::isnan(value) ? "nan" : fmt::format("{:.9g}", value);
}

std::string crossing_line(const CrossingRecord& c) {
  return fmt::format("{} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {}\n", c.replication,
                     c.crosser, static_cast<int>(c.kind), c.group_size, c.sector,
                     rounded(c.start_s), rounded(c.first_detection_s), rounded(c.interception_s),
                     static_cast<int>(c.first_detector), rounded(c.first_report_s),
                     rounded(c.first_dispatch_s), static_cast<int>(c.interceptor),
                     static_cast<int>(c.outcome), rounded(c.border_x_m), rounded(c.border_y_m),
                     rounded(c.cargo_value_usd), static_cast<int>(c.mover),
                     static_cast<int>(c.cargo), c.organisation, rounded(c.seam_distance_m));
}

// The replication's totals, without `events` (a cost measure: a faster engine may handle
// fewer events for the same outcomes).
std::string totals_line(const ReplicationRecord& r) {
  return fmt::format("{} {} {} {} {} {} {} {} {} {} {} {} {} {}\n", r.replication, r.crossings,
                     r.detected, r.intercepted, r.aborted, r.escaped, r.false_alarms,
                     rounded(r.responder_busy_s), r.missed_arrivals, r.false_alarm_dispatches,
                     r.responder_dispatches, rounded(r.responder_available_s),
                     rounded(r.value_seized_usd), rounded(r.value_delivered_usd));
}

std::string digest_of(const BatchResult& batch) {
  std::ostringstream out;
  out << fmt::format("seed {}, {} replications per variant\n", batch.seed, batch.replications);
  for (const VariantResult& variant : batch.variants) {
    out << fmt::format("\nvariant {}\n", variant.name);
    for (const SummaryRow& row : summarize(variant)) {
      out << fmt::format("  {} {:.6g} [{:.6g}, {:.6g}] n={}\n", row.metric, row.estimate, row.lower,
                         row.upper, row.n);
    }
    Digest records;
    std::size_t crossings = 0;
    for (const ReplicationRecord& replication : variant.replications) {
      records.add(totals_line(replication));
      for (const CrossingRecord& crossing : replication.crossing_records)
        records.add(crossing_line(crossing));
      crossings += replication.crossing_records.size();
    }
    out << fmt::format("  records {} crossings, fnv1a64 {}\n", crossings, records.hex());
  }
  return out.str();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<int> parse_threads(const std::string& list) {
  std::vector<int> threads;
  std::istringstream in(list);
  for (std::string item; std::getline(in, item, ',');) threads.push_back(std::stoi(item));
  return threads;
}

// The lines that differ, so a failing case says where without a diff tool.
void print_differences(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  int line = 0, shown = 0;
  while (shown < 40) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) break;
    ++line;
    if (more_a && more_b && la == lb) continue;
    std::cerr << fmt::format("line {}:\n  expected: {}\n  actual:   {}\n", line,
                             more_a ? la : "(none)", more_b ? lb : "(none)");
    ++shown;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bordersim_regression CASE_DIR [--threads 1,2,7] [--update]\n";
    return 2;
  }
  const fs::path case_dir = argv[1];
  std::vector<int> threads = {1};
  bool update = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--update") {
      update = true;
    } else if (arg == "--threads" && i + 1 < argc) {
      threads = parse_threads(argv[++i]);
    } else {
      std::cerr << "bordersim_regression: unknown argument " << arg << "\n";
      return 2;
    }
  }
  try {
    const LoadedScenario scenario = load_scenario_file((case_dir / "scenario.json").string());
    // oneTBB caps workers at the core count; lift the cap so that -j 7 really runs seven
    // threads on a two-core machine (more interleavings, the point of the check).
    const tbb::global_control workers(
        tbb::global_control::max_allowed_parallelism,
        static_cast<std::size_t>(*std::max_element(threads.begin(), threads.end())));
    std::string first;
    for (int count : threads) {
      const std::string digest = digest_of(run_batch(scenario, count));
      if (first.empty()) {
        first = digest;
      } else if (digest != first) {
        std::cerr << fmt::format("{}: -j {} differs from -j {}\n", case_dir.string(), count,
                                 threads.front());
        print_differences(first, digest);
        return 1;
      }
    }
    const std::string text =
        "# regression case " + case_dir.filename().string() +
        " (tests/regression/README.md; rewrite with tools/update_regression.sh)\n" + first;
    const fs::path expected_path = case_dir / "expected.txt";
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << text;
      std::cout << "wrote " << expected_path.string() << "\n";
      return 0;
    }
    const std::string expected = read_file(expected_path);
    if (expected != text) {
      std::cerr << fmt::format("{}: output differs from expected.txt\n", case_dir.string());
      print_differences(expected, text);
      return 1;
    }
    std::cout << fmt::format("{}: identical for -j", case_dir.filename().string());
    for (int count : threads) std::cout << " " << count;
    std::cout << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bordersim_regression: " << e.what() << "\n";
    return 2;
  }
}
