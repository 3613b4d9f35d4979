#include "bordersim/run/geography.h"

#include <cmath>
#include <fmt/format.h>

#include "bordersim/core/error.h"
#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/synthetic.h"

namespace bordersim {
namespace {

using terrain::MapPoint;
using terrain::Polyline;

std::shared_ptr<const Geography> flat_geography(const FlatTerrainSpec& flat) {
  // The border runs east along y = 0; home (y > 0) is on its left, as BorderFrame wants.
  Polyline border{{{0.0, 0.0}, {flat.length_km * 1000.0, 0.0}}};
  return std::make_shared<const Geography>(Geography{{}, terrain::BorderFrame(border)});
}

std::shared_ptr<const Geography> synthetic_geography(const TerrainSpec& spec, const std::string& file) {
  terrain::SyntheticTerrainSpec synthetic;
  synthetic.length_km = spec.synthetic->length_km;
  synthetic.depth_km = spec.synthetic->depth_km;
  synthetic.foreign_depth_km = spec.synthetic->foreign_depth_km;
  synthetic.seed = spec.synthetic->seed;
  synthetic.cell_m = spec.cell_m;
  synthetic.max_cells = spec.max_cells;
  terrain::Terrain ground = terrain::generate_synthetic_terrain(synthetic, file, "/terrain/synthetic");
  terrain::BorderFrame frame(ground.border);
  return std::make_shared<const Geography>(Geography{std::move(ground), std::move(frame)});
}

// The longest line of the file is the border; a file may split it into parts that share
// end points (Natural Earth does), so consecutive parts are joined where they touch.
Polyline join_parts(const std::vector<Polyline>& parts, const std::string& file) {
  if (parts.empty()) throw InputError(file, "/terrain/files/border", "the file holds no line");
  Polyline joined = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const auto& next = parts[i].points;
    const MapPoint end = joined.points.back();
    if (next.empty()) continue;
    if (std::hypot(next.front().x - end.x, next.front().y - end.y) > 1.0)
      throw InputError(file, "/terrain/files/border",
                       fmt::format("line {} does not start where line {} ends: give the border as one line", i, i - 1));
    joined.points.insert(joined.points.end(), next.begin() + 1, next.end());
  }
  return joined;
}

std::shared_ptr<const Geography> files_geography(const TerrainSpec& spec, const std::string& file) {
  const TerrainFilesSpec& files = *spec.files;
  terrain::TargetCrs crs;
  if (!files.crs.empty()) {
    if (!files.crs.starts_with("EPSG:"))
      throw InputError(file, "/terrain/files/crs", "expected \"EPSG:<code>\" of a metric CRS");
    crs.epsg = std::atoi(files.crs.c_str() + 5);
  }
  const terrain::LineSet border_lines = terrain::read_lines(files.border, crs, "/terrain/files/border");
  crs.wkt = border_lines.crs_wkt;  // everything else lands on the border's map plane

  terrain::Terrain ground;
  const MapPoint home = terrain::lonlat_to_map(files.home_point_lonlat[0], files.home_point_lonlat[1],
                                               crs.wkt, file, "/terrain/files/home_point_lonlat");
  try {
    ground.border = terrain::orient_border(join_parts(border_lines.lines, file), home);
  } catch (const std::invalid_argument& e) {
    throw InputError(file, "/terrain/files/home_point_lonlat", e.what());
  }
  if (!files.rivers.empty())
    ground.rivers = terrain::read_lines(files.rivers, crs, "/terrain/files/rivers").lines;
  if (!files.dem.empty()) {
    terrain::DemReadOptions options;
    options.crs = crs;
    options.max_cells = spec.max_cells;
    options.pointer = "/terrain/files/dem";
    ground.elevation = terrain::read_dem(files.dem, options);
  }
  terrain::BorderFrame frame(ground.border);
  return std::make_shared<const Geography>(Geography{std::move(ground), std::move(frame)});
}

}  // namespace

std::shared_ptr<const Geography> build_geography(const TerrainSpec& spec, const std::string& file) {
  if (spec.synthetic) return synthetic_geography(spec, file);
  if (spec.files) return files_geography(spec, file);
  return flat_geography(spec.flat.value_or(FlatTerrainSpec{}));
}

}  // namespace bordersim
