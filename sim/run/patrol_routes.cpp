#include "patrol_routes.h"

#include <fmt/format.h>

#include "bordersim/core/error.h"
#include "bordersim/terrain/gdal_io.h"

namespace bordersim {

std::vector<MapPoint> patrol_route_points(const Model& model, const PatrolSpec& spec,
                                          std::size_t index, const std::string& file) {
  const std::string ptr = fmt::format("/sensors/patrols/{}", index);
  std::vector<MapPoint> points;
  if (spec.route_points) {
    for (const auto& p : *spec.route_points)
      points.push_back(behind_border(model.geography->border, p[0] * 1000.0, p[1]));
    return points;
  }
  // Real ground: the map plane the border and the grids were loaded onto.
  const std::string& crs_wkt = model.geography->terrain.elevation.crs_wkt();
  if (spec.route_lonlat) {
    for (std::size_t j = 0; j < spec.route_lonlat->size(); ++j) {
      const auto& p = (*spec.route_lonlat)[j];
      points.push_back(terrain::lonlat_to_map(p[0], p[1], crs_wkt, file,
                                              fmt::format("{}/route_lonlat/{}", ptr, j)));
    }
    return points;
  }
  const std::string key = ptr + "/route_file";
  terrain::LineSet lines;
  try {
    lines = terrain::read_lines(*spec.route_file, terrain::TargetCrs{crs_wkt, 0}, key);
  } catch (const InputError& e) {  // the geodata file's fault, told at the scenario's key
    if (e.file() == file) throw;
    throw InputError(file, e.pointer().empty() ? key : e.pointer(),
                     fmt::format("{} (geodata file {})", e.problem(), e.file()));
  }
  if (lines.lines.size() != 1)
    throw InputError(file, key,
                     fmt::format("expected one LineString, found {} lines (geodata file {})",
                                 lines.lines.size(), *spec.route_file));
  points = std::move(lines.lines.front().points);
  if (points.size() < 2)
    throw InputError(file, key,
                     fmt::format("a route needs at least 2 points, got {} (geodata file {})",
                                 points.size(), *spec.route_file));
  return points;
}

}  // namespace bordersim
