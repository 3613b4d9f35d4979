// What building a scenario's immutable model costs: the geography (terrain generation or
// loading) and the towers' coverage (one viewshed bitset per tower plus the site index),
// in time and memory. Usage: model_bench [SCENARIO.json] [--repeat N]

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "bench_support.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/default_scenario.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;
using bench::Clock;
using bench::peak_rss_mib;
using bench::seconds_since;

int main(int argc, char** argv) {
  std::string path;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc)
      repeat = std::stoi(argv[++i]);
    else
      path = arg;
  }
  const LoadedScenario loaded =
      path.empty() ? load_scenario_text(std::string(default_scenario_json()), kDefaultScenarioName)
                   : load_scenario_file(path);
  const Scenario& scenario = loaded.variants.front().scenario;

  double best_geo = 1e300, best_model = 1e300;
  std::shared_ptr<const Geography> geography;
  Model model;
  for (int r = 0; r < repeat; ++r) {
    auto t0 = Clock::now();
    geography = build_geography(scenario.terrain, loaded.file);
    best_geo = std::min(best_geo, seconds_since(t0));
    t0 = Clock::now();
    model = build_model(scenario, geography, loaded.file);
    best_model = std::min(best_model, seconds_since(t0));
  }

  const auto& terrain = geography->terrain;
  const double grid_mib =
      static_cast<double>(terrain.elevation.cell_count() * 4 + terrain.cover.cell_count()) /
      (1 << 20);
  double coverage_bytes = 0, visible_cells = 0;
  for (const auto& tower : model.towers) {
    if (!tower.view) continue;
    const auto& w = tower.view->window();
    coverage_bytes += static_cast<double>(w.cols) * w.rows / 8.0;  // one bit per window cell
    visible_cells += static_cast<double>(tower.view->visible_count());
  }
  std::printf("scenario: %s (variant %s)\n", loaded.file.c_str(),
              loaded.variants.front().name.c_str());
  std::printf("grid: %d x %d cells, %.1f MiB (elevation + cover)\n", terrain.elevation.cols(),
              terrain.elevation.rows(), grid_mib);
  std::printf("geography build: %.3f s (best of %d)\n", best_geo, repeat);
  std::printf(
      "model build (towers' viewsheds, index, light table): %.3f s for %zu towers (best of %d)\n",
      best_model, model.towers.size(), repeat);
  std::printf(
      "coverage: %.2f MiB of viewshed bits, %.0f visible cells (%.0f per tower)\n",
      coverage_bytes / (1 << 20), visible_cells,
      model.towers.empty() ? 0.0 : visible_cells / static_cast<double>(model.towers.size()));
  std::printf("peak RSS: %.1f MiB\n", peak_rss_mib());
  return 0;
}
