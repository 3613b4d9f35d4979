#pragma once
// The scenario's ground: flat, synthetic or from files, and the land-cover overrides. Each
// struct's members are its keys' defaults; its visit_fields, next to it, their JSON names,
// valid ranges and printing order (scenario.h has the conventions and the one list of keys;
// scenarios/README.md documents every key).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/field_rules.h"

namespace bordersim {

// Flat ground with a straight border along the x axis from 0 to length; crossers come
// from y < 0 and head for y > 0 ("behind the border"). No elevation: nothing blocks sight.
struct FlatTerrainSpec {
  double length_km = 610.0;
  double depth_km = 60.0;
};

template <class V>
void visit_fields(V& v, FlatTerrainSpec& t) {
  v.field("length_km", t.length_km, Range::between(0.1, 20000.0));
  v.field("depth_km", t.depth_km, Range::positive());
}

// The generated corridor of terrain/synthetic.h: relief, land cover, rivers, towns, roads
// and a trench, from a seed. The border runs along the x axis as for flat ground.
struct SyntheticTerrainSpecKeys {
  double length_km = 610.0;
  double depth_km = 60.0;
  double foreign_depth_km = 10.0;
  std::uint64_t seed = 7;
};

template <class V>
void visit_fields(V& v, SyntheticTerrainSpecKeys& t) {
  v.field("length_km", t.length_km, Range::between(20.0, 20000.0));
  v.field("depth_km", t.depth_km, Range::between(8.0, 2000.0));
  v.field("foreign_depth_km", t.foreign_depth_km, Range::between(1.0, 2000.0));
  v.field("seed", t.seed);
}

// Real geography: a border line (GeoJSON, lon/lat) and optionally a DEM (GeoTIFF or SRTM
// .hgt) and rivers; everything is reprojected to one metric CRS (a UTM zone chosen from
// the border's centre unless `crs` names one). Without a DEM, elevation is synthetic.
// Relative paths are relative to the scenario file.

// The land-cover classes' names, as scenarios and GeoJSON write them (terrain/land_cover.h).
inline const Words kCoverNames = {"desert",   "steppe", "farmland", "urban",
                                  "mountain", "swamp",  "water",    "road"};

// A land-cover raster of the user's (ESA WorldCover, CORINE, a planner's own), read through
// GDAL and resampled by nearest neighbour onto the corridor's grid; it replaces the made-up
// cover in every cell.
struct CoverRasterClassKeys {
  std::int64_t value = 0;  // a raster value
  std::string cover;       // the land-cover class it means ("farmland")
};

template <class V>
void visit_fields(V& v, CoverRasterClassKeys& c) {
  v.required("value", c.value);
  v.required("cover", c.cover, kCoverNames);
}

struct CoverRasterKeys {
  std::string file;                           // required
  std::vector<CoverRasterClassKeys> classes;  // required: raster value -> class
  std::optional<std::string> unmapped;        // class of values not in `classes`; absent: error
  std::optional<std::string> nodata;          // class of NoData and uncovered cells; absent: error
  std::int64_t band = 1;
};

template <class V>
void visit_fields(V& v, CoverRasterKeys& c) {
  v.required("file", c.file);
  v.required("classes", c.classes);
  v.field("unmapped", c.unmapped, kCoverNames);
  v.field("nodata", c.nodata, kCoverNames);
  v.field("band", c.band, Range::between(1, 65535));
}

// GeoJSON polygons naming their class, burnt over the cover (made up or from the raster).
struct CoverPolygonKeys {
  std::string file;                // required
  std::string property = "cover";  // the string property holding the class name
  bool all_touched = false;        // false: a cell whose centre is inside; true: any cell touched
};

template <class V>
void visit_fields(V& v, CoverPolygonKeys& c) {
  v.required("file", c.file);
  v.field("property", c.property);
  v.field("all_touched", c.all_touched);
}

struct TerrainFilesSpec {
  std::string border;                     // required
  std::vector<double> home_point_lonlat;  // [lon, lat] of a point on the home side; required
  std::string dem;                        // empty: synthetic elevation
  std::string rivers;                     // GeoJSON lines
  std::string towns;                      // GeoJSON points (Natural Earth populated places)
  std::string crs;                        // e.g. "EPSG:32637"; empty: automatic UTM
  double depth_km = 60.0;                 // corridor behind the border
  double foreign_depth_km = 10.0;         // corridor before it
  std::uint64_t seed = 7;                 // of the synthetic elevation
  double river_width_m = 200.0;          // water burnt along each river line (no width in the file)
  double town_people_per_km2 = 10000.0;  // a town's urban disc holds its population at this density
  std::optional<CoverRasterKeys> land_cover_raster;     // absent: made-up cover
  std::optional<CoverPolygonKeys> land_cover_polygons;  // absent: none
};

template <class V>
void visit_fields(V& v, TerrainFilesSpec& t) {
  v.required("border", t.border);
  v.required("home_point_lonlat", t.home_point_lonlat, Range::between(-180.0, 180.0));
  v.field("dem", t.dem);
  v.field("rivers", t.rivers);
  v.field("towns", t.towns);
  v.field("crs", t.crs);
  v.field("depth_km", t.depth_km, Range::between(1.0, 2000.0));
  v.field("foreign_depth_km", t.foreign_depth_km, Range::between(1.0, 2000.0));
  v.field("seed", t.seed);
  v.field("river_width_m", t.river_width_m, Range::between(1.0, 10000.0));
  v.field("town_people_per_km2", t.town_people_per_km2, Range::between(10.0, 1e6));
  v.field("land_cover_raster", t.land_cover_raster);
  v.field("land_cover_polygons", t.land_cover_polygons);
}

struct TerrainSpec {
  // Exactly one of these; none given means flat.
  std::optional<FlatTerrainSpec> flat;
  std::optional<SyntheticTerrainSpecKeys> synthetic;
  std::optional<TerrainFilesSpec> files;
  double cell_m = 100.0;                    // raster resolution (synthetic and files)
  std::int64_t max_cells = 200'000'000;     // larger grids are refused before allocation
  double refraction_coefficient = 0.85714;  // line of sight over a curved earth; 0: flat earth
};

template <class V>
void visit_fields(V& v, TerrainSpec& t) {
  v.field("flat", t.flat);
  v.field("synthetic", t.synthetic);
  v.field("files", t.files);
  v.field("cell_m", t.cell_m, Range::between(10.0, 5000.0));
  v.field("max_cells", t.max_cells, Range::between(1, 4e9));
  v.field("refraction_coefficient", t.refraction_coefficient, Range::between(0.0, 1.0));
}

// Overrides of one land-cover class's properties (terrain/land_cover.cpp has the defaults
// and the reasons for them); a key left out keeps its default.
struct CoverOverrideKeys {
  std::optional<double> foot_speed_factor;
  std::optional<double> vehicle_speed_factor;
  std::optional<double> concealment;
  std::optional<double> clutter;
};

template <class V>
void visit_fields(V& v, CoverOverrideKeys& c) {
  v.field("foot_speed_factor", c.foot_speed_factor, Range::between(0.0, 10.0));
  v.field("vehicle_speed_factor", c.vehicle_speed_factor, Range::between(0.0, 10.0));
  v.field("concealment", c.concealment, Range::between(0.0, 1.0));
  v.field("clutter", c.clutter, Range::between(0.0, 1000.0));
}

struct LandCoverKeys {
  std::optional<CoverOverrideKeys> desert, steppe, farmland, urban, mountain, swamp, water, road;
};

template <class V>
void visit_fields(V& v, LandCoverKeys& l) {
  v.field("desert", l.desert);
  v.field("steppe", l.steppe);
  v.field("farmland", l.farmland);
  v.field("urban", l.urban);
  v.field("mountain", l.mountain);
  v.field("swamp", l.swamp);
  v.field("water", l.water);
  v.field("road", l.road);
}

}  // namespace bordersim
