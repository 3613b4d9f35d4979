#include "bordersim/routes/cost_field.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

#include "cost_field_frontier.h"
#include "huge_page_buffer.h"

namespace bordersim::routes {

using terrain::CellIndex;
using terrain::GridGeometry;
using terrain::MapPoint;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kInfF = std::numeric_limits<float>::infinity();

CellIndex cell_at(const GridGeometry& g, std::size_t i) {
  return {static_cast<int>(i % static_cast<std::size_t>(g.cols)),
          static_cast<int>(i / static_cast<std::size_t>(g.cols))};
}

Obstacle first_obstacle(std::uint8_t bits, int k) {
  // The k-th obstacle in the order trench, fence, river (the order they are crossed in
  // does not matter to the simulator: they all sit at the edge's midpoint).
  int seen = 0;
  for (const Obstacle o : {Obstacle::kTrench, Obstacle::kFence, Obstacle::kRiver}) {
    if ((bits & (1u << static_cast<unsigned>(o))) == 0) continue;
    if (seen++ == k) return o;
  }
  return Obstacle::kNone;
}

// Appends a moving leg, merging it into the previous one when that one is also moving, in
// the same direction and at the same speed.
void append_move(Route& route, MapPoint to, double seconds) {
  const MapPoint from = route.end();
  const double dx = to.x - from.x, dy = to.y - from.y;
  const double len = std::hypot(dx, dy);
  if (len == 0.0 && seconds == 0.0) return;
  if (route.legs.size() >= 1 && route.legs.back().obstacle == Obstacle::kNone) {
    const MapPoint before =
        route.legs.size() >= 2 ? route.legs[route.legs.size() - 2].to : route.start;
    RouteLeg& last = route.legs.back();
    const double px = last.to.x - before.x, py = last.to.y - before.y;
    const double plen = std::hypot(px, py);
    const bool collinear = plen > 0.0 && len > 0.0 &&
                           std::abs(px * dy - py * dx) <= 1e-9 * plen * len &&
                           px * dx + py * dy > 0.0;
    if (collinear && std::abs(last.seconds / plen - seconds / len) <= 1e-9 * (seconds / len)) {
      last.to = to;
      last.seconds += seconds;
      return;
    }
  }
  route.legs.push_back({to, seconds, Obstacle::kNone});
}

}  // namespace

CostField::CostField() = default;
CostField::CostField(CostField&&) noexcept = default;
CostField& CostField::operator=(CostField&&) noexcept = default;
CostField::~CostField() = default;

// Nothing reached yet: every cell at infinite cost, no links.
// (On huge pages: a field is tens of MB on a real corridor, touched first right here.)
CostField::CostField(const CostSurface& surface, Mover mover, bool to_goal)
    : surface_(&surface), mover_(mover), to_goal_(to_goal) {
  const auto n = static_cast<std::size_t>(surface.geometry().cell_count());
  assign_on_huge_pages(cost_, n, kInfF);
  assign_on_huge_pages(link_, n, std::int32_t{-1});
}

CostField CostField::to_depth(const CostSurface& surface, Mover mover,
                              const terrain::BorderFrame& border, double goal_depth_m,
                              std::span<const float> risk_per_s, double aversion_s) {
  const GridGeometry& g = surface.geometry();
  const auto n = static_cast<std::size_t>(g.cell_count());
  if (!risk_per_s.empty() && risk_per_s.size() != n)
    throw std::invalid_argument(
        "CostField::to_depth: risk_per_s must have one value per routing cell");
  CostField f(surface, mover, true);
  // The goal test, a projection on the border per cell, row by row on TBB's threads (each
  // row writes its own cells).
  const std::span<const float> pace = surface.paces(mover);
  tbb::parallel_for(tbb::blocked_range<int>(0, g.rows, 8), [&](const tbb::blocked_range<int>& r) {
    for (int row = r.begin(); row != r.end(); ++row) {
      for (int col = 0; col < g.cols; ++col) {
        const std::size_t i = g.index({col, row});
        if (!std::isfinite(pace[i])) continue;
        if (border.project(g.cell_centre({col, row})).offset >= goal_depth_m) f.cost_[i] = 0.0f;
      }
    }
  });
  f.solve(risk_per_s, aversion_s, true);
  return f;
}

CostField CostField::from_point(const CostSurface& surface, Mover mover, MapPoint source,
                                double settle_first_s) {
  const GridGeometry& g = surface.geometry();
  CostField f(surface, mover, false);
  f.source_ = source;
  f.source_cell_ = g.cell_of(source);
  if (const auto c = f.source_cell_) {
    f.cost_[g.index(*c)] = 0.0f;
    f.source_stub_s_ = f.stub_seconds(source, *c);
  }
  f.solve_from_sources(settle_first_s);
  return f;
}

CostField CostField::from_points(const CostSurface& surface, Mover mover,
                                 std::span<const MapPoint> sources, double settle_first_s) {
  const GridGeometry& g = surface.geometry();
  CostField f(surface, mover, false);
  assign_on_huge_pages(f.root_, f.cost_.size(), std::int32_t{-1});
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const auto c = g.cell_of(sources[k]);
    if (!c || f.root_[g.index(*c)] >= 0) continue;
    f.cost_[g.index(*c)] = 0.0f;
    f.root_[g.index(*c)] = static_cast<std::int32_t>(k);
  }
  f.solve_from_sources(settle_first_s);
  return f;
}

