// Resource limits of a scenario (issue 12, scenario/limits.h): each count a scenario
// controls is accepted at its limit and refused one past it, at the key to change, before
// anything is allocated; units by suffix bound times, distances and speeds; the memory
// estimate names the part over budget.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "../support/scenario_errors.h"
#include "bordersim/core/error.h"
#include "bordersim/routes/cost_field.h"
#include "bordersim/run/memory_estimate.h"
#include "bordersim/run/model.h"
#include "bordersim/run/route_planning.h"
#include "bordersim/scenario/limits.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

std::pair<std::string, std::string> error_of(const std::string& text) {
  return testing::load_error_of(text);
}

std::string sectors(std::size_t n) {
  std::string split;
  for (std::size_t i = 0; i <= n; ++i)
    split +=
        fmt::format("{}{}", i ? "," : "", 10.0 * static_cast<double>(i) / static_cast<double>(n));
  return R"({"terrain": {"flat": {"length_km": 10, "depth_km": 20}}, "sectors": {"split_along_border_km": [)" +
         split + "]}}";
}

std::string jurisdictions(std::size_t n) {
  std::string list;
  for (std::size_t i = 0; i < n; ++i)
    list += fmt::format(R"({}{{"name": "j{}"}})", i ? "," : "", i);
  return R"({"jurisdictions": [)" + list + "]}";
}

std::string origins(std::size_t n) {
  std::string list;
  for (std::size_t i = 0; i < n; ++i)
    list += fmt::format(R"({}{{"along_border_km": [0, 1]}})", i ? "," : "");
  return R"({"threats": {"infiltrators": {"origins": [)" + list + "]}}}";
}

std::string cameras(std::int64_t n) {
  std::string list;
  for (std::int64_t i = 0; i < n; ++i)
    list += fmt::format(R"({}{{"kind": "visible"}})", i ? "," : "");
  return R"({"sensors": {"towers": {"cameras": [)" + list + "]}}}";
}

std::string airframes(std::int64_t first, std::int64_t second) {
  return fmt::format(
      R"({{"sensors": {{"drones": [{{"orbit": {{"along_border_km": [0, 10]}}, "airframes": {}, "sensor": {{"glimpse_period_s": 3600}}}},
                                                  {{"orbit": {{"along_border_km": [0, 10]}}, "airframes": {}, "sensor": {{"glimpse_period_s": 3600}}}}]}}}})",
      first, second);
}

// A synthetic corridor with walkers and three QRF bases: four route fields.
constexpr const char* kThreeBases = R"({
    "terrain": {"synthetic": {"length_km": 30, "depth_km": 10, "foreign_depth_km": 4, "seed": 3}, "cell_m": 100},
    "threats": {"infiltrators": {"per_day": 10, "goal_depth_km": 5}},
    "response": {"qrf": {"bases_km": [5, 15, 25], "setback_m": 6000}}})";

// The estimate's part whose description holds `words`; null where none does.
const MemoryPart* part_named(const MemoryEstimate& e, const std::string& words) {
  const auto part = std::find_if(e.parts.begin(), e.parts.end(), [&](const MemoryPart& p) {
    return p.what.find(words) != std::string::npos;
  });
  return part == e.parts.end() ? nullptr : &*part;
}

}  // namespace

