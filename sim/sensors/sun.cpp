#include "bordersim/sensors/sun.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

namespace bordersim::sensors {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kMsPerDay = 86'400'000.0;
constexpr double kMsPerHour = 3'600'000.0;

double radians(double deg) { return deg * kPi / 180.0; }
double degrees(double rad) { return rad * 180.0 / kPi; }

// x mod m in [0, m), for either sign of x.
double wrap(double x, double m) {
  const double r = std::fmod(x, m);
  return r < 0 ? r + m : r;
}

struct SolarCoordinates {
  double declination_rad;
  double equation_of_time_min;  // apparent minus mean solar time
};

// NOAA solar calculator, term by term (variable names follow its spreadsheet columns).
SolarCoordinates solar_coordinates(UtcMs t) {
  const double julian_day = static_cast<double>(t) / kMsPerDay + 2440587.5;
  const double c = (julian_day - 2451545.0) / 36525.0;  // Julian centuries since J2000.0
  const double mean_long = wrap(280.46646 + c * (36000.76983 + c * 0.0003032), 360.0);
  const double mean_anom = 357.52911 + c * (35999.05029 - 0.0001537 * c);
  const double eccent = 0.016708634 - c * (0.000042037 + 0.0000001267 * c);
  const double m = radians(mean_anom);
  const double centre = std::sin(m) * (1.914602 - c * (0.004817 + 0.000014 * c)) +
                        std::sin(2 * m) * (0.019993 - 0.000101 * c) + std::sin(3 * m) * 0.000289;
  const double true_long = mean_long + centre;
  const double omega = radians(125.04 - 1934.136 * c);
  const double app_long = radians(true_long - 0.00569 - 0.00478 * std::sin(omega));
  const double mean_obliq =
      23.0 + (26.0 + (21.448 - c * (46.815 + c * (0.00059 - c * 0.001813))) / 60.0) / 60.0;
  const double obliq = radians(mean_obliq + 0.00256 * std::cos(omega));
  const double declination = std::asin(std::sin(obliq) * std::sin(app_long));
  const double y = std::tan(obliq / 2) * std::tan(obliq / 2);
  const double l0 = radians(mean_long);
  const double eot_rad = y * std::sin(2 * l0) - 2 * eccent * std::sin(m) +
                         4 * eccent * y * std::sin(m) * std::cos(2 * l0) -
                         0.5 * y * y * std::sin(4 * l0) - 1.25 * eccent * eccent * std::sin(2 * m);
  return {declination, 4.0 * degrees(eot_rad)};
}

// Hour angle in degrees, in [−180, 180): negative before solar noon.
double hour_angle_deg(GeoPoint place, UtcMs t, const SolarCoordinates& sc) {
  const double minutes_of_day = wrap(static_cast<double>(t), kMsPerDay) / 60'000.0;
  const double true_solar_min =
      minutes_of_day + sc.equation_of_time_min + 4.0 * place.longitude_deg;
  return wrap(true_solar_min / 4.0, 360.0) - 180.0;
}

UtcMs shift_hours(UtcMs t, double hours) { return t + std::llround(hours * kMsPerHour); }

// The solar noon nearest `t` (within 12 h): Newton steps on the hour angle, which advances
// 15° an hour up to the slow drift of the equation of time.
UtcMs solar_noon_near(GeoPoint place, UtcMs t) {
  for (int i = 0; i < 3; ++i) {
    t = shift_hours(t, -hour_angle_deg(place, t, solar_coordinates(t)) / 15.0);
  }
  return t;
}

// Cosine of the hour angle at which the sun's centre is at `elevation_deg`.
double cos_event_hour_angle(GeoPoint place, double declination_rad, double elevation_deg) {
  const double phi = radians(place.latitude_deg);
  return (std::sin(radians(elevation_deg)) - std::sin(phi) * std::sin(declination_rad)) /
         (std::cos(phi) * std::cos(declination_rad));
}

// Sunrise (side = −1) or sunset (+1) around a solar noon; nullopt-like false when the sun
// stays up or down. Each step re-evaluates declination and equation of time at the
// current estimate, so the event converges to the day's own crossing of −0.833°.
bool sun_event(GeoPoint place, UtcMs noon, double side, UtcMs& event, double& cos_h0) {
  UtcMs t = noon;
  for (int i = 0; i < 4; ++i) {
    const SolarCoordinates sc = solar_coordinates(t);
    cos_h0 = cos_event_hour_angle(place, sc.declination_rad, kSunriseElevationDeg);
    if (cos_h0 > 1.0 || cos_h0 < -1.0) return false;
    const double target_deg = side * degrees(std::acos(cos_h0));
    const double now_deg = (i == 0) ? 0.0 : hour_angle_deg(place, t, sc);
    t = shift_hours(t, (target_deg - now_deg) / 15.0);
  }
  event = t;
  return true;
}

SunTimes sun_times_around(GeoPoint place, UtcMs noon) {
  SunTimes out;
  out.solar_noon = noon;
  double cos_rise = 0.0;
  double cos_set = 0.0;
  const bool rises = sun_event(place, noon, -1.0, out.sunrise, cos_rise);
  const bool sets = sun_event(place, noon, +1.0, out.sunset, cos_set);
  if (!rises || !sets) {
    // cos H0 < −1: the sun stays above −0.833° all day; > 1: it never gets there.
    const double c = !rises ? cos_rise : cos_set;
    out.kind = c < -1.0 ? SunTimes::Kind::kAlwaysUp : SunTimes::Kind::kAlwaysDown;
  }
  return out;
}

[[noreturn]] void bad_time(std::string_view text, const std::string& why) {
  throw std::invalid_argument("invalid local time \"" + std::string(text) + "\": " + why);
}

int digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') {
      bad_time(text, "expected YYYY-MM-DDThh:mm[:ss[.fff]]");
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

void expect(std::string_view text, std::size_t pos, char c) {
  if (pos >= text.size() || text[pos] != c) {
    bad_time(text, std::string("expected '") + c + "' at position " + std::to_string(pos + 1));
  }
}

}  // namespace

