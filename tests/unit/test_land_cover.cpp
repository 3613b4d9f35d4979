// Land-cover classes, their default properties, the cover grid, burning lines into it, and
// loading cover from rasters and GeoJSON polygons through GDAL.
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <functional>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "../support/geodata_files.h"
#include "bordersim/core/error.h"
#include "bordersim/terrain/cover_io.h"
#include "bordersim/terrain/land_cover.h"
#include "bordersim/terrain/terrain.h"

namespace bt = bordersim::terrain;
namespace fs = std::filesystem;
using bordersim::InputError;
using bt::LandCover;

namespace {

const std::string kData = std::string(BORDERSIM_SOURCE_DIR) + "/tests/data/";

using bordersim::testing::TempDir;
using bordersim::testing::wkt_of_epsg;
using bordersim::testing::write_tiff;

bt::MapPoint utm37_of(double lon, double lat) {
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference utm;
  utm.importFromEPSG(32637);
  utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &utm));
  REQUIRE(ct);
  double x = lon;
  double y = lat;
  REQUIRE(ct->Transform(1, &x, &y));
  return {x, y};
}

}  // namespace

TEST_CASE("land cover: names round-trip and unknown names are refused") {
  for (std::size_t i = 0; i < bt::kLandCoverCount; ++i) {
    const auto c = static_cast<LandCover>(i);
    const auto back = bt::parse_land_cover(bt::to_string(c));
    REQUIRE(back.has_value());
    CHECK(*back == c);
  }
  CHECK(bt::to_string(LandCover::kSwamp) == "swamp");
  CHECK(bt::parse_land_cover("road") == LandCover::kRoad);
  CHECK_FALSE(bt::parse_land_cover("marsh").has_value());
  CHECK_FALSE(bt::parse_land_cover("Desert").has_value());
  CHECK_FALSE(bt::parse_land_cover("").has_value());
  CHECK(bt::land_cover_names() == "desert, steppe, farmland, urban, mountain, swamp, water, road");
}

TEST_CASE("land cover: the default table orders the classes sensibly") {
  const bt::CoverTable t = bt::default_cover_table();
  const auto p = [&t](LandCover c) { return bt::properties(t, c); };
  for (const bt::CoverProperties& c : t) {
    CHECK(c.foot_speed_factor >= 0.0);
    CHECK(c.vehicle_speed_factor >= 0.0);
    CHECK(c.vehicle_speed_factor <= 1.0);
    CHECK(c.concealment >= 0.0);
    CHECK(c.concealment <= 1.0);
    CHECK(c.clutter >= 0.0);
  }
  // Water is crossed by the river model, not walked or driven.
  CHECK(p(LandCover::kWater).foot_speed_factor == 0.0);
  CHECK(p(LandCover::kWater).vehicle_speed_factor == 0.0);
  // Roads are the fastest for vehicles and hide nothing.
  for (const bt::CoverProperties& c : t) {
    CHECK(c.vehicle_speed_factor <= p(LandCover::kRoad).vehicle_speed_factor);
  }
  CHECK(p(LandCover::kRoad).concealment == 0.0);
  // Swamp and mountain are slow; a marsh stops vehicles.
  CHECK(p(LandCover::kSwamp).foot_speed_factor < p(LandCover::kDesert).foot_speed_factor);
  CHECK(p(LandCover::kSwamp).vehicle_speed_factor == 0.0);
  CHECK(p(LandCover::kMountain).foot_speed_factor < p(LandCover::kSteppe).foot_speed_factor);
  CHECK(p(LandCover::kMountain).concealment > p(LandCover::kDesert).concealment);
  // Towns hide the most and clutter the most; the open desert hides least of the land.
  for (const bt::CoverProperties& c : t) {
    CHECK(c.concealment <= p(LandCover::kUrban).concealment);
    CHECK(c.clutter <= p(LandCover::kUrban).clutter);
  }
  for (const LandCover c :
       {LandCover::kSteppe, LandCover::kFarmland, LandCover::kMountain, LandCover::kSwamp}) {
    CHECK(p(LandCover::kDesert).concealment < p(c).concealment);
  }
}

