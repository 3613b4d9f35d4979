#pragma once
// Where the sun is: elevation, sunrise and sunset, and whether it is day, twilight or
// night, for a place and an instant. Cameras need it (visible cameras are blind at night;
// thermal contrast collapses around sunrise and sunset).
//
// Algorithm: NOAA's solar position calculator (the "General Solar Position Calculations"
// spreadsheet, after Meeus, "Astronomical Algorithms", 1991, ch. 25 and 28): the sun's
// apparent longitude, declination and the equation of time from the Julian century; the
// elevation from the hour angle. Accurate to about 0.01° in declination and a few seconds
// in the equation of time for 1800–2100, far inside the 0.5° the model needs. The elevation
// is geometric (no refraction): civil twilight (−6°) is defined on geometric elevation,
// and refraction changes nothing that matters below the horizon.
#include <cstdint>
#include <limits>
#include <string_view>

#include "bordersim/core/time.h"

namespace bordersim::sensors {

// An absolute instant: milliseconds since 1970-01-01T00:00:00Z. Simulation times are
// offsets from the scenario's start, so `start + t` is the instant of simulation time t.
using UtcMs = std::int64_t;

inline UtcMs instant_at(UtcMs start, Time t) { return start + t; }

struct GeoPoint {
  double latitude_deg = 0.0;   // north positive
  double longitude_deg = 0.0;  // east positive
};

// Parses an ISO-8601 local date-time "YYYY-MM-DDThh:mm[:ss[.fff]]" (a space may replace
// the 'T') and converts it to UTC with the given offset (local = UTC + utc_offset_h; Iraq
// is +3). The scenario's `start` is local time without an offset, hence the separate
// parameter. Throws std::invalid_argument naming what is wrong (the caller adds the file
// and JSON pointer); an explicit offset or 'Z' in the text is rejected rather than guessed.
UtcMs parse_local_time(std::string_view text, double utc_offset_h);

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, int month, int day);

// Geometric elevation of the sun's centre above the horizon, in degrees.
double solar_elevation_deg(GeoPoint place, UtcMs t);

// The standard sunrise/sunset altitude: the upper limb on a sea-level horizon, with 34'
// of refraction and a 16' semi-diameter (USNO, NOAA).
inline constexpr double kSunriseElevationDeg = -0.833;
// Civil twilight ends (evening) / begins (morning) at a geometric elevation of −6°.
inline constexpr double kCivilTwilightElevationDeg = -6.0;

enum class Light { kDay, kTwilight, kNight };

// kDay above the sunrise altitude, kTwilight down to −6° (civil twilight), kNight below.
Light light_at(double elevation_deg);

struct SunTimes {
  enum class Kind { kRisesAndSets, kAlwaysUp, kAlwaysDown };
  Kind kind = Kind::kRisesAndSets;
  UtcMs solar_noon = 0;
  UtcMs sunrise = 0;  // meaningful only for kRisesAndSets
  UtcMs sunset = 0;
};

// Solar noon, sunrise and sunset (upper limb at −0.833°) of a local calendar date. The
// times are UTC instants; add utc_offset_h for local clock times. Each event is refined
// by iteration on the declination and equation of time at the event itself (the NOAA
// spreadsheet evaluates them at noon), which keeps it within a minute of USNO tables.
SunTimes sun_times(GeoPoint place, int year, int month, int day, double utc_offset_h);

// Hours between t and the nearest sunrise or sunset (before or after); +inf where the sun
// neither rises nor sets within a day of t (polar day or night).
double hours_to_sun_event(GeoPoint place, UtcMs t);

// What a sensor needs to know about the sky at one place and instant.
struct SunState {
  double elevation_deg = 90.0;
  double hours_to_sun_event = std::numeric_limits<double>::infinity();  // see below
  Light light = Light::kDay;
};

SunState sun_state(GeoPoint place, UtcMs t);

}  // namespace bordersim::sensors
