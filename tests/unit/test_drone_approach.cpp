// The drone's approach bound (sensors::earliest_within): before the time it returns, no
// place of the drone is within range of the crosser, checked by stepping both along their
// motions over straight and bent borders; and the bound is not vacuous (it skips most of a
// far crosser's glimpses).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "bordersim/sensors/drone_approach.h"
#include "bordersim/sensors/motion.h"

using namespace bordersim;
using namespace bordersim::sensors;

namespace {

// A border of `bends` segments of 2-8 km with turns up to ±60°, or a straight one.
terrain::Polyline make_border(Stream& rng, int bends) {
  terrain::Polyline border;
  MapPoint p{0.0, 0.0};
  double heading = 0.0;
  border.points.push_back(p);
  for (int i = 0; i <= bends; ++i) {
    const double len = bends == 0 ? 300000.0 : 2000.0 + 6000.0 * uniform01(rng);
    p = {p.x + len * std::cos(heading), p.y + len * std::sin(heading)};
    border.points.push_back(p);
    heading += (uniform01(rng) - 0.5) * 2.0 * 1.05;
  }
  return border;
}

struct Tally {
  long checks = 0, skipped_glimpses = 0, glimpses = 0;
};

// A "line" drone going back and forth over [s_lo, s_hi] at offset n and a crosser walking
// a straight leg; every 5 s up to an hour, the drone's glimpses that the bound passes over
// must find the crosser out of range.
void check_case(Stream& rng, const terrain::BorderFrame& frame, Tally& tally, bool random_n) {
  const double length = frame.length();
  const double s_lo = uniform01(rng) * 0.5 * length;
  const double s_hi = s_lo + (0.1 + 0.4 * uniform01(rng)) * length;
  const double n0 = 4000.0 * uniform01(rng) - 1000.0;
  const double depth = random_n ? 3000.0 * uniform01(rng) : 0.0;
  const double v = 10.0 + 50.0 * uniform01(rng);
  const double range = 500.0 + 4000.0 * uniform01(rng);
  const AlongBorderTrack track{s_lo, s_hi, n0 - 0.5 * depth, n0 + 0.5 * depth, v};
  const double unfolded0 = uniform01(rng) * 2.0 * (s_hi - s_lo);
  // The across place of a "random" drone: a slow wave inside its band.
  const double wave = 2.0 * M_PI * uniform01(rng), period = 300.0 + 3000.0 * uniform01(rng);
  const auto drone_at = [&](double t, double* s_out) {
    const double s = s_lo + back_and_forth_position(unfolded0 + v * t, s_hi - s_lo);
    const double n = n0 + 0.5 * depth * std::sin(wave + 2.0 * M_PI * t / period);
    if (s_out) *s_out = s;
    return frame.offset_at(s, n);
  };
  // The crosser: somewhere within 15 km of the stretch, walking at up to 3 m/s.
  const double cs = s_lo + (s_hi - s_lo) * (1.2 * uniform01(rng) - 0.1);
  const MapPoint start = frame.offset_at(cs, 30000.0 * uniform01(rng) - 15000.0);
  const double u = 3.0 * uniform01(rng), heading = 2.0 * M_PI * uniform01(rng);
  const MapPoint vel{u * std::cos(heading), u * std::sin(heading)};
  const double t_ref = 1000.0 * uniform01(rng);
  const double now = t_ref + 100.0 * uniform01(rng);
  double s_ref = 0.0;
  drone_at(t_ref, &s_ref);
  const MapPoint p0{start.x + vel.x * now, start.y + vel.y * now};
  const double bound = earliest_within(frame, track, s_ref, t_ref, p0, now, u, range);
  REQUIRE(bound >= now);
  for (double t = now; t <= now + 3600.0; t += 5.0) {
    ++tally.glimpses;
    if (t >= bound) break;
    ++tally.skipped_glimpses;
    const MapPoint q = drone_at(t, nullptr);
    const MapPoint p{start.x + vel.x * t, start.y + vel.y * t};
    ++tally.checks;
    CHECK(std::hypot(p.x - q.x, p.y - q.y) > range);
  }
}

}  // namespace

TEST_CASE("earliest_within: no place of the drone within range before the bound") {
  Stream rng({21, 0, {EntityKind::kBenchmark, 7}, Purpose::kBenchmark});
  Tally tally;
  for (int bends : {0, 3, 40}) {
    Stream border_rng(
        {21, static_cast<std::uint32_t>(bends), {EntityKind::kBenchmark, 8}, Purpose::kBenchmark});
    const terrain::BorderFrame frame(make_border(border_rng, bends));
    for (int i = 0; i < 3000; ++i) check_case(rng, frame, tally, i % 2 == 1);
  }
  // Not vacuous: most glimpses of crossers mostly far from the drone are passed over.
  MESSAGE("glimpses ", tally.glimpses, ", passed over ", tally.skipped_glimpses);
  CHECK(tally.skipped_glimpses > tally.glimpses / 2);
}

TEST_CASE("earliest_within: a crosser on the drone's line now is due now") {
  const terrain::BorderFrame frame(terrain::Polyline{{{0.0, 0.0}, {100000.0, 0.0}}});
  const AlongBorderTrack track{0.0, 100000.0, 1000.0, 1000.0, 40.0};
  CHECK(earliest_within(frame, track, 5000.0, 0.0, {5000.0, 1000.0}, 0.0, 1.0, 2000.0) == 0.0);
  // 20 km ahead along the line, standing: (20000 − 2000) m at 40 m/s.
  CHECK(earliest_within(frame, track, 5000.0, 0.0, {25000.0, 1000.0}, 0.0, 0.0, 2000.0) ==
        doctest::Approx(450.0));
  // Walking towards it at 2 m/s: they close at 42 m/s.
  CHECK(earliest_within(frame, track, 5000.0, 0.0, {25000.0, 1000.0}, 0.0, 2.0, 2000.0) ==
        doctest::Approx(18000.0 / 42.0));
  // A drone parked exactly on a vertex stands on the bisecting normal (BorderFrame::offset_at),
  // out in the gap between the two segments' offset lines on the outside of a bend: a
  // crosser 600 m from that point and 1324 m from both lines is within 1000 m of it.
  const terrain::BorderFrame bend(
      terrain::Polyline{{{0.0, 0.0},
                         {1000.0, 0.0},
                         {1000.0 + 1000.0 * std::cos(M_PI / 3), 1000.0 * std::sin(M_PI / 3)}}});
  const AlongBorderTrack parked{0.0, 2000.0, -2000.0, -2000.0, 0.0};
  const MapPoint out{1000.0 + 2600.0 * 0.5, -2600.0 * std::sin(M_PI / 3)};
  CHECK(earliest_within(bend, parked, 1000.0, 0.0, out, 0.0, 0.0, 1000.0) == 0.0);
  CHECK(std::isinf(earliest_within(bend, parked, 999.0, 0.0, out, 0.0, 0.0, 1000.0)));
  // 10 km across the border, standing: never.
  CHECK(
      std::isinf(earliest_within(frame, track, 5000.0, 0.0, {5000.0, -9000.0}, 0.0, 0.0, 2000.0)));
}
