// Solar position, sunrise/sunset and local-time parsing against published values.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <stdexcept>

#include "bordersim/sensors/sun.h"

namespace bordersim::sensors {
namespace {

constexpr double kMinute = 60'000.0;

// Minutes between a computed UTC instant and a published local clock time hh:mm.
double minutes_off(UtcMs computed, int year, int month, int day, int hh, int mm, double offset_h) {
  const UtcMs local = days_from_civil(year, month, day) * 86'400'000 +
                      (static_cast<std::int64_t>(hh) * 60 + mm) * 60'000;
  const UtcMs published = local - std::llround(offset_h * 3'600'000.0);
  return static_cast<double>(computed - published) / kMinute;
}

struct Published {
  int month, day, rise_h, rise_m, set_h, set_m;
};

TEST_CASE("sun: parse_local_time converts local ISO-8601 to UTC milliseconds") {
  // 2026-11-25T18:00 at UTC+3 is 15:00Z; 1795618800 s since the epoch (Python datetime).
  CHECK(parse_local_time("2026-11-25T18:00:00", 3.0) == 1'795'618'800'000);
  CHECK(parse_local_time("2026-11-25T18:00", 3.0) == 1'795'618'800'000);
  CHECK(parse_local_time("2026-11-25 18:00:00.25", 3.0) == 1'795'618'800'250);
  CHECK(parse_local_time("1970-01-01T00:00:00", 0.0) == 0);
  CHECK(parse_local_time("1970-01-01T05:30:00", 5.5) == 0);
  CHECK(parse_local_time("2024-02-29T00:00:00", 0.0) == days_from_civil(2024, 2, 29) * 86'400'000);
  CHECK(days_from_civil(2000, 3, 1) == 11'017);
}

TEST_CASE("sun: parse_local_time rejects malformed or offset-carrying text") {
  for (const char* bad : {"2026-11-25", "2026-11-25T18", "2026/11/25T18:00", "2026-13-01T00:00",
                          "2026-02-29T00:00", "2026-11-25T24:00", "2026-11-25T18:00:00Z",
                          "2026-11-25T18:00:00+03:00", "2026-11-25T18:00:00.1234", "x"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_local_time(bad, 3.0), std::invalid_argument);
  }
  CHECK_THROWS_AS(parse_local_time("2026-11-25T18:00", 15.0), std::invalid_argument);
}

TEST_CASE("sun: elevation at solar noon matches 90 - latitude + declination") {
  // Equator at the March 2026 equinox (20 March 14:46Z), at solar noon on the Greenwich
  // meridian (12:07:30Z, the equation of time being -7.5 min): the sun is overhead.
  CHECK(solar_elevation_deg({0.0, 0.0}, parse_local_time("2026-03-20T12:07:30", 0.0)) > 89.5);
  // Baghdad-ish, 33.3N 44.4E, at the June solstice, local noon (UTC+3): 90 - 33.3 + 23.44.
  const double baghdad =
      solar_elevation_deg({33.3, 44.4}, parse_local_time("2026-06-21T12:00:00", 3.0));
  CHECK(baghdad == doctest::Approx(80.14).epsilon(0.5 / 80.14));
  // Midnight there: far below the horizon (90 - 33.3 - 23.44 below the nadir side).
  CHECK(solar_elevation_deg({33.3, 44.4}, parse_local_time("2026-06-21T00:00:00", 3.0)) < -30.0);
}

TEST_CASE("sun: sunrise and sunset within 2 minutes of the USNO table for Cupertino 2008") {
  // Source: U.S. Naval Observatory, Astronomical Applications Dept., "Rise and Set for the
  // Sun for 2008", location W121 55, N37 24, zone 8h west of Greenwich (standard time),
  // as reproduced at khuang.blogspot.com/2008/09/sunrise-sunset-time-for-one-year.html.
  const GeoPoint cupertino{37.0 + 24.0 / 60.0, -(121.0 + 55.0 / 60.0)};
  for (const Published& p : {Published{1, 1, 7, 22, 17, 0}, Published{3, 1, 6, 38, 18, 2},
                             Published{6, 1, 4, 48, 19, 23}, Published{9, 1, 5, 39, 18, 36},
                             Published{12, 1, 7, 4, 16, 50}}) {
    CAPTURE(p.month);
    const SunTimes s = sun_times(cupertino, 2008, p.month, p.day, -8.0);
    REQUIRE(s.kind == SunTimes::Kind::kRisesAndSets);
    CHECK(std::abs(minutes_off(s.sunrise, 2008, p.month, p.day, p.rise_h, p.rise_m, -8.0)) <= 2.0);
    CHECK(std::abs(minutes_off(s.sunset, 2008, p.month, p.day, p.set_h, p.set_m, -8.0)) <= 2.0);
  }
}

TEST_CASE("sun: sunrise by latitude within 2 minutes of the Astronomy Answers table") {
  // Source: aa.quae.nl/en/antwoorden/zonpositie-tabel.html, Table 1 "Time of Sunrise for
  // Days and Latitudes", 2002, local mean time (= UTC on the Greenwich meridian); 01-01:
  // latitude 0 at 6:00, +34 at 7:05, -34 at 4:52.
  CHECK(std::abs(minutes_off(sun_times({0.0, 0.0}, 2002, 1, 1, 0.0).sunrise, 2002, 1, 1, 6, 0,
                             0.0)) <= 2.0);
  CHECK(std::abs(minutes_off(sun_times({34.0, 0.0}, 2002, 1, 1, 0.0).sunrise, 2002, 1, 1, 7, 5,
                             0.0)) <= 2.0);
  CHECK(std::abs(minutes_off(sun_times({-34.0, 0.0}, 2002, 1, 1, 0.0).sunrise, 2002, 1, 1, 4, 52,
                             0.0)) <= 2.0);
}

TEST_CASE("sun: polar day and polar night are reported") {
  CHECK(sun_times({80.0, 0.0}, 2026, 6, 21, 0.0).kind == SunTimes::Kind::kAlwaysUp);
  CHECK(sun_times({80.0, 0.0}, 2026, 12, 21, 0.0).kind == SunTimes::Kind::kAlwaysDown);
  CHECK(std::isinf(hours_to_sun_event({80.0, 0.0}, parse_local_time("2026-06-21T12:00", 0.0))));
}

TEST_CASE("sun: light switches day to twilight to night around sunset") {
  const GeoPoint place{33.3, 44.4};
  const SunTimes s = sun_times(place, 2026, 11, 25, 3.0);
  REQUIRE(s.kind == SunTimes::Kind::kRisesAndSets);
  const auto at = [&](double minutes_after_sunset) {
    return sun_state(place, s.sunset + std::llround(minutes_after_sunset * kMinute));
  };
  CHECK(at(-60).light == Light::kDay);
  CHECK(at(-0.5).light == Light::kDay);
  CHECK(at(1).light == Light::kTwilight);
  CHECK(at(20).light == Light::kTwilight);  // civil twilight lasts ~25 min at 33°N
  CHECK(at(40).light == Light::kNight);
  CHECK(at(-60).hours_to_sun_event == doctest::Approx(1.0).epsilon(1e-3));
  CHECK(at(0).hours_to_sun_event < 1e-3);
  // The nearest event may be on another day: just after midnight it is the next sunrise
  // or the last sunset, both several hours away.
  CHECK(sun_state(place, parse_local_time("2026-11-26T00:30", 3.0)).hours_to_sun_event > 5.0);
  CHECK(light_at(-0.8) == Light::kDay);
  CHECK(light_at(-0.9) == Light::kTwilight);
  CHECK(light_at(-6.0) == Light::kTwilight);
  CHECK(light_at(-6.01) == Light::kNight);
}

}  // namespace
}  // namespace bordersim::sensors
