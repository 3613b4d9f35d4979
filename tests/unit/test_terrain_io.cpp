// DEM and vector loading through GDAL, and the elevation grid's coordinate helpers.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "bordersim/core/error.h"
#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/grid.h"

namespace bt = bordersim::terrain;
using bordersim::InputError;

namespace {
const std::string kData = std::string(BORDERSIM_SOURCE_DIR) + "/data/real/";
}  // namespace

TEST_CASE("terrain grid: cell centres, cell lookup and bilinear sampling") {
  const bt::GridGeometry geo{3, 2, 1000.0, 2000.0, 10.0, 20.0};
  bt::ElevationGrid g(geo, "");
  g.at({0, 0}) = 0.0F;
  g.at({1, 0}) = 10.0F;
  g.at({2, 0}) = 20.0F;
  g.at({0, 1}) = 100.0F;
  g.at({1, 1}) = 110.0F;
  g.at({2, 1}) = std::nanf("");

  const bt::MapPoint c = g.cell_centre({1, 1});
  CHECK(c.x == doctest::Approx(1015.0));
  CHECK(c.y == doctest::Approx(1970.0));
  CHECK(g.cell_of(c) == bt::CellIndex{1, 1});
  CHECK(g.cell_of({1000.0, 2000.0}) == bt::CellIndex{0, 0});  // outer corner belongs to it
  CHECK_FALSE(g.cell_of({999.9, 1990.0}).has_value());
  CHECK_FALSE(g.cell_of({1010.0, 1960.0}).has_value());  // south edge is outside
  const bt::MapPoint back = g.to_map(g.to_grid({1012.5, 1977.0}));
  CHECK(back.x == doctest::Approx(1012.5));
  CHECK(back.y == doctest::Approx(1977.0));

  CHECK(*g.elevation_at(g.cell_centre({1, 0})) == doctest::Approx(10.0));
  // Halfway between the four centres of cells (0..1, 0..1).
  CHECK(*g.elevation_at({1010.0, 1980.0}) == doctest::Approx(55.0));
  // Inside the outer half-cell the edge value is extended.
  CHECK(*g.elevation_at({1001.0, 1999.0}) == doctest::Approx(0.0));
  CHECK_FALSE(g.elevation_at({1025.0, 1970.0}).has_value());  // NoData corner
  CHECK_FALSE(g.elevation_at({900.0, 1970.0}).has_value());   // off the grid
  const auto range = g.elevation_range();
  REQUIRE(range.has_value());
  CHECK(range->first == 0.0F);
  CHECK(range->second == 110.0F);
}

TEST_CASE("terrain grid: the cell limit is checked before allocating") {
  const bt::GridGeometry huge{1'000'000, 1'000'000, 0.0, 0.0, 1.0, 1.0};
  try {
    bt::ElevationGrid g(huge, "", bt::kDefaultMaxCells, "big.tif", "/terrain/dem");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "big.tif");
    CHECK(e.pointer() == "/terrain/dem");
    CHECK(std::string(e.what()).find(
              "grid of 1000000000000 cells exceeds the limit of 200000000") != std::string::npos);
  }
  // The same check guards a real file: the 1201 x 1201 SRTM tile against a small limit.
  bt::DemReadOptions small;
  small.max_cells = 1'000'000;
  small.pointer = "/terrain/dem";
  try {
    bt::read_dem(kData + "dem/N00E010.hgt", small);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == kData + "dem/N00E010.hgt");
    CHECK(e.problem().find("exceeds the limit of 1000000") != std::string::npos);
  }
}

TEST_CASE("terrain io: missing files, non-rasters and bad CRSs are input errors naming the file") {
  const std::string missing = kData + "dem/no_such_tile.tif";
  try {
    bt::read_dem(missing);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == missing);
    CHECK(e.problem() == "file not found");
  }
  CHECK_THROWS_AS(bt::read_lines(kData + "vector/no_such.geojson"), InputError);

  const std::string geojson = kData + "vector/iraq_syria_boundary_ne10m_line.geojson";
  try {
    bt::read_dem(geojson);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == geojson);
    CHECK(e.problem().find("not a raster") == 0);
  }

  bt::DemReadOptions geographic;
  geographic.crs.epsg = 4326;  // degrees are not metres
  CHECK_THROWS_WITH_AS(bt::read_dem(kData + "dem/N00E010.hgt", geographic),
                       doctest::Contains("not a projected CRS in metres"), InputError);
  bt::DemReadOptions unknown;
  unknown.crs.epsg = 999999;
  CHECK_THROWS_WITH_AS(bt::read_dem(kData + "dem/N00E010.hgt", unknown),
                       doctest::Contains("EPSG:999999"), InputError);
}

TEST_CASE("terrain io: UTM zone choice") {
  CHECK(bt::utm_epsg_for(10.5, 0.5) == 32632);
  CHECK(bt::utm_epsg_for(40.57, 35.24) == 32637);
  CHECK(bt::utm_epsg_for(-70.0, -33.0) == 32719);
  CHECK(bt::utm_epsg_for(5.0, 60.0) == 32632);   // Norway's exception
  CHECK(bt::utm_epsg_for(15.0, 78.0) == 32633);  // Svalbard's
  CHECK(bt::utm_epsg_for(180.0, 10.0) == 32601);
}

