// Time to generate the synthetic terrain (default: the 610 km x 70 km corridor at 100 m,
// 6100 x 700 cells) and the memory its rasters take. --verify generates it twice and
// exits 1 unless the two are bit-identical.
//
//   terrain_bench [--length-km L] [--depth-km D] [--foreign-km F] [--cell-m C] [--seed S]
//                 [--repeat R] [--verify]
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <vector>

#include "bench_support.h"
#include "bordersim/terrain/fingerprint.h"
#include "bordersim/terrain/synthetic.h"

namespace bt = bordersim::terrain;

using bordersim::bench::peak_rss_mib;

int main(int argc, char** argv) {
  bt::SyntheticTerrainSpec spec;
  int repeat = 5;
  bool verify = false;
  CLI::App app{"Synthetic terrain generation: time and memory"};
  app.add_option("--length-km", spec.length_km, "corridor length along the border");
  app.add_option("--depth-km", spec.depth_km, "depth behind the border");
  app.add_option("--foreign-km", spec.foreign_depth_km, "depth before the border");
  app.add_option("--cell-m", spec.cell_m, "cell size");
  app.add_option("--seed", spec.seed, "terrain seed");
  app.add_option("--repeat", repeat, "timed generations")->check(CLI::PositiveNumber);
  app.add_flag("--verify", verify, "generate twice and require identical grids");
  CLI11_PARSE(app, argc, argv);

  std::vector<double> seconds;
  std::uint64_t first = 0;
  bt::Terrain t;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    t = bt::generate_synthetic_terrain(spec);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    if (i == 0) first = bt::fingerprint(t);
  }
  std::sort(seconds.begin(), seconds.end());

  const std::int64_t cells = t.elevation.cell_count();
  const double elevation_mib = static_cast<double>(cells) * sizeof(float) / (1024.0 * 1024.0);
  const double cover_mib = static_cast<double>(cells) * sizeof(bt::LandCover) / (1024.0 * 1024.0);
  fmt::print("grid            {} x {} = {} cells of {} m\n", t.elevation.cols(), t.elevation.rows(),
             cells, spec.cell_m);
  fmt::print("generation      min {:.3f} s, median {:.3f} s over {} runs\n", seconds.front(),
             seconds[seconds.size() / 2], repeat);
  fmt::print(
      "memory          elevation {:.1f} MiB (4 B/cell) + cover {:.1f} MiB (1 B/cell) = "
      "{:.1f} MiB; peak RSS {:.1f} MiB\n",
      elevation_mib, cover_mib, elevation_mib + cover_mib, peak_rss_mib());
  fmt::print("features        {} towns, {} roads, {} rivers, trench {}\n", t.towns.size(),
             t.roads.size(), t.rivers.size(),
             t.trench ? fmt::format("{:.1f} km with {} gaps", bt::dug_length(*t.trench) / 1000.0,
                                    t.trench->gaps_m.size())
                      : std::string("none"));
  fmt::print("fingerprint     {:016x}\n", first);
  if (verify) {
    const std::uint64_t again = bt::fingerprint(bt::generate_synthetic_terrain(spec));
    if (again != first) {
      fmt::print("verify          FAILED: {:016x} != {:016x}\n", again, first);
      return 1;
    }
    fmt::print("verify          identical\n");
  }
  return 0;
}
