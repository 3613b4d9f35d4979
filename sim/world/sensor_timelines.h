#pragma once
// Every sensor's service timeline and false alarms in one replication (sensor_timelines.cpp).
#include <span>

#include "../run/replica.h"
#include "sensing.h"

namespace bordersim::detail {

// Fills rep.service and rep.false_alarms, kind after kind of service_kinds()
// (run/sensor_service.h), scheduling a kFalseAlarm event per alarm. An alarm is dropped
// when a sensing component says its sensor was not watching then (Sensing::watching: a
// drone with no airframe on station).
void start_service(Replica& rep, std::span<Sensing* const> sensing);

}  // namespace bordersim::detail
