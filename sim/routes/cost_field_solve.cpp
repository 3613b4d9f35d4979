// CostField::solve: Dijkstra on the 8-connected routing grid.
//
// The fields must stay equal to the bit to those of the first solver (a binary heap of
// (cost, cell) calling CostSurface::edge_parts per edge; tests/unit/test_cost_field_solver.cpp
// keeps it as the reference and compares costs, links and roots). So:
// - the queue pops in the same total order, (cost, cell index): RadixHeap on
//   (float bits << 32 | cell) keys, which order alike for costs ≥ 0;
// - each edge's seconds are edge_parts' arithmetic, operation for operation (the same
//   double expressions in the same order), only without its per-call checks: the
//   neighbour's direction is known, so are its half length and which cell stores the
//   edge's obstacle bits, and an edge into or out of an impassable cell is skipped before
//   the slope's exp() (its total would be infinite, and skipped, anyway);
// - the arrays a pop reads are copied side by side into one scratch array (SolveCell), and
//   the sources that cannot relax anything (all their neighbours sources too) are not
//   pushed: neither changes which key pops when, nor what its pop does.
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "bordersim/routes/cost_field.h"
#include "cost_field_frontier.h"
#include "huge_page_buffer.h"
#include "radix_heap.h"

namespace bordersim::routes {

namespace {

// The 8 steps in the order the first solver visited them, (dcol, drow), rows running south.
constexpr int kStepCol[kNeighbourCount] = {1, 1, 0, -1, -1, -1, 0, 1};
constexpr int kStepRow[kNeighbourCount] = {0, 1, 1, 1, 0, -1, -1, -1};
// The steps' edges are stored with the cell they leave (steps 0-3: E, SE, S, SW, the
// forward slots) or with the neighbour (steps 4-7, the reverse of slots 0-3).
constexpr int kSlot[kNeighbourCount] = {0, 1, 2, 3, 0, 1, 2, 3};

constexpr std::uint8_t kTrenchBit = 1u << static_cast<unsigned>(Obstacle::kTrench);
constexpr std::uint8_t kFenceBit = 1u << static_cast<unsigned>(Obstacle::kFence);
constexpr std::uint8_t kRiverBit = 1u << static_cast<unsigned>(Obstacle::kRiver);

std::uint64_t key_of(float cost, std::size_t cell) {
  return (static_cast<std::uint64_t>(std::bit_cast<std::uint32_t>(cost)) << 32) | cell;
}

// What crossing each obstacle costs this mover, in seconds and in detections per unit of
// hazard, as edge_parts and the first solver added them.
struct Crossings {
  double trench_s, fence_s, river_s, ford_s;
  double trench_factor, fence_factor, river_factor;

  Crossings(const ObstacleCosts& o, Mover m)
      : trench_s(o.crossing_seconds(Obstacle::kTrench, m)),
        fence_s(o.crossing_seconds(Obstacle::kFence, m)),
        river_s(o.crossing_seconds(Obstacle::kRiver, m)),
        ford_s(o.ford_crossing_s),
        trench_factor(o.detection_factor(Obstacle::kTrench)),
        fence_factor(o.detection_factor(Obstacle::kFence)),
        river_factor(o.detection_factor(Obstacle::kRiver)) {}

