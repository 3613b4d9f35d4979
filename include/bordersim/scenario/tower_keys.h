#pragma once
// The towers' keys: where the towers stand, their crews, cameras and radar, their service.
// A new tower-borne sensor adds its struct and visit here. Each struct's members are its
// keys' defaults; its visit_fields, next to it, their JSON names, valid ranges and printing
// order (scenario.h has the conventions and the one list of keys; scenarios/README.md
// documents every key).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/service_keys.h"

namespace bordersim {

// The tower crew's detection rate inside range and sight: a per-second hazard, "instant"
// (cookie cutter), or "none" (cameras only). A number or a word, not an object: the
// visitors read and write it themselves (sim/scenario/field_io.h).
struct DetectionRate {
  bool instant = true;
  double per_s = 0.0;  // used when !instant; 0 with !instant means "none"
  bool none() const { return !instant && per_s == 0.0; }
};

// A camera on every tower (sensors/camera.h has the physics and the sources of these
// defaults: a 1080p visible camera behind a 100 mm lens). Thermal cameras want their own
// pitch (17 µm uncooled LWIR) and pixel count.
struct CameraKeys {
  std::string kind = "visible";  // "visible" or "thermal"
  double hfov_deg = 30.0;
  double pixels = 1920.0;
  double focal_mm = 100.0;
  double pitch_um = 3.0;
  double scan_period_s = 60.0;     // 0: a staring camera
  double scan_sector_deg = 180.0;  // centred on the foreign side
  double n50_cycles = 0.75;
  double target_size_m = 0.75;
  double extinction_per_km = 0.17;
  double stare_glimpse_s = 3.4;  // a staring camera's glimpse interval (scan_period_s 0)
  // Thermal cameras only (sensors/camera.h, ThermalDiurnal); absent: the model's defaults.
  std::optional<double> crossover_half_width_h;  // ± this of sunrise and sunset
  std::optional<double> crossover_factor;        // glimpse probability × this inside it
  std::optional<double> noon_factor;             // × this with the sun at the zenith
  // Contrast (sensors/camera.h, CameraSpec); absent: the kind's default (visible 0.3 and
  // 0.02, fractional; thermal 2 K and 0.1 K).
  std::optional<double> target_contrast;     // a person's inherent contrast, C0
  std::optional<double> threshold_contrast;  // the least contrast the camera sees, Ct
  // Visible cameras only: blind with the sun below this elevation; absent: −6° (civil dusk).
  std::optional<double> darkness_elevation_deg;
};

template <class V>
void visit_fields(V& v, CameraKeys& c) {
  v.field("kind", c.kind, Words{"visible", "thermal"});
  v.field("hfov_deg", c.hfov_deg, Range{0.0, 360.0, true});
  v.field("pixels", c.pixels, Range::at_least(1.0));
  v.field("focal_mm", c.focal_mm, Range::positive());
  v.field("pitch_um", c.pitch_um, Range::positive());
  v.field("scan_period_s", c.scan_period_s, Range::non_negative());
  v.field("scan_sector_deg", c.scan_sector_deg, Range{0.0, 360.0, true});
  v.field("n50_cycles", c.n50_cycles, Range::positive());
  v.field("target_size_m", c.target_size_m, Range::positive());
  v.field("extinction_per_km", c.extinction_per_km, Range::non_negative());
  v.field("stare_glimpse_s", c.stare_glimpse_s, Range::at_least(0.1));
  v.field("crossover_half_width_h", c.crossover_half_width_h, Range::between(0.0, 12.0));
  v.field("crossover_factor", c.crossover_factor, Range::between(0.0, 1.0));
  v.field("noon_factor", c.noon_factor, Range::between(0.0, 1.0));
  v.field("target_contrast", c.target_contrast, Range::positive());
  v.field("threshold_contrast", c.threshold_contrast, Range::positive());
  // From the horizon down to the end of astronomical twilight.
  v.field("darkness_elevation_deg", c.darkness_elevation_deg, Range::between(-18.0, 0.0));
}

struct AlongBorderSpec {
  double spacing_m = 2000.0;
  double offset_m = 1000.0;  // position of the first tower along the border
  double setback_m = 0.0;    // distance behind the border line
};

template <class V>
void visit_fields(V& v, AlongBorderSpec& a) {
  v.field("spacing_m", a.spacing_m, Range::at_least(1.0));
  v.field("offset_m", a.offset_m, Range::non_negative());
  v.field("setback_m", a.setback_m, Range::any());
}

// A ground surveillance radar on every tower (sensors/radar.h has the law and the sources
// of these defaults): one look per scan at each moving target in its sector, range and
// sight, detecting with Pd(r) × the land cover's factor.
struct RadarCoverKeys {
  double desert = 1.0, steppe = 1.0, farmland = 0.8, urban = 0.3, mountain = 0.6, swamp = 0.7,
         water = 1.0, road = 1.0;
};

template <class V>
void visit_fields(V& v, RadarCoverKeys& c) {
  v.field("desert", c.desert, Range::between(0.0, 1.0));
  v.field("steppe", c.steppe, Range::between(0.0, 1.0));
  v.field("farmland", c.farmland, Range::between(0.0, 1.0));
  v.field("urban", c.urban, Range::between(0.0, 1.0));
  v.field("mountain", c.mountain, Range::between(0.0, 1.0));
  v.field("swamp", c.swamp, Range::between(0.0, 1.0));
  v.field("water", c.water, Range::between(0.0, 1.0));
  v.field("road", c.road, Range::between(0.0, 1.0));
}

struct RadarKeys {
  double range_m = 12000.0;
  double sector_centre_deg = 0.0;   // from the tower's facing (the foreign side), clockwise
  double sector_width_deg = 360.0;  // 360: all round
  double scan_period_s = 4.0;
  double pd0 = 0.9;
  double walker_r0_m = 5000.0;
  double vehicle_r0_m = 9000.0;
  double falloff_exponent = 4.0;
  RadarCoverKeys cover_factor;
  // After a report, the radar's next report of the same crosser comes no sooner than this
  // (the tracker updates the post, not every scan).
  double report_interval_s = 60.0;
  double false_alarms_per_day = 2.0;  // per radar, over clutter 1 (scaled by its disc's)
};

template <class V>
void visit_fields(V& v, RadarKeys& r) {
  // At most 50 km: twice the radio horizon between a 20 m mast and a walker (about 24 km),
  // and each tower's viewshed grows with the square of the range.
  v.field("range_m", r.range_m, Range{0.0, 50000.0, true});
  v.field("sector_centre_deg", r.sector_centre_deg, Range::between(-360.0, 360.0));
  v.field("sector_width_deg", r.sector_width_deg, Range{0.0, 360.0, true});
  // At least 0.1 s: a look is an iteration when a leg starts, and a zero period never ends.
  v.field("scan_period_s", r.scan_period_s, Range::between(0.1, 3600.0));
  v.field("pd0", r.pd0, Range::between(0.0, 1.0));
  v.field("walker_r0_m", r.walker_r0_m, Range::positive());
  v.field("vehicle_r0_m", r.vehicle_r0_m, Range::positive());
  v.field("falloff_exponent", r.falloff_exponent, Range::between(0.5, 20.0));
  v.field("cover_factor", r.cover_factor);
  v.field("report_interval_s", r.report_interval_s, Range::between(0.1, 86400.0));
  v.field("false_alarms_per_day", r.false_alarms_per_day, Range::non_negative());
}

struct TowersSpec {
  AlongBorderSpec along_border;
  double height_m = 12.0;        // observer height above ground, for line of sight
  double target_height_m = 1.7;  // a standing person
  double range_m = 1500.0;       // of the crew and of the cameras' viewshed
  DetectionRate detection_rate_per_s;
  double crew_resighting_s = 60.0;  // after losing a crosser, the crew looks again this late
  std::vector<CameraKeys> cameras;
  std::optional<RadarKeys> radar;          // absent: no radar
  AvailabilitySpec availability;           // of the whole tower: crew, cameras and radar
  double false_alarms_per_day = 0.5;       // per tower, over clutter 1 (scaled by its view's)
  std::optional<double> report_latency_s;  // absent: response.report_latency_s

  // How far each tower's line of sight is worked out (its viewshed's reach): as far as the
  // farthest of its sensors looks. Each sensor checks its own range apart.
  double sight_range_m() const { return radar ? std::max(range_m, radar->range_m) : range_m; }
};

template <class V>
void visit_fields(V& v, TowersSpec& t) {
  v.field("along_border", t.along_border);
  v.field("height_m", t.height_m, Range::non_negative());
  v.field("target_height_m", t.target_height_m, Range::non_negative());
  v.field("range_m", t.range_m, Range::positive());
  v.field("detection_rate_per_s", t.detection_rate_per_s);
  // At least a second: the crew's looks are events, and a zero interval would never end.
  v.field("crew_resighting_s", t.crew_resighting_s, Range::at_least(1.0));
  v.field("cameras", t.cameras);
  v.field("radar", t.radar);
  v.field("availability", t.availability);
  v.field("false_alarms_per_day", t.false_alarms_per_day, Range::non_negative());
  v.field("report_latency_s", t.report_latency_s, Range::non_negative());
}

}  // namespace bordersim
