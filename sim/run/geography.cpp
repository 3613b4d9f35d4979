#include "bordersim/run/geography.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/scenario/strict_json.h"
#include "bordersim/terrain/cover_io.h"
#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/synthetic.h"
#include "bordersim/terrain/synthetic_ground.h"

namespace bordersim {
namespace {

using terrain::MapPoint;
using terrain::Polyline;

std::shared_ptr<const Geography> flat_geography(const FlatTerrainSpec& flat) {
  // The border runs east along y = 0; home (y > 0) is on its left, as BorderFrame wants.
  Polyline border{{{0.0, 0.0}, {flat.length_km * 1000.0, 0.0}}};
  return std::make_shared<const Geography>(Geography{{}, terrain::BorderFrame(border)});
}

std::shared_ptr<const Geography> synthetic_geography(const TerrainSpec& spec,
                                                     const std::string& file) {
  terrain::SyntheticTerrainSpec synthetic;
  synthetic.length_km = spec.synthetic->length_km;
  synthetic.depth_km = spec.synthetic->depth_km;
  synthetic.foreign_depth_km = spec.synthetic->foreign_depth_km;
  synthetic.seed = spec.synthetic->seed;
  synthetic.cell_m = spec.cell_m;
  synthetic.max_cells = spec.max_cells;
  terrain::Terrain ground =
      terrain::generate_synthetic_terrain(synthetic, file, "/terrain/synthetic");
  terrain::BorderFrame frame(ground.border);
  return std::make_shared<const Geography>(Geography{std::move(ground), std::move(frame)});
}

// The file's lines are the border's parts in order; a file may split it into parts that
// share end points (Natural Earth does), so consecutive parts are joined where they touch.
Polyline join_parts(const std::vector<Polyline>& parts, const std::string& file) {
  // Empty lines (a LineString without points) are skipped, the first one too.
  std::size_t first = 0;
  while (first < parts.size() && parts[first].points.empty()) ++first;
  if (first == parts.size())
    throw InputError(file, "/terrain/files/border", "the file holds no line");
  Polyline joined = parts[first];
  for (std::size_t i = first + 1; i < parts.size(); ++i) {
    const auto& next = parts[i].points;
    const MapPoint end = joined.points.back();
    if (next.empty()) continue;
    if (std::hypot(next.front().x - end.x, next.front().y - end.y) > 1.0)
      throw InputError(
          file, "/terrain/files/border",
          fmt::format("line {} does not start where line {} ends: give the border as one line", i,
                      i - 1));
    joined.points.insert(joined.points.end(), next.begin() + 1, next.end());
  }
  return joined;
}

// The corridor's grid: the border's bounding box grown by the deeper side of the corridor
// (so that every point within depth_km behind or foreign_depth_km before the border is on
// it), its edges on whole multiples of the cell size. Checked against max_cells before
// anything is allocated; the fix a planner can make is the cell size, so the error says so.
terrain::GridGeometry corridor_grid(const Polyline& border, const TerrainSpec& spec,
                                    const std::string& file) {
  const double buffer = 1000.0 * std::max(spec.files->depth_km, spec.files->foreign_depth_km);
  double min_x = border.points.front().x, max_x = min_x;
  double min_y = border.points.front().y, max_y = min_y;
  for (const MapPoint& p : border.points) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  const double cell = spec.cell_m;
  const double west = std::floor((min_x - buffer) / cell) * cell;
  const double north = std::ceil((max_y + buffer) / cell) * cell;
  const auto cols = static_cast<std::int64_t>(std::ceil((max_x + buffer - west) / cell));
  const auto rows = static_cast<std::int64_t>(std::ceil((north - (min_y - buffer)) / cell));
  if (cols > spec.max_cells / rows) {
    const double cells = static_cast<double>(cols) * static_cast<double>(rows);
    const double enough =
        10.0 * std::ceil(cell * std::sqrt(cells / static_cast<double>(spec.max_cells)) / 10.0);
    throw InputError(
        file, "/terrain/cell_m",
        fmt::format("the corridor around the border ({:.0f} x {:.0f} km) at {} m cells is "
                    "{} x {} = {:.0f} cells, over /terrain/max_cells = {}; use cells of "
                    "{:.0f} m or more, or raise /terrain/max_cells (4 bytes of elevation "
                    "and 1 of cover per cell)",
                    static_cast<double>(cols) * cell / 1000.0,
                    static_cast<double>(rows) * cell / 1000.0, cell, cols, rows, cells,
                    spec.max_cells, enough));
  }
  terrain::check_grid_size(cols, rows, spec.max_cells, file, "/terrain/cell_m");
  return {static_cast<int>(cols), static_cast<int>(rows), west, north, cell, cell};
}

// The parts of `lines` inside the grid's outer edges (Liang–Barsky on each segment): a
// river leaving and re-entering the grid becomes two lines.
std::vector<Polyline> clip_lines(const std::vector<Polyline>& lines,
                                 const terrain::GridGeometry& g) {
  const double x0 = g.west, x1 = g.west + g.cols * g.cell_w;
  const double y1 = g.north, y0 = g.north - g.rows * g.cell_h;
  std::vector<Polyline> out;
  for (const Polyline& line : lines) {
    Polyline piece;
    const auto flush = [&] {
      if (piece.points.size() >= 2) out.push_back(std::move(piece));
      piece = {};
    };
    for (std::size_t i = 1; i < line.points.size(); ++i) {
      const MapPoint a = line.points[i - 1];
      const MapPoint b = line.points[i];
      const double dx = b.x - a.x, dy = b.y - a.y;
      double t0 = 0.0, t1 = 1.0;
      bool inside = true;
      for (const auto& [p, q] : {std::pair{-dx, a.x - x0}, std::pair{dx, x1 - a.x},
                                 std::pair{-dy, a.y - y0}, std::pair{dy, y1 - a.y}}) {
        if (p == 0.0) {
          inside = inside && q >= 0.0;
        } else if (p < 0.0) {
          t0 = std::max(t0, q / p);
        } else {
          t1 = std::min(t1, q / p);
        }
      }
      if (!inside || t0 > t1) {
        flush();
        continue;
      }
      const MapPoint from{a.x + t0 * dx, a.y + t0 * dy};
      const MapPoint to{a.x + t1 * dx, a.y + t1 * dy};
      if (t0 > 0.0) flush();  // entering from outside
      if (piece.points.empty()) piece.points.push_back(from);
      piece.points.push_back(to);
      if (t1 < 1.0) flush();  // leaving
    }
    flush();
  }
  return out;
}

int epsg_of_key(const std::string& crs, const std::string& file) {
  const std::optional<int> code = parse_epsg(crs);
  if (!code)
    throw InputError(file, "/terrain/files/crs",
                     fmt::format("\"{}\" is not \"EPSG:<code>\" of a metric CRS", crs));
  return *code;
}

// Errors found in a geodata file name the scenario and the key that named the file, with
// the geodata file in the message.
template <class Read>
auto from_geodata(const std::string& scenario_file, Read&& read) {
  try {
    return read();
  } catch (const InputError& e) {
    if (e.file() == scenario_file) throw;
    throw InputError(scenario_file, e.pointer(),
                     fmt::format("{} (geodata file {})", e.problem(), e.file()));
  }
}

terrain::LandCover cover_named(const std::string& name) {
  return terrain::parse_land_cover(name).value();  // the loader checked the name
}

// The user's land cover over the made-up one: a raster replaces it in every cell, then
// polygons are burnt over whichever cover is there.
void apply_user_cover(terrain::Terrain& ground, const TerrainFilesSpec& files,
                      const std::string& crs_wkt, const std::string& file) {
  if (const auto& raster = files.land_cover_raster) {
    terrain::CoverRasterOptions options;
    for (const CoverRasterClassKeys& c : raster->classes)
      options.classes.emplace_back(c.value, cover_named(c.cover));
    if (raster->unmapped) options.unmapped = cover_named(*raster->unmapped);
    if (raster->nodata) options.nodata = cover_named(*raster->nodata);
    options.band = static_cast<int>(raster->band);
    options.pointer = "/terrain/files/land_cover_raster/file";
    ground.cover = from_geodata(file, [&] {
      return terrain::read_cover_raster(raster->file, ground.cover.geometry(), crs_wkt, options);
    });
  }
  if (const auto& polygons = files.land_cover_polygons) {
    terrain::CoverPolygonOptions options;
    options.property = polygons->property;
    options.all_touched = polygons->all_touched;
    options.pointer = "/terrain/files/land_cover_polygons/file";
    from_geodata(file, [&] {
      terrain::burn_cover_polygons(ground.cover, polygons->file, options);
      return 0;
    });
  }
}

std::shared_ptr<const Geography> files_geography(const TerrainSpec& spec, const std::string& file) {
  const TerrainFilesSpec& files = *spec.files;
  terrain::TargetCrs crs;
  if (!files.crs.empty()) {
    crs.epsg = epsg_of_key(files.crs, file);
    terrain::check_metric_epsg(crs.epsg, file, "/terrain/files/crs");
  }
  const terrain::LineSet border_lines = from_geodata(
      file, [&] { return terrain::read_lines(files.border, crs, "/terrain/files/border"); });
  crs.wkt = border_lines.crs_wkt;  // everything else lands on the border's map plane

  terrain::Terrain ground;
  const MapPoint home =
      terrain::lonlat_to_map(files.home_point_lonlat[0], files.home_point_lonlat[1], crs.wkt, file,
                             "/terrain/files/home_point_lonlat");
  terrain::Polyline line;
  try {
    line = join_parts(border_lines.lines, file);
    ground.border = terrain::orient_border(line, home);
  } catch (const std::invalid_argument& e) {
    // The line itself (too short, not finite) is the border file's fault; only a home
    // point on the line is the home point's.
    const bool home_fault = std::string_view(e.what()).find("home point") != std::string_view::npos;
    if (home_fault) throw InputError(file, "/terrain/files/home_point_lonlat", e.what());
    throw InputError(file, "/terrain/files/border",
                     fmt::format("{} (geodata file {})", e.what(), files.border));
  }

  const terrain::GridGeometry grid = corridor_grid(ground.border, spec, file);
  if (!files.rivers.empty())
    ground.rivers = clip_lines(
        from_geodata(
            file, [&] { return terrain::read_lines(files.rivers, crs, "/terrain/files/rivers"); })
            .lines,
        grid);
  if (!files.towns.empty()) {
    for (terrain::Town& town : from_geodata(file, [&] {
           return terrain::read_towns(files.towns, crs, "/terrain/files/towns",
                                      files.town_people_per_km2);
         })) {
      if (grid.cell_of(town.position)) ground.towns.push_back(std::move(town));
    }
  }
  if (!files.dem.empty()) {
    // Real elevation on the corridor's grid; land cover made up around it.
    terrain::DemReadOptions options;
    options.crs = crs;
    options.grid = grid;
    options.max_cells = spec.max_cells;
    options.pointer = "/terrain/files/dem";
    ground.elevation = from_geodata(file, [&] { return terrain::read_dem(files.dem, options); });
    ground.cover = terrain::CoverGrid(grid, crs.wkt, terrain::LandCover::kDesert, spec.max_cells,
                                      file, "/terrain/cell_m");
    terrain::fill_synthetic_cover(ground, files.seed, files.river_width_m);
  } else {
    ground.elevation =
        terrain::ElevationGrid(grid, crs.wkt, spec.max_cells, file, "/terrain/cell_m");
    ground.cover = terrain::CoverGrid(grid, crs.wkt, terrain::LandCover::kDesert, spec.max_cells,
                                      file, "/terrain/cell_m");
    terrain::fill_synthetic_ground(ground, files.seed, files.river_width_m);
  }
  apply_user_cover(ground, files, crs.wkt, file);
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
