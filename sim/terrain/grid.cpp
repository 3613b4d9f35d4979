#include "bordersim/terrain/grid.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "bordersim/core/error.h"

namespace bordersim::terrain {

void check_grid_size(std::int64_t cols, std::int64_t rows, std::int64_t max_cells,
                     std::string_view file, std::string_view pointer) {
  if (cols <= 0 || rows <= 0) {
    throw InputError(std::string(file), std::string(pointer),
                     fmt::format("grid of {} x {} cells is empty", cols, rows));
  }
  // Compare by division: cols·rows may overflow for absurd headers.
  if (cols > max_cells / rows) {
    const double cells = static_cast<double>(cols) * static_cast<double>(rows);
    throw InputError(std::string(file), std::string(pointer),
                     fmt::format("grid of {:.0f} cells exceeds the limit of {} ({} x {}; "
                                 "crop the DEM, coarsen it, or raise the limit)",
                                 cells, max_cells, cols, rows));
  }
}

void check_grid_geometry(const GridGeometry& g, std::int64_t max_cells, std::string_view file,
                         std::string_view pointer) {
  check_grid_size(g.cols, g.rows, max_cells, file, pointer);
  if (!(g.cell_w > 0.0) || !(g.cell_h > 0.0)) {
    throw InputError(std::string(file), std::string(pointer),
                     fmt::format("cell size {} x {} is not positive", g.cell_w, g.cell_h));
  }
}

MapPoint GridGeometry::to_grid(MapPoint p) const {
  return {(p.x - west) / cell_w - 0.5, (north - p.y) / cell_h - 0.5};
}

MapPoint GridGeometry::to_map(MapPoint g) const {
  return {west + (g.x + 0.5) * cell_w, north - (g.y + 0.5) * cell_h};
}

ElevationGrid::ElevationGrid(GridGeometry geometry, std::string crs_wkt, std::int64_t max_cells,
                             std::string_view file, std::string_view pointer)
    : geo_(geometry), crs_wkt_(std::move(crs_wkt)) {
  check_grid_geometry(geo_, max_cells, file, pointer);
  values_.assign(static_cast<std::size_t>(cell_count()), std::numeric_limits<float>::quiet_NaN());
}

std::span<const float> ElevationGrid::row(int r) const {
  return std::span<const float>(values_).subspan(index({0, r}),
                                                 static_cast<std::size_t>(geo_.cols));
}

std::span<float> ElevationGrid::row(int r) {
  return std::span<float>(values_).subspan(index({0, r}), static_cast<std::size_t>(geo_.cols));
}

std::optional<double> ElevationGrid::elevation_at(MapPoint p) const {
  if (values_.empty()) return std::nullopt;
  const MapPoint g = to_grid(p);
  if (!(g.x >= -0.5 && g.y >= -0.5 && g.x <= geo_.cols - 0.5 && g.y <= geo_.rows - 0.5)) {
    return std::nullopt;
  }
  const double gx = std::clamp(g.x, 0.0, geo_.cols - 1.0);
  const double gy = std::clamp(g.y, 0.0, geo_.rows - 1.0);
  const int c0 = static_cast<int>(gx);
  const int r0 = static_cast<int>(gy);
  const int c1 = std::min(c0 + 1, geo_.cols - 1);
  const int r1 = std::min(r0 + 1, geo_.rows - 1);
  const double fx = gx - c0;
  const double fy = gy - r0;
  // A corner with zero weight must not matter even when it is NoData (NaN · 0 is NaN).
  const auto lerp = [](double a, double b, double f) { return f == 0.0 ? a : a + (b - a) * f; };
  const auto along_row = [&](int r) { return lerp(at({c0, r}), at({c1, r}), fx); };
  const double top = along_row(r0);
  const double z = fy == 0.0 ? top : lerp(top, along_row(r1), fy);
  if (std::isnan(z)) return std::nullopt;  // a weighted corner is NoData
  return z;
}

std::optional<std::pair<float, float>> ElevationGrid::elevation_range() const {
  float lo = std::numeric_limits<float>::infinity();
  float hi = -std::numeric_limits<float>::infinity();
  for (const float v : values_) {
    if (std::isnan(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo > hi) return std::nullopt;
  return std::pair{lo, hi};
}

}  // namespace bordersim::terrain
