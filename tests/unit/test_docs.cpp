// What the documentation shows a user must work as shown.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

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