TEST_CASE("cover grid: shares the elevation grid's geometry and checks its size") {
  const bt::GridGeometry geo{4, 3, 1000.0, 2000.0, 10.0, 20.0};
  bt::CoverGrid g(geo, "", LandCover::kSteppe);
  bt::ElevationGrid dem(geo, "");
  CHECK(g.geometry() == dem.geometry());
  CHECK(g.cell_count() == 12);
  CHECK(g.values().size_bytes() == 12);  // one byte per cell
  g.at({2, 1}) = LandCover::kUrban;
  CHECK(g.cell_centre({2, 1}).x == dem.cell_centre({2, 1}).x);
  CHECK(g.cell_centre({2, 1}).y == dem.cell_centre({2, 1}).y);
  CHECK(g.cover_at(dem.cell_centre({2, 1})) == LandCover::kUrban);
  CHECK(g.cover_at({1000.0, 2000.0}) == LandCover::kSteppe);  // the outer corner
  CHECK_FALSE(g.cover_at({1040.0, 1990.0}).has_value());      // east edge is outside
  CHECK(g.row(1)[2] == LandCover::kUrban);
  const auto h = g.histogram();
  CHECK(h[static_cast<std::size_t>(LandCover::kSteppe)] == 11);
  CHECK(h[static_cast<std::size_t>(LandCover::kUrban)] == 1);

  try {
    bt::CoverGrid huge({1'000'000, 1'000'000, 0.0, 0.0, 1.0, 1.0}, "", LandCover::kDesert,
                       bt::kDefaultMaxCells, "cover.tif", "/terrain/cover");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "cover.tif");
    CHECK(e.problem().find("exceeds the limit") != std::string::npos);
  }
  CHECK_THROWS_AS(bt::CoverGrid({2, 2, 0.0, 0.0, 0.0, 1.0}, ""), InputError);  // zero cell size
}

TEST_CASE("rasterize lines: thin lines stay 4-connected and wide lines get their width") {
  const bt::GridGeometry geo{60, 40, 0.0, 4000.0, 100.0, 100.0};
  bt::CoverGrid g(geo, "");
  // A 10 m road across the grid at a shallow slant: every column has a cell, and the road
  // cells form one 4-connected path from the west edge to the east edge.
  const bt::Polyline road{{{0.0, 1130.0}, {3000.0, 2070.0}, {6000.0, 1510.0}}};
  bt::rasterize_lines(g, std::span(&road, 1), LandCover::kRoad, 10.0);
  std::vector<bool> seen(static_cast<std::size_t>(g.cell_count()), false);
  std::queue<bt::CellIndex> todo;
  for (int r = 0; r < g.rows(); ++r) {
    if (g.at({0, r}) == LandCover::kRoad) {
      todo.push({0, r});
      seen[geo.index({0, r})] = true;
    }
  }
  REQUIRE_FALSE(todo.empty());
  bool reached_east = false;
  while (!todo.empty()) {
    const bt::CellIndex c = todo.front();
    todo.pop();
    reached_east = reached_east || c.col == g.cols() - 1;
    for (const bt::CellIndex n :
         {bt::CellIndex{c.col + 1, c.row}, bt::CellIndex{c.col - 1, c.row},
          bt::CellIndex{c.col, c.row + 1}, bt::CellIndex{c.col, c.row - 1}}) {
      if (g.contains(n) && !seen[geo.index(n)] && g.at(n) == LandCover::kRoad) {
        seen[geo.index(n)] = true;
        todo.push(n);
      }
    }
  }
  CHECK(reached_east);
  // Thin: at most 3 road cells per column on this slope.
  for (int c = 0; c < g.cols(); ++c) {
    int n = 0;
    for (int r = 0; r < g.rows(); ++r) n += g.at({c, r}) == LandCover::kRoad ? 1 : 0;
    CHECK(n >= 1);
    CHECK(n <= 3);
  }

  // A 450 m river along x = 3020: the cells whose centres lie within 225 m, i.e. the
  // columns centred at 2850 .. 3150 (and 2750 / 3250 are 270 / 230 m away: not burnt).
  bt::CoverGrid w(geo, "");
  const bt::Polyline river{{{3020.0, -100.0}, {3020.0, 4100.0}}};
  bt::rasterize_lines(w, std::span(&river, 1), LandCover::kWater, 450.0);
  for (int r = 0; r < w.rows(); ++r) {
    for (int c = 0; c < w.cols(); ++c) {
      const bool water = c >= 28 && c <= 31;
      CHECK((w.at({c, r}) == LandCover::kWater) == water);
    }
  }
  // Lines off the grid change nothing.
  bt::CoverGrid off(geo, "");
  const bt::Polyline away{{{-500.0, -500.0}, {-100.0, 9000.0}}};
  bt::rasterize_lines(off, std::span(&away, 1), LandCover::kRoad, 50.0);
  CHECK(off.histogram()[static_cast<std::size_t>(LandCover::kRoad)] == 0);
}

