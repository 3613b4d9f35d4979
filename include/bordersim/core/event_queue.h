#pragma once
// The pending-event set: a 4-ary heap on a vector (bench/ compares it with others),
// with O(1) cancellation through generation-checked slots. The heap holds 24-byte keys
// (time, phase and sequence packed, slot) and each event waits in its slot, so a sift moves
// and compares less than half the bytes it would with whole events (bench/README.md).
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

  // Removes dead events from the top; true when a live event remains.
  bool has_live_top();
  // The earliest live event; call only after has_live_top() returned true.
  const Event& top() const { return slots_[heap_.front().slot].event; }
  Event pop();

  std::size_t live_count() const { return live_; }

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
  std::uint32_t acquire_slot();
  void release_slot(std::uint32_t slot);
  void pop_top_entry();
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);

  static constexpr std::size_t kArity = 4;

  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t live_ = 0;
};

}  // namespace bordersim
