// CostField's solver against the first one, kept here as the reference: a binary heap of
// (cost, cell) entries calling CostSurface::edge_parts for every edge. The fields must be
// equal to the bit (costs, links and roots), since routes, the regression cases and the
// route field cache's reuse all rest on them: on the generated corridor (slopes, trench,
// rivers, fords, a fence with gaps, roads), on flat ground (where every cost ties many
// others, so the tie order counts) and with a hazard weighting the edges.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <vector>

#include "../support/route_corridor.h"
#include "../support/route_test_ground.h"
#include "bordersim/routes/cost_field.h"
#include "bordersim/routes/cost_surface.h"

namespace br = bordersim::routes;
namespace bt = bordersim::terrain;
using br::Mover;
using br::Obstacle;

namespace {

// The first solver's result.
struct ReferenceField {
  std::vector<float> cost;
  std::vector<std::int32_t> link, root;
};

// The first solver's heap entry: ties break on the cell index.
struct Entry {
  float cost;
  std::int32_t cell;
  friend bool operator>(const Entry& a, const Entry& b) {
    return a.cost != b.cost ? a.cost > b.cost : a.cell > b.cell;
  }
};

// The first solver, as it was (cost_field.cpp before the radix heap), on the public API.
void reference_solve(const br::CostSurface& s, Mover mover, ReferenceField& f,
                     std::span<const float> risk, double aversion_s, bool towards_sources) {
  constexpr int kSteps[8][2] = {{1, 0},  {1, 1},   {0, 1},  {-1, 1},
                                {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
  const bt::GridGeometry& g = s.geometry();
  const auto cell_at = [&](std::size_t i) {
    return bt::CellIndex{static_cast<int>(i % static_cast<std::size_t>(g.cols)),
                         static_cast<int>(i / static_cast<std::size_t>(g.cols))};
  };
  const auto first_obstacle = [](std::uint8_t bits, int k) {
    int seen = 0;
    for (const Obstacle o : {Obstacle::kTrench, Obstacle::kFence, Obstacle::kRiver}) {
      if ((bits & (1u << static_cast<unsigned>(o))) == 0) continue;
      if (seen++ == k) return o;
    }
    return Obstacle::kNone;
  };
  std::vector<Entry> heap;
  for (std::size_t i = 0; i < f.cost.size(); ++i)
    if (f.cost[i] == 0.0f) heap.push_back({0.0f, static_cast<std::int32_t>(i)});
  std::make_heap(heap.begin(), heap.end(), std::greater<>());
  const bool weighted = !risk.empty() && aversion_s > 0.0;
  const br::ObstacleCosts& obstacles = s.obstacles();
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    const Entry top = heap.back();
    heap.pop_back();
    const auto vi = static_cast<std::size_t>(top.cell);
    if (top.cost > f.cost[vi]) continue;
    const bt::CellIndex v = cell_at(vi);
    for (const auto& step : kSteps) {
      const bt::CellIndex u{v.col + step[0], v.row + step[1]};
      if (!g.contains(u)) continue;
      const std::size_t ui = g.index(u);
      if (f.cost[ui] <= top.cost) continue;
      const bt::CellIndex from = towards_sources ? u : v;
      const bt::CellIndex to = towards_sources ? v : u;
      const br::CostSurface::EdgeParts parts = s.edge_parts(mover, from, to);
      double w = parts.total();
      if (!std::isfinite(w)) continue;
      if (weighted) {
        const double r_from = risk[g.index(from)], r_to = risk[g.index(to)];
        double detections = parts.first_half_s * r_from + parts.second_half_s * r_to;
        if (parts.obstacle_bits != 0) {
          const double mean = 0.5 * (r_from + r_to);
          for (int k = 0; k < 3; ++k) {
            const Obstacle o = first_obstacle(parts.obstacle_bits, k);
            if (o == Obstacle::kNone) break;
            const double t =
                o == Obstacle::kRiver && (parts.obstacle_bits & br::CostSurface::kFordBit)
                    ? obstacles.ford_crossing_s
                    : obstacles.crossing_seconds(o, mover);
            detections += t * obstacles.detection_factor(o) * mean;
          }
        }
        w += aversion_s * detections;
      }
      const auto candidate = static_cast<float>(top.cost + w);
      if (candidate < f.cost[ui]) {
        f.cost[ui] = candidate;
        f.link[ui] = static_cast<std::int32_t>(vi);
        if (!f.root.empty()) f.root[ui] = f.root[vi];
        heap.push_back({candidate, static_cast<std::int32_t>(ui)});
        std::push_heap(heap.begin(), heap.end(), std::greater<>());
      }
    }
  }
}

ReferenceField empty_field(const br::CostSurface& s) {
  const auto n = static_cast<std::size_t>(s.geometry().cell_count());
  return {std::vector<float>(n, std::numeric_limits<float>::infinity()),
          std::vector<std::int32_t>(n, -1),
          {}};
}

ReferenceField reference_to_depth(const br::CostSurface& s, Mover mover,
                                  const bt::BorderFrame& border, double goal_m,
                                  std::span<const float> risk = {}, double aversion_s = 0.0) {
  ReferenceField f = empty_field(s);
  const bt::GridGeometry& g = s.geometry();
  for (std::size_t i = 0; i < f.cost.size(); ++i) {
    const bt::CellIndex c{static_cast<int>(i % static_cast<std::size_t>(g.cols)),
                          static_cast<int>(i / static_cast<std::size_t>(g.cols))};
    if (!std::isfinite(s.pace(mover, c))) continue;
    if (border.project(g.cell_centre(c)).offset >= goal_m) f.cost[i] = 0.0f;
  }
  reference_solve(s, mover, f, risk, aversion_s, true);
  return f;
}

ReferenceField reference_from_points(const br::CostSurface& s, Mover mover,
                                     const std::vector<bt::MapPoint>& sources) {
  ReferenceField f = empty_field(s);
  const bt::GridGeometry& g = s.geometry();
  f.root.assign(f.cost.size(), -1);
  for (std::size_t k = 0; k < sources.size(); ++k) {
    const auto c = g.cell_of(sources[k]);
    if (!c || f.root[g.index(*c)] >= 0) continue;
    f.cost[g.index(*c)] = 0.0f;
    f.root[g.index(*c)] = static_cast<std::int32_t>(k);
  }
  reference_solve(s, mover, f, {}, 0.0, false);
  return f;
}

ReferenceField reference_from_point(const br::CostSurface& s, Mover mover, bt::MapPoint source) {
  ReferenceField f = empty_field(s);
  if (const auto c = s.geometry().cell_of(source)) f.cost[s.geometry().index(*c)] = 0.0f;
  reference_solve(s, mover, f, {}, 0.0, false);
  return f;
}

template <class T>
bool same_bits(std::span<const T> a, const std::vector<T>& b) {
  // memcmp of an empty span would pass a null pointer (undefined, UBSan says so).
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size_bytes()) == 0);
}

