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
//   the slope's exp() (its total would be infinite, and skipped, anyway).
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "bordersim/routes/cost_field.h"
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

}  // namespace

// Dijkstra from every cell whose cost is already 0. towards_sources: the cost of u is the
// cost of going u → v → ... → a source (edges taken in the direction of travel, u → v);
// otherwise the cost of going source → ... → v → u.
void CostField::solve(std::span<const float> risk, double aversion_s, bool towards_sources) {
  const CostSurface& s = *surface_;
  const terrain::GridGeometry& g = s.geometry();
  const std::size_t n = cost_.size();
  const int cols = g.cols, rows = g.rows;
  const float* pace = s.paces(mover_).data();
  const float* elevation = s.elevations().data();
  const std::uint8_t* edge_bits = s.forward_edge_obstacles().data();
  const Crossings crossings(s.obstacles(), mover_);
  const bool weighted = !risk.empty() && aversion_s > 0.0;

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

  RadixHeap heap;
  for (std::size_t i = 0; i < n; ++i) {
    if (cost_[i] == 0.0f) heap.push(key_of(0.0f, i));
  }

  while (!heap.empty()) {
    const std::uint64_t top = heap.pop();
    const auto vi = static_cast<std::size_t>(top & 0xffffffffu);
    const float top_cost = std::bit_cast<float>(static_cast<std::uint32_t>(top >> 32));
    if (top_cost > cost_[vi]) continue;  // a stale entry
    const int vc = static_cast<int>(vi % static_cast<std::size_t>(cols));
    const int vr = static_cast<int>(vi / static_cast<std::size_t>(cols));
    for (int k = 0; k < kNeighbourCount; ++k) {
      const int uc = vc + kStepCol[k], ur = vr + kStepRow[k];
      if (uc < 0 || uc >= cols || ur < 0 || ur >= rows) continue;
      const auto ui = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(vi) + offset[k]);
      if (cost_[ui] <= top_cost) continue;  // settled (costs only grow along a path)
      // The edge in the direction of travel, from → to.
      const std::size_t from = towards_sources ? ui : vi;
      const std::size_t to = towards_sources ? vi : ui;
      const float pace_from = pace[from], pace_to = pace[to];
      if (std::isinf(pace_from) || std::isinf(pace_to)) continue;
      // edge_parts, as it computes them for the edge from → to: that edge's step is k
      // itself going out from the source (v → u) and k's reverse coming in (u → v); the
      // half length and the stored bits are the same both ways.
      const double grade = (elevation[to] - elevation[from]) / twice_half[k];
      const double slope = grade == 0.0 ? 1.0 : s.slope_pace_factor(mover_, grade);
      const double first_half_s = half[k] * pace_from * slope;
      const double second_half_s = half[k] * pace_to * slope;
      const std::uint8_t bits = k < 4 ? edge_bits[vi * 4 + kSlot[k]] : edge_bits[ui * 4 + kSlot[k]];
      const double obstacle_s = bits != 0 ? crossings.seconds(bits) : 0.0;
      double w = first_half_s + second_half_s + obstacle_s;
      if (!std::isfinite(w)) continue;
      if (weighted) {
        const double r_from = risk[from], r_to = risk[to];
        double detections = first_half_s * r_from + second_half_s * r_to;
        if (bits != 0) crossings.add_detections(bits, 0.5 * (r_from + r_to), detections);
        w += aversion_s * detections;
      }
      const auto candidate = static_cast<float>(top_cost + w);
      if (candidate < cost_[ui]) {
        cost_[ui] = candidate;
        link_[ui] = static_cast<std::int32_t>(vi);
        if (!root_.empty()) root_[ui] = root_[vi];
        heap.push(key_of(candidate, ui));
      }
    }
  }
}

}  // namespace bordersim::routes