TEST_CASE("cover raster: nearest-neighbour onto a coarser grid in the same CRS") {
  const TempDir dir("cover_raster_same_crs");
  const fs::path file = dir.path() / "classes.tif";
  // 40 x 40 pixels of 30 m; value = 300 m block index (0..15).
  const auto value = [](int c, int r) { return c / 10 + 4 * (r / 10); };
  write_tiff(file, 32637, {500000.0, 30.0, 0.0, 3800000.0, 0.0, -30.0}, 40, 40, value);

  // 100 m cells whose centres never fall on a pixel edge (57 + 100k is no multiple of 30).
  const bt::GridGeometry geo{12, 12, 500007.0, 3799993.0, 100.0, 100.0};
  bt::CoverRasterOptions opt;
  for (int v = 0; v < 16; ++v) opt.classes.emplace_back(v, static_cast<LandCover>(v % 8));
  const bt::CoverGrid g = bt::read_cover_raster(file, geo, wkt_of_epsg(32637), opt);
  REQUIRE(g.geometry() == geo);
  for (int r = 0; r < geo.rows; ++r) {
    for (int c = 0; c < geo.cols; ++c) {
      const bt::MapPoint p = geo.cell_centre({c, r});
      const int pc = static_cast<int>(std::floor((p.x - 500000.0) / 30.0));
      const int pr = static_cast<int>(std::floor((3800000.0 - p.y) / 30.0));
      CHECK(g.at({c, r}) == static_cast<LandCover>(value(pc, pr) % 8));
    }
  }

  // Values without a class are an error naming the file and the values...
  bt::CoverRasterOptions partial = opt;
  partial.classes.resize(14);
  try {
    bt::read_cover_raster(file, geo, wkt_of_epsg(32637), partial);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == file.string());
    CHECK(e.problem().find("raster values 14, 15 are mapped to no land-cover class") !=
          std::string::npos);
  }
  // ...unless a class for them is given.
  partial.unmapped = LandCover::kRoad;
  const bt::CoverGrid with_default = bt::read_cover_raster(file, geo, wkt_of_epsg(32637), partial);
  CHECK(with_default.at({11, 11}) == LandCover::kRoad);  // value 15
  CHECK(with_default.at({0, 0}) == LandCover::kDesert);  // value 0

  // A grid reaching past the raster: an error, or the nodata class where it is given.
  const bt::GridGeometry wider{14, 12, 500007.0, 3799993.0, 100.0, 100.0};
  try {
    bt::read_cover_raster(file, wider, wkt_of_epsg(32637), opt);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.problem().find("24 of the grid's 168 cells have no data") != std::string::npos);
  }
  bt::CoverRasterOptions outside = opt;
  outside.nodata = LandCover::kWater;
  const bt::CoverGrid w = bt::read_cover_raster(file, wider, wkt_of_epsg(32637), outside);
  CHECK(w.at({12, 3}) == LandCover::kWater);
  CHECK(w.at({11, 3}) == g.at({11, 3}));

  // Duplicate mappings and a missing band are refused.
  bt::CoverRasterOptions twice = opt;
  twice.classes.emplace_back(3, LandCover::kRoad);
  CHECK_THROWS_WITH_AS(bt::read_cover_raster(file, geo, wkt_of_epsg(32637), twice),
                       doctest::Contains("raster value 3 is mapped to a class twice"), InputError);
  bt::CoverRasterOptions band2 = opt;
  band2.band = 2;
  CHECK_THROWS_WITH_AS(bt::read_cover_raster(file, geo, wkt_of_epsg(32637), band2),
                       doctest::Contains("band 2 requested, the raster has 1"), InputError);
}

