// Availability and false alarms against their closed forms, each within its 99 % interval:
// long-run unavailability MTTR / (MTBF + MTTR) and a stationary start; Poisson counts of
// false alarms at the rate, thinned by scheduled and random downtime; alarm places that
// follow the weight.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "../support/proportions.h"
#include "bordersim/sensors/availability.h"
#include "bordersim/sensors/false_alarms.h"

using namespace bordersim;
using namespace bordersim::sensors;

namespace {

constexpr Time kHour = 3600 * kTicksPerSecond;
using bordersim::testing::kZ99;

Stream key(EntityKind kind, std::uint64_t index, std::uint64_t replication, Purpose purpose) {
  return Stream({20261126, replication, {kind, index}, purpose});
}

struct MeanSd {
  double mean = 0.0;
  double sd = 0.0;
};

MeanSd mean_sd(const std::vector<double>& xs) {
  double m = 0.0;
  for (double x : xs) m += x;
  m /= static_cast<double>(xs.size());
  double ss = 0.0;
  for (double x : xs) ss += (x - m) * (x - m);
  return {m, std::sqrt(ss / static_cast<double>(xs.size() - 1))};
}

}  // namespace

TEST_CASE("availability: long-run unavailability is MTTR / (MTBF + MTTR)") {
  AvailabilityParams p;
  p.mtbf_s = 50 * 3600.0;
  p.mttr_s = 5 * 3600.0;
  const double q = p.failure_unavailability();
  CHECK(q == doctest::Approx(5.0 / 55.0));
  const Time horizon = 2000 * kHour;
  std::vector<double> fractions;
  for (std::uint64_t r = 0; r < 400; ++r) {
    const Availability a(p, horizon, key(EntityKind::kTower, 1, r, Purpose::kAvailability));
    fractions.push_back(static_cast<double>(a.down_time(0, horizon)) /
                        static_cast<double>(horizon));
  }
  // From a stationary start E[down time] = q·T exactly; the replications are independent.
  const MeanSd f = mean_sd(fractions);
  const double half = kZ99 * f.sd / std::sqrt(static_cast<double>(fractions.size()));
  MESSAGE("unavailability " << f.mean << " ± " << half << " against " << q);
  CHECK(std::abs(f.mean - q) <= half);
  // The renewal-theory variance of the down time, 2 μu² μd² T / (μu + μd)³, sets sd's size.
  const double mu = p.mtbf_s, md = p.mttr_s, t = time_to_seconds(horizon);
  const double sd_theory = std::sqrt(2 * mu * mu * md * md * t / std::pow(mu + md, 3)) / t;
  CHECK(f.sd == doctest::Approx(sd_theory).epsilon(0.2));
}

TEST_CASE("availability: the process starts stationary: P(down at t) = q at every t") {
  AvailabilityParams p;
  p.mtbf_s = 8 * 3600.0;
  p.mttr_s = 2 * 3600.0;
  const double q = p.failure_unavailability();
  const int n = 20000;
  for (const Time t : {Time{0}, kHour / 2, 3 * kHour}) {
    int down = 0;
    for (int r = 0; r < n; ++r) {
      const Availability a(
          p, 4 * kHour,
          key(EntityKind::kDrone, 0, static_cast<std::uint64_t>(r), Purpose::kAvailability));
      down += a.up(t) ? 0 : 1;
    }
    const double share = static_cast<double>(down) / n;
    CHECK(std::abs(share - q) <= kZ99 * std::sqrt(q * (1 - q) / n));
  }
}

TEST_CASE("availability: repairs last MTTR on average") {
  AvailabilityParams p;
  p.mtbf_s = 6 * 3600.0;
  p.mttr_s = 1.5 * 3600.0;
  const Time horizon = 20000 * kHour;
  const Availability a(p, horizon, key(EntityKind::kPatrol, 4, 0, Purpose::kAvailability));
  std::vector<double> repairs;
  const auto down = a.down_intervals();
  // Drop the first and the last interval: the horizon cuts them.
  for (std::size_t i = 1; i + 1 < down.size(); ++i)
    repairs.push_back(time_to_seconds(down[i].end - down[i].begin));
  REQUIRE(repairs.size() > 2000);
  const MeanSd m = mean_sd(repairs);
  CHECK(std::abs(m.mean - p.mttr_s) <=
        kZ99 * m.sd / std::sqrt(static_cast<double>(repairs.size())));
  // Exponential: the standard deviation equals the mean.
  CHECK(m.sd == doctest::Approx(p.mttr_s).epsilon(0.05));
}

