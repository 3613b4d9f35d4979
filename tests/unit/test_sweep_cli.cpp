// `bordersim sweep` and `bordersim compare` as users and scripts meet them: the same results
// for any thread count, the design table in the file, paired differences from the file
// alone, and exit status 2 with a clear message for every bad input.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "../support/cli_run.h"
#include "../support/record_equality.h"
#include "bordersim/cli/cli.h"
#include "bordersim/io/result_file.h"
#include "bordersim/results/summary.h"
#include "bordersim/scenario/sweep.h"

using namespace bordersim;
using testing::cli;
using testing::CliRun;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir(const std::string& name) { return testing::scratch_dir("sweep", name); }

std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

// Flat ground: the model builds in milliseconds, so 17 design points cost little.
const char* kSweepScenario = R"({ "name": "sweep-cli", "seed": 11, "duration_h": 24,
  "terrain": { "flat": { "length_km": 40, "depth_km": 20 } },
  "jurisdictions": [ { "name": "a" }, { "name": "b" } ],
  "sectors": { "split_along_border_km": [0, 20, 40], "jurisdiction": ["a", "b"], "handoff_delay_s": 600 },
  "sensors": { "towers": { "along_border": { "spacing_m": 4000 }, "range_m": 1500 } },
  "threats": { "infiltrators": { "per_day": 30 } },
  "response": { "qrf": { "bases_km": [10, 30], "teams_per_base": 1, "speed_mps": 10 } },
  "sweep": { "design": "nolh", "factors": [
    { "pointer": "/sensors/towers/along_border/spacing_m", "min": 1500, "max": 8000 },
    { "pointer": "/response/qrf/teams_per_base", "min": 1, "max": 3 },
    { "pointer": "/sectors/handoff", "levels": ["delayed", "joint"] } ] } })";

}  // namespace

TEST_CASE("sweep: -j 1 and -j 2 give identical results, and the file holds the design table") {
  const fs::path dir = scratch_dir("threads");
  std::ofstream(dir / "s.json") << kSweepScenario;
  const auto one = cli({"sweep", (dir / "s.json").string(), "-n", "5", "-j", "1", "-q", "-o",
                        (dir / "j1.h5").string()});
  REQUIRE(one.status == 0);
  CHECK(one.out.starts_with("nolh design: 17 points over 3 factors"));
  const auto two = cli({"sweep", (dir / "s.json").string(), "-n", "5", "-j", "2", "-q", "-o",
                        (dir / "j2.h5").string()});
  REQUIRE(two.status == 0);
  const auto table = [](const std::string& out) { return out.substr(0, out.find("\nwrote ")); };
  CHECK(table(one.out) == table(two.out));

  const ResultFile a = read_result_file((dir / "j1.h5").string());
  const ResultFile b = read_result_file((dir / "j2.h5").string());
  REQUIRE(a.variants.size() == 17);
  REQUIRE(b.variants.size() == 17);
  std::size_t crossings = 0, intercepted = 0;
  std::set<std::uint64_t> interceptions;  // differ between points: the factors matter
  for (std::size_t v = 0; v < 17; ++v) {
    REQUIRE(a.variants[v].crossings.size() == b.variants[v].crossings.size());
    for (std::size_t c = 0; c < a.variants[v].crossings.size(); ++c)
      CHECK(testing::same(a.variants[v].crossings[c], b.variants[v].crossings[c]));
    std::uint64_t point = 0;
    for (const auto& r : a.variants[v].replications) point += r.intercepted;
    interceptions.insert(point);
    crossings += a.variants[v].crossings.size();
    intercepted += point;
  }
  CHECK(crossings > 0);
  CHECK(interceptions.size() > 1);
  // Common random numbers: every point meets the same crossers, replication by replication
  // (the factors change the layout and the response, not the threats).
  for (std::size_t v = 1; v < 17; ++v) {
    for (std::size_t r = 0; r < 5; ++r)
      CHECK(a.variants[v].replications[r].crossings == a.variants[0].replications[r].crossings);
  }

  // The design table is what the scenario's sweep makes, written and read back whole.
  REQUIRE(a.design.has_value());
  const LoadedScenario loaded = load_sweep_file((dir / "s.json").string());
  CHECK(*a.design == *loaded.design);
  CHECK(a.design->variants[0] == a.variants[0].name);
  CHECK(a.design->design == "nolh");
  CHECK(a.scenario.find("\"sweep\"") != std::string::npos);
  // A plain run's file has none.
  const auto run =
      cli({"run", (dir / "s.json").string(), "-n", "2", "-q", "-o", (dir / "run.h5").string()});
  REQUIRE(run.status == 0);
  CHECK(!read_result_file((dir / "run.h5").string()).design.has_value());

  const auto valid = cli({"validate", (dir / "s.json").string()});
  CHECK(valid.status == 0);
  CHECK(valid.out.find("sweep valid (nolh design, 17 points over 3 factors)") != std::string::npos);
}

