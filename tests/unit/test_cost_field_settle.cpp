// Fields from a point built in part (CostField::from_point / from_points with
// settle_first_s): every value read must be the whole field's to the bit, wherever the
// question lands (settled, on the frontier, far beyond it, in a cell no vehicle enters,
// off the grid), from one thread or many at once, and the completed field must equal the
// whole one cost for cost and link for link. The bounds are tight on purpose: most
// questions land on cells not final yet, so a reader that took a cost so far for the
// final one would fail here.
#include <doctest/doctest.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <latch>
#include <numeric>
#include <thread>
#include <vector>

#include "../support/route_corridor.h"
#include "bordersim/routes/cost_field.h"
#include "bordersim/routes/cost_surface.h"

namespace br = bordersim::routes;
namespace bt = bordersim::terrain;
using br::Mover;

namespace {

using bordersim::route_test::Corridor;
using bordersim::route_test::Fence;

template <class T>
bool same_bits(std::span<const T> a, std::span<const T> b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size_bytes()) == 0);
}

bool same_double(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// Points all over the grid and a little beyond it, in a scrambled order (so that far
// questions come before near ones and the other way round).
std::vector<bt::MapPoint> question_points(const bt::GridGeometry& g) {
  std::vector<bt::MapPoint> points;
  const double width = g.cols * g.cell_w, height = g.rows * g.cell_h;
  std::uint64_t state = 12345;
  for (int k = 0; k < 3000; ++k) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const double u = static_cast<double>(state >> 11) / 9007199254740992.0;
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const double v = static_cast<double>(state >> 11) / 9007199254740992.0;
    points.push_back(
        {g.west - 500.0 + u * (width + 1000.0), g.north + 500.0 - v * (height + 1000.0)});
  }
  return points;
}

}  // namespace

TEST_CASE("cost field built in part: every answer and the completed field are the whole one's") {
  const Corridor c(200.0, Fence::kNone);
  const br::CostSurface& s = c.surface;
  const bt::MapPoint base{30000.0, 6000.0};
  const br::CostField whole = br::CostField::from_point(s, Mover::kVehicle, base);
  REQUIRE(whole.complete());
  const auto points = question_points(s.geometry());
  // Some questions land where no vehicle goes, or the test would not cover them.
  int unreachable = 0;
  for (const bt::MapPoint p : points) unreachable += std::isinf(whole.seconds_to(p)) ? 1 : 0;
  REQUIRE(unreachable > 0);
  double max_cost = 0.0;
  for (const float x : whole.costs())
    if (std::isfinite(x)) max_cost = std::max(max_cost, static_cast<double>(x));

  for (const double first : {-1.0, 0.0, 0.02 * max_cost, 0.3 * max_cost}) {
    CAPTURE(first);
    const br::CostField part = br::CostField::from_point(s, Mover::kVehicle, base, first);
    REQUIRE_FALSE(part.complete());
    CHECK(part.settled_below() <= 0.4 * max_cost);
    int differ = 0;
    for (const bt::MapPoint p : points) {
      if (!same_double(part.seconds_to(p), whole.seconds_to(p))) ++differ;
      if (!same_double(part.cost_at(p), whole.cost_at(p))) ++differ;
    }
    CHECK(differ == 0);
    // The routes too (they follow the links back to the base).
    for (std::size_t k = 0; k < points.size(); k += 37) {
      const br::Route a = part.route_to(points[k]), b = whole.route_to(points[k]);
      CHECK(a.legs.size() == b.legs.size());
      CHECK(same_double(a.seconds(), b.seconds()));
    }
    CHECK(same_bits(part.costs(), whole.costs()));
    CHECK(same_bits(part.links(), whole.links()));
    CHECK(part.complete());
    CHECK(part.reachable_cells() == whole.reachable_cells());
  }
}

