#include "bordersim/routes/cost_surface.h"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "bordersim/terrain/grid_walk.h"

namespace bordersim::routes {

using terrain::CellIndex;
using terrain::GridGeometry;
using terrain::LandCover;
using terrain::MapPoint;
using terrain::Polyline;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kInfF = std::numeric_limits<float>::infinity();

// The forward edges stored per cell, (dcol, drow), rows running south.
constexpr int kForward[4][2] = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}};

int forward_slot(int dc, int dr) {
  for (int i = 0; i < 4; ++i) {
    if (kForward[i][0] == dc && kForward[i][1] == dr) return i;
  }
  return -1;
}

std::uint8_t bit(Obstacle o) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(o)); }

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

GridGeometry routing_geometry(const terrain::Terrain& terrain, double cell_m,
                              const SurfaceOptions& options) {
  const GridGeometry& fine = terrain.cover.geometry();
  std::int64_t cols = 0, rows = 0;
  GridGeometry g;
  g.cell_w = g.cell_h = cell_m;
  if (terrain.cover.cell_count() > 0) {
    g.west = fine.west;
    g.north = fine.north;
    cols = static_cast<std::int64_t>(std::ceil(fine.cols * fine.cell_w / cell_m - 1e-9));
    rows = static_cast<std::int64_t>(std::ceil(fine.rows * fine.cell_h / cell_m - 1e-9));
  } else {
    double min_x = kInf, min_y = kInf, max_x = -kInf, max_y = -kInf;
    for (const MapPoint& p : terrain.border.points) {
      min_x = std::min(min_x, p.x);
      min_y = std::min(min_y, p.y);
      max_x = std::max(max_x, p.x);
      max_y = std::max(max_y, p.y);
    }
    const double m = options.flat_margin_m;
    g.west = std::floor((min_x - m) / cell_m) * cell_m;
    g.north = std::ceil((max_y + m) / cell_m) * cell_m;
    cols = static_cast<std::int64_t>(std::ceil((max_x + m - g.west) / cell_m));
    rows = static_cast<std::int64_t>(std::ceil((g.north - (min_y - m)) / cell_m));
  }
  terrain::check_grid_size(std::max<std::int64_t>(cols, 1), std::max<std::int64_t>(rows, 1),
                           options.max_cells, options.file, options.pointer);
  g.cols = static_cast<int>(std::max<std::int64_t>(cols, 1));
  g.rows = static_cast<int>(std::max<std::int64_t>(rows, 1));
  return g;
}

// What the terrain cells inside one routing cell add up to.
struct CellTally {
  std::int32_t land = 0, water = 0;
  std::int32_t foot_passable = 0, vehicle_passable = 0;
  double foot_inverse = 0.0, vehicle_inverse = 0.0;  // Σ 1 / speed factor over passable cells
  double elevation_sum = 0.0;
  std::int32_t elevation_n = 0;
  bool road = false;
};

}  // namespace

// Builds the surface step by step; a friend of CostSurface.
class SurfaceBuilder {
 public:
  SurfaceBuilder(CostSurface& s, const terrain::Terrain& terrain, const terrain::CoverTable& table,
                 double foot_speed, double vehicle_speed)
      : s_(s),
        terrain_(terrain),
        table_(table),
        foot_speed_(foot_speed),
        vehicle_speed_(vehicle_speed) {
    const auto n = static_cast<std::size_t>(s_.geo_.cell_count());
    river_cell_.assign(n, 0);
    bridge_.assign(n, 0);
    ford_.assign(n, 0);
  }

  void run() {
    mark_rivers();
    mark_bridges();
    mark_fords();
    cell_paces();
    s_.edges_.assign(static_cast<std::size_t>(s_.geo_.cell_count()) * 4, 0);
    if (terrain_.trench)
      mark_barrier(terrain_.trench->line, terrain_.trench->gaps_m, Obstacle::kTrench);
    for (const Barrier& fence : s_.obstacles_.fences)
      mark_barrier(fence.line, fence.gaps_m, Obstacle::kFence);
    mark_river_edges();
  }

 private:
  const GridGeometry& geo() const { return s_.geo_; }

  template <class F>
  void for_cells_on(MapPoint a, MapPoint b, F&& visit) {
    terrain::walk_cells(geo(), a, b, [&](CellIndex c, double, double) { visit(c); });
  }