std::int64_t days_from_civil(int year, int month, int day) {
  // H. Hinnant, "chrono-Compatible Low-Level Date Algorithms": exact for all dates.
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

UtcMs parse_local_time(std::string_view text, double utc_offset_h) {
  if (!(std::abs(utc_offset_h) <= 14.0)) bad_time(text, "UTC offset must lie in [-14, 14] hours");
  const int year = digits(text, 0, 4);
  expect(text, 4, '-');
  const int month = digits(text, 5, 2);
  expect(text, 7, '-');
  const int day = digits(text, 8, 2);
  if (text.size() <= 10 || (text[10] != 'T' && text[10] != ' ')) {
    bad_time(text, "expected 'T' between date and time");
  }
  const int hour = digits(text, 11, 2);
  expect(text, 13, ':');
  const int minute = digits(text, 14, 2);
  int second = 0;
  int millis = 0;
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    second = digits(text, pos + 1, 2);
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      std::size_t n = 0;
      while (pos + 1 + n < text.size() && text[pos + 1 + n] >= '0' && text[pos + 1 + n] <= '9') ++n;
      if (n == 0 || n > 3) bad_time(text, "fractional seconds need 1 to 3 digits");
      millis = digits(text, pos + 1, n) * (n == 1 ? 100 : n == 2 ? 10 : 1);
      pos += 1 + n;
    }
  }
  if (pos != text.size()) {
    const char c = text[pos];
    if (c == 'Z' || c == '+' || c == '-') {
      bad_time(text, "give local time without a UTC offset; the offset is a separate setting");
    }
    bad_time(text, "unexpected text after the time");
  }
  if (month < 1 || month > 12) bad_time(text, "month out of range");
  if (day < 1 || day > days_in_month(year, month)) bad_time(text, "day out of range");
  if (hour > 23 || minute > 59 || second > 59) bad_time(text, "time of day out of range");
  const std::int64_t local_ms =
      days_from_civil(year, month, day) * 86'400'000 +
      ((static_cast<std::int64_t>(hour) * 60 + minute) * 60 + second) * 1000 + millis;
  return local_ms - std::llround(utc_offset_h * kMsPerHour);
}

double solar_elevation_deg(GeoPoint place, UtcMs t) {
  const SolarCoordinates sc = solar_coordinates(t);
  const double phi = radians(place.latitude_deg);
  const double h = radians(hour_angle_deg(place, t, sc));
  const double sin_el = std::sin(phi) * std::sin(sc.declination_rad) +
                        std::cos(phi) * std::cos(sc.declination_rad) * std::cos(h);
  return degrees(std::asin(std::clamp(sin_el, -1.0, 1.0)));
}

Light light_at(double elevation_deg) {
  if (elevation_deg >= kSunriseElevationDeg) return Light::kDay;
  if (elevation_deg >= kCivilTwilightElevationDeg) return Light::kTwilight;
  return Light::kNight;
}

SunTimes sun_times(GeoPoint place, int year, int month, int day, double utc_offset_h) {
  const UtcMs local_noon = days_from_civil(year, month, day) * 86'400'000 + 43'200'000 -
                           std::llround(utc_offset_h * kMsPerHour);
  return sun_times_around(place, solar_noon_near(place, local_noon));
}

double hours_to_sun_event(GeoPoint place, UtcMs t) {
  // The nearest event belongs to the solar day of t or to one of its neighbours.
  const UtcMs noon = solar_noon_near(place, t);
  double best = std::numeric_limits<double>::infinity();
  for (int k = -1; k <= 1; ++k) {
    const UtcMs n = solar_noon_near(place, noon + static_cast<UtcMs>(k) * 86'400'000);
    const SunTimes s = sun_times_around(place, n);
    if (s.kind != SunTimes::Kind::kRisesAndSets) continue;
    for (UtcMs e : {s.sunrise, s.sunset}) {
      best = std::min(best, std::abs(static_cast<double>(t - e)) / kMsPerHour);
    }
  }
  return best;
}

SunState sun_state(GeoPoint place, UtcMs t) {
  SunState s;
  s.elevation_deg = solar_elevation_deg(place, t);
  s.hours_to_sun_event = hours_to_sun_event(place, t);
  s.light = light_at(s.elevation_deg);
  return s;
}

}  // namespace bordersim::sensors