  double seconds(std::uint8_t bits) const {
    double s = 0.0;
    if (bits & kTrenchBit) s += trench_s;
    if (bits & kFenceBit) s += fence_s;
    if (bits & kRiverBit) s += (bits & CostSurface::kFordBit) != 0 ? ford_s : river_s;
    return s;
  }
  // Σ crossing seconds × detection factor × mean, in the order trench, fence, river.
  void add_detections(std::uint8_t bits, double mean, double& detections) const {
    if (bits & kTrenchBit) detections += trench_s * trench_factor * mean;
    if (bits & kFenceBit) detections += fence_s * fence_factor * mean;
    if (bits & kRiverBit)
      detections += ((bits & CostSurface::kFordBit) != 0 ? ford_s : river_s) * river_factor * mean;
  }
};

// What one pop reads of a cell, side by side (16 bytes, four cells to a cache line): the
// field's cost so far, the mover's pace, the elevation and the obstacle bits of the cell's
// 4 forward edges (slot j in byte j). The pops jump about the grid (a fast road carries
// the wave far ahead), so most of a pop's time went to cache misses on the separate arrays:
// a cell and its 8 neighbours were 12 to 15 cache lines, now 3 to 6.
struct SolveCell {
  float cost;
  float pace;
  float elevation;
  std::uint32_t edges;
};
static_assert(sizeof(SolveCell) == CostField::kSolveScratchBytesPerCell);

struct SolveInputs {
  const CostSurface& surface;
  Mover mover;
  std::span<const float> risk;
  double aversion_s;
};

// The Dijkstra itself, for one direction and with or without a hazard (compiled apart, so
// that neither is a branch per edge), on the field's arrays: it may run to the end at
// once, or pause at a cost and resume later (cost_field_frontier.h).
template <bool kTowardsSources, bool kWeighted>
class GridDijkstra {
 public:
  // Copies what the pops read, the field's costs so far included, into the scratch.
  GridDijkstra(const SolveInputs& in, float* cost, std::int32_t* link, std::int32_t* root)
      : in_(in),
        g_(in.surface.geometry()),
        n_(static_cast<std::size_t>(g_.cell_count())),
        crossings_(in.surface.obstacles(), in.mover),
        cost_(cost),
        link_(link),
        root_(root),
        cells_(n_) {
    // Every cell is written here: no zeroing first.
    const float* pace = in.surface.paces(in.mover).data();
    const float* elevation = in.surface.elevations().data();
    const std::uint8_t* edge_bits = in.surface.forward_edge_obstacles().data();
    for (std::size_t i = 0; i < n_; ++i) {
      const std::uint8_t* b = edge_bits + i * 4;
      cells_[i] = {cost[i], pace[i], elevation[i],
                   static_cast<std::uint32_t>(b[0]) | static_cast<std::uint32_t>(b[1]) << 8 |
                       static_cast<std::uint32_t>(b[2]) << 16 |
                       static_cast<std::uint32_t>(b[3]) << 24};
    }
    // Per step: its offset in cells, and edge_parts' half length and 2 × half, computed
    // by the same expressions.
    for (int k = 0; k < kNeighbourCount; ++k) {
      offset_[k] = static_cast<std::ptrdiff_t>(kStepRow[k]) * g_.cols + kStepCol[k];
      const double dx = kStepCol[k] * g_.cell_w, dy = kStepRow[k] * g_.cell_h;
      half_[k] = 0.5 * std::sqrt(dx * dx + dy * dy);
      twice_half_[k] = 2.0 * half_[k];
    }
  }

