// README.md's lists of the result tables' columns are generated from the descriptions that
// write and read them (io/result_columns.h): this fails when one is out of date. To
// rewrite them: BORDERSIM_UPDATE_README=1 build/release/tests/bordersim_unit_tests
// -tc='README columns*'.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "bordersim/core/sensor_kinds.h"
#include "bordersim/io/result_columns.h"

using namespace bordersim;

namespace {

constexpr const char* kReadme = BORDERSIM_SOURCE_DIR "/README.md";

std::string read_readme() {
  std::ifstream in(kReadme, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string begin_marker(std::string_view table) {
  return "<!-- columns " + std::string(table) + " -->\n";
}
constexpr std::string_view kEndMarker = "<!-- /columns -->";

}  // namespace

TEST_CASE("README columns: the lists are the result tables' descriptions") {
  std::string readme = read_readme();
  REQUIRE(!readme.empty());
  const bool update = std::getenv("BORDERSIM_UPDATE_README") != nullptr;
  for (const std::string_view table : result_table_names()) {
    CAPTURE(table);
    const std::string begin = begin_marker(table);
    const std::size_t from = readme.find(begin);
    REQUIRE_MESSAGE(from != std::string::npos, "README.md lacks the line " << begin);
    const std::size_t start = from + begin.size();
    const std::size_t end = readme.find(kEndMarker, start);
    REQUIRE(end != std::string::npos);
    const std::string expected = result_columns_markdown(table);
    if (update)
      readme.replace(start, end - start, expected);
    else
      CHECK_MESSAGE(readme.substr(start, end - start) == expected,
                    "README.md's columns of " << table << " should read:\n"
                                              << expected
                                              << "(BORDERSIM_UPDATE_README=1 rewrites them)");
  }
  if (update) std::ofstream(kReadme, std::ios::binary) << readme;
}

TEST_CASE("the column descriptions name every column once and every sensor kind") {
  for (const std::string_view table : result_table_names()) {
    CAPTURE(table);
    const auto columns = result_columns(table);
    REQUIRE(!columns.empty());
    for (std::size_t i = 0; i < columns.size(); ++i) {
      CHECK(!columns[i].doc.empty());
      CHECK(columns[i].doc.find('|') == std::string_view::npos);  // a Markdown cell
      for (std::size_t j = 0; j < i; ++j) CHECK(columns[i].name != columns[j].name);
    }
  }
  CHECK_THROWS_AS(result_columns("no such table"), std::invalid_argument);
  // first_detector's values are the kinds' names: a new kind must be documented there.
  for (const ColumnDoc& c : result_columns("crossings"))
    if (c.name == "first_detector")
      for (const SensorKind& kind : kSensorKinds) {
        CAPTURE(kind.name);
        CHECK(c.doc.find(kind.name) != std::string_view::npos);
      }
}
