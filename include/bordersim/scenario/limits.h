#pragma once
// Limits on what a scenario file may ask for, checked before anything is allocated or
// looped over, so that a hostile or mistaken file fails with exit 2 and a pointer
// instead of exhausting memory or time. Each limit has its reason beside it; the ones a
// user may need to raise are keys (terrain.max_cells, routing.max_cells, --max-memory),
// the others are far above any real border and fit the integer widths the model uses.
#include <cstddef>
#include <cstdint>
#include <limits>

namespace bordersim::limits {

// The scenario text itself. 16 MiB holds thousands of variants; a parsed document takes
// about ten times its text in memory.
inline constexpr std::size_t kMaxScenarioBytes = 16u << 20;
// JSON nesting: the deepest key of a real scenario is about 9 levels down
// (/variants/V/sensors/towers/availability/downtime/0/duration_h); nlohmann's copy,
// merge_patch and dump recurse once per level, so depth must stay far from the stack's.
inline constexpr int kMaxJsonDepth = 64;
// Variant names become HDF5 group names and parts of file names.
inline constexpr std::size_t kMaxVariantNameBytes = 100;
inline constexpr std::size_t kMaxVariants = 10000;

// Indices kept in 16 bits by the model (sector, jurisdiction, drone, origin area): their
// counts must fit, with room to spare for the "none" values some tables use.
inline constexpr std::size_t kMaxSectors = 10000;
inline constexpr std::size_t kMaxJurisdictions = 10000;
inline constexpr std::size_t kMaxDrones = 10000;
inline constexpr std::size_t kMaxOrigins = 10000;
static_assert(kMaxSectors <= std::numeric_limits<std::uint16_t>::max());
static_assert(kMaxJurisdictions <= std::numeric_limits<std::uint16_t>::max());
static_assert(kMaxDrones <= std::numeric_limits<std::uint16_t>::max());
static_assert(kMaxOrigins <= std::numeric_limits<std::uint16_t>::max());

// Entities placed along the border (towers, ground sensors) and responders: a 610 km border
// with a tower every 100 m has 6 100; viewsheds cost memory and time per tower.
inline constexpr std::int64_t kMaxTowers = 100'000;
inline constexpr std::int64_t kMaxGroundSensors = 1'000'000;
inline constexpr std::int64_t kMaxResponders = 100'000;   // QRF teams plus patrol vehicles
inline constexpr std::int64_t kMaxListEntries = 100'000;  // any other list (bases, ...)
// Cameras on each tower: a glimpse's event payload and a camera's scan-phase stream pack
// (view or tower) × 64 + camera (sim/world/tower_sensing.h), so a 65th would alias another.
inline constexpr std::int64_t kMaxCamerasPerTower = 64;

// Per replication: mean arrivals (each crosser's plan is materialised) and the number of
// periodic events (maintenance windows, sorties, fords, patrol laps, drone glimpses) a
// replication may schedule. Ten million events take seconds and hundreds of MB.
inline constexpr double kMaxArrivalsPerReplication = 1e6;
inline constexpr double kMaxPeriodicSteps = 1e7;

// Distances a crosser walks (approach, goal depth) and times must fit the millisecond
// clock with room: a year of simulated time is 3.2e10 ms, far within int64.
inline constexpr double kMaxTravelSeconds = 366.0 * 24.0 * 3600.0 * 10.0;

}  // namespace bordersim::limits

namespace bordersim::limits {

// Keys by their unit suffix (checked over the whole resolved scenario, so a key added
// later is covered): times and distances within what the millisecond clock and the map
// hold with room to spare, speeds fast enough that crossing the largest map fits the clock.
inline constexpr double kMaxSeconds = 1e9;                 // `_s` keys: 31 years
inline constexpr double kMaxHours = kMaxSeconds / 3600.0;  // `_h` keys
inline constexpr double kMaxDistanceM = 2e7;  // `_m` keys: half the earth's circumference
inline constexpr double kMaxDistanceKm = kMaxDistanceM / 1000.0;  // `_km` keys
inline constexpr double kMinSpeedMps = 1e-3;  // `_mps` keys: 2e7 m take 2e10 s = 2e13 ms
inline constexpr double kMaxPerDay = 1e6;     // `_per_day` rates, each over a day
// Spacings along a line (fords, fence gaps) finer than the smallest routing cell (10 m)
// mark no more cells, only loop longer.
inline constexpr double kMinSpacingKm = 0.01;
// Scheduled maintenance windows or random failures per sensor per replication.
inline constexpr double kMaxWindowsPerSensor = 1e5;

}  // namespace bordersim::limits