double CostField::cost_at(MapPoint p) const {
  const auto c = surface_->geometry().cell_of(p);
  return c ? static_cast<double>(final_cost(surface_->geometry().index(*c))) : kInf;
}

std::optional<CellIndex> CostField::entry_cell(MapPoint p) const {
  const GridGeometry& g = surface_->geometry();
  const auto pc = g.cell_of(p);
  if (!pc) return std::nullopt;
  if (std::isfinite(final_cost(g.index(*pc)))) return pc;
  // p's own cell is out of reach (a vehicle's start in a swamp cell): the nearby cell, within
  // kEntryReachCells, with the least field value plus the straight stub to it.
  std::optional<CellIndex> best;
  double best_total = kInf;
  for (int dr = -kEntryReachCells; dr <= kEntryReachCells; ++dr) {
    for (int dc = -kEntryReachCells; dc <= kEntryReachCells; ++dc) {
      const CellIndex c{pc->col + dc, pc->row + dr};
      if (!g.contains(c)) continue;
      const double field = final_cost(g.index(c));
      if (!std::isfinite(field)) continue;
      const double total = field + stub_seconds(p, c);
      if (total < best_total) {
        best_total = total;
        best = c;
      }
    }
  }
  return best;
}

double CostField::stub_seconds(MapPoint p, CellIndex c) const {
  const MapPoint centre = surface_->geometry().cell_centre(c);
  const double d = std::hypot(centre.x - p.x, centre.y - p.y);
  return d == 0.0 ? 0.0 : d * surface_->pace(mover_, c);
}

Route CostField::walk(MapPoint p, bool down) const {
  const GridGeometry& g = surface_->geometry();
  Route route;
  route.start = down ? p : source_;
  const auto pc = entry_cell(p);
  if (!pc) return route;
  // The cells in the order of travel.
  std::vector<std::size_t> cells;
  for (std::int64_t i = static_cast<std::int64_t>(g.index(*pc)); i >= 0;
       i = link_[static_cast<std::size_t>(i)])
    cells.push_back(static_cast<std::size_t>(i));
  if (!down) std::reverse(cells.begin(), cells.end());

  const CellIndex first = cell_at(g, cells.front());
  append_move(route, g.cell_centre(first), stub_seconds(route.start, first));
  for (std::size_t k = 1; k < cells.size(); ++k) {
    const CellIndex a = cell_at(g, cells[k - 1]);
    const CellIndex b = cell_at(g, cells[k]);
    const CostSurface::EdgeParts parts = surface_->edge_parts(mover_, a, b);
    if (parts.obstacle_bits == 0) {
      append_move(route, g.cell_centre(b), parts.total());
      continue;
    }
    const MapPoint ca = g.cell_centre(a), cb = g.cell_centre(b);
    const MapPoint mid{(ca.x + cb.x) / 2.0, (ca.y + cb.y) / 2.0};
    append_move(route, mid, parts.first_half_s);
    const ObstacleCosts& obstacles = surface_->obstacles();
    for (int j = 0; j < 3; ++j) {
      const Obstacle o = first_obstacle(parts.obstacle_bits, j);
      if (o == Obstacle::kNone) break;
      const double t = o == Obstacle::kRiver && (parts.obstacle_bits & CostSurface::kFordBit)
                           ? obstacles.ford_crossing_s
                           : obstacles.crossing_seconds(o, mover_);
      route.legs.push_back({mid, t, o});
    }
    append_move(route, cb, parts.second_half_s);
  }
  if (!down) append_move(route, p, stub_seconds(p, cell_at(g, cells.back())));
  return route;
}

Route CostField::route_from(MapPoint p) const {
  if (!to_goal_) throw std::logic_error("CostField::route_from needs a to_depth field");
  return walk(p, true);
}

Route CostField::route_to(MapPoint p) const {
  if (to_goal_) throw std::logic_error("CostField::route_to needs a from_point field");
  return walk(p, false);
}

double CostField::seconds_to(MapPoint p) const {
  if (to_goal_) throw std::logic_error("CostField::seconds_to needs a from_point field");
  const GridGeometry& g = surface_->geometry();
  const auto pc = entry_cell(p);
  if (!pc || !source_cell_) return kInf;
  return source_stub_s_ + final_cost(g.index(*pc)) + stub_seconds(p, *pc);
}

CostField::FromSource CostField::from_nearest_source(MapPoint p) const {
  if (root_.empty())
    throw std::logic_error("CostField::from_nearest_source needs a from_points field");
  const GridGeometry& g = surface_->geometry();
  const auto pc = entry_cell(p);
  if (!pc) return {kInf, 0};
  const auto root = static_cast<std::size_t>(root_[g.index(*pc)]);
  return {final_cost(g.index(*pc)) + stub_seconds(p, *pc), root};
}

std::int64_t CostField::reachable_cells() const {
  complete_all();
  return std::count_if(cost_.begin(), cost_.end(), [](float c) { return std::isfinite(c); });
}

}  // namespace bordersim::routes
