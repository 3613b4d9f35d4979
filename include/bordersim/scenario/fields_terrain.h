#pragma once
// The keys of the scenario's ground (terrain_keys.h): their JSON names and valid ranges.
// Part of the one list of scenario keys (fields.h).
#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/terrain_keys.h"

namespace bordersim {

template <class V>
void visit_fields(V& v, FlatTerrainSpec& t) {
  v.field("length_km", t.length_km, Range::between(0.1, 20000.0));
  v.field("depth_km", t.depth_km, Range::positive());
}

template <class V>
void visit_fields(V& v, SyntheticTerrainSpecKeys& t) {
  v.field("length_km", t.length_km, Range::between(20.0, 20000.0));
  v.field("depth_km", t.depth_km, Range::between(8.0, 2000.0));
  v.field("foreign_depth_km", t.foreign_depth_km, Range::between(1.0, 2000.0));
  v.field("seed", t.seed);
}

// The land-cover classes' names, as scenarios and GeoJSON write them (terrain/land_cover.h).
inline const Words kCoverNames = {"desert",   "steppe", "farmland", "urban",
                                  "mountain", "swamp",  "water",    "road"};

template <class V>
void visit_fields(V& v, CoverRasterClassKeys& c) {
  v.required("value", c.value);
  v.required("cover", c.cover, kCoverNames);
}

template <class V>
void visit_fields(V& v, CoverRasterKeys& c) {
  v.required("file", c.file);
  v.required("classes", c.classes);
  v.field("unmapped", c.unmapped, kCoverNames);
  v.field("nodata", c.nodata, kCoverNames);
  v.field("band", c.band, Range::between(1, 65535));
}

template <class V>
void visit_fields(V& v, CoverPolygonKeys& c) {
  v.required("file", c.file);
  v.field("property", c.property);
  v.field("all_touched", c.all_touched);
}

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

template <class V>
void visit_fields(V& v, TerrainSpec& t) {
  v.field("flat", t.flat);
  v.field("synthetic", t.synthetic);
  v.field("files", t.files);
  v.field("cell_m", t.cell_m, Range::between(10.0, 5000.0));
  v.field("max_cells", t.max_cells, Range::between(1, 4e9));
  v.field("refraction_coefficient", t.refraction_coefficient, Range::between(0.0, 1.0));
}

template <class V>
void visit_fields(V& v, CoverOverrideKeys& c) {
  v.field("foot_speed_factor", c.foot_speed_factor, Range::between(0.0, 10.0));
  v.field("vehicle_speed_factor", c.vehicle_speed_factor, Range::between(0.0, 10.0));
  v.field("concealment", c.concealment, Range::between(0.0, 1.0));
  v.field("clutter", c.clutter, Range::between(0.0, 1000.0));
}

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
