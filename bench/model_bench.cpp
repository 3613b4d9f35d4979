// What building a scenario's immutable model costs: the geography (terrain generation or
// loading) and the towers' coverage (one viewshed bitset per tower plus the site index),
// in time and memory. Usage: model_bench [SCENARIO.json] [--repeat N] [--digest]
// --digest prints an FNV-1a hash of the route surface's arrays and of every route field's
// costs, links and roots: two builds (say main's and a branch's) that print the same
// digests built the same surface and fields, to the bit.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <span>
#include <sstream>
#include <string>

#include "bench_support.h"
#include "bordersim/run/model.h"
#include "bordersim/run/route_planning.h"
#include "bordersim/scenario/default_scenario.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;
using bench::Clock;
using bench::peak_rss_mib;
using bench::seconds_since;

namespace {

// FNV-1a over the bytes of a span.
template <class T>
std::uint64_t fnv1a(std::span<const T> values, std::uint64_t h = 14695981039346656037ull) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(values.data());
  for (std::size_t i = 0; i < values.size_bytes(); ++i) h = (h ^ bytes[i]) * 1099511628211ull;
  return h;
}

void print_digests(const RoutePlanning& routing) {
  const routes::CostSurface& s = *routing.surface;
  std::printf("digest surface: %016llx\n",
              static_cast<unsigned long long>(
                  fnv1a(s.forward_edge_obstacles(),
                        fnv1a(s.elevations(), fnv1a(s.paces(routes::Mover::kVehicle),
                                                    fnv1a(s.paces(routes::Mover::kFoot)))))));
  const auto field = [](const char* what, std::size_t k, const routes::CostField& f) {
    std::printf(
        "digest %s %zu: %016llx (%lld cells reached)\n", what, k,
        static_cast<unsigned long long>(fnv1a(f.roots(), fnv1a(f.links(), fnv1a(f.costs())))),
        static_cast<long long>(f.reachable_cells()));
  };
  for (std::size_t k = 0; k < routing.crosser_fields.size(); ++k)
    field("crosser field", k, *routing.crosser_fields[k].field);
  for (std::size_t k = 0; k < routing.base_fields.size(); ++k)
    field("base field", k, *routing.base_fields[k]);
  for (std::size_t k = 0; k < routing.patrol_fields.size(); ++k)
    if (routing.patrol_fields[k].field) field("patrol field", k, *routing.patrol_fields[k].field);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int repeat = 3;
  bool digest = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc)
      repeat = std::stoi(argv[++i]);
    else if (arg == "--digest")
      digest = true;
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
  if (digest && model.routing) print_digests(*model.routing);
  return 0;
}
