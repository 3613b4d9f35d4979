#pragma once
// The kinds of sensor, in one table. Everything that lists sensor kinds reads it: the
// record's first_detector and the trace's sensor (names written to the result file and
// read back), the summary's first_detector/<name>/share rows and the console's "First
// detections by", `bordersim explain`'s sentences, and which entity keys a kind's streams.
//
// Adding a kind of sensor. The tower radar edits six existing files, one step each:
//  1. here: an enumerator of Detector and a row of kSensorKinds, appended last so that
//     existing values and the summary's row order stay as they are;
//  2. random/stream.h: an EntityKind for its sites' streams and, if crossers draw against
//     it, a Purpose (every stream identity is there, so that none collide);
//  3. its keys, each struct next to its visit_fields (defaults, JSON names, ranges):
//     scenario/tower_keys.h for a tower-borne sensor (and TowersSpec::sight_range_m, how far
//     the towers' viewsheds reach); for any other, a new scenario/<kind>_keys.h and a member
//     of SensorsSpec (scenario/sensor_keys.h: a seventh file);
//  4. its resolved parameters: a member of Model (run/model.h);
//  5. its service: a row of sim/run/service_kinds.cpp (sites, availability, false alarms,
//     report latency) whose build resolves its keys into those parameters;
//  6. its sensing: a member of World (sim/world/world.h).
// and adds its own: its law (sensors/<kind>.h, sim/sensors/<kind>.cpp), its sensing
// component (sim/world/<kind>_sensing.h and .cpp: derives from Sensing, its events an enum
// of its own), its tests, and its keys' documentation (scenarios/README.md). The record
// codec, result files and their column docs, summary, console, trace, `explain`, service
// timelines, false alarms and event routing follow these. Optional: its sites on the map
// (run/layout.h, sim/run/layout.cpp, sim/io/layout_io.cpp, tools/bordersim_py/map.py), a
// line of the trace columns' prose (sim/io/trace_table.cpp), a regression case.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bordersim/random/stream.h"

namespace bordersim {

// The kind of sensor behind a detection. Its value is the record codec's byte: append only.
enum class Detector : std::uint8_t {
  kNone = 0,
  kTowerCrew = 1,
  kCamera = 2,
  kDrone = 3,
  kPatrol = 4,
  kAirRecon = 5,
  kGroundSensor = 6,
  kRadar = 7,
};

struct SensorKind {
  Detector detector;
  // The value in the result file's first_detector and trace sensor columns, and the
  // summary's first_detector/<name>/share metric: part of the file format.
  std::string_view name;
  std::string_view label;  // for people: the console table
  // `bordersim explain`'s name of one of them: {id} its index, {note} the trace row's
  // note followed by a space when it has one (a camera's kind).
  std::string_view story;
  EntityKind entity;  // whose streams and service timelines its sites use
};

// In enumerator order, kNone left out: the summary's order.
inline constexpr std::array kSensorKinds = {
    SensorKind{Detector::kTowerCrew, "tower_crew", "tower crew", "tower {id}'s crew",
               EntityKind::kTower},
    SensorKind{Detector::kCamera, "camera", "camera", "tower {id}'s {note}camera",
               EntityKind::kTower},
    SensorKind{Detector::kDrone, "drone", "drone", "drone {id}", EntityKind::kDrone},
    SensorKind{Detector::kPatrol, "patrol", "patrol", "patrol vehicle {id}", EntityKind::kPatrol},
    SensorKind{Detector::kAirRecon, "air_recon", "air recon", "reconnaissance aircraft {id}",
               EntityKind::kAirRecon},
    SensorKind{Detector::kGroundSensor, "ground_sensor", "ground sensor", "ground sensor {id}",
               EntityKind::kGroundSensor},
    SensorKind{Detector::kRadar, "radar", "radar", "tower {id}'s radar", EntityKind::kRadar},
};

inline constexpr std::string_view kNoDetectorName = "none";

constexpr bool sensor_kinds_in_enumerator_order() {
  for (std::size_t i = 0; i < kSensorKinds.size(); ++i)
    if (static_cast<std::size_t>(kSensorKinds[i].detector) != i + 1) return false;
  return true;
}
static_assert(sensor_kinds_in_enumerator_order(), "kSensorKinds: one row per Detector, in order");

// The kinds a first detection is attributed to, in summary order.
inline constexpr std::array<Detector, kSensorKinds.size()> kDetectorKinds = [] {
  std::array<Detector, kSensorKinds.size()> kinds{};
  for (std::size_t i = 0; i < kinds.size(); ++i) kinds[i] = kSensorKinds[i].detector;
  return kinds;
}();

// Every value a file may hold, kNone first: what a reader parses against.
inline constexpr std::array<Detector, kSensorKinds.size() + 1> kDetectorValues = [] {
  std::array<Detector, kSensorKinds.size() + 1> values{};
  for (std::size_t i = 0; i < kSensorKinds.size(); ++i) values[i + 1] = kSensorKinds[i].detector;
  return values;
}();

// The row of a kind; nullptr for kNone and values no row has.
constexpr const SensorKind* sensor_kind(Detector detector) {
  const auto i = static_cast<std::size_t>(detector);
  return i >= 1 && i <= kSensorKinds.size() ? &kSensorKinds[i - 1] : nullptr;
}

constexpr std::string_view to_string(Detector detector) {
  if (detector == Detector::kNone) return kNoDetectorName;
  const SensorKind* kind = sensor_kind(detector);
  return kind ? kind->name : "unknown";
}

}  // namespace bordersim