// Equal to the bit, and a field that reaches something (an empty field proves nothing).
void check_same(const br::CostField& got, const ReferenceField& want) {
  CHECK(same_bits(got.costs(), want.cost));
  CHECK(same_bits(got.links(), want.link));
  CHECK(same_bits(got.roots(), want.root));
  CHECK(got.reachable_cells() > 1000);
}

// The generated corridor with everything a field can meet, the fence with gaps included.
using bordersim::route_test::Corridor;
using bordersim::route_test::Fence;

}  // namespace

TEST_CASE(
    "cost field solver: equal to the bit to the reference on the corridor, every kind of field") {
  for (const double cell_m : {250.0, 150.0}) {
    CAPTURE(cell_m);
    const Corridor c(cell_m, Fence::kWithGaps);
    const br::CostSurface& s = c.surface;
    const bt::GridGeometry& g = s.geometry();
    // The corridor must hold every obstacle kind, or this test would not cover them.
    int bits = 0;
    for (std::uint8_t b : s.forward_edge_obstacles()) bits |= b;
    REQUIRE((bits & (1 << static_cast<int>(Obstacle::kTrench))) != 0);
    REQUIRE((bits & (1 << static_cast<int>(Obstacle::kFence))) != 0);
    REQUIRE((bits & (1 << static_cast<int>(Obstacle::kRiver))) != 0);
    REQUIRE((bits & br::CostSurface::kFordBit) != 0);

    for (const Mover m : {Mover::kFoot, Mover::kVehicle}) {
      CAPTURE(static_cast<int>(m));
      check_same(br::CostField::to_depth(s, m, c.border, 8000.0),
                 reference_to_depth(s, m, c.border, 8000.0));
      const bt::MapPoint base{30000.0, 6000.0};
      check_same(br::CostField::from_point(s, m, base), reference_from_point(s, m, base));
    }
    // A hazard band along the border's first half, and a patch of it beyond the fence.
    std::vector<float> risk(static_cast<std::size_t>(g.cell_count()), 0.0f);
    for (int r = 0; r < g.rows; ++r) {
      for (int col = 0; col < g.cols; ++col) {
        const bt::MapPoint p = g.cell_centre({col, r});
        if ((p.x < 30000.0 && std::abs(p.y) < 1500.0) ||
            (p.x > 40000.0 && p.y > 700.0 && p.y < 2000.0))
          risk[g.index({col, r})] = 0.01f + 0.001f * static_cast<float>(col % 7);
      }
    }
    for (const Mover m : {Mover::kFoot, Mover::kVehicle})
      check_same(br::CostField::to_depth(s, m, c.border, 8000.0, risk, 300.0),
                 reference_to_depth(s, m, c.border, 8000.0, risk, 300.0));
    // A patrol road's sources, two of them in one cell (the first claims it).
    std::vector<bt::MapPoint> sources;
    for (double x = 1000.0; x < 60000.0; x += 1700.0) sources.push_back({x, 1500.0});
    sources.push_back({1010.0, 1510.0});
    check_same(br::CostField::from_points(s, Mover::kVehicle, sources),
               reference_from_points(s, Mover::kVehicle, sources));
  }
}

