// Synthetic ground under given lines (terrain/synthetic_ground.h), towns read from GeoJSON
// points (terrain/gdal_io.h), and the `files` geography built over a real DEM.
#include <doctest/doctest.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/run/geography.h"
#include "bordersim/terrain/fingerprint.h"
#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/synthetic_ground.h"

namespace bt = bordersim::terrain;
using bt::LandCover;
using bt::MapPoint;

namespace {

// 40 km x 30 km at 100 m on a plain metric plane: a river running south-east through it,
// a town of 100 000 beside the river and a village in the open.
bt::Terrain small_terrain(double cell_m = 100.0, double west = 0.0, double north = 30000.0,
                          int cols = 400, int rows = 300) {
  bt::Terrain t;
  const bt::GridGeometry g{cols, rows, west, north, cell_m, cell_m};
  t.elevation = bt::ElevationGrid(g, "");
  t.cover = bt::CoverGrid(g, "");
  t.rivers.push_back(bt::Polyline{{{-1000, 26000}, {12000, 20000}, {25000, 12000}, {41000, 4000}}});
  t.towns.push_back(bt::Town{"river town", {14000, 22500}, bt::town_radius_m(100000.0)});
  t.towns.push_back(bt::Town{"village", {30000, 25000}, bt::town_radius_m(std::nullopt)});
  return t;
}

double distance_to(const bt::Polyline& line, MapPoint p) {
  double best = 1e300;
  for (std::size_t i = 1; i < line.points.size(); ++i) {
    const MapPoint a = line.points[i - 1];
    const MapPoint b = line.points[i];
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double t =
        std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
    best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
  }
  return best;
}

}  // namespace

TEST_CASE("synthetic ground: the same seed gives the same grids on any thread count") {
  bt::Terrain one = small_terrain();
  bt::Terrain two = small_terrain();
  bt::Terrain other = small_terrain();
  tbb::task_arena(1).execute([&] { bt::fill_synthetic_ground(one, 7); });
  tbb::task_arena(2).execute([&] { bt::fill_synthetic_ground(two, 7); });
  bt::fill_synthetic_ground(other, 8);
  CHECK(bt::fingerprint(one) == bt::fingerprint(two));
  CHECK(bt::fingerprint(one) != bt::fingerprint(other));
}

TEST_CASE("synthetic ground: elevation is finite, varies, and sinks into the river valley") {
  bt::Terrain t = small_terrain();
  bt::fill_synthetic_ground(t, 7);
  const auto range = t.elevation.elevation_range();
  REQUIRE(range);
  CHECK(range->first > 0.0f);
  CHECK(range->second < 2000.0f);
  CHECK(range->second - range->first > 50.0f);
  const auto z = t.elevation.values();
  CHECK(std::all_of(z.begin(), z.end(), [](float v) { return std::isfinite(v); }));
  // Channel cells lie below every cell 4-6 km from the river on the same row band.
  double channel = 0.0, away = 0.0;
  int n_channel = 0, n_away = 0;
  const auto& g = t.elevation.geometry();
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < g.cols; ++c) {
      const MapPoint p = g.cell_centre({c, r});
      const double d = distance_to(t.rivers[0], p);
      if (d < 50.0) channel += t.elevation.at({c, r}), ++n_channel;
      if (d > 4000.0 && d < 6000.0) away += t.elevation.at({c, r}), ++n_away;
    }
  }
  REQUIRE(n_channel > 100);
  CHECK(channel / n_channel < away / n_away - 25.0);
}

TEST_CASE("synthetic ground: rivers are water, towns urban, farmland along the river") {
  bt::Terrain t = small_terrain();
  bt::fill_synthetic_ground(t, 7);
  for (const MapPoint p : t.rivers[0].points) {
    if (auto cell = t.cover.cell_of(p)) CHECK(t.cover.at(*cell) == LandCover::kWater);
  }
  // Every cell whose centre is within 85 % of a town's radius is urban (the fray is ±12 %),
  // unless the river runs through it.
  for (const bt::Town& town : t.towns) {
    int urban = 0, inside = 0;
    const auto& g = t.cover.geometry();
    for (int r = 0; r < g.rows; ++r) {
      for (int c = 0; c < g.cols; ++c) {
        const MapPoint p = g.cell_centre({c, r});
        if (std::hypot(p.x - town.position.x, p.y - town.position.y) > 0.85 * town.radius_m)
          continue;
        ++inside;
        urban += t.cover.at({c, r}) == LandCover::kUrban || t.cover.at({c, r}) == LandCover::kWater;
      }
    }
    CAPTURE(town.name);
    CHECK(inside > 10);
    CHECK(urban == inside);
  }
  // Within 900 m of the river (but off it): farmland or swamp everywhere.
  int near = 0, green = 0;
  const auto& g = t.cover.geometry();
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < g.cols; ++c) {
      const MapPoint p = g.cell_centre({c, r});
      const double d = distance_to(t.rivers[0], p);
      const LandCover lc = t.cover.at({c, r});
      if (d < 300.0 || d > 900.0 || lc == LandCover::kUrban || lc == LandCover::kMountain) continue;
      ++near;
      green += lc == LandCover::kFarmland || lc == LandCover::kSwamp;
    }
  }
  REQUIRE(near > 500);
  CHECK(green == near);
}

