#pragma once
// Land cover from real data through GDAL, onto a grid chosen beforehand (normally the
// DEM's): a classified raster (ESA WorldCover, CORINE, a planner's own) resampled by
// nearest neighbour, and GeoJSON polygons naming their class. Every failure is an
// InputError naming the file.
//
// CRSs: data are reprojected into `crs_wkt`, the grid's CRS. When either side has no CRS
// (an empty crs_wkt, a raster without one) both are taken to be on the same plane and
// only the georeferencing is used.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bordersim/terrain/grid.h"
#include "bordersim/terrain/land_cover.h"

namespace bordersim::terrain {

struct CoverRasterOptions {
  // Raster value → class. The band is read as 32-bit integers.
  std::vector<std::pair<std::int64_t, LandCover>> classes;
  // Class for values not in `classes`; empty: such a value is an error.
  std::optional<LandCover> unmapped;
  // Class for grid cells the raster does not cover or has NoData for; empty: an error.
  std::optional<LandCover> nodata;
  int band = 1;
  std::string pointer;  // JSON pointer of the scenario field that named the file
};

// A cover grid with `geometry` and `crs_wkt` from the raster's band, nearest-neighbour
// resampled (each grid cell takes the raster pixel under its centre).
CoverGrid read_cover_raster(const std::filesystem::path& file, const GridGeometry& geometry,
                            const std::string& crs_wkt, const CoverRasterOptions& options);

struct CoverPolygonOptions {
  std::string property = "cover";  // a string property holding the class name ("swamp")
  // false: a cell takes a polygon's class when its centre lies inside the polygon;
  // true: when the polygon touches the cell at all.
  bool all_touched = false;
  std::string pointer;
};

// Burns the Polygons and MultiPolygons of every layer into `grid` in file order, a later
// polygon over an earlier one; cells outside every polygon keep their class, and other
// geometry kinds are skipped. A feature whose property is missing or names no class is an
// error that names the feature (its 0-based position in its layer) and the value.
void burn_cover_polygons(CoverGrid& grid, const std::filesystem::path& file,
                         const CoverPolygonOptions& options = {});

}  // namespace bordersim::terrain