TEST_CASE("sweep: shards merged give the one-go file, design table included") {
  const fs::path dir = scratch_dir("shards");
  std::ofstream(dir / "s.json") << kSweepScenario;
  const std::string scenario = (dir / "s.json").string();
  REQUIRE(cli({"sweep", scenario, "-n", "4", "-q", "-o", (dir / "all.h5").string()}).status == 0);
  for (const char* shard : {"0/2", "1/2"}) {
    const std::string part = (dir / (std::string("part") + shard[0] + ".h5")).string();
    REQUIRE(cli({"sweep", scenario, "-n", "4", "-q", "--shard", shard, "-o", part}).status == 0);
  }
  const auto merged = cli({"merge", (dir / "part0.h5").string(), (dir / "part1.h5").string(), "-o",
                           (dir / "merged.h5").string()});
  REQUIRE(merged.status == 0);
  const ResultFile all = read_result_file((dir / "all.h5").string());
  const ResultFile part = read_result_file((dir / "part1.h5").string());
  const ResultFile both = read_result_file((dir / "merged.h5").string());
  REQUIRE(all.design.has_value());
  CHECK(part.design == all.design);
  CHECK(both.design == all.design);
  REQUIRE(both.variants.size() == all.variants.size());
  for (std::size_t v = 0; v < all.variants.size(); ++v) {
    REQUIRE(both.variants[v].crossings.size() == all.variants[v].crossings.size());
    for (std::size_t c = 0; c < all.variants[v].crossings.size(); ++c)
      CHECK(testing::same(both.variants[v].crossings[c], all.variants[v].crossings[c]));
  }
}

TEST_CASE("compare: paired differences against any baseline, from the file alone") {
  const fs::path dir = scratch_dir("compare");
  std::ofstream(dir / "s.json") << kSweepScenario;
  const std::string file = (dir / "out.h5").string();
  REQUIRE(
      cli({"sweep", (dir / "s.json").string(), "-n", "6", "-j", "2", "-q", "-o", file}).status ==
      0);

  const auto plain = cli({"compare", file});
  REQUIRE(plain.status == 0);
  CHECK(plain.out.find("Design (nolh, 17 points)") != std::string::npos);
  CHECK(plain.out.find("Against \"point-001\"") != std::string::npos);
  CHECK(plain.out.find("point-017  interception rate") != std::string::npos);

  const auto centre =
      cli({"compare", file, "--baseline", "point-009", "--metric", "interception_rate", "--metric",
           "responder_dispatches_per_replication"});
  REQUIRE(centre.status == 0);
  CHECK(centre.out.find("Against \"point-009\"") != std::string::npos);
  CHECK(centre.out.find("point-001  interception rate") != std::string::npos);
  CHECK(centre.out.find("responder dispatches per replication") != std::string::npos);
  CHECK(centre.out.find("detection rate") == std::string::npos);
  CHECK(centre.out.find("point-009  interception") == std::string::npos);  // not against itself

  // The numbers are compare_to_baseline's on the batch the file holds.
  const BatchResult batch = to_batch_result(read_result_file(file));
  const std::vector<std::string> metrics{"interception_rate"};
  const auto rows = compare_to_baseline(batch, 8, metrics);
  REQUIRE(rows.size() == 16);
  CHECK(rows[0].difference.n == 6);
}

TEST_CASE("sweep and compare: bad input exits 2 with FILE: /pointer: problem, before any output") {
  const fs::path dir = scratch_dir("bad");
  const std::string out = (dir / "out.h5").string();
  std::string bad = kSweepScenario;
  bad.replace(bad.find("\"max\": 8000"), 11, "\"max\": -5");
  std::ofstream(dir / "bad.json") << bad;
  const auto range = cli({"sweep", (dir / "bad.json").string(), "-o", out});
  CHECK(range.status == 2);
  CHECK(range.err.starts_with((dir / "bad.json").string() + ": /sweep/factors/0/max: "));
  const auto validate = cli({"validate", (dir / "bad.json").string()});
  CHECK(validate.status == 2);
  CHECK(validate.out.empty());  // not "valid" first and an error after
  CHECK(validate.err == range.err);
  std::ofstream(dir / "plain.json") << R"({ "name": "no-sweep" })";
  const auto none = cli({"sweep", (dir / "plain.json").string(), "-o", out});
  CHECK(none.status == 2);
  CHECK(none.err.find(": /sweep: ") != std::string::npos);
  CHECK(files_in(dir) == 2);  // no result file, no temporary

  std::ofstream(dir / "text.h5") << "not hdf5";
  const auto not_result = cli({"compare", (dir / "text.h5").string()});
  CHECK(not_result.status == 2);
  CHECK(not_result.err.starts_with((dir / "text.h5").string() + ": /: "));
  CHECK(cli({"compare", (dir / "missing.h5").string()}).status == 2);

  std::ofstream(dir / "two.json")
      << R"({ "name": "two", "duration_h": 2, "threats": { "infiltrators": { "per_day": 10 } },
    "variants": { "a": {}, "b": { "sectors": { "handoff_delay_s": 5 } } } })";
  const std::string two = (dir / "two.h5").string();
  REQUIRE(cli({"run", (dir / "two.json").string(), "-n", "2", "-q", "-o", two}).status == 0);
  const auto variant = cli({"compare", two, "--baseline", "c"});
  CHECK(variant.status == 2);
  CHECK(variant.err.find(": /variants: no variant named \"c\"") != std::string::npos);
  const auto metric = cli({"compare", two, "--metric", "happiness"});
  CHECK(metric.status == 2);
  CHECK(metric.err.find("no metric \"happiness\"") != std::string::npos);
  CHECK(cli({"compare", two, "--baseline", "b"}).status == 0);
}