TEST_CASE("synthetic ground: elevation does not depend on the grid's extent") {
  bt::Terrain whole = small_terrain();
  // The middle 20 km x 10 km, on the same cell boundaries.
  bt::Terrain part = small_terrain(100.0, 10000.0, 20000.0, 200, 100);
  bt::fill_synthetic_ground(whole, 3);
  bt::fill_synthetic_ground(part, 3);
  for (int r = 0; r < 100; r += 7) {
    for (int c = 0; c < 200; c += 7) {
      CHECK(part.elevation.at({c, r}) ==
            doctest::Approx(whole.elevation.at({c + 100, r + 100})).epsilon(1e-5));
    }
  }
}

TEST_CASE("synthetic ground: cover over a given elevation marks a steep high hill as mountain") {
  bt::Terrain t = small_terrain();
  t.rivers.clear();
  t.towns.clear();
  // A plain at 300 m with a 600 m cone 3 km in radius at (20, 15) km, and a NaN corner.
  const auto& g = t.elevation.geometry();
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < g.cols; ++c) {
      const MapPoint p = g.cell_centre({c, r});
      const double d = std::hypot(p.x - 20000.0, p.y - 15000.0);
      t.elevation.at({c, r}) =
          static_cast<float>(300.0 + std::max(0.0, 600.0 * (1.0 - d / 3000.0)));
    }
  }
  t.elevation.at({0, 0}) = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> before(t.elevation.values().begin(), t.elevation.values().end());
  bt::fill_synthetic_cover(t, 7);
  CHECK(
      std::equal(before.begin(), before.end(), t.elevation.values().begin(), [](float a, float b) {
        return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
      }));
  CHECK(t.cover.cover_at({20000.0, 15000.0}) ==
        LandCover::kMountain);  // summit: 600 m above the plain
  CHECK(t.cover.cover_at({21500.0, 15000.0}) ==
        LandCover::kMountain);  // flank: slope 20 %, 300 m up
  int mountain_on_plain = 0;
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < g.cols; ++c) {
      const MapPoint p = g.cell_centre({c, r});
      if (std::hypot(p.x - 20000.0, p.y - 15000.0) > 3200.0)
        mountain_on_plain += t.cover.at({c, r}) == LandCover::kMountain;
    }
  }
  CHECK(mountain_on_plain == 0);
  CHECK(t.cover.at({0, 0}) != LandCover::kMountain);
}

TEST_CASE("synthetic ground: grids that are missing or differ are refused") {
  bt::Terrain empty;
  CHECK_THROWS_AS(bt::fill_synthetic_ground(empty, 1), std::invalid_argument);
  bt::Terrain t = small_terrain();
  t.cover = bt::CoverGrid({10, 10, 0.0, 1000.0, 100.0, 100.0}, "");
  CHECK_THROWS_AS(bt::fill_synthetic_cover(t, 1), std::invalid_argument);
}

TEST_CASE("synthetic ground: towns from Natural Earth points with radii from population") {
  CHECK(bt::town_radius_m(std::nullopt) == 1000.0);
  CHECK(bt::town_radius_m(100.0) == 300.0);
  CHECK(bt::town_radius_m(100000.0) == doctest::Approx(1784.1).epsilon(1e-4));
  const std::string file =
      BORDERSIM_SOURCE_DIR "/data/real/vector/populated_places_border_region_ne10m.geojson";
  const bt::TargetCrs utm37{"", 32637};
  const std::vector<bt::Town> towns = bt::read_towns(file, utm37, "/terrain/files/towns");
  REQUIRE(towns.size() == 15);
  const auto mosul =
      std::find_if(towns.begin(), towns.end(), [](const bt::Town& t) { return t.name == "Mosul"; });
  REQUIRE(mosul != towns.end());
  CHECK(mosul->radius_m == doctest::Approx(bt::town_radius_m(1316000.0)));
  const bt::LineSet any = bt::read_lines(
      BORDERSIM_SOURCE_DIR "/data/real/vector/iraq_syria_boundary_ne10m_line.geojson", utm37);
  const MapPoint expected = bt::lonlat_to_map(43.143059, 36.346948, any.crs_wkt, file, "");
  CHECK(mosul->position.x == doctest::Approx(expected.x).epsilon(1e-9));
  CHECK(mosul->position.y == doctest::Approx(expected.y).epsilon(1e-9));
  CHECK_THROWS_AS(
      bt::read_towns(BORDERSIM_SOURCE_DIR "/data/real/vector/no-such-file.geojson", utm37, "/x"),
      bordersim::InputError);
}