TEST_CASE(
    "16-bit indices and packed payloads: sectors, jurisdictions, origin areas, cameras per tower "
    "and airframes stop at their limit") {
  static_assert(limits::kMaxSectors == 10000 && limits::kMaxJurisdictions == 10000);
  CHECK_NOTHROW(load_scenario_text(sectors(limits::kMaxSectors), "s.json"));
  CHECK(error_of(sectors(limits::kMaxSectors + 1)).first == "/sectors/split_along_border_km");
  CHECK_NOTHROW(load_scenario_text(jurisdictions(limits::kMaxJurisdictions), "s.json"));
  const auto [ptr, problem] = error_of(jurisdictions(limits::kMaxJurisdictions + 1));
  CHECK(ptr == "/jurisdictions");
  CHECK(problem == "this makes 10001 jurisdictions, over the limit of 10000");
  CHECK_NOTHROW(load_scenario_text(origins(limits::kMaxOrigins), "s.json"));
  CHECK(error_of(origins(limits::kMaxOrigins + 1)).first == "/threats/infiltrators/origins");
  CHECK_NOTHROW(load_scenario_text(cameras(limits::kMaxCamerasPerTower), "s.json"));
  const auto [camera_ptr, camera_problem] = error_of(cameras(limits::kMaxCamerasPerTower + 1));
  CHECK(camera_ptr == "/sensors/towers/cameras");
  CHECK(camera_problem == "this makes 65 cameras on each tower, over the limit of 64");
  CHECK_NOTHROW(load_scenario_text(airframes(5000, 5000), "s.json"));
  CHECK(error_of(airframes(5000, 5001)).first == "/sensors/drones/1/airframes");
  // Organisations are numbered 1.. in 16 bits with 0 for none: 65534 is the key's range.
  CHECK_NOTHROW(
      load_scenario_text(R"({"threats": {"smugglers": {"organisations": 65534}}})", "s.json"));
  CHECK(error_of(R"({"threats": {"smugglers": {"organisations": 65535}}})").first ==
        "/threats/smugglers/organisations");
}

TEST_CASE("counts along the border and per replication are refused past their limit") {
  // 610 km of flat border: towers every 6.11 m make 99 837 (offset 0), every 6 m 101 667.
  CHECK_NOTHROW(load_scenario_text(
      R"({"sensors": {"towers": {"along_border": {"spacing_m": 6.11, "offset_m": 0}}}})",
      "s.json"));
  CHECK(error_of(R"({"sensors": {"towers": {"along_border": {"spacing_m": 6, "offset_m": 0}}}})")
            .first == "/sensors/towers/along_border/spacing_m");
  // Two lines of 610 001 sensors each: the second takes the total past a million.
  CHECK(
      error_of(R"({"sensors": {"ground_sensors": [{"spacing_m": 1}, {"spacing_m": 1}]}})").first ==
      "/sensors/ground_sensors/1/spacing_m");
  CHECK(error_of(R"({"response": {"qrf": {"bases_km": [1, 2], "teams_per_base": 10000},
                     "report_latency_s": 1}, "sensors": {"patrols": [{"vehicles": 100000}]}})")
            .first == "/sensors/patrols/0/vehicles");
  // A million crossers a replication is the limit: 1e6 a day for a day.
  CHECK_NOTHROW(load_scenario_text(R"({"threats": {"infiltrators": {"per_day": 1e6}}})", "s.json"));
  CHECK(error_of(R"({"duration_h": 48, "threats": {"infiltrators": {"per_day": 1e6}}})").first ==
        "/threats/infiltrators/per_day");
  CHECK(
      error_of(
          R"({"sensors": {"towers": {"availability": {"downtime": [{"every_h": 1e-4, "duration_h": 1e-5}]}}}})")
          .first == "/sensors/towers/availability/downtime/0/every_h");
  CHECK_NOTHROW(load_scenario_text(
      R"({"sensors": {"towers": {"availability": {"downtime": [{"every_h": 1e-3, "duration_h": 1e-5}]}}}})",
      "s.json"));
  CHECK(error_of(R"({"sensors": {"patrols": [{"along_border_km": [0, 1e-6]}]}})").first ==
        "/sensors/patrols/0/along_border_km");
  CHECK(error_of(R"({"obstacles": {"rivers": {"ford_every_km": 0.001}}})").first ==
        "/obstacles/rivers/ford_every_km");
  CHECK_NOTHROW(
      load_scenario_text(R"({"obstacles": {"rivers": {"ford_every_km": 0.01}}})", "s.json"));
}

TEST_CASE("times, distances and speeds stay within what the millisecond clock holds") {
  CHECK(error_of(R"({"response": {"track_hold_s": 1e300}})").first == "/response/track_hold_s");
  CHECK_NOTHROW(load_scenario_text(R"({"response": {"track_hold_s": 1e9}})", "s.json"));
  CHECK(error_of(R"({"threats": {"infiltrators": {"approach_m": 1e12}}})").first ==
        "/threats/infiltrators/approach_m");
  CHECK(error_of(R"({"threats": {"infiltrators": {"speed_mps": 1e-9}}})").first ==
        "/threats/infiltrators/speed_mps");
  CHECK_NOTHROW(
      load_scenario_text(R"({"threats": {"infiltrators": {"speed_mps": 0.001}}})", "s.json"));
  // A pointer into a variant's patch when the patch wrote the key.
  CHECK(error_of(R"({"variants": {"slow": {"response": {"qrf": {"speed_mps": 1e-300}}}}})").first ==
        "/variants/slow/response/qrf/speed_mps");
}

