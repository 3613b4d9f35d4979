#pragma once
// The drones' keys: base, orbit, flight, sensor and service. Each struct's members are its
// keys' defaults; its visit_fields, next to it, their JSON names, valid ranges and printing
// order (scenario.h has the conventions and the one list of keys; scenarios/README.md
// documents every key).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/service_keys.h"

namespace bordersim {

// Where a drone searches: back and forth along a line parallel to the border ("line"),
// or a pseudo-random track over a box of the border frame ("random": straight legs of
// uniformly random heading, reflected at the box's edges). Offsets: behind the border
// (+) or before it (−).
struct OrbitSpec {
  std::vector<double> along_border_km;  // [from, to]; required
  double offset_m = 0.0;                // of the line, or of the box's centre line
  std::string pattern = "line";         // "line" or "random"
  double depth_m = 10000.0;             // "random": the box's extent across the border
  double leg_km = 20.0;                 // "random": a new heading after this distance
};

template <class V>
void visit_fields(V& v, OrbitSpec& o) {
  v.required("along_border_km", o.along_border_km, Range::non_negative());
  v.field("offset_m", o.offset_m, Range::any());
  v.field("pattern", o.pattern, Words{"line", "random"});
  v.field("depth_m", o.depth_m, Range::positive());
  v.field("leg_km", o.leg_km, Range::positive());
}

// A drone's sensor (sensors/motion.h): it glimpses every glimpse_period_s what lies within
// range_m on the ground. "inverse_cube": each glimpse detects with probability
// 1 − exp(−k·h·τ / r³) (Koopman's law, r the slant range, h the altitude, τ the period);
// "definite": with probability 1 within range. Both times (1 − concealment).
struct DroneSensorSpec {
  std::string law = "inverse_cube";  // "inverse_cube" or "definite"
  double range_m = 5000.0;           // ground distance beyond which nothing is seen
  double k_m2_per_s = 20000.0;       // inverse-cube constant k (γ = k·h / r³ per second)
  double glimpse_period_s = 5.0;
};

template <class V>
void visit_fields(V& v, DroneSensorSpec& s) {
  v.field("law", s.law, Words{"inverse_cube", "definite"});
  v.field("range_m", s.range_m, Range::positive());
  v.field("k_m2_per_s", s.k_m2_per_s, Range::positive());
  v.field("glimpse_period_s", s.glimpse_period_s, Range::between(0.001, 86400.0));
}

struct DroneSpec {
  double base_km = 0.0;             // along the border
  double base_setback_m = 10000.0;  // behind the border
  OrbitSpec orbit;
  double altitude_m = 1500.0;  // above the ground; lowered to a lower cloud base
  double speed_mps = 40.0;     // on station and in transit
  double endurance_h = 14.0;   // flight time per sortie, transit included
  double turnaround_h = 4.0;   // on the ground between sorties
  std::int64_t airframes = 3;
  double min_ceiling_m = 0.0;  // grounded when the cloud base is lower
  DroneSensorSpec sensor;
  AvailabilitySpec availability;           // of the station (ground control, data link)
  double false_alarms_per_day = 1.0;       // on station, over clutter 1 (scaled by its reach's)
  std::optional<double> report_latency_s;  // absent: response.report_latency_s
};

template <class V>
void visit_fields(V& v, DroneSpec& d) {
  v.field("base_km", d.base_km, Range::non_negative());
  v.field("base_setback_m", d.base_setback_m, Range::any());
  v.required("orbit", d.orbit);
  v.field("altitude_m", d.altitude_m, Range::positive());
  v.field("speed_mps", d.speed_mps, Range::positive());
  v.field("endurance_h", d.endurance_h, Range::positive());
  v.field("turnaround_h", d.turnaround_h, Range::non_negative());
  v.field("airframes", d.airframes, Range::between(1, 10000));
  v.field("min_ceiling_m", d.min_ceiling_m, Range::non_negative());
  v.field("sensor", d.sensor);
  v.field("availability", d.availability);
  v.field("false_alarms_per_day", d.false_alarms_per_day, Range::non_negative());
  v.field("report_latency_s", d.report_latency_s, Range::non_negative());
}

}  // namespace bordersim