TEST_CASE("synthetic ground: towns without a name or a population, and multipoints") {
  const auto dir = std::filesystem::temp_directory_path() / "bordersim_synthetic_ground_towns";
  std::filesystem::create_directories(dir);
  const auto file = dir / "towns.geojson";
  std::ofstream(file) << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Tall Test", "population": 400000},
     "geometry": {"type": "Point", "coordinates": [41.0, 35.0]}},
    {"type": "Feature", "properties": {"kind": "road"},
     "geometry": {"type": "LineString", "coordinates": [[41.0, 35.0], [41.1, 35.1]]}},
    {"type": "Feature", "properties": {"population": null},
     "geometry": {"type": "MultiPoint", "coordinates": [[41.2, 35.2], [41.3, 35.3]]}}]})";
  const std::vector<bt::Town> towns = bt::read_towns(file, {"", 32637});
  std::filesystem::remove_all(dir);
  REQUIRE(towns.size() == 3);
  CHECK(towns[0].name == "Tall Test");
  CHECK(towns[0].radius_m == doctest::Approx(bt::town_radius_m(400000.0)));
  CHECK(towns[1].name == "town 2");
  CHECK(towns[2].name == "town 2");
  CHECK(towns[1].radius_m == 1000.0);
  CHECK(towns[2].position.x > towns[1].position.x);
}

TEST_CASE("synthetic ground: a files border over a real DEM takes its elevation, cover made up") {
  // A 30 km border across the SRTM tile N00E010 (lon 10-11, lat 0-1), home to the north.
  const auto dir = std::filesystem::temp_directory_path() / "bordersim_synthetic_ground_test";
  std::filesystem::create_directories(dir);
  const auto border = dir / "border.geojson";
  std::ofstream(border)
      << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
    "geometry": {"type": "LineString", "coordinates": [[10.35, 0.45], [10.5, 0.5], [10.62, 0.47]]}}]})";
  bordersim::TerrainSpec spec;
  spec.files.emplace();
  spec.files->border = border.string();
  spec.files->home_point_lonlat = {10.5, 0.6};
  spec.files->dem = BORDERSIM_SOURCE_DIR "/data/real/dem/N00E010.hgt";
  spec.files->depth_km = 8;
  spec.files->foreign_depth_km = 4;
  spec.cell_m = 200;
  const auto geo = bordersim::build_geography(spec, "dem-test.json");
  const bt::Terrain& t = geo->terrain;
  CHECK(t.elevation.geometry() == t.cover.geometry());
  CHECK(t.elevation.geometry().cell_w == 200.0);
  // The tile's elevations (1-1005 m, mean 376): real, not the synthetic plain.
  const auto range = t.elevation.elevation_range();
  REQUIRE(range);
  CHECK(range->first >= 0.0f);
  CHECK(range->second <= 1006.0f);
  CHECK(range->second - range->first > 200.0f);
  // The same DEM on its own ~92 m grid agrees along the corridor, up to resampling.
  bt::DemReadOptions own_grid;
  own_grid.crs.wkt = t.elevation.crs_wkt();
  const auto ref = bt::read_dem(spec.files->dem, own_grid);
  double diff = 0.0;
  int n = 0;
  for (double s = 0; s <= geo->border.length(); s += 1000.0) {
    for (double off : {-4000.0, 0.0, 8000.0}) {
      const MapPoint p{geo->border.point_at(s).x + off * geo->border.normal_at(s).x,
                       geo->border.point_at(s).y + off * geo->border.normal_at(s).y};
      const auto here = t.elevation.elevation_at(p);
      REQUIRE(here);  // the tile covers the whole corridor: no NaN in it
      diff += std::abs(*here - *ref.elevation_at(p));
      ++n;
    }
  }
  CHECK(diff / n < 25.0);
  std::filesystem::remove_all(dir);
}
