#pragma once
// Whether each sensor is in service, the false alarms it raises and how fast it reports:
// the model's part (ground sensor sites, clutter factors, availability parameters and
// latencies, built once by build_sensor_service) and one replication's part (timelines
// and alarms drawn from the sensor's keyed streams, the same in every variant that has
// that sensor). What differs between kinds of sensor is one row per kind (ServiceKind,
// service_kinds.cpp); the functions here go through the rows and name no kind.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bordersim/random/stream.h"
#include "bordersim/run/model.h"
#include "bordersim/sensors/availability.h"
#include "bordersim/sensors/false_alarms.h"

namespace bordersim {

// A sensor of the model: the EntityKind of a row of service_kinds(), and its site i among
// that row's sites (the row's `sites`: model.towers for kTower, model.drones for kDrone, …).
struct SensorRef {
  EntityKind kind = EntityKind::kTower;
  std::size_t index = 0;
};

// What one kind of sensor's service is, read off the model site by site (i below
// sites(model)). Null functions say the kind has none of that.
struct ServiceKind {
  EntityKind kind;
  std::size_t (*sites)(const Model& model);
  // The index keying its streams: i where null (ground sensors: GroundSensorSite::key).
  std::uint64_t (*stream_index)(const Model& model, std::size_t i) = nullptr;
  // Its failures and repairs, drawn from its kAvailability stream; null: always up.
  const sensors::AvailabilityParams& (*availability)(const Model& model, std::size_t i) = nullptr;
  // A kind with no service of its own: its site i is up when this kind's site i is (a
  // radar when its tower is), and no stream of its own is drawn.
  std::optional<EntityKind> in_service_with = std::nullopt;
  // Down, besides, while the weather keeps drones on the ground (WeatherChain::grounds_drones).
  bool grounded_by_weather = false;
  // Its false alarms (null rate: it raises none; crews check on the spot what they see): a
  // Poisson rate, the area they fall in and where in it the sensor looks (null: all of it),
  // places accepted with probability clutter / max clutter where it looks.
  double (*false_alarms_per_s)(const Model& model, std::size_t i) = nullptr;
  sensors::AlarmArea (*alarm_area)(const Model& model, std::size_t i) = nullptr;
  bool (*looks_at)(const Model& model, std::size_t i, MapPoint p) = nullptr;
  // The time from its detection to the report at the command post.
  double (*report_latency_s)(const Model& model, std::size_t i) = nullptr;
  // Resolves its service keys into its sites (ground sensors: makes the sites too). Throws
  // InputError naming `file`.
  void (*build)(Model& model, const Scenario& scenario, const std::string& file) = nullptr;
};

// One row per kind of sensor, in EntityKind order. Rows are built and alarms raised in this
// order (of two alarms due at the same instant, the earlier row's reaches the post first).
std::span<const ServiceKind> service_kinds();
// The row of `kind`; throws std::invalid_argument where it has none.
const ServiceKind& service_kind(EntityKind kind);

sensors::AvailabilityParams availability_params(const AvailabilitySpec& spec);

// Ground sensor lines, and every sensor's availability, clutter, false-alarm rate and
// report latency: each row's build, in order. Called by build_model after the towers and
// the moving sensors. Throws InputError naming `file` where a line's stretch lies beyond a
// border read from a file.
void build_sensor_service(Model& model, const Scenario& scenario, const std::string& file);

// Availability timelines cover the run and the walks still under way after it:
// duration + 72 h. Past it every sensor is up.
Time service_horizon(const Model& model);

// The sensor's up/down timeline in one replication, from
// Stream(seed, replication, {kind, key}, kAvailability), key = the row's stream_index.
// Always up for a kind without availability; for one in service with another (the row's
// in_service_with), that one's timeline.
sensors::Availability sensor_availability(const Model& model, SensorRef sensor,
                                          std::uint64_t replication);

// The sensor's false alarms in [0, duration) while `availability` is up, from
// Stream(seed, replication, {kind, key}, kFalseAlarm), at the row's rate. Places: in the
// row's alarm_area, where it looks_at, accepted in proportion to clutter. None for a kind
// whose row has no rate (patrols, air reconnaissance: crews check on the spot what they
// see). A drone's alarms do not know its airframes' rotation: the world drops those that
// fall while no airframe is on station (Sensing::watching).
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
