// A movement's leg lookup with a hint (the leg being walked) against the plain binary search.
#include <doctest/doctest.h>

#include <bit>
#include <cstdint>

#include "bordersim/movers/movement.h"
#include "bordersim/random/stream.h"

using namespace bordersim;
using terrain::MapPoint;

TEST_CASE("leg_at and at with any hint answer as without one") {
  Stream rng({21, 0, {EntityKind::kBenchmark, 5}, Purpose::kBenchmark});
  const auto bits = [](double v) { return std::bit_cast<std::uint64_t>(v); };
  for (int m = 0; m < 50; ++m) {
    Movement movement({0.0, 0.0}, 1000);
    for (int i = 0; i < 40; ++i) {
      // Some legs last no time (t1 == t0): several then start at the same instant.
      const double seconds = i % 5 == 0 ? 0.0 : 60.0 * uniform01(rng);
      movement.go_to({1000.0 * uniform01(rng), 1000.0 * uniform01(rng)}, seconds);
    }
    const auto& legs = movement.legs();
    for (int q = 0; q < 200; ++q) {
      const Time t = q % 4 == 0
                         ? legs[static_cast<std::size_t>(q) % legs.size()].t0
                         : 1000 + static_cast<Time>(uniform01(rng) * 1.3 *
                                                    static_cast<double>(movement.end() - 1000));
      for (std::size_t hint = 0; hint < legs.size() + 2; ++hint) {
        CAPTURE(t);
        CAPTURE(hint);
        REQUIRE(movement.leg_at(t, hint) == movement.leg_at(t));
        REQUIRE(bits(movement.at(t, hint).x) == bits(movement.at(t).x));
        REQUIRE(bits(movement.at(t, hint).y) == bits(movement.at(t).y));
      }
    }
  }
  const Movement still({3.0, 4.0}, 0);  // no legs: the start point
  CHECK(still.at(10, 0).x == 3.0);
}
