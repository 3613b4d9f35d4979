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
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "bordersim/routes/cost_field.h"
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

struct SolveInputs {
  const CostSurface& surface;
  Mover mover;
  std::span<const float> risk;
  double aversion_s;
};

// The Dijkstra itself, for one direction and with or without a hazard (compiled apart, so
// that neither is a branch per edge).
template <bool kTowardsSources, bool kWeighted>
void solve_grid(const SolveInputs& in, std::vector<float>& cost, std::vector<std::int32_t>& link,
                std::vector<std::int32_t>& root) {
  const CostSurface& s = in.surface;
  const terrain::GridGeometry& g = s.geometry();
  const std::size_t n = cost.size();
  const int cols = g.cols, rows = g.rows;
  const Crossings crossings(s.obstacles(), in.mover);
  const float* risk = in.risk.data();

  // Every cell is written below: no zeroing first.
  HugePageBuffer<SolveCell> cells(n);
  {
    const float* pace = s.paces(in.mover).data();
    const float* elevation = s.elevations().data();
    const std::uint8_t* edge_bits = s.forward_edge_obstacles().data();
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint8_t* b = edge_bits + i * 4;
      cells[i] = {cost[i], pace[i], elevation[i],
                  static_cast<std::uint32_t>(b[0]) | static_cast<std::uint32_t>(b[1]) << 8 |
                      static_cast<std::uint32_t>(b[2]) << 16 |
                      static_cast<std::uint32_t>(b[3]) << 24};
    }
  }

  // Per step: its offset in cells, and edge_parts' half length and 2 × half, computed by
  // the same expressions.
  std::ptrdiff_t offset[kNeighbourCount];
  double half[kNeighbourCount], twice_half[kNeighbourCount];
  for (int k = 0; k < kNeighbourCount; ++k) {
    offset[k] = static_cast<std::ptrdiff_t>(kStepRow[k]) * cols + kStepCol[k];
    const double dx = kStepCol[k] * g.cell_w, dy = kStepRow[k] * g.cell_h;
    half[k] = 0.5 * std::sqrt(dx * dx + dy * dy);
    twice_half[k] = 2.0 * half[k];
  }

  // The sources. One whose neighbours (on the grid) are all sources too would pop to no
  // effect (each neighbour at cost 0 counts as settled), so it is left out: the other keys
  // pop in the same order, to the same effect. to_depth's goal is most of a real corridor's
  // grid, all of it sources.
  const auto inner_source = [&](std::size_t i) {
    const int c = static_cast<int>(i % static_cast<std::size_t>(cols));
    const int r = static_cast<int>(i / static_cast<std::size_t>(cols));
    for (int k = 0; k < kNeighbourCount; ++k) {
      const int uc = c + kStepCol[k], ur = r + kStepRow[k];
      if (uc < 0 || uc >= cols || ur < 0 || ur >= rows) continue;
      if (cells[static_cast<std::size_t>(static_cast<std::ptrdiff_t>(i) + offset[k])].cost != 0.0f)
        return false;
    }
    return true;
  };
  RadixHeap heap;
  for (std::size_t i = 0; i < n; ++i) {
    if (cells[i].cost == 0.0f && !inner_source(i)) heap.push(key_of(0.0f, i));
  }

  const auto ucols = static_cast<std::uint32_t>(cols);
  while (!heap.empty()) {
    const std::uint64_t top = heap.pop();
    const auto v32 = static_cast<std::uint32_t>(top);
    const std::size_t vi = v32;
    const float top_cost = std::bit_cast<float>(static_cast<std::uint32_t>(top >> 32));
    const SolveCell& v = cells[vi];
    if (top_cost > v.cost) continue;  // a stale entry
    const auto vr = static_cast<int>(v32 / ucols);
    const int vc = static_cast<int>(v32 - static_cast<std::uint32_t>(vr) * ucols);
    for (int k = 0; k < kNeighbourCount; ++k) {
      const int uc = vc + kStepCol[k], ur = vr + kStepRow[k];
      if (uc < 0 || uc >= cols || ur < 0 || ur >= rows) continue;
      const auto ui = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(vi) + offset[k]);
      SolveCell& u = cells[ui];
      if (u.cost <= top_cost) continue;  // settled (costs only grow along a path)
      // The edge in the direction of travel, from → to.
      const SolveCell& from = kTowardsSources ? u : v;
      const SolveCell& to = kTowardsSources ? v : u;
      const float pace_from = from.pace, pace_to = to.pace;
      if (std::isinf(pace_from) || std::isinf(pace_to)) continue;
      // edge_parts, as it computes them for the edge from → to: that edge's step is k
      // itself going out from the source (v → u) and k's reverse coming in (u → v); the
      // half length and the stored bits are the same both ways.
      const double grade = (to.elevation - from.elevation) / twice_half[k];
      const double slope = grade == 0.0 ? 1.0 : s.slope_pace_factor(in.mover, grade);
      const double first_half_s = half[k] * pace_from * slope;
      const double second_half_s = half[k] * pace_to * slope;
      const auto bits = static_cast<std::uint8_t>((k < 4 ? v.edges : u.edges) >> (8 * kSlot[k]));
      const double obstacle_s = bits != 0 ? crossings.seconds(bits) : 0.0;
      double w = first_half_s + second_half_s + obstacle_s;
      if (!std::isfinite(w)) continue;
      if constexpr (kWeighted) {
        const std::size_t from_i = kTowardsSources ? ui : vi, to_i = kTowardsSources ? vi : ui;
        const double r_from = risk[from_i], r_to = risk[to_i];
        double detections = first_half_s * r_from + second_half_s * r_to;
        if (bits != 0) crossings.add_detections(bits, 0.5 * (r_from + r_to), detections);
        w += in.aversion_s * detections;
      }
      const auto candidate = static_cast<float>(top_cost + w);
      if (candidate < u.cost) {
        u.cost = candidate;
        link[ui] = static_cast<std::int32_t>(vi);
        if (!root.empty()) root[ui] = root[vi];
        heap.push(key_of(candidate, ui));
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) cost[i] = cells[i].cost;
}

}  // namespace

// Dijkstra from every cell whose cost is already 0. towards_sources: the cost of u is the
// cost of going u → v → ... → a source (edges taken in the direction of travel, u → v);
// otherwise the cost of going source → ... → v → u.
void CostField::solve(std::span<const float> risk, double aversion_s, bool towards_sources) {
  const SolveInputs in{*surface_, mover_, risk, aversion_s};
  const bool weighted = !risk.empty() && aversion_s > 0.0;
  if (towards_sources) {
    if (weighted)
      solve_grid<true, true>(in, cost_, link_, root_);
    else
      solve_grid<true, false>(in, cost_, link_, root_);
  } else {
    if (weighted)
      solve_grid<false, true>(in, cost_, link_, root_);
    else
      solve_grid<false, false>(in, cost_, link_, root_);
  }
}

}  // namespace bordersim::routes
