#include "bordersim/run/memory_estimate.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

#include "bordersim/core/error.h"
#include "bordersim/routes/cost_field.h"
#include "bordersim/run/record.h"

namespace bordersim {
namespace {

// Bytes per cell, from the grids' element types: elevation float (4) and land cover (1),
// viewshed and index bits are counted with the towers; routing: pace, elevation and
// flags (about 17, routing.max_cells' documentation) plus a float cost per field.
constexpr double kTerrainBytesPerCell = 5.0;
constexpr double kRoutingBytesPerCell = 17.0;
constexpr double kFieldBytesPerCell = 8.0;
// While a field is solved (at the build, or resumed when a replication asks beyond what a
// field built in part has settled), its Dijkstra works on a scratch copy of what a pop
// reads: one per field being solved, at most one per worker thread.
constexpr double kSolveScratchBytesPerCell =
    static_cast<double>(routes::CostField::kSolveScratchBytesPerCell);
// A QRF base's field is built in part (route_planning.cpp) and keeps its paused Dijkstra's
// queue between resumes for the whole batch: at most one key per cell reached and not yet
// final (cost_field.h), so at most the grid's cells in all: those cells lie on the settled
// region's edge, but a vehicle's region runs out along every road, and nothing in the
// scenario bounds that edge's length short of the grid. The bound is far above what is
// seen: on Iraq-Syria's grid (3.8 million cells, bound 30.5 MB) a base's queue held at
// most 34 KB between resumes (826 KB before the pauses dropped stale keys).
constexpr double kFrontierBytesPerCell =
    static_cast<double>(routes::CostField::kFrontierBytesPerCell);
// One crosser's plan and state in a running replication (plan, route legs, events).
constexpr double kBytesPerLiveCrosser = 2048.0;

double corridor_cells(const Scenario& s, double cell_m) {
  const TerrainSpec& t = s.terrain;
  if (t.flat && cell_m == t.cell_m) return 0.0;  // flat ground has no terrain raster
  double length_km = 0.0, depth_km = 0.0;
  if (t.flat)
    length_km = t.flat->length_km, depth_km = t.flat->depth_km;
  else if (t.synthetic)
    length_km = t.synthetic->length_km,
    depth_km = t.synthetic->depth_km + t.synthetic->foreign_depth_km;
  else
    return 0.0;  // from files: the grid's size is checked against max_cells when read
  return std::ceil(length_km * 1000.0 / cell_m) * std::ceil(depth_km * 1000.0 / cell_m);
}

double mean_arrivals(const Scenario& s) {
  double per_day = 0.0;
  if (s.threats.infiltrators) per_day += s.threats.infiltrators->per_day;
  if (s.threats.smugglers) per_day += s.threats.smugglers->per_day;
  return per_day * s.duration_h / 24.0;
}

}  // namespace

double MemoryEstimate::total() const {
  double sum = 0.0;
  for (const MemoryPart& p : parts) sum += p.bytes;
  return sum;
}

MemoryEstimate estimate_memory(const LoadedScenario& scenario, int threads) {
  MemoryEstimate e;
  double terrain = 0.0, routing = 0.0, results = 0.0, live = 0.0;
  double all_fields = 0.0, largest_grid = 0.0, paused = 0.0, paused_fields = 0.0;
  const double n = static_cast<double>(scenario.base.batch.replications);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const double workers = threads > 0 ? static_cast<double>(threads) : static_cast<double>(cores);
  for (const Variant& v : scenario.variants) {
    const Scenario& s = v.scenario;
    terrain += corridor_cells(s, s.terrain.cell_m) * kTerrainBytesPerCell;
    if (!s.terrain.flat) {
      // Crosser fields per kind and mover, plus one per QRF base and patrol.
      const double bases =
          s.response.qrf ? static_cast<double>(s.response.qrf->bases_km.size()) : 0.0;
      const double fields = 4.0 + bases + static_cast<double>(s.sensors.patrols.size());
      const double cells = corridor_cells(s, s.routing.cell_m);
      routing += cells * (kRoutingBytesPerCell + fields * kFieldBytesPerCell);
      all_fields += fields;
      paused += bases * cells * kFrontierBytesPerCell;
      paused_fields += bases;
      largest_grid = std::max(largest_grid, cells);
    }
    const double crossings = mean_arrivals(s);
    results += n * (sizeof(ReplicationRecord) + crossings * sizeof(CrossingRecord));
    live = std::max(live, workers * crossings * kBytesPerLiveCrosser);
  }
  e.parts.push_back(
      {"terrain rasters of all variants", "/terrain/cell_m", "use coarser cells", terrain});
  e.parts.push_back({"routing grids and cost fields of all variants", "/routing/cell_m",
                     "use coarser routing cells", routing});
  const double solving = std::min(workers, all_fields);
  e.parts.push_back({fmt::format("route fields solved {:.0f} at a time (their scratch)", solving),
                     "/routing/cell_m", "use coarser routing cells or fewer threads (-j)",
                     solving * largest_grid * kSolveScratchBytesPerCell});
  e.parts.push_back(
      {fmt::format("queues of {:.0f} route fields built in part (QRF bases)", paused_fields),
       "/routing/cell_m", "use coarser routing cells or fewer QRF bases", paused});
  e.parts.push_back(
      {fmt::format("results of {:.0f} replications x {} variants held until the file is written", n,
                   scenario.variants.size()),
       "/batch/replications", "run fewer replications (-n) or fewer variants (--variant)",
       results});
  const bool infiltrators = scenario.base.threats.infiltrators.has_value();
  e.parts.push_back({fmt::format("crossers of {:.0f} replications running at once", workers),
                     infiltrators ? "/threats/infiltrators/per_day" : "/threats/smugglers/per_day",
                     "use fewer threads (-j) or fewer crossers a day", live});
  return e;
}

std::uint64_t parse_memory_size(const std::string& text) {
  std::size_t used = 0;
  double value = 0.0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    throw std::invalid_argument("expected a size such as 8G, 512M or 50%");
  }
  const std::string unit = text.substr(used);
  double scale = 1.0;
  if (unit == "%") {
    const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
    if (!(value > 0.0 && value <= 100.0))
      throw std::invalid_argument("a share of memory must be in (0, 100]%");
    return static_cast<std::uint64_t>(static_cast<double>(pages) * static_cast<double>(page) *
                                      value / 100.0);
  }
  if (unit.empty())
    scale = 1.0;
  else if (unit == "K" || unit == "k")
    scale = 1024.0;
  else if (unit == "M")
    scale = 1024.0 * 1024.0;
  else if (unit == "G")
    scale = 1024.0 * 1024.0 * 1024.0;
  else if (unit == "T")
    scale = 1024.0 * 1024.0 * 1024.0 * 1024.0;
  else
    throw std::invalid_argument("unknown unit \"" + unit + "\" (use K, M, G, T or %)");
  if (!(value > 0.0) || !std::isfinite(value * scale) || value * scale > 1.8e19)
    throw std::invalid_argument("expected a positive size");
  return static_cast<std::uint64_t>(value * scale);
}

void check_memory_budget(const MemoryEstimate& estimate, std::uint64_t budget_bytes,
                         const std::string& file) {
  const double total = estimate.total();
  if (total <= static_cast<double>(budget_bytes)) return;
  const auto largest =
      std::max_element(estimate.parts.begin(), estimate.parts.end(),
                       [](const MemoryPart& a, const MemoryPart& b) { return a.bytes < b.bytes; });
  const auto gib = [](double bytes) { return bytes / (1024.0 * 1024.0 * 1024.0); };
  throw InputError(
      file, largest->pointer,
      fmt::format("the batch would need about {:.1f} GiB, over the memory budget of {:.1f} GiB "
                  "(--max-memory); the largest part is {} ({:.1f} GiB): {}, or raise --max-memory",
                  gib(total), gib(static_cast<double>(budget_bytes)), largest->what,
                  gib(largest->bytes), largest->remedy));
}

}  // namespace bordersim
