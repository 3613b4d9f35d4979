#pragma once
// The scenario's sensors: which there are, each kind's keys in a header of its own (towers
// with their crews, cameras and radars; drones; patrols and air reconnaissance; ground
// sensors), their service in service_keys.h. A new kind of sensor adds its header here and
// a member of SensorsSpec, visited in the order the resolved scenario prints them
// (scenario.h has the conventions and the one list of keys).
#include <optional>
#include <vector>

#include "bordersim/scenario/drone_keys.h"
#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/ground_sensor_keys.h"
#include "bordersim/scenario/patrol_keys.h"
#include "bordersim/scenario/tower_keys.h"

namespace bordersim {

struct SensorsSpec {
  std::optional<TowersSpec> towers;
  std::vector<DroneSpec> drones;
  std::vector<PatrolSpec> patrols;
  std::vector<AirReconSpec> air_recon;
  std::vector<GroundSensorLineSpec> ground_sensors;
};

template <class V>
void visit_fields(V& v, SensorsSpec& s) {
  v.field("towers", s.towers);
  v.field("drones", s.drones);
  v.field("patrols", s.patrols);
  v.field("air_recon", s.air_recon);
  v.field("ground_sensors", s.ground_sensors);
}

}  // namespace bordersim