TEST_CASE(
    "cost field solver: equal to the bit to the reference where costs tie (flat and desert "
    "ground)") {
  // Uniform pace: many cells reached at equal cost by several paths, so links depend on the
  // order in which ties pop.
  const bt::Terrain flat = bordersim::route_test::flat_ground(20000.0);
  const bt::Terrain desert = bordersim::route_test::desert_ground(20000.0, 8000.0, 2000.0, 100.0);
  for (const bt::Terrain* t : {&flat, &desert}) {
    const bt::BorderFrame border(t->border);
    br::SurfaceOptions options;
    options.flat_margin_m = 4000.0;
    const br::CostSurface s =
        br::CostSurface::build(*t, bt::default_cover_table(), {}, 200.0, 1.0, 10.0, options);
    for (const Mover m : {Mover::kFoot, Mover::kVehicle}) {
      check_same(br::CostField::to_depth(s, m, border, 3000.0),
                 reference_to_depth(s, m, border, 3000.0));
      const bt::MapPoint p{10000.0, 1000.0};
      check_same(br::CostField::from_point(s, m, p), reference_from_point(s, m, p));
    }
    // Many equal links: ties must have been met for the test to mean anything.
    const br::CostField f = br::CostField::from_point(s, Mover::kFoot, {10000.0, 1000.0});
    std::vector<float> costs(f.costs().begin(), f.costs().end());
    std::sort(costs.begin(), costs.end());
    CHECK(std::adjacent_find(costs.begin(), costs.end()) != costs.end());
  }
}
