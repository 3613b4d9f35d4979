// The command line as users and scripts meet it: exit codes, messages, output files.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/cli_run.h"
#include "../support/record_equality.h"
#include "bordersim/cli/cli.h"
#include "bordersim/io/result_file.h"

using namespace bordersim;
using testing::cli;
using testing::CliRun;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir(const std::string& name) { return testing::scratch_dir("cli", name); }

void write_file(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("bad scenario: exit 2 with FILE: /pointer: problem and no output file") {
  const fs::path dir = scratch_dir("bad");
  const fs::path scenario = dir / "bad.json";
  write_file(scenario, R"({"sensors": {"towers": {"range_m": -5}}})");
  const auto run = cli({"run", scenario.string(), "-o", (dir / "out.h5").string()});
  CHECK(run.status == 2);
  CHECK(run.err.starts_with(scenario.string() + ": /sensors/towers/range_m: "));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);

  const auto validate = cli({"validate", scenario.string()});
  CHECK(validate.status == 2);
  CHECK(validate.err == run.err);
}

TEST_CASE("bad flags and paths are bad input too") {
  CHECK(cli({"run", "--no-such-flag"}).status == 2);
  CHECK(cli({"run", "-n", "0"}).status == 2);
  CHECK(cli({}).status == 2);
  const auto missing = cli({"run", "/nonexistent/scenario.json"});
  CHECK(missing.status == 2);
  CHECK(missing.err.starts_with("/nonexistent/scenario.json: /: "));
  const auto no_dir = cli({"run", "-n", "1", "-o", "/nonexistent/dir/out.h5"});
  CHECK(no_dir.status == 2);
  CHECK(no_dir.err.find("output directory does not exist") != std::string::npos);
  CHECK(cli({"run", "-n", "1", "--variant", "no-such-variant", "-o", "x.h5"}).status == 2);
}

TEST_CASE("--version and --help succeed") {
  CHECK(cli({"--version"}).status == 0);
  const auto help = cli({"run", "--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("--replications") != std::string::npos);
}

TEST_CASE("validate prints the resolved scenario") {
  const auto run = cli({"validate", BORDERSIM_SOURCE_DIR "/scenarios/default.json", "--resolved"});
  CHECK(run.status == 0);
  CHECK(run.out.find("\"detection_rate_per_s\"") != std::string::npos);
}

TEST_CASE("run writes the table and the result file and -j 1 and -j 7 give identical tables") {
  const fs::path dir = scratch_dir("run");
  // Two of the default's variants: the model build of all five would dominate.
  const auto one = cli({"run", "-n", "6", "-j", "1", "-q", "--variant", "towers-only", "--variant",
                        "drones-joint", "-o", (dir / "j1.h5").string()});
  REQUIRE(one.status == 0);
  CHECK(one.out.find("baseline") != std::string::npos);
  const auto seven = cli({"run", "-n", "6", "-j", "7", "-q", "--variant", "towers-only",
                          "--variant", "drones-joint", "-o", (dir / "j7.h5").string()});
  REQUIRE(seven.status == 0);
  // Only the two result files: no temporary file left behind.
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 2);

  // The console tables are text: compare them whole, bar the timing line at the end.
  const auto table = [](const std::string& out) { return out.substr(0, out.find("\nwrote ")); };
  CHECK(table(one.out) == table(seven.out));

  const ResultFile a = read_result_file((dir / "j1.h5").string());
  const ResultFile b = read_result_file((dir / "j7.h5").string());
  REQUIRE(a.variants.size() == b.variants.size());
  for (std::size_t v = 0; v < a.variants.size(); ++v) {
    const auto& ca = a.variants[v].crossings;
    const auto& cb = b.variants[v].crossings;
    REQUIRE(ca.size() == cb.size());
    CHECK(ca.size() > 0);
    for (std::size_t c = 0; c < ca.size(); ++c) CHECK(testing::same(ca[c], cb[c]));
    REQUIRE(a.variants[v].replications.size() == b.variants[v].replications.size());
    for (std::size_t r = 0; r < a.variants[v].replications.size(); ++r)
      CHECK(testing::same_totals(a.variants[v].replications[r], b.variants[v].replications[r]));
  }
}
