#include "bordersim/terrain/grid_walk.h"

#include <cmath>
#include <limits>

namespace bordersim::terrain {

void walk_cells(const GridGeometry& grid, MapPoint a, MapPoint b,
                const std::function<void(CellIndex, double, double)>& visit) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // Continuous (column, row) coordinates: cell (c, r) spans [c, c+1) × [r, r+1).
  const double ax = (a.x - grid.west) / grid.cell_w;
  const double ay = (grid.north - a.y) / grid.cell_h;
  const double dx = (b.x - grid.west) / grid.cell_w - ax;
  const double dy = (grid.north - b.y) / grid.cell_h - ay;
  auto col = static_cast<long>(std::floor(ax));
  auto row = static_cast<long>(std::floor(ay));
  const int step_c = dx > 0 ? 1 : -1;
  const int step_r = dy > 0 ? 1 : -1;
  // Parameter t at which the segment next crosses a column (row) boundary, and per cell.
  double next_c =
      dx != 0 ? ((dx > 0 ? static_cast<double>(col + 1) : static_cast<double>(col)) - ax) / dx
              : kInf;
  double next_r =
      dy != 0 ? ((dy > 0 ? static_cast<double>(row + 1) : static_cast<double>(row)) - ay) / dy
              : kInf;
  const double delta_c = dx != 0 ? 1.0 / std::abs(dx) : kInf;
  const double delta_r = dy != 0 ? 1.0 / std::abs(dy) : kInf;
  double t = 0.0;
  while (t < 1.0) {
    const double t_next = std::min({next_c, next_r, 1.0});
    const CellIndex cell{static_cast<int>(col), static_cast<int>(row)};
    if (col >= 0 && row >= 0 && col < grid.cols && row < grid.rows && t_next > t)
      visit(cell, t, t_next);
    if (t_next >= 1.0) break;
    if (next_c <= next_r) {
      col += step_c;
      next_c += delta_c;
    } else {
      row += step_r;
      next_r += delta_r;
    }
    t = t_next;
  }
}

}  // namespace bordersim::terrain