TEST_CASE("cover raster: NoData pixels, reprojection from lon/lat, and unreadable files") {
  const TempDir dir("cover_raster_lonlat");
  const fs::path file = dir.path() / "lonlat.tif";
  // 0.001° pixels over 40.9..41.1 E, 34.3..34.5 N: value 1, a block of 2 at
  // [41.000, 41.010] x [34.400, 34.410], and NoData (0) in the first 20 columns.
  write_tiff(
      file, 4326, {40.9, 0.001, 0.0, 34.5, 0.0, -0.001}, 200, 200,
      [](int c, int r) {
        if (c < 20) return 0;
        return (c >= 100 && c < 110 && r >= 90 && r < 100) ? 2 : 1;
      },
      0.0);
  const bt::MapPoint centre = utm37_of(41.005, 34.405);
  const bt::GridGeometry geo{
      41, 41, std::round(centre.x) - 2050.0, std::round(centre.y) + 2050.0, 100.0, 100.0};
  bt::CoverRasterOptions opt;
  opt.classes = {{1, LandCover::kSteppe}, {2, LandCover::kFarmland}};
  const bt::CoverGrid g = bt::read_cover_raster(file, geo, wkt_of_epsg(32637), opt);
  CHECK(g.at({20, 20}) == LandCover::kFarmland);  // holds (41.005, 34.405)
  CHECK(g.at({0, 0}) == LandCover::kSteppe);      // 2 km away, NW
  CHECK(g.at({40, 40}) == LandCover::kSteppe);
  const auto h = g.histogram();
  // The 2-block is ~920 m x 1110 m: about 100 cells of 100 m.
  CHECK(h[static_cast<std::size_t>(LandCover::kFarmland)] > 80);
  CHECK(h[static_cast<std::size_t>(LandCover::kFarmland)] < 125);

  // A grid over the NoData columns (west of 40.92 E).
  const bt::MapPoint west = utm37_of(40.905, 34.4);
  const bt::GridGeometry nodata_geo{
      5, 5, std::round(west.x) - 250.0, std::round(west.y) + 250.0, 100.0, 100.0};
  CHECK_THROWS_WITH_AS(bt::read_cover_raster(file, nodata_geo, wkt_of_epsg(32637), opt),
                       doctest::Contains("25 of the grid's 25 cells have no data"), InputError);
  opt.nodata = LandCover::kDesert;
  CHECK(bt::read_cover_raster(file, nodata_geo, wkt_of_epsg(32637), opt)
            .histogram()[static_cast<std::size_t>(LandCover::kDesert)] == 25);

  // Missing and unreadable files name the file.
  const fs::path missing = dir.path() / "missing.tif";
  try {
    bt::read_cover_raster(missing, geo, wkt_of_epsg(32637), opt);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == missing.string());
    CHECK(e.problem() == "file not found");
  }
  CHECK_THROWS_WITH_AS(
      bt::read_cover_raster(kData + "cover_polygons_utm.geojson", geo, wkt_of_epsg(32637), opt),
      doctest::Contains("not a raster of an allowed format"), InputError);
}

