#include "bordersim/terrain/clutter.h"

#include <algorithm>
#include <cmath>

namespace bordersim::terrain {
namespace {

// Calls f(cell) for every cell of the grid whose centre lies in the box [lo, hi].
template <class F>
void for_cells_in_box(const GridGeometry& g, MapPoint lo, MapPoint hi, F&& f) {
  // Centre of column c: west + (c + ½)·w; of row r: north − (r + ½)·h.
  const double c0 = std::ceil((lo.x - g.west) / g.cell_w - 0.5);
  const double c1 = std::floor((hi.x - g.west) / g.cell_w - 0.5);
  const double r0 = std::ceil((g.north - hi.y) / g.cell_h - 0.5);
  const double r1 = std::floor((g.north - lo.y) / g.cell_h - 0.5);
  const int col0 = static_cast<int>(std::max(c0, 0.0));
  const int col1 = static_cast<int>(std::min(c1, static_cast<double>(g.cols - 1)));
  const int row0 = static_cast<int>(std::max(r0, 0.0));
  const int row1 = static_cast<int>(std::min(r1, static_cast<double>(g.rows - 1)));
  for (int r = row0; r <= row1; ++r) {
    for (int c = col0; c <= col1; ++c) f(CellIndex{c, r});
  }
}

}  // namespace

double clutter_at(const CoverGrid& cover, const CoverTable& table, MapPoint p) {
  if (cover.cell_count() == 0) return 1.0;
  const auto c = cover.cover_at(p);
  return c ? properties(table, *c).clutter : 1.0;
}

double max_clutter(const CoverTable& table) {
  double m = 0.0;
  for (const auto& p : table) m = std::max(m, p.clutter);
  return m;
}

double mean_clutter_in_disc(const CoverGrid& cover, const CoverTable& table, MapPoint centre,
                            double radius_m, const Viewshed* view) {
  if (cover.cell_count() == 0) return 1.0;
  const GridGeometry& g = cover.geometry();
  double sum = 0.0;
  std::int64_t n = 0;
  const double r2 = radius_m * radius_m;
  for_cells_in_box(g, {centre.x - radius_m, centre.y - radius_m},
                   {centre.x + radius_m, centre.y + radius_m}, [&](CellIndex c) {
                     const MapPoint p = g.cell_centre(c);
                     const double dx = p.x - centre.x, dy = p.y - centre.y;
                     if (dx * dx + dy * dy > r2) return;
                     if (view && !view->visible(c)) return;
                     sum += properties(table, cover.at(c)).clutter;
                     ++n;
                   });
  if (n > 0) return sum / static_cast<double>(n);
  if (view) return 0.0;
  return clutter_at(cover, table, centre);
}

double mean_clutter_in_box(const CoverGrid& cover, const CoverTable& table, MapPoint lo,
                           MapPoint hi) {
  if (cover.cell_count() == 0) return 1.0;
  double sum = 0.0;
  std::int64_t n = 0;
  for_cells_in_box(cover.geometry(), lo, hi, [&](CellIndex c) {
    sum += properties(table, cover.at(c)).clutter;
    ++n;
  });
  if (n > 0) return sum / static_cast<double>(n);
  return clutter_at(cover, table, {(lo.x + hi.x) / 2, (lo.y + hi.y) / 2});
}

}  // namespace bordersim::terrain
