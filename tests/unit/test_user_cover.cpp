// A user's land cover on real ground: `terrain.files.land_cover_raster` replaces the
// made-up cover cell by cell, `terrain.files.land_cover_polygons` burns over it, and bad
// keys or files fail at their pointer.
#include <doctest/doctest.h>
#include <ogr_spatialref.h>

#include <fstream>
#include <memory>
#include <string>

#include "../support/geodata_files.h"
#include "../support/scenario_errors.h"
#include "bordersim/run/geography.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;
using terrain::LandCover;
using testing::pointer_of_error;

namespace {

// The head of a scenario on the real Iraq-Syria border, coarse cells; `cover` is spliced
// into terrain.files.
std::string scenario_with(const std::string& cover) {
  return R"({"terrain": {"files": {"border": ")" BORDERSIM_SOURCE_DIR
         R"(/data/real/vector/iraq_syria_boundary_ne10m_line.geojson",
         "home_point_lonlat": [43.0, 35.0], "depth_km": 10, "foreign_depth_km": 5)" +
         cover + R"(}, "cell_m": 2000}})";
}

// Longitude and latitude of a map point of the grid's CRS.
struct LonLat {
  double lon, lat;
};
class ToLonLat {
 public:
  explicit ToLonLat(const std::string& wkt) {
    map_.importFromWkt(wkt.c_str());
    map_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs84_.SetWellKnownGeogCS("WGS84");
    wgs84_.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    ct_.reset(OGRCreateCoordinateTransformation(&map_, &wgs84_));
    REQUIRE(ct_);
  }
  LonLat operator()(terrain::MapPoint p) const {
    REQUIRE(ct_->Transform(1, &p.x, &p.y));
    return {p.x, p.y};
  }

 private:
  OGRSpatialReference map_, wgs84_;
  std::unique_ptr<OGRCoordinateTransformation> ct_;
};

}  // namespace

TEST_CASE("user land cover: a raster replaces the made-up cover, polygons burn over it") {
  const testing::TempDir dir("user_cover");
  // 0.01 degree pixels over 38-45 E, 32-38 N: 1 west of 41.5 E, 2 east of it.
  const auto raster = dir.path() / "cover.tif";
  testing::write_tiff(raster, 4326, {38.0, 0.01, 0.0, 38.0, 0.0, -0.01}, 700, 600,
                      [](int c, int) { return c < 350 ? 1 : 2; });
  // North of 36 N is swamp. The parallel is densified: only vertices are reprojected, and
  // a straight edge from 38 E to 45 E would sag kilometres off 36 N on the UTM plane.
  const auto polygons = dir.path() / "swamp.geojson";
  std::string ring = "[38, 38]";
  for (int i = 0; i <= 700; ++i) ring += ", [" + std::to_string(38.0 + 0.01 * i) + ", 36]";
  std::ofstream(polygons) << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
    "properties": {"cover": "swamp"}, "geometry": {"type": "Polygon", "coordinates": [[)"
                          << ring << R"(, [45, 38], [38, 38]]]}}]})";
  const std::string raster_keys =
      R"(, "land_cover_raster": {"file": ")" + raster.string() +
      R"(", "classes": [{"value": 1, "cover": "steppe"}, {"value": 2, "cover": "farmland"}]})";
  const std::string polygon_keys =
      R"(, "land_cover_polygons": {"file": ")" + polygons.string() + R"("})";

  const auto build = [&](const std::string& cover) {
    const std::string file = (dir.path() / "s.json").string();
    return build_geography(load_scenario_text(scenario_with(cover), file).base.terrain, file);
  };
  const auto made_up = build("");
  const auto from_raster = build(raster_keys);
  const auto with_polygons = build(raster_keys + polygon_keys);

  const terrain::CoverGrid& cover = from_raster->terrain.cover;
  REQUIRE(cover.geometry() == made_up->terrain.cover.geometry());
  const ToLonLat to_lonlat(cover.crs_wkt());
  int west = 0, east = 0, swamp = 0, made_up_differs = 0;
  for (int r = 0; r < cover.geometry().rows; ++r) {
    for (int c = 0; c < cover.geometry().cols; ++c) {
      const LonLat at = to_lonlat(cover.geometry().cell_centre({c, r}));
      const LandCover got = cover.at({c, r});
      const LandCover burnt = with_polygons->terrain.cover.at({c, r});
      made_up_differs += made_up->terrain.cover.at({c, r}) != got;
      if (at.lon < 41.49) {
        CHECK(got == LandCover::kSteppe);
        ++west;
      } else if (at.lon > 41.51) {
        CHECK(got == LandCover::kFarmland);
        ++east;
      }
      if (at.lat > 36.01) {
        CHECK(burnt == LandCover::kSwamp);
        ++swamp;
      } else if (at.lat < 35.99) {
        CHECK(burnt == got);
      }
    }
  }
  // The corridor crosses 41.5 E and 36 N, so every branch above ran many times.
  CHECK(west > 100);
  CHECK(east > 100);
  CHECK(swamp > 100);
  CHECK(made_up_differs > 100);
}

TEST_CASE("user land cover: bad keys and bad files fail at their pointer") {
  const testing::TempDir dir("user_cover_errors");
  const auto raster = dir.path() / "cover.tif";
  testing::write_tiff(raster, 4326, {38.0, 0.01, 0.0, 38.0, 0.0, -0.01}, 700, 600,
                      [](int c, int) { return c < 350 ? 1 : 2; });
  const std::string file = "\"" + raster.string() + "\"";
  CHECK(pointer_of_error(scenario_with(R"(, "land_cover_raster": {"file": )" + file +
                                       R"(, "classes": [{"value": 1, "cover": "marsh"}]})")) ==
        "/terrain/files/land_cover_raster/classes/0/cover");
  CHECK(pointer_of_error(
            scenario_with(R"(, "land_cover_raster": {"file": "/no/such.tif", "classes": []})")) ==
        "/terrain/files/land_cover_raster/file");
  CHECK(pointer_of_error(scenario_with(R"(, "land_cover_raster": {"classes": []})")) ==
        "/terrain/files/land_cover_raster/file");
  // Raster value 2 means nothing: an error at the file's key unless `unmapped` says.
  const std::string only_one = R"(, "land_cover_raster": {"file": )" + file +
                               R"(, "classes": [{"value": 1, "cover": "steppe"}])";
  CHECK(pointer_of_error(scenario_with(only_one + "}")) == "/terrain/files/land_cover_raster/file");
  CHECK(pointer_of_error(scenario_with(only_one + R"(, "unmapped": "bog"})")) ==
        "/terrain/files/land_cover_raster/unmapped");
  CHECK(pointer_of_error(scenario_with(only_one + R"(, "band": 0})")) ==
        "/terrain/files/land_cover_raster/band");
  // A polygon naming no class.
  const auto polygons = dir.path() / "bad.geojson";
  std::ofstream(polygons) << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
    "properties": {"cover": "bog"}, "geometry": {"type": "Polygon",
    "coordinates": [[[38, 36], [45, 36], [45, 38], [38, 38], [38, 36]]]}}]})";
  CHECK(pointer_of_error(
            scenario_with(R"(, "land_cover_polygons": {"file": ")" + polygons.string() + "\"}")) ==
        "/terrain/files/land_cover_polygons/file");
}
