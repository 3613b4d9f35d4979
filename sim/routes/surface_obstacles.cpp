// SurfaceBuilder's edges (surface_builder.h): where rivers run, where roads bridge them,
// where they can be forded, and the obstacle bits of every edge that a river, the trench or
// a fence crosses.
#include <algorithm>
#include <cmath>
#include <utility>

#include "surface_builder.h"

namespace bordersim::routes {

using surface_edges::bit;
using surface_edges::forward_slot;
using terrain::CellIndex;
using terrain::MapPoint;
using terrain::Polyline;

namespace {

// Where segments a→b and c→d cross: the parameter along c→d, or a negative number.
double crossing(MapPoint a, MapPoint b, MapPoint c, MapPoint d) {
  const double rx = b.x - a.x, ry = b.y - a.y;
  const double sx = d.x - c.x, sy = d.y - c.y;
  const double den = rx * sy - ry * sx;
  if (den == 0.0) return -1.0;  // parallel: a line along an edge does not cross it
  const double qx = c.x - a.x, qy = c.y - a.y;
  const double t = (qx * sy - qy * sx) / den;  // along a→b
  const double u = (qx * ry - qy * rx) / den;  // along c→d
  if (t < 0.0 || t > 1.0 || u < 0.0 || u > 1.0) return -1.0;
  return u;
}

// Whether arc length s falls in a gap widened by `widen` on each side.
bool in_widened_gap(const std::vector<std::pair<double, double>>& gaps, double s, double widen) {
  return std::any_of(gaps.begin(), gaps.end(),
                     [&](const auto& g) { return s >= g.first - widen && s <= g.second + widen; });
}

}  // namespace

// Rivers: which routing cells a river line passes through, and which segments, so that
// road crossings (bridges) can be found without testing every pair.
void SurfaceBuilder::mark_rivers() {
  for (const Polyline& river : terrain_.rivers) {
    for (std::size_t i = 1; i < river.points.size(); ++i) {
      const auto seg = static_cast<std::int32_t>(river_segments_.size());
      river_segments_.push_back({river.points[i - 1], river.points[i]});
      for_cells_on(river.points[i - 1], river.points[i], [&](CellIndex c) {
        river_cell_[geo().index(c)] = 1;
        cell_river_segments_.emplace_back(static_cast<std::int64_t>(geo().index(c)), seg);
      });
    }
  }
  std::sort(cell_river_segments_.begin(), cell_river_segments_.end());
}

// A bridge is where a road line crosses a river line: the synthetic generator burns road
// over water there, so the cover and the routing agree.
void SurfaceBuilder::mark_bridges() {
  for (const Polyline& road : terrain_.roads) {
    for (std::size_t i = 1; i < road.points.size(); ++i) {
      const MapPoint a = road.points[i - 1], b = road.points[i];
      for_cells_on(a, b, [&](CellIndex c) {
        const auto key = static_cast<std::int64_t>(geo().index(c));
        auto it = std::lower_bound(cell_river_segments_.begin(), cell_river_segments_.end(),
                                   std::pair<std::int64_t, std::int32_t>{key, -1});
        for (; it != cell_river_segments_.end() && it->first == key; ++it) {
          const auto& [p, q] = river_segments_[static_cast<std::size_t>(it->second)];
          const double u = crossing(p, q, a, b);
          if (u < 0.0) continue;
          const MapPoint x{a.x + u * (b.x - a.x), a.y + u * (b.y - a.y)};
          if (const auto cell = geo().cell_of(x)) bridge_[geo().index(*cell)] = 1;
        }
      });
    }
  }
}

void SurfaceBuilder::mark_fords() {
  const ObstacleCosts& o = s_.obstacles_;
  for (const MapPoint& p : o.fords) {
    if (const auto cell = geo().cell_of(p)) ford_[geo().index(*cell)] = 1;
  }
  const double every = o.ford_every_km * 1000.0;
  if (!(every > 0.0)) return;
  for (const Polyline& river : terrain_.rivers) {
    double next = every / 2.0;  // so that a river shorter than `every` still has one
    double s0 = 0.0;
    for (std::size_t i = 1; i < river.points.size(); ++i) {
      const MapPoint a = river.points[i - 1], b = river.points[i];
      const double len = std::hypot(b.x - a.x, b.y - a.y);
      while (len > 0.0 && next <= s0 + len) {
        const double f = (next - s0) / len;
        if (const auto cell = geo().cell_of({a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)}))
          ford_[geo().index(*cell)] = 1;
        next += every;
      }
      s0 += len;
    }
  }
}

// Calls crossed(a, b, u) for every edge a→b (forward-stored) that segment p→q crosses,
// with u the parameter along p→q.
template <class F>
void SurfaceBuilder::edges_crossing(MapPoint p, MapPoint q, F&& crossed) {
  for_cells_on(p, q, [&](CellIndex x) {
    const MapPoint cx = geo().cell_centre(x);
    for (int dr = -1; dr <= 1; ++dr) {
      for (int dc = -1; dc <= 1; ++dc) {
        if (dc == 0 && dr == 0) continue;
        const CellIndex y{x.col + dc, x.row + dr};
        if (!geo().contains(y)) continue;
        const double u = crossing(cx, geo().cell_centre(y), p, q);
        if (u >= 0.0) crossed(x, y, u);
      }
    }
  });
}

void SurfaceBuilder::set_bits(CellIndex a, CellIndex b, std::uint8_t bits) {
  int dc = b.col - a.col, dr = b.row - a.row;
  CellIndex from = a;
  int slot = forward_slot(dc, dr);
  if (slot < 0) {
    from = b;
    slot = forward_slot(-dc, -dr);
  }
  s_.edges_[geo().index(from) * 4 + static_cast<std::size_t>(slot)] |= bits;
}

// Gaps narrower than a routing cell could fall between the crossing points of the grid's
// edges, so a gap is widened by 3/4 of a cell on each side: vehicles always find it, at
// the price of a gap up to a cell wider than it is.
void SurfaceBuilder::mark_barrier(const Polyline& line,
                                  const std::vector<std::pair<double, double>>& gaps,
                                  Obstacle kind) {
  const double widen = 0.75 * geo().cell_w;
  double s0 = 0.0;
  for (std::size_t i = 1; i < line.points.size(); ++i) {
    const MapPoint p = line.points[i - 1], q = line.points[i];
    const double len = std::hypot(q.x - p.x, q.y - p.y);
    edges_crossing(p, q, [&](CellIndex a, CellIndex b, double u) {
      if (!in_widened_gap(gaps, s0 + u * len, widen)) set_bits(a, b, bit(kind));
    });
    s0 += len;
  }
}

// A river crossed on an edge that leaves or enters a bridge cell costs nothing; one at a
// ford cell costs the ford's time for either mover; elsewhere, the swim (walkers only).
void SurfaceBuilder::mark_river_edges() {
  for (const auto& [p, q] : river_segments_) {
    edges_crossing(p, q, [&](CellIndex a, CellIndex b, double) {
      const std::size_t ia = geo().index(a), ib = geo().index(b);
      if (bridge_[ia] || bridge_[ib]) return;
      std::uint8_t bits = bit(Obstacle::kRiver);
      if (ford_[ia] || ford_[ib]) bits |= CostSurface::kFordBit;
      set_bits(a, b, bits);
    });
  }
}

}  // namespace bordersim::routes