TEST_CASE("--max-memory sizes and the estimate's message") {
  CHECK(parse_memory_size("1000") == 1000);
  CHECK(parse_memory_size("2K") == 2048);
  CHECK(parse_memory_size("1.5G") == 1536ull << 20);
  CHECK(parse_memory_size("50%") > 0);
  CHECK_THROWS_AS(parse_memory_size("lots"), std::invalid_argument);
  CHECK_THROWS_AS(parse_memory_size("5X"), std::invalid_argument);
  CHECK_THROWS_AS(parse_memory_size("0"), std::invalid_argument);
  CHECK_THROWS_AS(parse_memory_size("200%"), std::invalid_argument);

  const auto loaded = load_scenario_text(
      R"({"threats": {"infiltrators": {"per_day": 100}}, "batch": {"replications": 1000000000}})",
      "s.json");
  const MemoryEstimate estimate = estimate_memory(loaded, 1);
  // 1e9 replications of about 100 crossings of ~100 bytes: terabytes.
  CHECK(estimate.total() > 1e12);
  try {
    check_memory_budget(estimate, std::uint64_t{64} << 30, "s.json");
    FAIL("expected the budget to be exceeded");
  } catch (const InputError& e) {
    CHECK(e.pointer() == "/batch/replications");
    CHECK(e.problem().find("over the memory budget of 64.0 GiB") != std::string::npos);
  }
  const auto small = load_scenario_text(R"({"batch": {"replications": 10}})", "s.json");
  CHECK_NOTHROW(check_memory_budget(estimate_memory(small, 2), std::uint64_t{1} << 30, "s.json"));
}

TEST_CASE("the memory estimate counts the route solver's scratch: one per field solved at once") {
  // Four fields (the walkers' and one per base), solved side by side.
  const auto loaded = load_scenario_text(kThreeBases, "s.json");
  const Model model = build_model(loaded.base, loaded.file);
  REQUIRE(model.routing);
  const double cells = static_cast<double>(model.routing->surface->geometry().cell_count());
  const double fields =
      static_cast<double>(model.routing->crosser_fields.size() + model.routing->base_fields.size());
  REQUIRE(fields == 4.0);
  const double scratch = cells * static_cast<double>(routes::CostField::kSolveScratchBytesPerCell);
  for (const int threads : {1, 2, 8}) {
    CAPTURE(threads);
    const MemoryEstimate e = estimate_memory(loaded, threads);
    const MemoryPart* part = part_named(e, "route fields solved");
    REQUIRE(part);
    // As many scratch arrays as threads solve fields at once (no more than there are fields).
    CHECK(part->bytes >= std::min(static_cast<double>(threads), fields) * scratch);
  }
}

TEST_CASE("the memory estimate counts the queues the QRF bases' fields keep while paused") {
  // Each base's field is built in part and keeps its paused Dijkstra's queue for the whole
  // batch (at most CostField::kFrontierBytesPerCell per cell, test_cost_field_settle.cpp).
  const auto loaded = load_scenario_text(kThreeBases, "s.json");
  const Model model = build_model(loaded.base, loaded.file);
  REQUIRE(model.routing);
  REQUIRE(model.routing->base_fields.size() == 3);
  const double cells = static_cast<double>(model.routing->surface->geometry().cell_count());
  const double queue = cells * static_cast<double>(routes::CostField::kFrontierBytesPerCell);
  // Whatever the threads: the fields are shared, one paused queue each.
  for (const int threads : {1, 8}) {
    CAPTURE(threads);
    const MemoryEstimate e = estimate_memory(loaded, threads);
    const MemoryPart* part = part_named(e, "built in part");
    REQUIRE(part);
    CHECK(part->bytes >= 3.0 * queue);
    // Over what the scratch and the fields themselves are counted for.
    double others = 0.0;
    for (const MemoryPart& p : e.parts)
      if (&p != part) others += p.bytes;
    CHECK(e.total() >= others + 3.0 * queue);
  }
}
