// `bordersim report`: run's tables from the result file alone, pictures with --plots, and
// clear errors for files that are not results or a missing python3.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/cli_run.h"
#include "bordersim/cli/cli.h"

using namespace bordersim;
using testing::cli;
using testing::CliRun;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir(const std::string& name) { return testing::scratch_dir("report", name); }

// Flat ground, two jurisdictions, towers and QRF teams: quick to build and run, and every
// line of the table has something in it.
constexpr const char* kScenario = R"({
  "name": "report-test", "seed": 11, "duration_h": 24,
  "terrain": { "flat": { "length_km": 100, "depth_km": 20 } },
  "jurisdictions": [ { "name": "federal" }, { "name": "kurdistan" } ],
  "sectors": { "split_along_border_km": [0, 40, 100], "names": ["north", "south"],
               "jurisdiction": ["kurdistan", "federal"], "handoff_delay_s": 600 },
  "sensors": { "towers": { "along_border": { "spacing_m": 5000 }, "range_m": 2000 } },
  "threats": { "infiltrators": { "per_day": 30 } },
  "response": { "qrf": { "bases_km": [20, 70], "teams_per_base": 2, "speed_mps": 15 } },
  "variants": { "sparse": {}, "dense": { "sensors": { "towers": { "along_border": { "spacing_m": 2000 } } } } }
})";

// Runs the scenario once per test binary; returns the result file.
fs::path result_file(const fs::path& dir, std::string* run_table = nullptr) {
  const fs::path scenario = dir / "scenario.json";
  std::ofstream(scenario) << kScenario;
  const fs::path out = dir / "out.h5";
  const auto run = cli({"run", scenario.string(), "-n", "8", "-j", "2", "-q", "-o", out.string()});
  REQUIRE(run.status == 0);
  if (run_table) *run_table = run.out.substr(0, run.out.find("\nwrote "));
  return out;
}

bool is_png(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  return in && std::string(head, 8) == std::string("\x89PNG\r\n\x1a\n", 8);
}

// Sets an environment variable for one scope.
struct ScopedEnv {
  std::string name;
  ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() { ::unsetenv(name.c_str()); }
};

}  // namespace

TEST_CASE("report prints run's tables from the result file alone") {
  const fs::path dir = scratch_dir("tables");
  std::string run_table;
  const fs::path out = result_file(dir, &run_table);
  fs::remove(dir / "scenario.json");  // the file alone
  const auto report = cli({"report", out.string()});
  REQUIRE(report.status == 0);
  CHECK(report.err.empty());
  // A heading naming the file, version, commit, seed; then run's table as run printed it.
  const auto heading_end = report.out.find('\n');
  CHECK(report.out.substr(0, heading_end).starts_with(out.string() + ": bordersim "));
  CHECK(report.out.find("seed 11") < heading_end);
  CHECK(run_table.find("Variant \"dense\"") != std::string::npos);
  CHECK(report.out.substr(heading_end + 1) == run_table);
  fs::remove_all(dir);
}

TEST_CASE("report on a file that is not a result: exit 2, FILE: /: problem, nothing printed") {
  const fs::path dir = scratch_dir("bad");
  const fs::path text = dir / "notes.h5";
  std::ofstream(text) << "not HDF5 at all\n";
  const auto bad = cli({"report", text.string()});
  CHECK(bad.status == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err == text.string() + ": /: not an HDF5 file\n");

  const auto missing = cli({"report", (dir / "none.h5").string()});
  CHECK(missing.status == 2);
  CHECK(missing.err == (dir / "none.h5").string() + ": /: no such file\n");

  // --plots into a folder that cannot be made: bad input, before any output.
  const fs::path out = result_file(dir);
  const auto folder = cli({"report", out.string(), "--plots", (text / "pictures").string()});
  CHECK(folder.status == 2);
  CHECK(folder.out.empty());
  CHECK(folder.err.starts_with((text / "pictures").string() + ": /: cannot make the plots folder"));
  CHECK(cli({"report"}).status == 2);
  fs::remove_all(dir);
}

TEST_CASE("report --plots without python3: exit 1 naming what is missing") {
  const fs::path dir = scratch_dir("nopython");
  const fs::path out = result_file(dir);
  const ScopedEnv python("BORDERSIM_PYTHON", "/nonexistent/python3");
  const auto report = cli({"report", out.string(), "--plots", (dir / "plots").string()});
  CHECK(report.status == 1);
  CHECK(report.err.find("/nonexistent/python3 not found") != std::string::npos);
  CHECK(report.err.find("python3-matplotlib") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("report --plots writes a map per variant, the rates and the sectors as PNG") {
  const fs::path dir = scratch_dir("plots");
  const fs::path out = result_file(dir);
  const fs::path plots = dir / "plots";
  const auto report = cli({"report", out.string(), "--plots", plots.string()});
  INFO(report.err);
  REQUIRE(report.status == 0);
  for (const char* name : {"map-sparse.png", "map-dense.png", "rates.png", "sectors.png"}) {
    INFO(name);
    CHECK(fs::file_size(plots / name) > 10000);
    CHECK(is_png(plots / name));
    CHECK(report.out.find("wrote " + (plots / name).string()) != std::string::npos);
  }
  CHECK(!fs::exists(plots / "sweep-response.png"));  // not a sweep
  fs::remove_all(dir);
}
