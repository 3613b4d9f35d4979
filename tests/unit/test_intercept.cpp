#include <doctest/doctest.h>

#include <cmath>

#include "bordersim/c2/intercept.h"

using namespace bordersim;

TEST_CASE("earliest intercept: head-on and stationary and out of reach") {
  // Target 1000 m ahead coming towards the pursuer at 5 m/s, pursuer at 15 m/s: 50 s.
  CHECK(earliest_intercept_s({0, 0}, 15.0, {0, 1000}, {0, -5}) == doctest::Approx(50.0));
  // Stationary target: distance / speed.
  CHECK(earliest_intercept_s({0, 0}, 10.0, {300, 400}, {0, 0}) == doctest::Approx(50.0));
  // Slower pursuer behind a target that runs away: never.
  CHECK(std::isinf(earliest_intercept_s({0, 0}, 1.0, {0, 100}, {0, 2})));
  // Already there.
  CHECK(earliest_intercept_s({5, 5}, 1.0, {5, 5}, {1, 0}) == 0.0);
}

TEST_CASE("earliest intercept: the meeting point is at the pursuer's reach") {
  const MapPoint from{1000, -2000};
  const MapPoint target{0, 0};
  const MapPoint velocity{0.0, 1.5};
  const double t = earliest_intercept_s(from, 12.0, target, velocity);
  REQUIRE(std::isfinite(t));
  const double dx = target.x + velocity.x * t - from.x;
  const double dy = target.y + velocity.y * t - from.y;
  CHECK(std::hypot(dx, dy) == doctest::Approx(12.0 * t));
  // A slower pursuer ahead of the target still meets it as it comes by.
  const double slow = earliest_intercept_s({0, 500}, 1.0, {0, 0}, {0, 2.0});
  CHECK(slow == doctest::Approx(500.0 / 3.0));
}

TEST_CASE("earliest intercept: a pursuer with a head start") {
  // Stationary target 1000 m away, pursuer at 10 m/s that set off 40 s ago: 60 s more.
  CHECK(earliest_intercept_s({0, 0}, 10.0, {1000, 0}, {0, 0}, 40.0) == doctest::Approx(60.0));
  // Already within reach of where it could be by now.
  CHECK(earliest_intercept_s({0, 0}, 10.0, {300, 0}, {0, 0}, 40.0) == 0.0);
  // A moving target: the meeting point lies at the pursuer's reach at head start + t.
  const double e = 25.0;
  const double t = earliest_intercept_s({0, 0}, 8.0, {2000, 500}, {-1.0, 0.5}, e);
  REQUIRE(std::isfinite(t));
  CHECK(std::hypot(2000.0 - t, 500.0 + 0.5 * t) == doctest::Approx(8.0 * (t + e)));
}