TEST_CASE("terrain io: an SRTM .hgt tile is reprojected to its UTM zone (32N)") {
  const bt::ElevationGrid g = bt::read_dem(kData + "dem/N00E010.hgt");
  CHECK(g.crs_wkt().find("UTM zone 32N") != std::string::npos);
  CHECK(g.crs_wkt().find("32632") != std::string::npos);
  // 3 arc-seconds at the equator is 92.6 m.
  CHECK(g.geometry().cell_w == doctest::Approx(92.6).epsilon(0.01));
  CHECK(g.geometry().cell_h == doctest::Approx(g.geometry().cell_w));
  // The tile spans lon 10-11 E: in zone 32 (central meridian 9 E) that is easting
  // ~611 km to ~722 km.
  CHECK(g.geometry().west == doctest::Approx(611'000.0).epsilon(0.002));
  const auto range = g.elevation_range();
  REQUIRE(range.has_value());
  // gdalinfo -stats on the tile: min 1, max 1005. Bilinear resampling can only pull the
  // extremes inwards, by a few metres on a 92 m grid.
  MESSAGE("reprojected .hgt: ", g.cols(), " x ", g.rows(), " cells of ", g.geometry().cell_w,
          " m, elevation ", range->first, " .. ", range->second, " m");
  CHECK(range->first >= 1.0F);
  CHECK(range->first <= 5.0F);
  CHECK(range->second <= 1005.0F);
  CHECK(range->second >= 990.0F);
  // The corners of the rotated tile fall outside the source: NoData, not zero.
  CHECK(std::isnan(g.at({0, 0})) != std::isnan(g.at({g.cols() / 2, g.rows() / 2})));
}

TEST_CASE("terrain io: a DEM already in a metric CRS is read as it is") {
  const bt::ElevationGrid g = bt::read_dem(kData + "dem/srtm3_N00E010_utm32n_crop500.tif");
  CHECK(g.cols() == 500);
  CHECK(g.rows() == 500);
  CHECK(g.geometry().cell_w == doctest::Approx(92.450051036378));
  CHECK(g.geometry().west == doctest::Approx(620462.438698134618));
  CHECK(g.geometry().north == doctest::Approx(29750.288723024125 + 500 * 92.450051036378));
  const auto range = g.elevation_range();
  REQUIRE(range.has_value());
  CHECK(range->first == 2.0F);  // README: min 2, max 909
  CHECK(range->second == 909.0F);
  CHECK(g.at({250, 250}) == 331.0F);  // observer A's ground
  CHECK(g.at({444, 254}) == 909.0F);  // observer B's
}

// The Iraq–Syria boundary (Natural Earth 1:10m, 75 vertices): 598.889 km geodesic on
// WGS 84. In UTM 37N the scale factor stays within about ±0.1 % over it.
TEST_CASE("border length: the Iraq-Syria boundary in its UTM zone is 598.9 km") {
  const bt::LineSet set = bt::read_lines(kData + "vector/iraq_syria_boundary_ne10m_line.geojson");
  CHECK(set.epsg == 32637);
  REQUIRE(set.lines.size() == 1);
  CHECK(set.lines[0].points.size() == 75);
  const double km = bt::length(set.lines[0]) / 1000.0;
  MESSAGE("Iraq-Syria boundary in UTM 37N: ", km, " km (geodesic 598.889 km)");
  CHECK(km == doctest::Approx(598.9).epsilon(0.005));
  // North end: the Turkey/Iraq/Syria tripoint at 42.3572384 E, 37.109984 N, so x is
  // east of the zone's central meridian (39 E, easting 500 km) and y is ~4100 km.
  CHECK(set.lines[0].points.front().x > 750'000.0);
  CHECK(set.lines[0].points.front().y == doctest::Approx(4'110'000.0).epsilon(0.01));

  // The original three-part MultiLineString gives the same total.
  const bt::LineSet parts = bt::read_lines(kData + "vector/iraq_syria_boundary_ne10m.geojson");
  REQUIRE(parts.lines.size() == 3);
  double total = 0.0;
  for (const bt::Polyline& l : parts.lines) total += bt::length(l);
  CHECK(total / 1000.0 == doctest::Approx(km).epsilon(1e-9));
}

TEST_CASE("border region vectors: rivers are lines, polygons and points are skipped") {
  const bt::LineSet rivers = bt::read_lines(kData + "vector/rivers_border_region_ne10m.geojson");
  CHECK(rivers.epsg == 32637);
  CHECK(rivers.lines.size() >= 4);
  // Forced into another CRS (e.g. a DEM's): the same lines, other coordinates.
  bt::TargetCrs zone38;
  zone38.epsg = 32638;
  const bt::LineSet moved =
      bt::read_lines(kData + "vector/rivers_border_region_ne10m.geojson", zone38);
  CHECK(moved.epsg == 32638);
  CHECK(moved.lines.size() == rivers.lines.size());
  CHECK(bt::read_lines(kData + "vector/iraq_syria_countries_ne50m.geojson").lines.empty());
  CHECK(
      bt::read_lines(kData + "vector/populated_places_border_region_ne10m.geojson").lines.empty());
}
