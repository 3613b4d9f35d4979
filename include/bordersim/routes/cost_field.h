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
#include <cstdint>
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

  CostField() = default;  // empty: to be assigned a built field

  // Cost to reach any cell whose centre is at or beyond goal_depth_m behind the border
  // (BorderFrame offset ≥ goal_depth_m). risk_per_s: empty, or one value per routing cell
  // (row-major on surface.geometry()).
  static CostField to_depth(const CostSurface& surface, Mover mover,
                            const terrain::BorderFrame& border, double goal_depth_m,
                            std::span<const float> risk_per_s = {}, double aversion_s = 0.0);
  // Travel time from `source` to every cell (responders driving out from a base).
  static CostField from_point(const CostSurface& surface, Mover mover, terrain::MapPoint source);
  // Travel time to every cell from whichever of `sources` reaches it soonest, and which
  // one that is (a patrol's vehicle leaving its road: nearest_source). Each source counts
  // from its cell's centre (the first source in a cell claims it).
  static CostField from_points(const CostSurface& surface, Mover mover,
                               std::span<const terrain::MapPoint> sources);

  const CostSurface& surface() const { return *surface_; }
  Mover mover() const { return mover_; }

  // The field's value at the centre of the cell holding p: cost to go (to_depth) or travel
  // seconds from the source (from_point). Infinity off the grid or where unreachable.
  double cost_at(terrain::MapPoint p) const;
  // The whole field, row-major on surface().geometry().
  std::span<const float> costs() const { return cost_; }
  // Per cell, the next cell towards the goal (to_depth) or the previous one from the source
  // (from_point), -1 for none; from_points: per cell, its source's index (-1: none; empty
  // for the other kinds). Exposed so that tests can compare solvers link for link.
  std::span<const std::int32_t> links() const { return link_; }
  std::span<const std::int32_t> roots() const { return root_; }

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
  CostField(const CostSurface& surface, Mover mover, bool to_goal);
  // Runs Dijkstra from the cells with cost 0; see cost_field_solve.cpp.
  void solve(std::span<const float> risk_per_s, double aversion_s, bool towards_sources);
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
  std::vector<float> cost_;
  std::vector<std::int32_t> link_;  // -1: none (a goal / source cell, or unreachable)
  std::vector<std::int32_t> root_;  // from_points: per cell, its source's index (-1: none)
};

}  // namespace bordersim::routes