TEST_CASE("cost field built in part: many threads asking at once get the whole field's answers") {
  const Corridor c(200.0, Fence::kNone);
  const br::CostSurface& s = c.surface;
  std::vector<bt::MapPoint> sources;
  for (double x = 2000.0; x < 20000.0; x += 350.0) sources.push_back({x, 2500.0});
  const br::CostField whole = br::CostField::from_points(s, Mover::kVehicle, sources);
  const auto points = question_points(s.geometry());
  for (int round = 0; round < 3; ++round) {
    const br::CostField part = br::CostField::from_points(s, Mover::kVehicle, sources, 100.0);
    REQUIRE_FALSE(part.complete());
    std::vector<char> same(points.size(), 0);
    tbb::parallel_for(std::size_t{0}, points.size(), [&](std::size_t k) {
      const auto a = part.from_nearest_source(points[k]);
      const auto b = whole.from_nearest_source(points[k]);
      same[k] = same_double(a.seconds, b.seconds) && a.source == b.source ? 1 : 0;
    });
    CHECK(std::count(same.begin(), same.end(), 1) == static_cast<long>(points.size()));
    CHECK(same_bits(part.costs(), whole.costs()));
    CHECK(same_bits(part.links(), whole.links()));
    CHECK(same_bits(part.roots(), whole.roots()));
  }
}

TEST_CASE("cost field built in part: readers on plain threads, for ThreadSanitizer") {
  // The case above on oneTBB's workers, which TSan cannot follow (tests/tsan.supp silences
  // every report with a parallel_for frame, so it would not see two readers race): here
  // std::threads, whose start and join TSan sees, so tools/tsan.sh checks the readers'
  // acquire of settled_below, their relaxed loads of costs and the resumes under the lock.
  const Corridor c(200.0, Fence::kNone);
  const br::CostSurface& s = c.surface;
  const bt::MapPoint base{30000.0, 6000.0};
  const br::CostField whole = br::CostField::from_point(s, Mover::kVehicle, base);
  const auto points = question_points(s.geometry());
  // Fresh fields, each asked by all the threads from the same instant (a latch), so that
  // resumes run while others read: TSan reports only accesses it sees unordered.
  constexpr std::size_t kThreads = 4;
  for (int round = 0; round < 6; ++round) {
    CAPTURE(round);
    const br::CostField part = br::CostField::from_point(s, Mover::kVehicle, base, -1.0);
    std::latch start(kThreads);
    std::vector<int> differ(kThreads, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        // Each thread its own order through the points, near and far mixed, and each kind
        // of question: a cost, the seconds, a bound, a route (links) back to the base.
        for (std::size_t j = 0; j < points.size(); j += 3) {
          const std::size_t k = (j * (2 * t + 1) + 97 * t + 31 * round) % points.size();
          const bt::MapPoint p = points[k];
          if (!same_double(part.cost_at(p), whole.cost_at(p))) ++differ[t];
          if (!same_double(part.seconds_to(p), whole.seconds_to(p))) ++differ[t];
          const double want = whole.seconds_to(p), got = part.seconds_to_or_more(p, 600.0);
          if (want < 600.0 ? !same_double(got, want) : !(got >= 600.0 && got <= want)) ++differ[t];
          if (k % 29 == 0 && !same_double(part.route_to(p).seconds(), whole.route_to(p).seconds()))
            ++differ[t];
        }
      });
    }
    for (std::thread& t : threads) t.join();
    CHECK(std::accumulate(differ.begin(), differ.end(), 0) == 0);
    CHECK(same_bits(part.costs(), whole.costs()));
    CHECK(same_bits(part.links(), whole.links()));
  }
}

