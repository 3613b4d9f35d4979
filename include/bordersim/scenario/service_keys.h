#pragma once
// When a sensor is in service: the "availability" keys that towers, drones, patrols and
// ground sensors share. Each struct's members are its keys' defaults; its visit_fields,
// next to it, their JSON names, valid ranges and printing order (scenario.h has the
// conventions and the one list of keys; scenarios/README.md documents every key).
#include <vector>

#include "bordersim/scenario/field_rules.h"

namespace bordersim {

// Scheduled maintenance: down for duration_h at first_at_h + k × every_h (every_h 0: once).
struct DowntimeSpec {
  double first_at_h = 0.0;
  double every_h = 0.0;
  double duration_h = 0.0;  // required
};

template <class V>
void visit_fields(V& v, DowntimeSpec& d) {
  v.field("first_at_h", d.first_at_h, Range::non_negative());
  v.field("every_h", d.every_h, Range::non_negative());
  v.required("duration_h", d.duration_h, Range::positive());
}

// When a sensor is in service (sensors/availability.h): random failures with exponential
// times between failures (mean mtbf_h; 0: never fails) and repairs (mean mttr_h), and
// scheduled maintenance windows.
struct AvailabilitySpec {
  double mtbf_h = 0.0;
  double mttr_h = 4.0;
  std::vector<DowntimeSpec> downtime;
};

template <class V>
void visit_fields(V& v, AvailabilitySpec& a) {
  v.field("mtbf_h", a.mtbf_h, Range::non_negative());
  v.field("mttr_h", a.mttr_h, Range::positive());
  v.field("downtime", a.downtime);
}

}  // namespace bordersim
