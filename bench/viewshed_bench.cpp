// Time per observer of our viewshed against GDAL's own, GDALViewshedGenerate, in one
// process, on the same DEM held in memory (a MEM dataset for GDAL) and the same observers.
// Our GDAL-3.6 mode computes the same thing as GDAL, so the outputs are also compared cell
// by cell (NoData cells excepted: GDAL has no rule for them): a timing of a different
// answer would mean nothing.
//
// Then the whole batch of observers once in a plain loop and once spread over threads
// (oneTBB, as the model builds its towers), each viewshed into its own slot: the two
// batches must agree cell for cell.
//
//   viewshed_bench [--dem FILE] [--max-distance M] [--observers N] [--repeat R] [--cc C]
//                  [--threads T]
#include <fmt/core.h>
#include <gdal.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../tests/support/mem_dataset.h"
#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/viewshed.h"

namespace bt = bordersim::terrain;

namespace {

using bordersim::testing::DatasetPtr;

// Observers on a regular lattice over the grid's interior (deterministic, no RNG).
std::vector<bt::CellIndex> lattice(const bt::ElevationGrid& grid, int n) {
  std::vector<bt::CellIndex> out;
  int side = 1;
  while (side * side < n) ++side;
  for (int i = 0; i < n; ++i) {
    const int a = i % side;
    const int b = i / side;
    out.push_back({(2 * a + 1) * grid.cols() / (2 * side), (2 * b + 1) * grid.rows() / (2 * side)});
  }
  return out;
}

template <typename F>
double best_seconds(int repeat, F&& f) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

// The batch serial and in parallel; prints both times and returns the cells that differ.
std::int64_t time_batch(const bt::ElevationGrid& grid, std::vector<bt::CellIndex> obs,
                        const bt::ViewshedParams& p, int repeat, int threads) {
  std::erase_if(obs, [&](bt::CellIndex c) { return std::isnan(grid.at(c)); });
  const int n_threads = threads > 0 ? threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(n_threads));
  std::vector<bt::Viewshed> serial(obs.size()), parallel(obs.size());
  const double t_serial = best_seconds(repeat, [&] {
    for (std::size_t i = 0; i < obs.size(); ++i) serial[i] = bt::compute_viewshed(grid, obs[i], p);
  });
  const double t_parallel = best_seconds(repeat, [&] {
    tbb::parallel_for(std::size_t{0}, obs.size(),
                      [&](std::size_t i) { parallel[i] = bt::compute_viewshed(grid, obs[i], p); });
  });
  std::int64_t mismatch = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    const bt::Viewshed::Window& w = serial[i].window();
    for (int r = w.origin.row; r < w.origin.row + w.rows; ++r) {
      for (int c = w.origin.col; c < w.origin.col + w.cols; ++c) {
        mismatch += serial[i].visible({c, r}) != parallel[i].visible({c, r}) ? 1 : 0;
      }
    }
  }
  fmt::print(
      "batch of {}: serial {:.3f} ms, {} threads {:.3f} ms: serial / parallel = {:.2f}; "
      "cells differing: {}\n",
      obs.size(), 1e3 * t_serial, n_threads, 1e3 * t_parallel, t_serial / t_parallel, mismatch);
  return mismatch;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dem_file =
      std::string(BORDERSIM_SOURCE_DIR) + "/data/real/dem/srtm3_N00E010_utm32n_crop500.tif";
  double max_distance = 15'000.0;
  int observers = 25;
  int repeat = 5;
  double cc = bt::kStandardCurvatureCoeff;
  CLI::App app{"Viewshed: bordersim vs GDALViewshedGenerate, time per observer"};
  app.add_option("--dem", dem_file, "DEM (read through bordersim's loader)");
  app.add_option("--max-distance", max_distance, "m; 0 = whole grid");
  app.add_option("--observers", observers, "observers on a lattice over the grid");
  app.add_option("--repeat", repeat, "timings per observer; the best is kept");
  app.add_option("--cc", cc, "curvature coefficient");
  int threads = 0;
  app.add_option("--threads", threads, "threads for the batch; 0 = all cores");
  CLI11_PARSE(app, argc, argv);

  GDALAllRegister();
  const bt::ElevationGrid grid = bt::read_dem(dem_file);
  DatasetPtr mem = bordersim::testing::mem_dataset(grid);
  GDALRasterBandH band = GDALRasterBand::ToHandle(mem->GetRasterBand(1));

  bt::ViewshedParams p;
  p.sight.curvature_coeff = cc;
  p.max_distance = max_distance;
  p.adjacent = bt::ViewshedParams::Adjacent::kGdal36;
  bt::ViewshedParams p_default = p;
  p_default.adjacent = bt::ViewshedParams::Adjacent::kVisible;

  fmt::print("DEM {} ({} x {} cells of {:.2f} m), max distance {} m, cc {}, best of {}\n", dem_file,
             grid.cols(), grid.rows(), grid.geometry().cell_w, max_distance, cc, repeat);
  fmt::print("{:>10} {:>9} {:>12} {:>12} {:>12} {:>8} {:>10}\n", "observer", "visible", "ours_ms",
             "ours_def_ms", "gdal_ms", "ratio", "mismatch");
  double sum_ours = 0.0, sum_default = 0.0, sum_gdal = 0.0;
  std::int64_t total_mismatch = 0;
  for (const bt::CellIndex obs : lattice(grid, observers)) {
    if (std::isnan(grid.at(obs))) continue;
    const bt::MapPoint at = grid.cell_centre(obs);
    bt::Viewshed ours;
    const double t_ours = best_seconds(repeat, [&] { ours = bt::compute_viewshed(grid, obs, p); });
    const double t_default =
        best_seconds(repeat, [&] { (void)bt::compute_viewshed(grid, obs, p_default); });
    DatasetPtr theirs;
    const double t_gdal = best_seconds(repeat, [&] {
      theirs.reset(GDALDataset::FromHandle(GDALViewshedGenerate(
          band, "MEM", "", nullptr, at.x, at.y, p.sight.observer_height, p.sight.target_height, 1.0,
          0.0, 0.0, -1.0, cc, GVM_Edge, max_distance, nullptr, nullptr, GVOT_NORMAL, nullptr)));
    });
    if (!theirs) {
      fmt::print(stderr, "GDALViewshedGenerate failed: {}\n", CPLGetLastErrorMsg());
      return 1;
    }
    // Compare over GDAL's output window (it is aligned with the DEM grid).
    double gt[6];
    theirs->GetGeoTransform(gt);
    const int x0 =
        static_cast<int>(std::lround((gt[0] - grid.geometry().west) / grid.geometry().cell_w));
    const int y0 =
        static_cast<int>(std::lround((grid.geometry().north - gt[3]) / grid.geometry().cell_h));
    const int w = theirs->GetRasterXSize();
    const int h = theirs->GetRasterYSize();
    std::vector<std::uint8_t> cells(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    if (theirs->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, cells.data(), w, h, GDT_Byte, 0, 0,
                                           nullptr) != CE_None) {
      return 1;
    }
    std::int64_t mismatch = 0;
    for (int r = 0; r < h; ++r) {
      for (int c = 0; c < w; ++c) {
        const bt::CellIndex cell{x0 + c, y0 + r};
        if (std::isnan(grid.at(cell))) continue;  // GDAL has no NoData rule (NaN: visible)
        const bool g = cells[static_cast<std::size_t>(r) * static_cast<std::size_t>(w) +
                             static_cast<std::size_t>(c)] == 1;
        mismatch += g != ours.visible(cell) ? 1 : 0;
      }
    }
    total_mismatch += mismatch;
    sum_ours += t_ours;
    sum_default += t_default;
    sum_gdal += t_gdal;
    fmt::print("{:>4},{:<5} {:>9} {:>12.3f} {:>12.3f} {:>12.3f} {:>8.2f} {:>10}\n", obs.col,
               obs.row, ours.visible_count(), 1e3 * t_ours, 1e3 * t_default, 1e3 * t_gdal,
               t_gdal / t_ours, mismatch);
  }
  fmt::print(
      "total: ours {:.3f} ms, ours (default mode) {:.3f} ms, GDAL {:.3f} ms; "
      "GDAL / ours = {:.2f}; cells differing from GDAL: {}\n",
      1e3 * sum_ours, 1e3 * sum_default, 1e3 * sum_gdal, sum_gdal / sum_ours, total_mismatch);
  const std::int64_t batch_mismatch =
      time_batch(grid, lattice(grid, observers), p, repeat, threads);
  return total_mismatch == 0 && batch_mismatch == 0 ? 0 : 1;
}