  // Pops until the heap is empty (returns +infinity) or, once `settled` has reached
  // `at_least`, the next key's cost is beyond `until` (returns that cost; the key is
  // pushed back, to pop first on resuming). settled: the cells settled so far.
  float run(RadixHeap& heap, double until, std::size_t& settled, std::size_t at_least) {
    const int cols = g_.cols, rows = g_.rows;
    const CostSurface& s = in_.surface;
    const float* risk = in_.risk.data();
    const auto ucols = static_cast<std::uint32_t>(cols);
    while (!heap.empty()) {
      const std::uint64_t top = heap.pop();
      const auto v32 = static_cast<std::uint32_t>(top);
      const std::size_t vi = v32;
      const float top_cost = std::bit_cast<float>(static_cast<std::uint32_t>(top >> 32));
      if (static_cast<double>(top_cost) > until && settled >= at_least) {
        heap.push(top);
        drop_stale(heap);
        return top_cost;
      }
      const SolveCell& v = cells_[vi];
      if (top_cost > v.cost) continue;  // a stale entry
      ++settled;
      const auto vr = static_cast<int>(v32 / ucols);
      const int vc = static_cast<int>(v32 - static_cast<std::uint32_t>(vr) * ucols);
      for (int k = 0; k < kNeighbourCount; ++k) {
        const int uc = vc + kStepCol[k], ur = vr + kStepRow[k];
        if (uc < 0 || uc >= cols || ur < 0 || ur >= rows) continue;
        const auto ui = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(vi) + offset_[k]);
        SolveCell& u = cells_[ui];
        if (u.cost <= top_cost) continue;  // settled (costs only grow along a path)
        // The edge in the direction of travel, from → to.
        const SolveCell& from = kTowardsSources ? u : v;
        const SolveCell& to = kTowardsSources ? v : u;
        const float pace_from = from.pace, pace_to = to.pace;
        if (std::isinf(pace_from) || std::isinf(pace_to)) continue;
        // edge_parts, as it computes them for the edge from → to: that edge's step is k
        // itself going out from the source (v → u) and k's reverse coming in (u → v); the
        // half length and the stored bits are the same both ways.
        const double grade = (to.elevation - from.elevation) / twice_half_[k];
        const double slope = grade == 0.0 ? 1.0 : s.slope_pace_factor(in_.mover, grade);
        const double first_half_s = half_[k] * pace_from * slope;
        const double second_half_s = half_[k] * pace_to * slope;
        const auto bits = static_cast<std::uint8_t>((k < 4 ? v.edges : u.edges) >> (8 * kSlot[k]));
        const double obstacle_s = bits != 0 ? crossings_.seconds(bits) : 0.0;
        double w = first_half_s + second_half_s + obstacle_s;
        if (!std::isfinite(w)) continue;
        if constexpr (kWeighted) {
          const std::size_t from_i = kTowardsSources ? ui : vi, to_i = kTowardsSources ? vi : ui;
          const double r_from = risk[from_i], r_to = risk[to_i];
          double detections = first_half_s * r_from + second_half_s * r_to;
          if (bits != 0) crossings_.add_detections(bits, 0.5 * (r_from + r_to), detections);
          w += in_.aversion_s * detections;
        }
        const auto candidate = static_cast<float>(top_cost + w);
        if (candidate < u.cost) {
          u.cost = candidate;
          link_[ui] = static_cast<std::int32_t>(vi);
          if (root_ != nullptr) root_[ui] = root_[vi];
          heap.push(key_of(candidate, ui));
        }
      }
    }
    return std::numeric_limits<float>::infinity();
  }

  // At a pause: a key dearer than its cell's cost so far is stale (the cell was reached
  // again at a lower cost) and would pop to no effect. Dropping those leaves at most one
  // key per cell reached and not final, which bounds what a paused field keeps
  // (CostField::kFrontierBytesPerCell): without, a cell keeps one per neighbour that
  // reached it, for as long as the field lives.
  void drop_stale(RadixHeap& heap) const {
    heap.drop_if([&](std::uint64_t key) {
      const float cost = std::bit_cast<float>(static_cast<std::uint32_t>(key >> 32));
      return cost > cells_[static_cast<std::uint32_t>(key)].cost;
    });
  }

  // The costs so far back into the field, by relaxed atomic stores: a field built in part
  // is read by other threads meanwhile (they read final cells only, which keep their
  // value; the stores only keep those reads well defined).
  void store_costs() const {
    for (std::size_t i = 0; i < n_; ++i)
      std::atomic_ref<float>(cost_[i]).store(cells_[i].cost, std::memory_order_relaxed);
  }