  // Rivers: which routing cells a river line passes through, and which segments, so that
  // road crossings (bridges) can be found without testing every pair.
  void mark_rivers() {
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
  void mark_bridges() {
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

  void mark_fords() {
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

  void cell_paces() {
    const auto n = static_cast<std::size_t>(geo().cell_count());
    s_.foot_pace_.assign(n, kInfF);
    s_.vehicle_pace_.assign(n, kInfF);
    s_.elevation_.assign(n, 0.0f);
    if (terrain_.cover.cell_count() == 0) {  // flat ground: open ground at nominal speed
      std::fill(s_.foot_pace_.begin(), s_.foot_pace_.end(), static_cast<float>(1.0 / foot_speed_));
      std::fill(s_.vehicle_pace_.begin(), s_.vehicle_pace_.end(),
                static_cast<float>(1.0 / vehicle_speed_));
      return;
    }
    const GridGeometry& fine = terrain_.cover.geometry();
    const bool has_elevation = terrain_.elevation.cell_count() == terrain_.cover.cell_count();
    const auto add = [&](CellTally& t, CellIndex f) {
      const LandCover lc = terrain_.cover.at(f);
      if (has_elevation) {
        const float h = terrain_.elevation.at(f);
        if (!std::isnan(h)) {
          t.elevation_sum += h;
          ++t.elevation_n;
        }
      }
      if (lc == LandCover::kWater) {
        ++t.water;
        return;
      }
      ++t.land;
      if (lc == LandCover::kRoad) t.road = true;
      const terrain::CoverProperties& p = terrain::properties(table_, lc);
      if (p.foot_speed_factor > 0.0) {
        ++t.foot_passable;
        t.foot_inverse += 1.0 / p.foot_speed_factor;
      }
      if (p.vehicle_speed_factor > 0.0) {
        ++t.vehicle_passable;
        t.vehicle_inverse += 1.0 / p.vehicle_speed_factor;
      }
    };
    // The routing cell holding a terrain cell's centre, as geo().cell_of finds it: its row
    // depends on the centre's y alone and its column on x alone, so each is looked up once
    // (-1: off the routing grid).
    std::vector<int> coarse_row(static_cast<std::size_t>(fine.rows));
    std::vector<int> coarse_col(static_cast<std::size_t>(fine.cols));
    for (int r = 0; r < fine.rows; ++r) {
      const double fr = std::floor((geo().north - fine.cell_centre({0, r}).y) / geo().cell_h);
      coarse_row[static_cast<std::size_t>(r)] =
          fr >= 0.0 && fr < geo().rows ? static_cast<int>(fr) : -1;
    }
    for (int c = 0; c < fine.cols; ++c) {
      const double fc = std::floor((fine.cell_centre({c, 0}).x - geo().west) / geo().cell_w);
      coarse_col[static_cast<std::size_t>(c)] =
          fc >= 0.0 && fc < geo().cols ? static_cast<int>(fc) : -1;
    }
    // The first terrain row of each routing row (fine.rows: none); its rows are a run, since
    // rows run south on both grids.
    std::vector<int> rows_from(static_cast<std::size_t>(geo().rows), fine.rows);
    for (int r = fine.rows - 1; r >= 0; --r) {
      const int row = coarse_row[static_cast<std::size_t>(r)];
      if (row >= 0) rows_from[static_cast<std::size_t>(row)] = r;
    }
    const double road_foot = terrain::properties(table_, LandCover::kRoad).foot_speed_factor;
    const double road_vehicle = terrain::properties(table_, LandCover::kRoad).vehicle_speed_factor;
    // Routing row by routing row on TBB's threads, each tallying its own cells: a cell adds
    // its terrain cells in the same order (rows, then columns) as one pass over the terrain.
    tbb::parallel_for(
        tbb::blocked_range<int>(0, geo().rows, 4), [&](const tbb::blocked_range<int>& range) {
          std::vector<CellTally> tally(static_cast<std::size_t>(geo().cols));
          for (int row = range.begin(); row != range.end(); ++row) {
            std::fill(tally.begin(), tally.end(), CellTally{});
            for (int r = rows_from[static_cast<std::size_t>(row)];
                 r < fine.rows && coarse_row[static_cast<std::size_t>(r)] == row; ++r) {
              for (int c = 0; c < fine.cols; ++c) {
                const int col = coarse_col[static_cast<std::size_t>(c)];
                if (col >= 0) add(tally[static_cast<std::size_t>(col)], {c, r});
              }
            }
            for (int c = 0; c < geo().cols; ++c) {
              CellTally& t = tally[static_cast<std::size_t>(c)];
              // Routing cells finer than the terrain's hold no terrain cell centre: they take
              // the terrain cell under their own centre.
              if (t.land + t.water == 0) {
                if (const auto f = fine.cell_of(geo().cell_centre({c, row}))) add(t, *f);
              }
              const std::size_t i = geo().index({c, row});
              if (t.elevation_n > 0)
                s_.elevation_[i] = static_cast<float>(t.elevation_sum / t.elevation_n);
              s_.foot_pace_[i] = pace(t, t.foot_passable, t.foot_inverse, road_foot, foot_speed_,
                                      river_cell_[i] != 0);
              s_.vehicle_pace_[i] = pace(t, t.vehicle_passable, t.vehicle_inverse, road_vehicle,
                                         vehicle_speed_, bridge_[i] != 0 || ford_[i] != 0);
            }
          }
        });
  }

  // See cost_surface.h for the rules.
  static float pace(const CellTally& t, std::int32_t passable, double inverse_sum,
                    double road_factor, double speed, bool all_water_passable) {
    if (t.road && road_factor > 0.0) return static_cast<float>(1.0 / (speed * road_factor));
    if (t.land == 0)
      return t.water > 0 && all_water_passable ? static_cast<float>(1.0 / speed) : kInfF;
    const std::int32_t blocked = t.land - passable;
    if (passable == 0 || 2 * blocked > t.land) return kInfF;
    return static_cast<float>(inverse_sum / passable / speed);
  }

  // Calls crossed(a, b, u) for every edge a→b (forward-stored) that segment p→q crosses,
  // with u the parameter along p→q.
  template <class F>
  void edges_crossing(MapPoint p, MapPoint q, F&& crossed) {
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

  void set_bits(CellIndex a, CellIndex b, std::uint8_t bits) {
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
  void mark_barrier(const Polyline& line, const std::vector<std::pair<double, double>>& gaps,
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
  void mark_river_edges() {
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

  CostSurface& s_;
  const terrain::Terrain& terrain_;
  const terrain::CoverTable& table_;
  double foot_speed_, vehicle_speed_;
  std::vector<std::uint8_t> river_cell_, bridge_, ford_;
  std::vector<std::pair<MapPoint, MapPoint>> river_segments_;
  std::vector<std::pair<std::int64_t, std::int32_t>> cell_river_segments_;
};

CostSurface CostSurface::build(const terrain::Terrain& terrain, const terrain::CoverTable& cover,
                               const ObstacleCosts& obstacles, double cell_m, double foot_speed_mps,
                               double vehicle_speed_mps, const SurfaceOptions& options) {
  if (!(cell_m > 0.0) || !(foot_speed_mps > 0.0) || !(vehicle_speed_mps > 0.0))
    throw std::invalid_argument("CostSurface::build: cell size and speeds must be positive");
  CostSurface s;
  s.geo_ = routing_geometry(terrain, cell_m, options);
  s.obstacles_ = obstacles;
  s.options_ = options;
  SurfaceBuilder(s, terrain, cover, foot_speed_mps, vehicle_speed_mps).run();
  return s;
}

double CostSurface::pace(Mover mover, CellIndex c) const {
  const std::size_t i = geo_.index(c);
  return mover == Mover::kFoot ? foot_pace_[i] : vehicle_pace_[i];
}

std::uint8_t CostSurface::edge_obstacles(CellIndex a, CellIndex b) const {
  const int dc = b.col - a.col, dr = b.row - a.row;
  if (int slot = forward_slot(dc, dr); slot >= 0)
    return edges_[geo_.index(a) * 4 + static_cast<std::size_t>(slot)];
  if (int slot = forward_slot(-dc, -dr); slot >= 0)
    return edges_[geo_.index(b) * 4 + static_cast<std::size_t>(slot)];
  return 0;
}

double CostSurface::slope_pace_factor(Mover mover, double grade) const {
  if (mover == Mover::kFoot) {
    // Tobler (1993): v = 6 exp(−3.5 |g + 0.05|) km/h, 5.04 km/h on the flat.
    return std::exp(3.5 * (std::abs(grade + 0.05) - 0.05));
  }
  if (std::abs(grade) > options_.vehicle_max_grade) return kInf;
  return 1.0 + std::abs(grade) / options_.vehicle_half_speed_grade;
}

CostSurface::EdgeParts CostSurface::edge_parts(Mover mover, CellIndex a, CellIndex b) const {
  EdgeParts parts;
  const int dc = b.col - a.col, dr = b.row - a.row;
  if (!geo_.contains(a) || !geo_.contains(b) || std::abs(dc) > 1 || std::abs(dr) > 1 ||
      (dc == 0 && dr == 0)) {
    parts.first_half_s = kInf;
    return parts;
  }
  const double dx = dc * geo_.cell_w, dy = dr * geo_.cell_h;
  const double half = 0.5 * std::sqrt(dx * dx + dy * dy);
  const std::size_t ia = geo_.index(a), ib = geo_.index(b);
  const double grade = (elevation_[ib] - elevation_[ia]) / (2.0 * half);
  const double slope = grade == 0.0 ? 1.0 : slope_pace_factor(mover, grade);
  const std::vector<float>& paces = mover == Mover::kFoot ? foot_pace_ : vehicle_pace_;
  parts.first_half_s = half * paces[ia] * slope;
  parts.second_half_s = half * paces[ib] * slope;
  parts.obstacle_bits = edge_obstacles(a, b);
  if (parts.obstacle_bits != 0) {
    const auto has = [&](Obstacle o) { return (parts.obstacle_bits & bit(o)) != 0; };
    if (has(Obstacle::kTrench))
      parts.obstacle_s += obstacles_.crossing_seconds(Obstacle::kTrench, mover);
    if (has(Obstacle::kFence))
      parts.obstacle_s += obstacles_.crossing_seconds(Obstacle::kFence, mover);
    if (has(Obstacle::kRiver)) {
      parts.obstacle_s += (parts.obstacle_bits & kFordBit) != 0
                              ? obstacles_.ford_crossing_s
                              : obstacles_.crossing_seconds(Obstacle::kRiver, mover);
    }
  }
  return parts;
}

double CostSurface::edge_seconds(Mover mover, CellIndex a, CellIndex b) const {
  return edge_parts(mover, a, b).total();
}

}  // namespace bordersim::routes
