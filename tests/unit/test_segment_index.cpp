// The segment index against brute force on random data.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "bordersim/random/stream.h"
#include "bordersim/run/segment_index.h"

using namespace bordersim;
using terrain::MapPoint;

namespace {

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

TEST_CASE("segment index: every segment near a box is returned (brute force on random data)") {
  Stream rng({8, 0, {EntityKind::kBenchmark, 2}, Purpose::kBenchmark});
  const auto u = [&](double lo, double hi) { return lo + (hi - lo) * uniform01(rng); };
  SegmentIndex index(2000.0);
  std::vector<std::pair<MapPoint, MapPoint>> segments;
  for (std::uint32_t i = 0; i < 2000; ++i) {
    MapPoint a{u(-50000, 50000), u(-50000, 50000)};
    MapPoint b{a.x + u(-30000, 30000), a.y + u(-3000, 3000)};
    // Some axis-aligned, some on cell edges: where a walk through the cells may slip.
    if (i % 7 == 0) b.x = a.x;
    if (i % 11 == 0) a.y = b.y = std::round(a.y / 2000.0) * 2000.0;
    segments.push_back({a, b});
    index.insert(i, a, b);
  }
  std::vector<std::uint32_t> found;
  std::uint64_t met = 0;
  for (int q = 0; q < 500; ++q) {
    const MapPoint lo{u(-50000, 50000), u(-50000, 50000)};
    const MapPoint hi{lo.x + u(0, 8000), lo.y + u(0, 200)};
    const double margin = u(0, 1500);
    index.near_box(lo, hi, margin, found);
    CHECK(std::is_sorted(found.begin(), found.end()));
    CHECK(std::adjacent_find(found.begin(), found.end()) == found.end());
    for (std::uint32_t i = 0; i < segments.size(); ++i) {
      // Within margin of the box ⇔ the segment meets the grown box (clipped exactly).
      const auto& [a, b] = segments[i];
      const bool inside =
          meets_box(a, b, {lo.x - margin, lo.y - margin}, {hi.x + margin, hi.y + margin});
      if (!inside) continue;
      ++met;
      CHECK(std::binary_search(found.begin(), found.end(), i));
    }
  }
  CHECK(met > 500);  // the queries did meet segments
}
