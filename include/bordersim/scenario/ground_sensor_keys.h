#pragma once
// The keys of unattended ground sensors (seismic, acoustic, passive infrared). The struct's
// members are its keys' defaults; its visit_fields, next to it, their JSON names, valid
// ranges and printing order (scenario.h has the conventions and the one list of keys;
// scenarios/README.md documents every key).
#include <vector>

#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/service_keys.h"

namespace bordersim {

// A line of unattended ground sensors (seismic, acoustic, passive infrared) along a stretch
// of the border: one every spacing_m from its start, setback_m behind the line. Each
// detects a crosser with probability detection_probability when the crosser enters its
// disc of radius_m (once per pass; concealment does not apply).
struct GroundSensorLineSpec {
  std::vector<double> along_border_km;  // [from, to]; empty: the whole border
  double spacing_m = 500.0;
  double setback_m = 100.0;
  double radius_m = 30.0;
  double detection_probability = 0.8;
  double false_alarms_per_day = 2.0;  // per sensor, over clutter 1 (scaled by its disc's)
  double report_latency_s = 30.0;     // an automatic radio relay
  AvailabilitySpec availability;      // of each sensor, independently
};

template <class V>
void visit_fields(V& v, GroundSensorLineSpec& g) {
  v.field("along_border_km", g.along_border_km, Range::non_negative());
  v.field("spacing_m", g.spacing_m, Range::at_least(1.0));
  v.field("setback_m", g.setback_m, Range::any());
  v.field("radius_m", g.radius_m, Range::positive());
  v.field("detection_probability", g.detection_probability, Range::between(0.0, 1.0));
  v.field("false_alarms_per_day", g.false_alarms_per_day, Range::non_negative());
  v.field("report_latency_s", g.report_latency_s, Range::non_negative());
  v.field("availability", g.availability);
}

}  // namespace bordersim
