// Strict reading of scenario text: duplicate keys, nesting depth, number overflow, variant
// names and what a scenario file may be (issue 12). Each error names its pointer.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/scenario_errors.h"
#include "bordersim/core/error.h"
#include "bordersim/scenario/limits.h"
#include "bordersim/scenario/load.h"
#include "bordersim/scenario/strict_json.h"

using namespace bordersim;

namespace {

std::pair<std::string, std::string> error_of(const std::string& text) {
  return testing::load_error_of(text);
}

std::string nested_arrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string nested_patch(int depth) {
  std::string open, close;
  for (int i = 0; i < depth; ++i) {
    open += R"({"a":)";
    close += "}";
  }
  return R"({"variants": {"v": )" + open + "1" + close + "}}";
}

}  // namespace

TEST_CASE("a key written twice in one object is an error at its pointer") {
  CHECK(error_of(R"({"seed": 1, "seed": 2})").first == "/seed");
  CHECK(error_of(R"({"sensors": {"towers": {}, "towers": {}}})").first == "/sensors/towers");
  CHECK(error_of(R"({"variants": {"a": {}, "b": {}, "a": {}}})").first == "/variants/a");
  const auto [ptr, problem] =
      error_of(R"({"jurisdictions": [{"name": "x"}, {"name": "y", "name": "z"}]})");
  CHECK(ptr == "/jurisdictions/1/name");
  CHECK(problem.find("duplicate key") != std::string::npos);
  // The same key in different objects is fine.
  CHECK_NOTHROW(
      load_scenario_text(R"({"jurisdictions": [{"name": "x"}, {"name": "y"}]})", "s.json"));
}

TEST_CASE("nesting deeper than the limit is refused while parsing, at the limit it is read") {
  // At the limit (the document and /variants count as two levels) the parse succeeds and the
  // error, if any, is an ordinary one about the key.
  const auto at_limit = error_of(nested_patch(limits::kMaxJsonDepth - 2));
  CHECK(at_limit.second.find("nested deeper") == std::string::npos);
  const auto over = error_of(nested_patch(limits::kMaxJsonDepth - 1));
  CHECK(over.second.find("nested deeper than 64") != std::string::npos);
  CHECK(over.first.rfind("/variants/v/a/a/a", 0) == 0);
  // Far deeper than any stack could recurse: refused without a crash.
  CHECK(error_of(R"({"x": )" + nested_arrays(200000) + "}").second.find("nested deeper") !=
        std::string::npos);
  CHECK(error_of(nested_patch(100000)).first.rfind("/variants/v/a", 0) == 0);
}

TEST_CASE("a number no double holds is bad input, not a runtime failure") {
  const auto [ptr, problem] = error_of(R"({"seed": 1e400})");
  CHECK(ptr.empty());
  CHECK(problem.find("number overflow") != std::string::npos);
  CHECK_THROWS_AS(load_scenario_text(R"({"duration_h": -1e999})", "s.json"), InputError);
  // Too large for an integer key but a valid double: the key's own check refuses it.
  CHECK(error_of(R"({"seed": 1e300})").first == "/seed");
}

TEST_CASE("variant names must name an HDF5 group and a file, unique whatever the case") {
  for (const char* bad : {R"("")", R"(".")", R"("..")", R"("../x")", R"("a b")", R"("-x")",
                          R"("a\u0000b")", R"("é")", R"(".hidden")"}) {
    CAPTURE(bad);
    const auto [ptr, problem] = error_of(std::string(R"({"variants": {)") + bad + ": {}}}");
    CHECK(ptr.rfind("/variants/", 0) == 0);
    CHECK(problem.find("variant name") != std::string::npos);
  }
  CHECK(error_of(R"({"variants": {"Dense": {}, "dense": {}}})").first == "/variants/dense");
  const std::string longest(limits::kMaxVariantNameBytes, 'v');
  CHECK_NOTHROW(load_scenario_text(R"({"variants": {")" + longest + R"(": {}}})", "s.json"));
  CHECK(error_of(R"({"variants": {")" + longest + R"(v": {}}})").second.find("longer than 100") !=
        std::string::npos);
  CHECK_NOTHROW(load_scenario_text(R"({"variants": {"a.b_c-1+x": {}}})", "s.json"));
}

TEST_CASE("a scenario must be a regular file of bounded size") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("bordersim-strict-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto problem = [](const std::string& path) {
    try {
      load_scenario_file(path);
    } catch (const InputError& e) {
      CHECK(e.file() == path);
      return e.problem();
    }
    FAIL("expected an InputError for " << path);
    return std::string();
  };
  CHECK(problem("/dev/zero").find("not a regular file") != std::string::npos);
  CHECK(problem(dir.string()).find("not a regular file") != std::string::npos);
  const auto fifo = dir / "fifo.json";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(problem(fifo.string()).find("not a regular file") != std::string::npos);  // no hang
  const auto big = dir / "big.json";
  std::ofstream{big}.close();
  std::filesystem::resize_file(big, limits::kMaxScenarioBytes + 1);
  CHECK(problem(big.string()).find("larger than 16 MiB") != std::string::npos);
  CHECK(problem((dir / "missing.json").string()).find("cannot open") != std::string::npos);
  std::filesystem::remove_all(dir);
}
