#pragma once
// Counter-based random streams (Philox4x64, Random123), keyed by identity:
// (seed, replication, entity, purpose). Two streams with different keys never share a
// block, and a stream's draws depend on nothing but its key, so adding an entity or a
// purpose leaves every other stream's draws unchanged, whatever the thread count.
// Use Boost.Random distributions on it: std:: distributions differ between libraries.
#include <Random123/philox.h>

#include <cstdint>
#include <limits>

namespace bordersim {

// Who draws. Kinds keep entity numbers of different kinds apart.
enum class EntityKind : std::uint16_t {
  kThreatSource = 1,
  kCrosser = 2,
  kTower = 3,
  kResponder = 4,
  kCommand = 5,
  kDrone = 6,         // index: position in sensors.drones
  kPatrol = 7,        // index: position in sensors.patrols
  kAirRecon = 8,      // index: position in sensors.air_recon
  kGroundSensor = 9,  // index: (line in sensors.ground_sensors) << 32 | sensor in that line
  kWeather = 10,      // index 0: the scenario's weather chain
  kRadar = 11,        // index: the tower carrying it (its scan phase, its false alarms)
  kBenchmark = 0xFFFF,
};

struct EntityKey {
  EntityKind kind;
  std::uint64_t index;
};

// What the draws are for: one stream per purpose, so that using more draws for one
// purpose never shifts the draws of another.
enum class Purpose : std::uint32_t {
  kArrivals = 1,
  kAttributes = 2,
  kDetection = 3,
  kResponse = 4,
  kScanPhase = 5,
  kSchedulePhase = 6,     // where a moving sensor is on its cycle at the start
  kRoute = 7,             // a pseudo-random search track
  kAirDetection = 8,      // a crosser's draws against drones' glimpses
  kAvailability = 9,      // a sensor's failures and repairs (sensors/availability.h)
  kFalseAlarm = 10,       // a sensor's false alarms: times and places (sensors/false_alarms.h)
  kClassification = 20,   // the command post's verdict on each report
  kDispatch = 21,         // dispatch delays and time on scene of responders
  kCorridor = 22,         // an adaptive organisation's choice of corridor
  kGroundDetection = 23,  // a crosser's draws against ground sensors
  kSpeed = 24,            // a crosser's speed, when it varies (movers/crosser_variety.h)
  kGoalDepth = 25,        // a crosser's goal depth, when it varies
  kWeather = 26,          // the weather chain's states and spells (sensors/weather.h)
  kAssessment = 27,       // the post's assessments of reports by tower cameras
  kRadarDetection = 28,   // a crosser's draws against radars' scans
  kBenchmark = 0xFFFF,
};

struct StreamKey {
  std::uint64_t seed;
  std::uint64_t replication;
  EntityKey entity;
  Purpose purpose;
};

// A UniformRandomBitGenerator over 64-bit words.
class Stream {
 public:
  using result_type = std::uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  explicit Stream(const StreamKey& key);

  result_type operator()() {
    if (used_ == kWordsPerBlock) refill();
    return block_.v[used_++];
  }

 private:
  using Philox = r123::Philox4x64;
  static constexpr unsigned kWordsPerBlock = 4;
  void refill();

  Philox::key_type key_{};
  Philox::ctr_type counter_{};  // {entity, kind|purpose, block index, 0}
  Philox::ctr_type block_{};
  unsigned used_ = kWordsPerBlock;
};

// A double in [0, 1) from the top 53 bits: exact and identical everywhere.
inline double uniform01(Stream& stream) { return static_cast<double>(stream() >> 11) * 0x1.0p-53; }

}  // namespace bordersim
