// The index of moving and fixed segments against brute force on random data.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "bordersim/random/stream.h"
#include "bordersim/run/segment_index.h"

using namespace bordersim;
using terrain::MapPoint;

namespace {

struct Mover {
  MapPoint a, b;
  Time t_a, t_b;
  MapPoint at(Time t) const {
    const double f =
        t_b == t_a ? 0.0 : static_cast<double>(t - t_a) / static_cast<double>(t_b - t_a);
    return {a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)};
  }
};

// Whether the segment a-b meets the box [lo, hi] (Liang–Barsky).
bool meets_box(MapPoint a, MapPoint b, MapPoint lo, MapPoint hi) {
  double f0 = 0.0, f1 = 1.0;
  const auto slab = [&](double start, double d, double min, double max) {
    if (d == 0.0) return start >= min && start <= max;
    double e0 = (min - start) / d, e1 = (max - start) / d;
    if (e0 > e1) std::swap(e0, e1);
    f0 = std::max(f0, e0);
    f1 = std::min(f1, e1);
    return f0 <= f1;
  };
  return slab(a.x, b.x - a.x, lo.x, hi.x) && slab(a.y, b.y - a.y, lo.y, hi.y);
}

}  // namespace

TEST_CASE(
    "segment index: every mover within r of q at t is returned (brute force on random data)") {
  Stream rng({7, 0, {EntityKind::kBenchmark, 1}, Purpose::kBenchmark});
  const auto u = [&](double lo, double hi) { return lo + (hi - lo) * uniform01(rng); };
  for (double bucket : {250.0, 1000.0, 3000.0}) {
    CAPTURE(bucket);
    SegmentIndex index(bucket);
    std::vector<Mover> movers;
    for (std::uint32_t i = 0; i < 3000; ++i) {
      // Paths of any direction and length, some of them axis-aligned or on cell edges.
      MapPoint a{u(-20000, 20000), u(-20000, 20000)};
      const double len = u(0, 12000), heading = u(0, 6.283185307179586);
      MapPoint b{a.x + len * std::cos(heading), a.y + len * std::sin(heading)};
      if (i % 7 == 0) b.x = a.x;
      if (i % 11 == 0) a.y = b.y = std::round(a.y / bucket) * bucket;
      const auto t_a = static_cast<Time>(u(0, 3.6e6));
      const Time t_b = t_a + static_cast<Time>(len / u(0.5, 30.0) * 1000.0);
      movers.push_back({a, b, t_a, t_b});
      index.insert(i, a, t_a, b, t_b);
    }
    std::vector<std::uint32_t> found;
    std::uint64_t expected_total = 0;
    for (int q = 0; q < 3000; ++q) {
      const MapPoint p{u(-25000, 25000), u(-25000, 25000)};
      const double r = u(10, 4000);
      const auto t = static_cast<Time>(u(0, 4e6));
      index.near(p, r, t, found);
      CHECK(std::is_sorted(found.begin(), found.end()));
      CHECK(std::adjacent_find(found.begin(), found.end()) == found.end());
      for (std::uint32_t i = 0; i < movers.size(); ++i) {
        const Mover& m = movers[i];
        if (t < m.t_a || t > m.t_b) continue;
        const MapPoint at = m.at(t);
        if (std::hypot(at.x - p.x, at.y - p.y) > r) continue;
        ++expected_total;
        CHECK(std::binary_search(found.begin(), found.end(), i));
      }
    }
    CHECK(expected_total > 100);  // the queries did meet movers
  }
}

TEST_CASE("segment index: fixed segments near a box, and pruning keeps movers still under way") {
  Stream rng({8, 0, {EntityKind::kBenchmark, 2}, Purpose::kBenchmark});
  const auto u = [&](double lo, double hi) { return lo + (hi - lo) * uniform01(rng); };
  SegmentIndex index(2000.0);
  std::vector<std::pair<MapPoint, MapPoint>> segments;
  for (std::uint32_t i = 0; i < 2000; ++i) {
    const MapPoint a{u(-50000, 50000), u(-50000, 50000)};
    const MapPoint b{a.x + u(-30000, 30000), a.y + u(-3000, 3000)};
    segments.push_back({a, b});
    index.insert(i, a, b);
  }
  std::vector<std::uint32_t> found;
  for (int q = 0; q < 500; ++q) {
    const MapPoint lo{u(-50000, 50000), u(-50000, 50000)};
    const MapPoint hi{lo.x + u(0, 8000), lo.y + u(0, 200)};
    const double margin = u(0, 1500);
    index.near_box(lo, hi, margin, found);
    for (std::uint32_t i = 0; i < segments.size(); ++i) {
      // Within margin of the box ⇔ the segment meets the grown box (clipped exactly).
      const auto& [a, b] = segments[i];
      const bool inside =
          meets_box(a, b, {lo.x - margin, lo.y - margin}, {hi.x + margin, hi.y + margin});
      if (inside) CHECK(std::binary_search(found.begin(), found.end(), i));
    }
  }
  // Movers: after pruning at t, those under way at t or later are all still found.
  SegmentIndex movers(1000.0);
  movers.insert(1, {0, 0}, 0, {5000, 0}, 5000);
  movers.insert(2, {0, 100}, 6000, {5000, 100}, 11000);
  movers.prune(5500);
  movers.near({2500, 50}, 200, 8500, found);
  CHECK(found == std::vector<std::uint32_t>{2});
  movers.near({2500, 50}, 200, 2500, found);
  CHECK(found.empty());  // mover 1 was dropped
}