TEST_CASE("cover polygons: burnt in file order over the grid, in the grid's CRS") {
  const bt::GridGeometry geo{10, 10, 500000.0, 3800000.0, 100.0, 100.0};
  bt::CoverGrid g(geo, wkt_of_epsg(32637), LandCover::kDesert);
  bt::burn_cover_polygons(g, kData + "cover_polygons_utm.geojson");
  for (int r = 0; r < geo.rows; ++r) {
    for (int c = 0; c < geo.cols; ++c) {
      // swamp: x 0..600, y 3799000..3799600 -> cols 0..5, rows 4..9
      // urban (later, on top): x 400..800, y 3799400..3799800 -> cols 4..7, rows 2..5
      const bool urban = c >= 4 && c <= 7 && r >= 2 && r <= 5;
      const bool swamp = c <= 5 && r >= 4;
      const LandCover want = urban   ? LandCover::kUrban
                             : swamp ? LandCover::kSwamp
                                     : LandCover::kDesert;
      CHECK(g.at({c, r}) == want);
    }
  }
  // The line and the point were skipped: no road anywhere.
  CHECK(g.histogram()[static_cast<std::size_t>(LandCover::kRoad)] == 0);
}

TEST_CASE("cover polygons: lon/lat GeoJSON is reprojected onto a UTM grid") {
  const bt::MapPoint centre = utm37_of(41.0, 34.4);
  const bt::GridGeometry geo{
      41, 41, std::round(centre.x) - 2050.0, std::round(centre.y) + 2050.0, 100.0, 100.0};
  bt::CoverGrid g(geo, wkt_of_epsg(32637), LandCover::kSteppe);
  bt::burn_cover_polygons(g, kData + "cover_polygons_lonlat.geojson");
  CHECK(g.at({20, 20}) == LandCover::kFarmland);
  CHECK(g.at({0, 0}) == LandCover::kSteppe);
  CHECK(g.at({40, 20}) == LandCover::kSteppe);
  // 0.02° x 0.02° at 34.4 N: about 1.84 km x 2.22 km, about 408 cells.
  const auto n = g.histogram()[static_cast<std::size_t>(LandCover::kFarmland)];
  CHECK(n > 370);
  CHECK(n < 450);

  // all_touched adds the cells the outline crosses without holding their centres.
  bt::CoverGrid touched(geo, wkt_of_epsg(32637), LandCover::kSteppe);
  bt::CoverPolygonOptions opt;
  opt.all_touched = true;
  bt::burn_cover_polygons(touched, kData + "cover_polygons_lonlat.geojson", opt);
  const auto m = touched.histogram()[static_cast<std::size_t>(LandCover::kFarmland)];
  CHECK(m > n + 5);
  CHECK(m < n + 100);
}

TEST_CASE("cover polygons: unknown classes and missing files are input errors naming the file") {
  const bt::GridGeometry geo{10, 10, 500000.0, 3800000.0, 100.0, 100.0};
  bt::CoverGrid g(geo, wkt_of_epsg(32637));
  const std::string bad = kData + "cover_polygons_bad.geojson";
  bt::CoverPolygonOptions opt;
  opt.pointer = "/terrain/cover/polygons";
  try {
    bt::burn_cover_polygons(g, bad, opt);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == bad);
    CHECK(e.pointer() == "/terrain/cover/polygons");
    CHECK(e.problem().find("feature 1: \"cover\" is \"marsh\", not one of desert, steppe") !=
          std::string::npos);
  }
  opt.property = "class";
  CHECK_THROWS_WITH_AS(bt::burn_cover_polygons(g, bad, opt),
                       doctest::Contains("feature 0 has no \"class\" property"), InputError);
  CHECK_THROWS_WITH_AS(bt::burn_cover_polygons(g, kData + "no_such.geojson"),
                       doctest::Contains("no_such.geojson: /: file not found"), InputError);
}
