#pragma once
// Whether each sensor is in service, the false alarms it raises and how fast it reports:
// the model's part (ground sensor sites, clutter factors, availability parameters and
// latencies, built once by build_sensor_service) and one replication's part (timelines
// and alarms drawn from the sensor's keyed streams, the same in every variant that has
// that sensor).
#include <cstdint>
#include <string>
#include <vector>

#include "bordersim/random/stream.h"
#include "bordersim/run/model.h"
#include "bordersim/sensors/availability.h"
#include "bordersim/sensors/false_alarms.h"

namespace bordersim {

// A sensor of the model: kTower (model.towers), kDrone (model.drones), kPatrol
// (model.patrols), kAirRecon (model.air_recon, latency only), kGroundSensor
// (model.ground_sensors) or kRadar (the radar on model.towers[index]: its false alarms and
// latency; it is in service when its tower is), and its position in that list.
struct SensorRef {
  EntityKind kind = EntityKind::kTower;
  std::size_t index = 0;
};

sensors::AvailabilityParams availability_params(const AvailabilitySpec& spec);

// Ground sensor lines, and every sensor's availability, clutter, false-alarm rate and
// report latency. Called by build_model after the towers and the moving sensors.
// Throws InputError naming `file` where a line's stretch lies beyond a border read from a
// file.
void build_sensor_service(Model& model, const Scenario& scenario, const std::string& file);

// Availability timelines cover the run and the walks still under way after it:
// duration + 72 h. Past it every sensor is up.
Time service_horizon(const Model& model);

// The sensor's up/down timeline in one replication, from
// Stream(seed, replication, {kind, key}, kAvailability), key = the index for towers, drones
// and patrols and GroundSensorSite::key for ground sensors. Always up for kAirRecon.
sensors::Availability sensor_availability(const Model& model, SensorRef sensor,
                                          std::uint64_t replication);

// The sensor's false alarms in [0, duration) while `availability` is up, from
// Stream(seed, replication, {kind, key}, kFalseAlarm). Places: a tower's, in its range and
// sight, where clutter is high; a radar's likewise, in its range, sector and sight; a
// ground sensor's, in its disc; a drone's, in its reach box. None for patrols and air
// reconnaissance (crews check on the spot what they see), nor for a grounded drone. A drone's
// alarms do not know its airframes' rotation: the world drops those that fall while no airframe is
// on station.
std::vector<sensors::FalseAlarm> sensor_false_alarms(const Model& model, SensorRef sensor,
                                                     const sensors::Availability& availability,
                                                     std::uint64_t replication);

// The time from the sensor's detection to the report at the command post.
double sensor_report_latency_s(const Model& model, SensorRef sensor);

// A walking crosser's straight leg from a (at ta, seconds) to b (at tb) is inside ground
// sensor `sensor`'s disc from enter_s to leave_s (clipped to the leg).
struct GroundSensorPass {
  std::uint32_t sensor = 0;  // into model.ground_sensors
  double enter_s = 0.0;
  double leave_s = 0.0;
  bool starts_inside = false;  // a lies in the disc: the pass began on an earlier leg
};

// Every ground sensor whose disc the leg passes through, ascending by sensor. The world
// then draws the detection at enter_s with probability detection_probability, if the
// sensor is up at enter_s and the pass is new (not starts_inside, unless this is the
// crosser's first leg): one draw per pass through a disc.
std::vector<GroundSensorPass> ground_sensor_passes(const Model& model, MapPoint a, double ta,
                                                   MapPoint b, double tb);

}  // namespace bordersim
