// The GDAL 3.6 mode of our viewshed against GDAL's own GDALViewshedGenerate, in process, on
// the SRTM tile, for a lattice of observers that includes windows clipped by the grid's
// edges, at several ranges and with and without the curvature term: no cell may differ.
// (test_viewshed_gdal.cpp holds two observers against gdal_viewshed's stored outputs.)
// The viewshed walks wedges, not GDAL's rows; only the same operands in the same order
// keep the two equal, so this is the test that catches a reordered formula.
#include <doctest/doctest.h>
#include <gdal.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <oneapi/tbb/parallel_for.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../support/mem_dataset.h"
#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/viewshed.h"

namespace bt = bordersim::terrain;

namespace {

using bordersim::testing::DatasetPtr;

const bt::ElevationGrid& dem() {
  static const bt::ElevationGrid grid = bt::read_dem(
      std::string(BORDERSIM_SOURCE_DIR) + "/data/real/dem/srtm3_N00E010_utm32n_crop500.tif");
  return grid;
}

// Cells of GDAL's output window (aligned with the grid) on which GDAL and `ours` differ;
// NoData cells aside (GDAL has no rule for them). `visible` counts GDAL's visible cells.
std::int64_t differing(const bt::ElevationGrid& grid, GDALDataset& theirs, const bt::Viewshed& ours,
                       std::int64_t& visible) {
  double gt[6];
  theirs.GetGeoTransform(gt);
  const bt::GridGeometry& g = grid.geometry();
  const int x0 = static_cast<int>(std::lround((gt[0] - g.west) / g.cell_w));
  const int y0 = static_cast<int>(std::lround((g.north - gt[3]) / g.cell_h));
  const int w = theirs.GetRasterXSize(), h = theirs.GetRasterYSize();
  std::vector<std::uint8_t> cells(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  REQUIRE(theirs.GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, cells.data(), w, h, GDT_Byte, 0, 0,
                                            nullptr) == CE_None);
  std::int64_t n = 0;
  for (int r = 0; r < h; ++r) {
    for (int c = 0; c < w; ++c) {
      const bt::CellIndex cell{x0 + c, y0 + r};
      if (std::isnan(grid.at(cell))) continue;
      const bool g_vis = cells[static_cast<std::size_t>(r * w + c)] == 1;
      visible += g_vis ? 1 : 0;
      n += g_vis != ours.visible(cell) ? 1 : 0;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("viewshed (GDAL 3.6 mode) equals GDALViewshedGenerate cell for cell on a lattice") {
  const bt::ElevationGrid& grid = dem();
  const DatasetPtr ds = bordersim::testing::mem_dataset(grid);
  GDALRasterBandH band = GDALRasterBand::ToHandle(ds->GetRasterBand(1));
  // 4 × 4 observers from 3 cells off the edges to the middle: clipped windows on every side.
  std::vector<bt::CellIndex> observers;
  for (const int col : {3, 140, 333, 496}) {
    for (const int row : {2, 170, 290, 497}) observers.push_back({col, row});
  }
  for (const double cc : {bt::kStandardCurvatureCoeff, 0.0}) {
    for (const double range : {3'000.0, 15'000.0, 0.0}) {  // 0: the whole grid
      bt::ViewshedParams p;
      p.sight.observer_height = 10.0;
      p.sight.target_height = 1.7;
      p.sight.curvature_coeff = cc;
      p.max_distance = range;
      p.adjacent = bt::ViewshedParams::Adjacent::kGdal36;
      for (const bt::CellIndex obs : observers) {
        if (std::isnan(grid.at(obs))) continue;
        CAPTURE(cc);
        CAPTURE(range);
        CAPTURE(obs.col);
        CAPTURE(obs.row);
        const bt::MapPoint at = grid.cell_centre(obs);
        const DatasetPtr theirs(GDALDataset::FromHandle(GDALViewshedGenerate(
            band, "MEM", "", nullptr, at.x, at.y, p.sight.observer_height, p.sight.target_height,
            1.0, 0.0, 0.0, -1.0, cc, GVM_Edge, range, nullptr, nullptr, GVOT_NORMAL, nullptr)));
        REQUIRE(theirs);
        const bt::Viewshed ours = bt::compute_viewshed(grid, obs, p);
        std::int64_t visible = 0;
        CHECK(differing(grid, *theirs, ours, visible) == 0);
        CHECK(visible > 1);  // the test sees something (it could fail)
        CHECK(ours.visible_count() == visible);
      }
    }
  }
}

TEST_CASE("viewsheds of a batch computed on threads equal those computed one by one") {
  const bt::ElevationGrid& grid = dem();
  bt::ViewshedParams p;
  p.sight.observer_height = 12.0;
  p.max_distance = 8'000.0;
  std::vector<bt::CellIndex> observers;
  for (int i = 0; i < 64; ++i) observers.push_back({7 + (i % 8) * 61, 5 + (i / 8) * 61});
  std::vector<bt::Viewshed> parallel(observers.size());
  tbb::parallel_for(std::size_t{0}, observers.size(), [&](std::size_t i) {
    parallel[i] = bt::compute_viewshed(grid, observers[i], p);
  });
  for (std::size_t i = 0; i < observers.size(); ++i) {
    const bt::Viewshed serial = bt::compute_viewshed(grid, observers[i], p);
    const bt::Viewshed::Window& w = serial.window();
    std::int64_t differ = 0;
    for (int r = w.origin.row; r < w.origin.row + w.rows; ++r) {
      for (int c = w.origin.col; c < w.origin.col + w.cols; ++c) {
        differ += serial.visible({c, r}) != parallel[i].visible({c, r}) ? 1 : 0;
      }
    }
    CHECK(differ == 0);
    CHECK(serial.visible_count() == parallel[i].visible_count());
  }
}
