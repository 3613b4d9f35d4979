#include "bordersim/run/layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "bordersim/run/model.h"

namespace bordersim {
namespace {

using terrain::GridGeometry;
using terrain::MapPoint;

// Whole terrain cells per raster cell: the target size rounded, at least one.
int block_cells(double terrain_cell_m) {
  return std::max(1, static_cast<int>(std::lround(kRasterCellTarget_m / terrain_cell_m)));
}

GridGeometry raster_grid(const Model& model, const TerrainSpec& keys) {
  const auto& terrain = model.geography->terrain;
  if (terrain.cover.cell_count() > 0) {
    const GridGeometry& g = terrain.cover.geometry();
    const int k = block_cells(g.cell_w);
    return {.cols = (g.cols + k - 1) / k,
            .rows = (g.rows + k - 1) / k,
            .west = g.west,
            .north = g.north,
            .cell_w = k * g.cell_w,
            .cell_h = k * g.cell_h};
  }
  // Flat ground has no grid: one over the border's box grown by the corridor's depth (at
  // least 10 km, the crossers' approach side), corners at whole cells.
  double min_x = std::numeric_limits<double>::infinity(), max_x = -min_x;
  double min_y = min_x, max_y = -min_x;
  for (const MapPoint& p : model.geography->border.vertices()) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  const double depth_km = keys.flat ? keys.flat->depth_km : 60.0;
  const double grow = 1000.0 * std::max(depth_km, 10.0);
  const double cell = kRasterCellTarget_m;
  const double west = std::floor((min_x - grow) / cell) * cell;
  const double north = std::ceil((max_y + grow) / cell) * cell;
  const double east = std::ceil((max_x + grow) / cell) * cell;
  const double south = std::floor((min_y - grow) / cell) * cell;
  return {.cols = static_cast<int>(std::lround((east - west) / cell)),
          .rows = static_cast<int>(std::lround((north - south) / cell)),
          .west = west,
          .north = north,
          .cell_w = cell,
          .cell_h = cell};
}

// The commonest class and the mean elevation of each block of terrain cells: a picture of
// the ground at the rasters' resolution, small enough to keep in every result file.
void coarse_ground(const terrain::Terrain& terrain, const GridGeometry& grid, Layout& layout) {
  if (terrain.cover.cell_count() == 0) return;
  const GridGeometry& fine = terrain.cover.geometry();
  const int k = block_cells(fine.cell_w);
  const bool has_elevation = terrain.elevation.cell_count() > 0;
  layout.land_cover.assign(static_cast<std::size_t>(grid.cell_count()), 0);
  if (has_elevation)
    layout.elevation.assign(static_cast<std::size_t>(grid.cell_count()), std::nanf(""));
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.cols; ++c) {
      std::array<int, terrain::kLandCoverCount> votes{};
      double sum = 0.0;
      int valid = 0;
      for (int fr = r * k; fr < std::min((r + 1) * k, fine.rows); ++fr) {
        for (int fc = c * k; fc < std::min((c + 1) * k, fine.cols); ++fc) {
          ++votes[static_cast<std::size_t>(terrain.cover.at({fc, fr}))];
          if (!has_elevation) continue;
          const float z = terrain.elevation.at({fc, fr});
          if (std::isnan(z)) continue;
          sum += z;
          ++valid;
        }
      }
      const std::size_t cell = grid.index({c, r});
      layout.land_cover[cell] =
          static_cast<std::uint8_t>(std::max_element(votes.begin(), votes.end()) - votes.begin());
      if (has_elevation && valid > 0) layout.elevation[cell] = static_cast<float>(sum / valid);
    }
  }
}

// The offset line at `offset` behind the border over [from, to] of arc length, with a
// point at every border vertex in between (where the line bends).
LayoutLine offset_line(const terrain::BorderFrame& border, double from, double to, double offset) {
  LayoutLine line;
  line.points.push_back(behind_border(border, from, offset));
  for (double s : border.vertex_s())
    if (s > from && s < to) line.points.push_back(behind_border(border, s, offset));
  line.points.push_back(behind_border(border, to, offset));
  return line;
}

