#pragma once
// Cost fields over a CostSurface by Dijkstra (a radix heap of (cost, cell) keys over flat
// arrays: float costs, int32 links; see cost_field_solve.cpp). A field is built once per scenario
// for each mover / knowledge / goal and shared read-only by every replication and thread; a route
// is then a walk down the field, O(route length).
//
// Cost of an edge = travel seconds + aversion_s × expected detections on it, where the
// expected detections are the integral of the caller's detection hazard risk_per_s (per
// routing cell, expected detections per second spent there) over the time spent in each
// half of the edge, plus the obstacle crossing time × the obstacle's detection factor × the
// mean hazard of the two cells. aversion_s is how many seconds of extra travel a crosser
// accepts to avoid one expected detection; 0 (or no hazard) gives the fastest route.
//
// A field refers to its surface (no copy): keep the surface alive, and at one address
// (e.g. in a shared_ptr in the Model), as long as the field. A source or start in a cell
// the mover cannot enter (a vehicle in a swamp) gives an unreachable field; a point p given
// to the route and seconds functions in such a cell enters the field at the best reachable
// cell within kEntryReachCells of its own (a straight stub across the cell it is in).
//
// A field from a point (or points) may be built in part (settle_first_s): its Dijkstra
// pauses once every cell up to that cost is final and resumes, under a lock, when a
// question reaches a cell not final yet (cost_field_settle.cpp). The pause and the resumes
// pop the same keys in the same order as one run, so every value read, and the whole
// field once costs(), links() or roots() ask for it, is the one-go field's to the bit.
// A responder's base is asked about where crossers go, rarely all of a 60 km-deep grid.
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "bordersim/routes/cost_surface.h"
#include "bordersim/routes/route.h"
#include "bordersim/terrain/terrain.h"

namespace bordersim::routes {

class CostField {
 public:
  static constexpr int kEntryReachCells = 2;
  // While a field is solved, its Dijkstra's scratch: bytes per routing cell (cost so far,
  // pace, elevation, edge bits; cost_field_solve.cpp), freed when the solve ends or pauses.
  static constexpr std::size_t kSolveScratchBytesPerCell = 16;
  // A field built in part keeps its paused Dijkstra's queue between resumes, for as long
  // as it lives: at most one 8-byte key per cell reached and not yet final (each pause
  // drops the stale keys and the room beyond what is left), so at most this many bytes
  // per routing cell (and some 2 KB of bucket headers).
  static constexpr std::size_t kFrontierBytesPerCell = 8;

  CostField();  // empty: to be assigned a built field
  CostField(CostField&&) noexcept;
  CostField& operator=(CostField&&) noexcept;
  ~CostField();

  // Cost to reach any cell whose centre is at or beyond goal_depth_m behind the border
  // (BorderFrame offset ≥ goal_depth_m). risk_per_s: empty, or one value per routing cell
  // (row-major on surface.geometry()).
  static CostField to_depth(const CostSurface& surface, Mover mover,
                            const terrain::BorderFrame& border, double goal_depth_m,
                            std::span<const float> risk_per_s = {}, double aversion_s = 0.0);
  // Travel time from `source` to every cell (responders driving out from a base).
  // settle_first_s: the build settles the cells up to this cost, the rest when asked for.
  static CostField from_point(const CostSurface& surface, Mover mover, terrain::MapPoint source,
                              double settle_first_s = kWhole);
  // Travel time to every cell from whichever of `sources` reaches it soonest, and which
  // one that is (a patrol's vehicle leaving its road: nearest_source). Each source counts
  // from its cell's centre (the first source in a cell claims it).
  static CostField from_points(const CostSurface& surface, Mover mover,
                               std::span<const terrain::MapPoint> sources,
                               double settle_first_s = kWhole);
  static constexpr double kWhole = std::numeric_limits<double>::infinity();

  const CostSurface& surface() const { return *surface_; }
  Mover mover() const { return mover_; }

