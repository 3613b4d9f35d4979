#pragma once
// The model's vocabulary: the kinds of crosser, mover, cargo, sensor, responder and
// outcome that the scenario's words resolve to and that records, results and files name.
// The lowest layer that speaks of crossings, so that movers/, stats/ and run/ can share
// it without including each other (tools/check_layers.py keeps includes running down).
#include <cstdint>
#include <string_view>

#include "bordersim/core/sensor_kinds.h"  // Detector and the table of sensor kinds

namespace bordersim {

enum class CrosserKind : std::uint8_t { kInfiltrator = 0, kSmuggler = 1 };
enum class Mover : std::uint8_t { kFoot = 0, kVehicle = 1 };
enum class CargoKind : std::uint8_t { kNone = 0, kDrugs = 1, kWeapons = 2, kPeople = 3 };

// Who intercepted a crossing: a quick-reaction team from its base or a patrol's vehicle.
enum class Responder : std::uint8_t { kNone = 0, kQuickReaction = 1, kPatrol = 2 };

enum class Outcome : std::uint8_t {
  kUndetected = 0,              // reached its goal unseen
  kDetectedNotIntercepted = 1,  // seen, but reached its goal
  kIntercepted = 2,
  kAborted = 3,  // turned back
};

std::string_view to_string(CrosserKind kind);
std::string_view to_string(Outcome outcome);

// Inline: the names are the result file's column values (io/result_file.h).
inline std::string_view to_string(Mover mover) {
  return mover == Mover::kVehicle ? "vehicle" : "foot";
}
inline std::string_view to_string(CargoKind cargo) {
  switch (cargo) {
    case CargoKind::kNone:
      return "none";
    case CargoKind::kDrugs:
      return "drugs";
    case CargoKind::kWeapons:
      return "weapons";
    case CargoKind::kPeople:
      return "people";
  }
  return "unknown";
}
inline std::string_view to_string(Responder responder) {
  switch (responder) {
    case Responder::kNone:
      return "none";
    case Responder::kQuickReaction:
      return "qrf";
    case Responder::kPatrol:
      return "patrol";
  }
  return "unknown";
}

}  // namespace bordersim
