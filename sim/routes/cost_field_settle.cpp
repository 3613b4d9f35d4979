// Reading a field built in part (CostField::from_point with settle_first_s): a cell is
// read at once where it is final, otherwise the paused Dijkstra resumes first, under the
// frontier's lock, until it is. Why the values are the whole field's: cost_field_frontier.h.
//
// Readers run on many threads at once (replications share the model), one of them may be
// resuming: a reader loads settled_below (acquire) and then the cell's cost (relaxed); a
// cost below it was stored, with the cell's link and root, before that bound was
// published, and no resume writes it again.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <span>

#include "bordersim/routes/cost_field.h"
#include "cost_field_frontier.h"

namespace bordersim::routes {

namespace {

float load_relaxed(const float& x) {
  return std::atomic_ref<float>(const_cast<float&>(x)).load(std::memory_order_relaxed);
}

}  // namespace

float CostField::final_cost(std::size_t i) const {
  if (!frontier_) return cost_[i];
  Frontier& f = *frontier_;
  float below = f.settled_below.load(std::memory_order_acquire);
  float c = load_relaxed(cost_[i]);
  if (c < below || std::isinf(below)) return c;
  // A cell the mover cannot enter is never reached (only a source, at cost 0, is).
  if (std::isinf(c) && std::isinf(surface_->paces(mover_)[i])) return c;
  const std::lock_guard lock(f.mutex);
  for (;;) {
    below = f.settled_below.load(std::memory_order_relaxed);
    c = cost_[i];  // the lock held: nobody writes
    if (c < below || std::isinf(below)) return c;
    // On to the cell's cost so far, and to at least twice as many cells as before (an
    // eighth of the grid at first): each resume refills the scratch, so a few, large.
    const std::size_t at_least = std::max({2 * f.settled, cost_.size() / 8, f.settled + 1});
    resume(std::isfinite(c) ? static_cast<double>(c) : 0.0, at_least);
  }
}

// seconds_to is stub(source) + the entry cell's cost + stub(p), in that order: p's own
// cell if it is reached, else the best of its neighbourhood (entry_cell). Where p's cell
// is not final yet, its cost is at least settled_below if it is reached at all, and a
// neighbour's is either final (read) or at least settled_below too; the stubs are ≥ 0 and
// rounding is monotone, so stub(source) + the least of those is a lower bound. It grows
// as the field settles farther: resume until it reaches `enough` or p's cell is final.
double CostField::seconds_to_or_more(terrain::MapPoint p, double enough) const {
  if (!frontier_ || to_goal_) return seconds_to(p);
  Frontier& f = *frontier_;
  const terrain::GridGeometry& g = surface_->geometry();
  const auto pc = g.cell_of(p);
  if (!pc || !source_cell_) return seconds_to(p);
  const double stub = source_stub_s_;
  const std::span<const float> pace = surface_->paces(mover_);
  for (;;) {
    const float below = f.settled_below.load(std::memory_order_acquire);
    // Final: below the bound, or never entered (infinite pace, not a source).
    const auto final = [&](std::size_t i, float cost) {
      return cost < below || (std::isinf(cost) && std::isinf(pace[i]));
    };
    const std::size_t own = g.index(*pc);
    if (std::isinf(below) || load_relaxed(cost_[own]) < below) return seconds_to(p);
    // p's cell out of reach for good: p enters at a neighbour, exactly known once all are final.
    bool neighbours_final = final(own, load_relaxed(cost_[own]));
    float least = below;
    for (int dr = -kEntryReachCells; dr <= kEntryReachCells; ++dr) {
      for (int dc = -kEntryReachCells; dc <= kEntryReachCells; ++dc) {
        const terrain::CellIndex c{pc->col + dc, pc->row + dr};
        if (!g.contains(c)) continue;
        const float cost = load_relaxed(cost_[g.index(c)]);
        least = std::min(least, cost);
        neighbours_final = neighbours_final && final(g.index(c), cost);
      }
    }
    if (neighbours_final) return seconds_to(p);
    const double at_least = stub + static_cast<double>(least);
    if (at_least >= enough) return at_least;
    const std::lock_guard lock(f.mutex);
    if (f.settled_below.load(std::memory_order_relaxed) != below) continue;  // resumed meanwhile
    // On until the bound reaches `enough` or p's cell is final, whichever is first; with
    // neither in sight (enough infinite, p's cell not reached yet), by cells, as final_cost.
    double until = enough - stub;
    if (const float own_cost = cost_[own]; std::isfinite(own_cost))
      until = std::min(until, static_cast<double>(own_cost));
    if (std::isinf(until)) until = 0.0;
    resume(until, std::max({2 * f.settled, cost_.size() / 8, f.settled + 1}));
  }
}

void CostField::complete_all() const {
  if (!frontier_) return;
  const std::lock_guard lock(frontier_->mutex);
  if (!std::isinf(frontier_->settled_below.load(std::memory_order_relaxed)))
    resume(std::numeric_limits<double>::infinity(), 0);
}

bool CostField::complete() const {
  return !frontier_ || std::isinf(frontier_->settled_below.load(std::memory_order_acquire));
}

double CostField::settled_below() const {
  return frontier_ ? frontier_->settled_below.load(std::memory_order_acquire)
                   : std::numeric_limits<double>::infinity();
}

std::size_t CostField::frontier_bytes() const {
  if (!frontier_) return 0;
  const std::lock_guard lock(frontier_->mutex);
  return frontier_->heap.capacity_bytes();
}

std::span<const float> CostField::costs() const {
  complete_all();
  return cost_;
}

std::span<const std::int32_t> CostField::links() const {
  complete_all();
  return link_;
}

std::span<const std::int32_t> CostField::roots() const {
  complete_all();
  return root_;
}

}  // namespace bordersim::routes