  // The field's value at the centre of the cell holding p: cost to go (to_depth) or travel
  // seconds from the source (from_point). Infinity off the grid or where unreachable.
  double cost_at(terrain::MapPoint p) const;
  // The whole field, row-major on surface().geometry() (a field built in part is
  // completed first).
  std::span<const float> costs() const;
  // Per cell, the next cell towards the goal (to_depth) or the previous one from the source
  // (from_point), -1 for none; from_points: per cell, its source's index (-1: none; empty
  // for the other kinds). Exposed so that tests can compare solvers link for link.
  std::span<const std::int32_t> links() const;
  std::span<const std::int32_t> roots() const;
  // Whether every cell is final (always, but for a field built in part and not yet asked
  // for all of it), and below which cost the cells are final so far (infinity: all).
  bool complete() const;
  double settled_below() const;
  // Bytes the paused Dijkstra's queue holds between resumes (0 once complete).
  std::size_t frontier_bytes() const;

  // to_depth fields: from p down the field to the centre of the first goal cell reached.
  // from_point fields: from the source to p. Legs carry true travel seconds (not the
  // risk-weighted cost); consecutive steps in one direction at one speed are merged; the
  // first leg goes from p (or the source) to its cell's centre and the last from the last
  // cell's centre to p (from_point). Empty legs where p is unreachable or off the grid.
  Route route_from(terrain::MapPoint p) const;
  Route route_to(terrain::MapPoint p) const;
  // from_point: travel seconds from the source to p (the seconds of route_to(p), from the
  // field's value, without walking the route); infinity where unreachable.
  double seconds_to(terrain::MapPoint p) const;
  // seconds_to(p) where that is below `enough`; elsewhere possibly a lower bound of it,
  // itself at least `enough`: a field built in part settles only as far as that takes
  // (a caller that only needs to know that the drive is at least so long).
  double seconds_to_or_more(terrain::MapPoint p, double enough) const;
  // from_points: the seconds to p from the source that reaches it soonest, and that
  // source's index; infinite seconds (and index 0) where unreachable.
  struct FromSource {
    double seconds;
    std::size_t source;
  };
  FromSource from_nearest_source(terrain::MapPoint p) const;

  // Cells settled: the goal cells (to_depth) or the source cell (from_point) and every cell
  // reachable from (to) them.
  std::int64_t reachable_cells() const;

 private:
  struct Frontier;  // a paused Dijkstra (cost_field_frontier.h)

  CostField(const CostSurface& surface, Mover mover, bool to_goal);
  // Runs Dijkstra from the cells with cost 0; see cost_field_solve.cpp.
  void solve(std::span<const float> risk_per_s, double aversion_s, bool towards_sources);
  // from_point(s): Dijkstra from the cells with cost 0 until every cell up to `until` is
  // final; the rest waits in frontier_ (none when nothing is left).
  void solve_from_sources(double until);
  // Resumes the paused Dijkstra until every cell up to `until` is final and at least
  // `at_least` cells are (the frontier's lock held).
  void resume(double until, std::size_t at_least = 0) const;
  // Cell i's cost once final: at once where it is already, else after resuming.
  float final_cost(std::size_t i) const;
  void complete_all() const;
  // p's cell, or where p enters the field when its cell is out of reach; empty off the grid
  // or with nothing reachable near.
  std::optional<terrain::CellIndex> entry_cell(terrain::MapPoint p) const;
  // Seconds from p to the centre of cell c at c's flat pace.
  double stub_seconds(terrain::MapPoint p, terrain::CellIndex c) const;
  Route walk(terrain::MapPoint p, bool down) const;

  const CostSurface* surface_ = nullptr;
  Mover mover_ = Mover::kFoot;
  bool to_goal_ = true;  // to_depth (link = next cell towards the goal) or from_point (previous)
  terrain::MapPoint source_;
  // from_point: the source's cell (empty off the grid) and stub_seconds(source_, that cell),
  // worked out once: seconds_to reads them on every call (a dispatch asks thousands of times).
  std::optional<terrain::CellIndex> source_cell_;
  double source_stub_s_ = 0.0;
  std::vector<float> cost_;
  std::vector<std::int32_t> link_;  // -1: none (a goal / source cell, or unreachable)
  std::vector<std::int32_t> root_;  // from_points: per cell, its source's index (-1: none)
  // A field built in part: what is left of its Dijkstra. Resumes write cost_ (relaxed
  // atomic stores), link_ and root_ of cells not final yet, which no reader reads.
  std::unique_ptr<Frontier> frontier_;
};

}  // namespace bordersim::routes
