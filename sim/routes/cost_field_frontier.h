#pragma once
// What is left of a field's Dijkstra when its build stopped early (CostField::from_point
// with settle_first_s): the queue, the solve's inputs, and the cost below which every cell
// is final. Private to the routes library.
//
// Why a paused field answers as the whole one: Dijkstra pops keys (cost, cell) in
// increasing order, and a pop relaxes only cells dearer than itself. Pausing pushes the
// first key beyond the bound back (it pops next, as it would have), and a resume refills
// the scratch from the field's arrays, where the pause left every cell's cost so far: the
// keys then pop in the order of one uninterrupted run, to the same effect. At a pause
// every key left is ≥ settled_below, and relaxations only write costs ≥ the key popped,
// so a cell whose cost is below settled_below is final, as are its link and root.
#include <atomic>
#include <cstdint>
#include <mutex>

#include "bordersim/routes/cost_field.h"
#include "radix_heap.h"

namespace bordersim::routes {

struct CostField::Frontier {
  std::mutex mutex;  // held while resuming
  RadixHeap heap;
  // Every cell whose cost is below it is final; +infinity: every cell (the field is
  // complete). Stored (release) after the resume that settled those cells.
  std::atomic<float> settled_below{0.0f};
  std::size_t settled = 0;  // cells settled so far
  // The field's arrays (their buffers stay put when the field moves).
  float* cost = nullptr;
  std::int32_t* link = nullptr;
  std::int32_t* root = nullptr;  // null: no roots
};

}  // namespace bordersim::routes
