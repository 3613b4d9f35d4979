// The radar's detection law and sector (sensors/radar.h), value by value.
#include <doctest/doctest.h>

#include <cmath>

#include "bordersim/sensors/radar.h"

using namespace bordersim;
using namespace bordersim::sensors;

TEST_CASE("radar Pd: pd0 out to r0, then pd0^((r/r0)^4), nothing beyond range") {
  const RadarSpec radar;  // pd0 0.9, walker r0 5 km, vehicle r0 9 km, range 12 km
  CHECK(radar_pd(radar, RadarTarget::kWalker, 0.0) == 0.9);
  CHECK(radar_pd(radar, RadarTarget::kWalker, 5000.0) == 0.9);
  CHECK(radar_pd(radar, RadarTarget::kWalker, 5000.001) == doctest::Approx(0.9));  // continuous
  CHECK(radar_pd(radar, RadarTarget::kWalker, 10000.0) == doctest::Approx(std::pow(0.9, 16.0)));
  CHECK(radar_pd(radar, RadarTarget::kVehicle, 9000.0) == 0.9);
  CHECK(radar_pd(radar, RadarTarget::kVehicle, 10000.0) ==
        doctest::Approx(std::pow(0.9, std::pow(10.0 / 9.0, 4.0))));
  CHECK(radar_pd(radar, RadarTarget::kVehicle, 12000.0) > 0.0);
  CHECK(radar_pd(radar, RadarTarget::kVehicle, 12000.1) == 0.0);
  // Monotone falling beyond r0.
  double last = 1.0;
  for (double r = 0.0; r <= 12000.0; r += 250.0) {
    const double p = radar_pd(radar, RadarTarget::kWalker, r);
    CHECK(p <= last);
    last = p;
  }
  RadarSpec square = radar;
  square.falloff_exponent = 2.0;
  CHECK(radar_pd(square, RadarTarget::kWalker, 10000.0) == doctest::Approx(std::pow(0.9, 4.0)));
}

TEST_CASE("radar sector: centred on the mast's facing plus the offset, edges included") {
  RadarSpec radar;
  CHECK(in_radar_sector(radar, 0.0, 123.0));  // 360: all round
  radar.sector_width_deg = 90.0;
  radar.sector_centre_deg = 0.0;
  CHECK(in_radar_sector(radar, 0.0, 0.0));
  CHECK(in_radar_sector(radar, 0.0, 45.0));
  CHECK(in_radar_sector(radar, 0.0, -45.0));
  CHECK(in_radar_sector(radar, 0.0, 315.0));
  CHECK_FALSE(in_radar_sector(radar, 0.0, 45.5));
  CHECK_FALSE(in_radar_sector(radar, 0.0, 180.0));
  // Facing south, the sector turned 30° clockwise: centre at 210°, across north is wrapping.
  radar.sector_centre_deg = 30.0;
  CHECK(in_radar_sector(radar, 180.0, 210.0));
  CHECK(in_radar_sector(radar, 180.0, 254.0));
  CHECK(in_radar_sector(radar, -180.0, 166.0));
  CHECK_FALSE(in_radar_sector(radar, 180.0, 160.0));
  CHECK_FALSE(in_radar_sector(radar, 180.0, 30.0));
  // Bearings given many turns away land in the same place.
  CHECK(in_radar_sector(radar, 180.0, 210.0 + 720.0));
  CHECK(in_radar_sector(radar, 180.0 - 1080.0, 210.0));
}

TEST_CASE("radar coverage: within range, the edge included, and in the sector") {
  RadarSpec radar;
  radar.range_m = 5000.0;
  CHECK(in_radar_coverage(radar, 0.0, 3000.0, 4000.0));         // exactly at range
  CHECK_FALSE(in_radar_coverage(radar, 0.0, 3000.0, 4000.01));  // just beyond
  CHECK(in_radar_coverage(radar, 0.0, -4999.0, 0.0));           // all round
  radar.sector_width_deg = 90.0;                                // facing north: 315° to 45°
  CHECK(in_radar_coverage(radar, 0.0, 0.0, 4000.0));
  CHECK(in_radar_coverage(radar, 0.0, 1000.0, 1001.0));  // just inside its 45° edge
  CHECK_FALSE(in_radar_coverage(radar, 0.0, 1000.0, 999.0));
  CHECK_FALSE(in_radar_coverage(radar, 0.0, 0.0, -1000.0));  // behind the mast
  CHECK(in_radar_coverage(radar, 180.0, 0.0, -1000.0));      // facing south
}

TEST_CASE("radar clutter: Pd times the land cover's factor") {
  RadarSpec radar;
  CHECK(radar_scan_probability(radar, RadarTarget::kWalker, 1000.0, terrain::LandCover::kDesert) ==
        0.9);
  CHECK(radar_scan_probability(radar, RadarTarget::kWalker, 1000.0, terrain::LandCover::kUrban) ==
        doctest::Approx(0.27));
  radar.cover_factor[static_cast<std::size_t>(terrain::LandCover::kSwamp)] = 0.0;
  CHECK(radar_scan_probability(radar, RadarTarget::kVehicle, 100.0, terrain::LandCover::kSwamp) ==
        0.0);
}