TEST_CASE("false alarms: Poisson counts at the rate and only while up") {
  const double rate_per_s = per_day_to_per_s(6.0);
  const Time horizon = 24 * kHour;
  const auto area = AlarmArea::in_disc({1000, 2000}, 500);
  const auto anywhere = [](MapPoint) { return 1.0; };

  AvailabilityParams maintenance;  // down 4 h of every 24: the rate over 20 h
  maintenance.downtime.push_back({2 * 3600.0, 0.0, 4 * 3600.0});
  AvailabilityParams failing;  // down q = 1/5 of the time on average
  failing.mtbf_s = 8 * 3600.0;
  failing.mttr_s = 2 * 3600.0;

  struct Case {
    const AvailabilityParams* params;
    double up_fraction;
  };
  const AvailabilityParams always;
  for (const Case c : {Case{&always, 1.0}, Case{&maintenance, 20.0 / 24.0}, Case{&failing, 0.8}}) {
    const int n = 3000;
    std::vector<double> counts;
    for (int r = 0; r < n; ++r) {
      const auto rep = static_cast<std::uint64_t>(r);
      const Availability a(*c.params, horizon,
                           key(EntityKind::kGroundSensor, 9, rep, Purpose::kAvailability));
      const auto alarms =
          draw_false_alarms(rate_per_s, horizon, a, area, anywhere,
                            key(EntityKind::kGroundSensor, 9, rep, Purpose::kFalseAlarm));
      for (std::size_t i = 0; i < alarms.size(); ++i) {
        REQUIRE(a.up(alarms[i].at));
        REQUIRE(alarms[i].at < horizon);
        if (i > 0) REQUIRE(alarms[i - 1].at <= alarms[i].at);
        REQUIRE(std::hypot(alarms[i].where.x - 1000, alarms[i].where.y - 2000) <= 500);
      }
      counts.push_back(static_cast<double>(alarms.size()));
    }
    const double expected = rate_per_s * time_to_seconds(horizon) * c.up_fraction;
    const MeanSd m = mean_sd(counts);
    MESSAGE("false alarms per day " << m.mean << " against " << expected);
    if (c.params == &failing) {
      // A Poisson count over a random up time: the mean is λ·E[up], the spread wider.
      CHECK(std::abs(m.mean - expected) <= kZ99 * m.sd / std::sqrt(static_cast<double>(n)));
    } else {
      // Poisson: the total over n replications has mean and variance n·expected.
      CHECK(std::abs(m.mean - expected) <= kZ99 * std::sqrt(expected / n));
      CHECK(m.sd * m.sd == doctest::Approx(expected).epsilon(0.1));  // variance = mean
    }
  }
}

TEST_CASE("false alarms: places follow the weight and CRN across availability") {
  const auto area = AlarmArea::in_box({0, 0}, {1000, 1000});
  // East half weighs 1, west half 0.25: 4 of 5 alarms fall in the east.
  const auto weight = [](MapPoint p) { return p.x >= 500 ? 1.0 : 0.25; };
  const Availability up;
  int east = 0, total = 0;
  for (std::uint64_t r = 0; r < 200; ++r) {
    const auto alarms = draw_false_alarms(per_day_to_per_s(50.0), 24 * kHour, up, area, weight,
                                          key(EntityKind::kDrone, 2, r, Purpose::kFalseAlarm));
    for (const auto& a : alarms) {
      east += a.where.x >= 500 ? 1 : 0;
      ++total;
    }
  }
  const double share = static_cast<double>(east) / total;
  CHECK(std::abs(share - 0.8) <= kZ99 * std::sqrt(0.8 * 0.2 / total));

  // A maintenance window removes the alarms in it and leaves the others as they were.
  AvailabilityParams p;
  p.downtime.push_back({6 * 3600.0, 0.0, 6 * 3600.0});
  const Availability window(p, 24 * kHour, key(EntityKind::kDrone, 2, 0, Purpose::kAvailability));
  const auto all = draw_false_alarms(per_day_to_per_s(50.0), 24 * kHour, up, area, weight,
                                     key(EntityKind::kDrone, 2, 0, Purpose::kFalseAlarm));
  const auto thinned = draw_false_alarms(per_day_to_per_s(50.0), 24 * kHour, window, area, weight,
                                         key(EntityKind::kDrone, 2, 0, Purpose::kFalseAlarm));
  std::vector<FalseAlarm> expected;
  for (const auto& a : all) {
    if (a.at < 6 * kHour || a.at >= 12 * kHour) expected.push_back(a);
  }
  REQUIRE(thinned.size() == expected.size());
  CHECK(thinned.size() < all.size());
  for (std::size_t i = 0; i < thinned.size(); ++i) {
    CHECK(thinned[i].at == expected[i].at);
    CHECK(thinned[i].where.x == expected[i].where.x);
  }
}