LayoutLine lane_line(const SweepRoute& route, std::uint32_t lane) {
  LayoutLine line;
  for (const LanePiece& piece : route.pieces) {
    if (piece.lane != lane) continue;
    line.points.push_back(piece.p0);
    line.points.push_back(piece.at(piece.s1));
  }
  return line;
}

}  // namespace

bool Layout::operator==(const Layout& other) const {
  // Elevations compared bit for bit, so that NaN cells compare equal.
  const auto same_floats = [](const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](float x, float y) {
             return (std::isnan(x) && std::isnan(y)) || x == y;
           });
  };
  return crs == other.crs && grid == other.grid && border == other.border &&
         sectors == other.sectors && towers == other.towers && radars == other.radars &&
         qrf_bases == other.qrf_bases && ground_sensors == other.ground_sensors &&
         towns == other.towns && patrol_roads == other.patrol_roads &&
         drone_orbits == other.drone_orbits && rivers == other.rivers &&
         land_cover == other.land_cover && same_floats(elevation, other.elevation);
}

Layout build_layout(const Model& model, const TerrainSpec& keys) {
  Layout layout;
  const auto& terrain = model.geography->terrain;
  const auto& border = model.geography->border;
  layout.crs = terrain.cover.crs_wkt();
  layout.grid = raster_grid(model, keys);
  for (const MapPoint& p : border.vertices()) layout.border.points.push_back(p);
  for (const SectorInfo& s : model.sectors)
    layout.sectors.push_back({s.name, s.jurisdiction, s.from_m, s.to_m});
  for (const TowerSite& t : model.towers)
    layout.towers.push_back({.x_m = t.position.x, .y_m = t.position.y, .radius_m = t.range_m});
  if (const auto& radar = model.tower_radar)
    for (const TowerSite& t : model.towers)
      layout.radars.push_back(
          {.x_m = t.position.x,
           .y_m = t.position.y,
           .range_m = radar->spec.range_m,
           .bearing_deg = std::fmod(
               std::fmod(t.facing_deg + radar->spec.sector_centre_deg, 360.0) + 360.0, 360.0),
           .width_deg = std::min(radar->spec.sector_width_deg, 360.0)});
  // Teams of one base share its place: one site per base, counting its teams.
  for (std::size_t i = 0; i < model.responder_homes.size(); ++i) {
    const MapPoint home = model.responder_homes[i];
    const bool same_base = !layout.qrf_bases.empty() && i > 0 &&
                           model.responder_base[i] == model.responder_base[i - 1];
    if (same_base)
      ++layout.qrf_bases.back().count;
    else
      layout.qrf_bases.push_back({.x_m = home.x, .y_m = home.y});
  }
  for (const GroundSensorSite& g : model.ground_sensors)
    layout.ground_sensors.push_back(
        {.x_m = g.position.x, .y_m = g.position.y, .radius_m = g.radius_m});
  for (const terrain::Town& t : terrain.towns)
    layout.towns.push_back(
        {.x_m = t.position.x, .y_m = t.position.y, .radius_m = t.radius_m, .name = t.name});
  for (const PatrolSite& p : model.patrols)
    for (std::uint32_t lane = 0; lane < p.route.lane_offsets_m.size(); ++lane)
      if (LayoutLine line = lane_line(p.route, lane); !line.points.empty())
        layout.patrol_roads.push_back(std::move(line));
  for (const DroneSite& d : model.drones) {
    if (!d.random_pattern) {
      layout.drone_orbits.push_back(offset_line(border, d.from_m, d.to_m, d.offset_m));
      continue;
    }
    // The random track's box: out along its far edge, back along its near edge, closed.
    LayoutLine ring = offset_line(border, d.from_m, d.to_m, d.offset_m + 0.5 * d.depth_m);
    LayoutLine near = offset_line(border, d.from_m, d.to_m, d.offset_m - 0.5 * d.depth_m);
    ring.points.insert(ring.points.end(), near.points.rbegin(), near.points.rend());
    ring.points.push_back(ring.points.front());
    layout.drone_orbits.push_back(std::move(ring));
  }
  for (const terrain::Polyline& river : terrain.rivers) {
    layout.rivers.push_back({river.points});
  }
  coarse_ground(terrain, layout.grid, layout);
  return layout;
}

}  // namespace bordersim
