// Sensor availability timelines: scheduled windows exactly where the schedule puts them,
// merging, queries (up, next_change, down_time) against a brute-force scan, keyed streams.
#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

#include "bordersim/sensors/availability.h"

using namespace bordersim;
using namespace bordersim::sensors;

namespace {

constexpr Time kHour = 3600 * kTicksPerSecond;

Stream stream_for(std::uint64_t index, std::uint64_t replication = 0) {
  return Stream({11, replication, {EntityKind::kTower, index}, Purpose::kAvailability});
}

}  // namespace

TEST_CASE("availability: a sensor without failures or maintenance is always up") {
  const Availability always;
  CHECK(always.up(0));
  CHECK(always.up(kNever - 1));
  CHECK(always.next_change(0) == kNever);
  CHECK(always.down_intervals().empty());
  AvailabilityParams none;
  CHECK(none.always_up());
  CHECK(none.failure_unavailability() == 0.0);
  const Availability built(none, 24 * kHour, stream_for(0));
  CHECK(built.down_intervals().empty());
}

TEST_CASE("availability: scheduled maintenance windows are exact") {
  AvailabilityParams p;
  p.downtime.push_back({3600.0, 6 * 3600.0, 1800.0});  // 01:00 every 6 h for 30 min
  const Availability a(p, 24 * kHour, stream_for(0));
  const auto down = a.down_intervals();
  REQUIRE(down.size() == 4);
  for (int k = 0; k < 4; ++k) {
    CHECK(down[k].begin == (1 + 6 * k) * kHour);
    CHECK(down[k].end == (1 + 6 * k) * kHour + kHour / 2);
  }
  CHECK(a.up(kHour - 1));
  CHECK_FALSE(a.up(kHour));
  CHECK_FALSE(a.up(kHour + kHour / 2 - 1));
  CHECK(a.up(kHour + kHour / 2));
  CHECK(a.next_change(0) == kHour);
  CHECK(a.next_change(kHour) == kHour + kHour / 2);
  CHECK(a.next_change(kHour + kHour / 2) == 7 * kHour);
  CHECK(a.next_change(19 * kHour + kHour / 2) == kNever);
  CHECK(a.down_time(0, 24 * kHour) == 2 * kHour);
  CHECK(a.down_time(kHour + kHour / 4, 7 * kHour + kHour / 4) == kHour / 2);
}

TEST_CASE("availability: a one-off window and one cut by the horizon and two schedules merged") {
  AvailabilityParams p;
  p.downtime.push_back({10 * 3600.0, 0.0, 2 * 3600.0});      // once, 10:00 to 12:00
  p.downtime.push_back({11 * 3600.0, 0.0, 3600.0});          // inside it
  p.downtime.push_back({12 * 3600.0, 0.0, 3600.0});          // touching its end: one window
  p.downtime.push_back({23 * 3600.0, 24 * 3600.0, 7200.0});  // cut at the horizon
  const Availability a(p, 24 * kHour, stream_for(0));
  const auto down = a.down_intervals();
  REQUIRE(down.size() == 2);
  CHECK(down[0].begin == 10 * kHour);
  CHECK(down[0].end == 13 * kHour);
  CHECK(down[1].begin == 23 * kHour);
  CHECK(down[1].end == 24 * kHour);
  CHECK(a.up(24 * kHour));  // past the horizon: up
}

TEST_CASE("availability: merge_intervals sorts and clips and drops empty and joins touching") {
  const auto m =
      merge_intervals({{50, 60}, {10, 20}, {15, 30}, {30, 35}, {40, 40}, {-5, 3}, {90, 200}}, 100);
  REQUIRE(m.size() == 4);
  CHECK((m[0].begin == 0 && m[0].end == 3));
  CHECK((m[1].begin == 10 && m[1].end == 35));
  CHECK((m[2].begin == 50 && m[2].end == 60));
  CHECK((m[3].begin == 90 && m[3].end == 100));
}

TEST_CASE("availability: bad parameters are refused") {
  AvailabilityParams no_repair;
  no_repair.mtbf_s = 3600.0;
  CHECK_THROWS_AS(Availability(no_repair, kHour, stream_for(0)), std::invalid_argument);
  AvailabilityParams overlapping;
  overlapping.downtime.push_back({0.0, 3600.0, 7200.0});
  CHECK_THROWS_AS(Availability(overlapping, kHour, stream_for(0)), std::invalid_argument);
}

TEST_CASE(
    "availability: random failures merged with maintenance and queries that agree with a scan") {
  AvailabilityParams p;
  p.mtbf_s = 10 * 3600.0;
  p.mttr_s = 2 * 3600.0;
  p.downtime.push_back({5 * 3600.0, 12 * 3600.0, 3600.0});
  const Time horizon = 200 * kHour;
  const Availability a(p, horizon, stream_for(3));
  const auto down = a.down_intervals();
  CHECK(down.size() > 5);
  for (std::size_t i = 0; i < down.size(); ++i) {
    CHECK(down[i].begin < down[i].end);
    if (i > 0) CHECK(down[i - 1].end < down[i].begin);  // disjoint and not touching
  }
  // Every maintenance window is down, whatever the failures did.
  for (Time t = 5 * kHour; t < horizon; t += 12 * kHour) {
    CHECK_FALSE(a.up(t));
    CHECK_FALSE(a.up(t + kHour - 1));
  }
  // up() and next_change() against a scan in one-minute steps (boundaries are whole ms,
  // so check the change lands where up() flips).
  const Time step = 60 * kTicksPerSecond;
  Time total_down = 0;
  for (Time t = 0; t < horizon; t += step) {
    const Time next = a.next_change(t);
    REQUIRE(next > t);
    if (next != kNever) {
      CHECK(a.up(next) != a.up(t));
      CHECK(a.up(next - 1) == a.up(t));
    }
    if (!a.up(t)) total_down += step;
  }
  // The scan's down time is within one step per interval edge of the exact one.
  const Time exact = a.down_time(0, horizon);
  CHECK(std::llabs(total_down - exact) <= static_cast<long long>(2 * down.size()) * step);
}

TEST_CASE("availability: the timeline is a function of the stream's key only") {
  AvailabilityParams p;
  p.mtbf_s = 5 * 3600.0;
  p.mttr_s = 3600.0;
  const Availability a(p, 100 * kHour, stream_for(7, 2));
  const Availability b(p, 100 * kHour, stream_for(7, 2));
  const Availability other(p, 100 * kHour, stream_for(8, 2));
  REQUIRE(a.down_intervals().size() == b.down_intervals().size());
  for (std::size_t i = 0; i < a.down_intervals().size(); ++i) {
    CHECK(a.down_intervals()[i].begin == b.down_intervals()[i].begin);
    CHECK(a.down_intervals()[i].end == b.down_intervals()[i].end);
  }
  const bool same = other.down_intervals().size() == a.down_intervals().size() &&
                    other.down_intervals()[0].begin == a.down_intervals()[0].begin;
  CHECK_FALSE(same);
}
