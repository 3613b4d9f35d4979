#pragma once
// Every sensor's service timeline and false alarms in one replication (sensor_timelines.cpp).
#include "../run/replica.h"
#include "drone_sensing.h"

namespace bordersim::detail {

// Fills rep.service and rep.false_alarms, scheduling a kFalseAlarm event per alarm. A
// drone's alarms while no airframe is on station are dropped.
void start_service(Replica& rep, const DroneSensing& drones);

}  // namespace bordersim::detail