 private:
  const SolveInputs& in_;
  const terrain::GridGeometry& g_;
  std::size_t n_;
  Crossings crossings_;
  float* cost_;
  std::int32_t* link_;
  std::int32_t* root_;
  HugePageBuffer<SolveCell> cells_;
  std::ptrdiff_t offset_[kNeighbourCount];
  double half_[kNeighbourCount], twice_half_[kNeighbourCount];
};

// The sources: the cells at cost 0. One whose neighbours (on the grid) are all sources
// too would pop to no effect (each neighbour at cost 0 counts as settled), so it is left
// out: the other keys pop in the same order, to the same effect. to_depth's goal is most
// of a real corridor's grid, all of it sources.
void push_sources(const terrain::GridGeometry& g, const float* cost, RadixHeap& heap) {
  const int cols = g.cols, rows = g.rows;
  const auto n = static_cast<std::size_t>(g.cell_count());
  const auto inner_source = [&](std::size_t i) {
    const int c = static_cast<int>(i % static_cast<std::size_t>(cols));
    const int r = static_cast<int>(i / static_cast<std::size_t>(cols));
    for (int k = 0; k < kNeighbourCount; ++k) {
      const int uc = c + kStepCol[k], ur = r + kStepRow[k];
      if (uc < 0 || uc >= cols || ur < 0 || ur >= rows) continue;
      if (cost[static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) + kStepRow[k] * cols +
                                        kStepCol[k])] != 0.0f)
        return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (cost[i] == 0.0f && !inner_source(i)) heap.push(key_of(0.0f, i));
  }
}

template <bool kTowardsSources, bool kWeighted>
void solve_whole(const SolveInputs& in, float* cost, std::int32_t* link, std::int32_t* root) {
  RadixHeap heap;
  push_sources(in.surface.geometry(), cost, heap);
  GridDijkstra<kTowardsSources, kWeighted> dijkstra(in, cost, link, root);
  std::size_t settled = 0;
  dijkstra.run(heap, std::numeric_limits<double>::infinity(), settled, 0);
  dijkstra.store_costs();
}

}  // namespace

// Dijkstra from every cell whose cost is already 0. towards_sources: the cost of u is the
// cost of going u → v → ... → a source (edges taken in the direction of travel, u → v);
// otherwise the cost of going source → ... → v → u.
void CostField::solve(std::span<const float> risk, double aversion_s, bool towards_sources) {
  const SolveInputs in{*surface_, mover_, risk, aversion_s};
  const bool weighted = !risk.empty() && aversion_s > 0.0;
  std::int32_t* root = root_.empty() ? nullptr : root_.data();
  if (towards_sources) {
    if (weighted)
      solve_whole<true, true>(in, cost_.data(), link_.data(), root);
    else
      solve_whole<true, false>(in, cost_.data(), link_.data(), root);
  } else {
    if (weighted)
      solve_whole<false, true>(in, cost_.data(), link_.data(), root);
    else
      solve_whole<false, false>(in, cost_.data(), link_.data(), root);
  }
}

// From the sources, unweighted, to `until`; what is left pauses in frontier_. Nothing
// settled (until < 0): the build only queues the sources.
void CostField::solve_from_sources(double until) {
  std::int32_t* root = root_.empty() ? nullptr : root_.data();
  RadixHeap heap;
  push_sources(surface_->geometry(), cost_.data(), heap);
  std::size_t settled = 0;
  float next = 0.0f;
  if (until >= 0.0) {
    const SolveInputs in{*surface_, mover_, {}, 0.0};
    GridDijkstra<false, false> dijkstra(in, cost_.data(), link_.data(), root);
    next = dijkstra.run(heap, until, settled, 0);
    dijkstra.store_costs();
  }
  if (std::isinf(next)) return;  // nothing left
  frontier_ = std::make_unique<Frontier>();
  frontier_->heap = std::move(heap);
  frontier_->settled = settled;
  frontier_->cost = cost_.data();
  frontier_->link = link_.data();
  frontier_->root = root;
  frontier_->settled_below.store(next, std::memory_order_release);
}

// The frontier's lock held: on from where the last run paused, the scratch refilled from
// the field's arrays (61 MB and some 20 ms on Iraq-Syria's grid, per resume), until every
// cell up to `until` is final and at least `at_least` cells are.
void CostField::resume(double until, std::size_t at_least) const {
  Frontier& f = *frontier_;
  const SolveInputs in{*surface_, mover_, {}, 0.0};
  GridDijkstra<false, false> dijkstra(in, f.cost, f.link, f.root);
  const float next = dijkstra.run(f.heap, until, f.settled, at_least);
  dijkstra.store_costs();
  if (std::isinf(next)) f.heap = RadixHeap{};  // done: free the queue
  f.settled_below.store(next, std::memory_order_release);
}

}  // namespace bordersim::routes