TEST_CASE("cost field built in part: seconds_to_or_more is exact below `enough`, a bound above") {
  const Corridor c(200.0, Fence::kNone);
  const br::CostSurface& s = c.surface;
  const bt::MapPoint base{30000.0, 6000.0};
  const br::CostField whole = br::CostField::from_point(s, Mover::kVehicle, base);
  const auto points = question_points(s.geometry());
  double max_cost = 0.0;
  for (const float x : whole.costs())
    if (std::isfinite(x)) max_cost = std::max(max_cost, static_cast<double>(x));
  const br::CostField part = br::CostField::from_point(s, Mover::kVehicle, base, -1.0);
  int exact = 0, bounds = 0, wrong = 0;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const double want = whole.seconds_to(points[k]);
    // Near questions answered exactly, far ones by a bound (the field settles a quarter).
    const double enough = (k % 2 == 0 ? 0.25 : 0.1) * max_cost;
    const double got = part.seconds_to_or_more(points[k], enough);
    if (want < enough) {
      exact += 1;
      wrong += same_double(got, want) ? 0 : 1;
    } else {
      bounds += same_double(got, want) ? 0 : 1;
      wrong += got >= enough && got <= want ? 0 : 1;
    }
  }
  CHECK(wrong == 0);
  CHECK(exact > 100);
  CHECK(bounds > 100);  // answered by a bound, not settled that far
  CHECK(same_bits(part.costs(), whole.costs()));
  CHECK(same_bits(part.links(), whole.links()));
}

TEST_CASE(
    "cost field built in part: a paused queue holds a key per cell on the settled edge at most") {
  // What a paused field keeps between resumes, for as long as it lives, and what the
  // memory estimate counts per QRF base (CostField::kFrontierBytesPerCell): keys only for
  // cells not final yet next to a final one, stale keys dropped, no room beyond.
  const Corridor c(200.0, Fence::kNone);
  const br::CostSurface& s = c.surface;
  const bt::GridGeometry& g = s.geometry();
  const bt::MapPoint base{30000.0, 6000.0};
  const br::CostField whole = br::CostField::from_point(s, Mover::kVehicle, base);
  const std::span<const float> cost = whole.costs();
  double max_cost = 0.0;
  for (const float x : cost)
    if (std::isfinite(x)) max_cost = std::max(max_cost, static_cast<double>(x));
  // The cells not final below `below` with a final neighbour: the only ones a key in the
  // queue can be for (a key is pushed by a neighbour as it becomes final).
  const auto edge_cells = [&](double below) {
    std::size_t edge = 0;
    for (int row = 0; row < g.rows; ++row) {
      for (int col = 0; col < g.cols; ++col) {
        if (static_cast<double>(cost[g.index({col, row})]) < below) continue;
        bool next_to_final = false;
        for (int dr = -1; dr <= 1; ++dr)
          for (int dc = -1; dc <= 1; ++dc) {
            const bt::CellIndex n{col + dc, row + dr};
            if (g.contains(n) && static_cast<double>(cost[g.index(n)]) < below)
              next_to_final = true;
          }
        edge += next_to_final ? 1 : 0;
      }
    }
    return edge;
  };
  const auto cells = static_cast<std::size_t>(g.cell_count());
  // Paused at the build, then resumed farther and farther by questions about a far point.
  const br::CostField part = br::CostField::from_point(s, Mover::kVehicle, base, 0.05 * max_cost);
  const bt::MapPoint far{g.west + 100.0, g.north - 100.0};
  for (const double share : {0.0, 0.1, 0.3, 0.6, 0.9}) {
    CAPTURE(share);
    if (share > 0.0) (void)part.seconds_to_or_more(far, share * max_cost);
    REQUIRE_FALSE(part.complete());
    const double below = part.settled_below();
    CHECK(part.frontier_bytes() > 0);
    CHECK(part.frontier_bytes() <= edge_cells(below) * sizeof(std::uint64_t));
    CHECK(part.frontier_bytes() <= cells * br::CostField::kFrontierBytesPerCell);
  }
  // Complete: the queue is freed.
  CHECK(same_bits(part.costs(), whole.costs()));
  CHECK(part.frontier_bytes() == 0);
}
