#pragma once
// The pending-event set: a 4-ary heap on a vector (bench/ compares it with others),
// with O(1) cancellation through generation-checked slots. The heap holds 24-byte keys
// (time, phase and sequence packed, slot) and each event waits in its slot, so a sift moves
// and compares less than half the bytes it would with whole events (bench/README.md).
// Lanes: an entity that keeps one event pending and re-schedules itself every few seconds
// (a drone's glimpses: 83 % of a reference-scale replication's events) may keep it in a
// lane beside the heap, skipping the heap's sifts; pops merge lanes and heap in the same
// total order.
#include <cstdint>
#include <vector>

#include "bordersim/core/event.h"

namespace bordersim {

// Names one scheduled event. Stale handles (the event fired or was cancelled) are
// recognised by their generation, so cancelling them is a harmless no-op.
struct EventHandle {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
};

class EventQueue {
 public:
  // Adds `event` (its sequence must already be set) and returns a handle to cancel it.
  EventHandle push(const Event& event);
  // Marks the event dead in O(1); it is discarded when it reaches the top.
  // Returns false when the handle no longer names a pending event.
  bool cancel(EventHandle handle);
  bool is_pending(EventHandle handle) const;

  // A new, empty lane; the queue holds at most one event per lane (no cancelling).
  std::uint32_t add_lane();
  // Adds `event` (its sequence set) to `lane`, which must be empty.
  void push_to_lane(std::uint32_t lane, const Event& event);

  // Removes dead events from the top; true when a live event remains.
  bool has_live_top();
  // The lane of the earliest live event (as top()), or kNoLane when it is in the heap.
  std::uint32_t top_lane() const { return lane_first() ? first_lane_ : kNoLane; }
  // Whether `event` comes before every event held (a dead heap top counts: conservative).
  bool before_all(const Event& event) const;
  // The earliest live event; call only after has_live_top() returned true.
  const Event& top() const {
    return lane_first() ? lanes_[first_lane_] : slots_[heap_.front().slot].event;
  }
  Event pop();

  std::size_t live_count() const { return live_; }

  static constexpr std::uint32_t kNoLane = UINT32_MAX;

 private:
  // fires_before's order: time, then phase (the top 8 bits of `order`), then sequence.
  struct Entry {
    Time time;
    std::uint64_t order;
    std::uint32_t slot;
  };
  static bool earlier(const Entry& a, const Entry& b) {
    return a.time != b.time ? a.time < b.time : a.order < b.order;
  }
  struct Slot {
    Event event;
    std::uint32_t generation = 0;
    bool cancelled = false;
  };
  // Whether the earliest lane's event comes before the heap's top (dead tops removed).
  bool lane_first() const {
    if (first_lane_ == kNoLane) return false;
    if (heap_.empty()) return true;
    const Event& lane = lanes_[first_lane_];
    const Entry& heap = heap_.front();
    return lane.time != heap.time
               ? lane.time < heap.time
               : (static_cast<std::uint64_t>(lane.phase) << 56 | lane.sequence) < heap.order;
  }
  void find_first_lane();
  std::uint32_t acquire_slot();
  void release_slot(std::uint32_t slot);
  void pop_top_entry();
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);

  static constexpr std::size_t kArity = 4;

  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<Event> lanes_;
  std::vector<std::uint8_t> lane_busy_;
  std::uint32_t first_lane_ = kNoLane;  // the busy lane with the earliest event
  std::size_t live_ = 0;                // heap and lanes
};

}  // namespace bordersim
