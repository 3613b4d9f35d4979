#pragma once
// What a map of one variant needs, as a small value: the border, sectors, sensors, roads,
// bases and a coarse picture of the ground, plus the grid that the result file's rasters
// use. Built from the Model after the build, carried in VariantResult, written to and read
// back from /variants/NAME/layout, so that `report --plots` and `merge` need no rerun and
// a file read and written again holds the same layout.
#include <cstdint>
#include <string>
#include <vector>

#include "bordersim/terrain/grid.h"

namespace bordersim {

struct Model;
struct TerrainSpec;

// A point with a radius (towers: their range; ground sensors: their disc; towns: their
// urban disc; QRF bases: 0) and a name or a count where one helps the map.
struct LayoutSite {
  double x_m = 0.0;
  double y_m = 0.0;
  double radius_m = 0.0;
  std::string name{};       // towns' names; empty elsewhere
  std::uint32_t count = 1;  // QRF bases: teams there
  friend bool operator==(const LayoutSite&, const LayoutSite&) = default;
};

struct LayoutLine {
  std::vector<terrain::MapPoint> points;
  friend bool operator==(const LayoutLine& a, const LayoutLine& b) {
    if (a.points.size() != b.points.size()) return false;
    for (std::size_t i = 0; i < a.points.size(); ++i)
      if (a.points[i].x != b.points[i].x || a.points[i].y != b.points[i].y) return false;
    return true;
  }
};

// A tower's radar (sensors.towers.radar): its place, range and azimuth sector as compass
// bearings (the sector's centre: the tower's facing plus sector_centre_deg, in [0, 360)).
struct LayoutRadar {
  double x_m = 0.0;
  double y_m = 0.0;
  double range_m = 0.0;
  double bearing_deg = 0.0;  // of the sector's centre
  double width_deg = 360.0;  // 360: all round
  friend bool operator==(const LayoutRadar&, const LayoutRadar&) = default;
};

struct LayoutSector {
  std::string name;
  std::string jurisdiction;
  double from_m = 0.0;  // arc length along the border
  double to_m = 0.0;
  friend bool operator==(const LayoutSector&, const LayoutSector&) = default;
};

// Raster cells of the result file: kRasterCellTarget_m rounded to a whole number of terrain
// cells, aligned with the terrain grid (same west/north corner), so that a raster cell is a
// block of terrain cells. On flat ground, 1 km cells over the border's box grown by the
// corridor's depth, corner at whole kilometres.
inline constexpr double kRasterCellTarget_m = 1000.0;

struct Layout {
  std::string crs;               // WKT of the map plane; "" on flat ground (a local plane)
  terrain::GridGeometry grid{};  // the rasters' grid; cols = rows = 0 when there is none
  LayoutLine border;             // home side on the left, walking from the first point
  std::vector<LayoutSector> sectors;
  std::vector<LayoutSite> towers;
  std::vector<LayoutRadar> radars;  // one per tower when the towers carry a radar
  std::vector<LayoutSite> qrf_bases;
  std::vector<LayoutSite> ground_sensors;
  std::vector<LayoutSite> towns;
  std::vector<LayoutLine> patrol_roads;  // one per patrol lane
  std::vector<LayoutLine> drone_orbits;  // a line, or a random track's box as a closed ring
  std::vector<LayoutLine> rivers;
  // On `grid`, row-major from the north-west: the commonest land-cover class of each
  // block of terrain cells (terrain::LandCover's value) and the mean elevation (NaN where
  // none). Empty on flat ground.
  std::vector<std::uint8_t> land_cover;
  std::vector<float> elevation;

  bool operator==(const Layout& other) const;
};

// The map of `model`'s variant, on terrain keyed by `keys` (a flat border's depth).
Layout build_layout(const Model& model, const TerrainSpec& keys);

}  // namespace bordersim
