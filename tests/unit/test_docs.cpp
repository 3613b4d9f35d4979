// What the documentation shows a user must work as shown.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bordersim/run/batch.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

TEST_CASE("the README's example scenario loads and runs") {
  std::ifstream in(BORDERSIM_SOURCE_DIR "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const auto open = readme.find("```json\n");
  REQUIRE(open != std::string::npos);
  const auto close = readme.find("```", open + 8);
  const std::string example = readme.substr(open + 8, close - open - 8);
  ScenarioOverrides overrides;
  overrides.replications = 2;
  const auto loaded = load_scenario_text(example, "README.md", overrides);
  const auto batch = run_batch(loaded, 2);
  CHECK(batch.variants.size() == 3);
  CHECK(batch.variants[0].replications[0].crossings > 0);
}

// GitHub renders a run of `|` lines as a table only when it starts with a header row and a
// `|---|` separator, and every row has the header's number of cells; otherwise the rows
// run together as one paragraph (the scenario key table once did, after the land-cover
// table).
TEST_CASE("every Markdown table in the READMEs has a header and rows of its width") {
  for (const char* file : {"/README.md", "/scenarios/README.md", "/tests/regression/README.md"}) {
    std::ifstream in(std::string(BORDERSIM_SOURCE_DIR) + file);
    if (!in) continue;
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    // Cells: unescaped '|' separators, minus the outer two.
    const auto cells = [](const std::string& row) {
      std::size_t bars = 0;
      for (std::size_t i = 0; i < row.size(); ++i)
        if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++bars;
      return bars - 1;
    };
    bool in_code = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].starts_with("```")) in_code = !in_code;
      if (in_code || !lines[i].starts_with("|") || (i > 0 && lines[i - 1].starts_with("|")))
        continue;
      INFO(file << ":" << i + 1 << ": " << lines[i]);
      REQUIRE(i + 1 < lines.size());
      CHECK(lines[i + 1].starts_with("|---"));
      const std::size_t width = cells(lines[i]);
      for (std::size_t j = i + 1; j < lines.size() && lines[j].starts_with("|"); ++j) {
        INFO(file << ":" << j + 1);
        CHECK(cells(lines[j]) == width);
      }
    }
  }
}
