// Kinematics of moving sensors: first approach of two straight movers, back-and-forth
// positions, relief on station and the pseudo-random track.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "bordersim/sensors/motion.h"

using namespace bordersim;
using namespace bordersim::sensors;

TEST_CASE("first_within: the smaller root of the relative-motion quadratic") {
  // Head-on along x: 1000 m apart closing at 10 m/s, range 100 m: 90 s.
  CHECK(*first_within({1000, 0}, {-10, 0}, 100, 0, 1000) == doctest::Approx(90.0));
  CHECK(*first_within({1000, 0}, {-10, 0}, 100, 5, 1000) == doctest::Approx(95.0));
  // Already within range: the window's start.
  CHECK(*first_within({50, 0}, {10, 0}, 100, 3, 10) == 3.0);
  // Passing at a miss distance of 200 m never comes within 100 m; at 60 m it does, at
  // 1000 − √(100² − 60²) = 920 m of travel.
  CHECK_FALSE(first_within({1000, 200}, {-10, 0}, 100, 0, 1e6).has_value());
  CHECK(*first_within({1000, 60}, {-10, 0}, 100, 0, 1e6) == doctest::Approx(92.0));
  // Moving apart, standing still, or too late in the window.
  CHECK_FALSE(first_within({1000, 0}, {10, 0}, 100, 0, 1e6).has_value());
  CHECK_FALSE(first_within({1000, 0}, {0, 0}, 100, 0, 1e6).has_value());
  CHECK_FALSE(first_within({1000, 0}, {-10, 0}, 100, 0, 89).has_value());
  // Against sampling: the first sampled instant within range is just after the root.
  Stream rng({9, 0, {EntityKind::kBenchmark, 3}, Purpose::kBenchmark});
  for (int i = 0; i < 2000; ++i) {
    const MapPoint d0{4000 * uniform01(rng) - 2000, 4000 * uniform01(rng) - 2000};
    const MapPoint w{40 * uniform01(rng) - 20, 40 * uniform01(rng) - 20};
    const double r = 500 * uniform01(rng);
    const auto hit = first_within(d0, w, r, 0, 300);
    std::optional<double> sampled;
    for (int k = 0; k <= 30000 && !sampled; ++k) {
      const double t = k * 0.01;
      if (std::hypot(d0.x + w.x * t, d0.y + w.y * t) <= r) sampled = t;
    }
    REQUIRE(hit.has_value() == sampled.has_value());
    if (hit) CHECK(*sampled - *hit == doctest::Approx(0.005).epsilon(1.0));  // within one step
  }
}

TEST_CASE("back-and-forth positions fold a periodic distance") {
  CHECK(back_and_forth_position(0, 10) == 0);
  CHECK(back_and_forth_position(7, 10) == 7);
  CHECK(back_and_forth_position(13, 10) == 7);
  CHECK(back_and_forth_position(20, 10) == 0);
  CHECK(back_and_forth_position(-3, 10) == 3);
  CHECK(back_and_forth_position(47, 10) == 7);
}

TEST_CASE(
    "relief on station: the station is held min(1 | n E / (E + turnaround + round trip)) of the "
    "time") {
  struct Case {
    double endurance_h, turnaround_h, transit_h;
    int airframes;
  };
  for (const Case& c : {Case{14, 4, 0.5, 3}, Case{14, 4, 0.5, 1}, Case{6, 10, 1, 2},
                        Case{6, 10, 1, 4}, Case{24, 0, 0, 1}, Case{3, 1, 0.25, 2}}) {
    CAPTURE(c.airframes);
    CAPTURE(c.endurance_h);
    auto s = station_schedule(c.endurance_h * 3600, c.turnaround_h * 3600, c.transit_h * 3600,
                              c.airframes);
    const double on_h = c.endurance_h - 2 * c.transit_h;
    const double theory = station_fraction(on_h, c.turnaround_h, 2 * c.transit_h, c.airframes);
    CHECK(s.fraction() == doctest::Approx(theory).epsilon(1e-6));
    // Measured on the schedule itself: time on station over 100 slots, for several phases.
    for (Time phase : {Time{0}, s.slot / 3, s.slot - 1}) {
      s.phase = phase;
      const Time horizon = 100 * s.slot;
      Time covered = 0;
      for (Time t = 0; t < horizon;) {
        const Time start = s.slot_start_for(t);
        if (start > t) {  // a gap: jump to the next slot
          CHECK_FALSE(s.on_station_at(t));
          t = std::min(start, horizon);
          continue;
        }
        CHECK(s.on_station_at(t));
        const Time end = std::min(start + s.on_station, horizon);
        covered += end - t;
        t = end;
      }
      CHECK(static_cast<double>(covered) / static_cast<double>(horizon) ==
            doctest::Approx(theory).epsilon(2e-2));
    }
    // Each airframe needs a whole cycle between its arrivals: n slots span at least one.
    CHECK(c.airframes * s.slot >= seconds_to_time((c.endurance_h + c.turnaround_h) * 3600));
  }
  CHECK_THROWS_AS(station_schedule(3600, 0, 1800, 1), std::invalid_argument);
}

TEST_CASE("the pseudo-random track stays in its box at its speed and covers it evenly") {
  const TrackBox box{0, 40000, -10000, 10000};
  RandomTrack track(box, 40.0, 15000.0,
                    Stream({11, 0, {EntityKind::kBenchmark, 4}, Purpose::kRoute}));
  MapPoint last = track.at(0);
  std::vector<int> quarters(4, 0);
  for (int i = 1; i <= 200000; ++i) {
    const MapPoint p = track.at(i * 10.0);
    CHECK((p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1));
    CHECK(std::hypot(p.x - last.x, p.y - last.y) <= 400.0 + 1e-6);  // reflections only shorten it
    ++quarters[(p.x < 20000 ? 0 : 1) + (p.y < 0 ? 0 : 2)];
    last = p;
  }
  // Positions 10 s apart are strongly correlated; 2 % is far beyond their sampling error here.
  for (int q : quarters) CHECK(std::abs(q / 200000.0 - 0.25) < 0.02);
}

TEST_CASE("inverse-cube glimpses: 1 - exp(-k h tau / r^3) at slant range r") {
  CHECK(inverse_cube_glimpse(5e5, 30, 0, 2) == doctest::Approx(1.0));
  CHECK(inverse_cube_glimpse(5e5, 30, 1000, 2) ==
        doctest::Approx(-std::expm1(-5e5 * 30 * 2 / std::pow(1000.0 * 1000 + 900, 1.5))));
  CHECK(inverse_cube_glimpse(0, 30, 1000, 2) == 0.0);
}
