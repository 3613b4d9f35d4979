#include "bordersim/core/event_queue.h"

#include <algorithm>

namespace bordersim {
namespace {

// std heap algorithms build a max-heap; "greater" puts the earliest event on top.
struct FiresLater {
  template <class Entry>
  bool operator()(const Entry& a, const Entry& b) const {
    return fires_before(b.event, a.event);
  }
};

}  // namespace

std::uint32_t EventQueue::acquire_slot() {
  if (!free_slots_.empty()) {
    const std::uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  slots_.push_back({});
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

void EventQueue::release_slot(std::uint32_t slot) {
  ++slots_[slot].generation;  // invalidates every handle to this slot
  slots_[slot].cancelled = false;
  free_slots_.push_back(slot);
}

EventHandle EventQueue::push(const Event& event) {
  const std::uint32_t slot = acquire_slot();
  heap_.push_back({event, slot});
  std::push_heap(heap_.begin(), heap_.end(), FiresLater{});
  ++live_;
  return {slot, slots_[slot].generation};
}

bool EventQueue::is_pending(EventHandle handle) const {
  return handle.slot < slots_.size() && slots_[handle.slot].generation == handle.generation &&
         !slots_[handle.slot].cancelled;
}

bool EventQueue::cancel(EventHandle handle) {
  if (!is_pending(handle)) return false;
  slots_[handle.slot].cancelled = true;
  --live_;
  return true;
}

void EventQueue::pop_top_entry() {
  std::pop_heap(heap_.begin(), heap_.end(), FiresLater{});
  release_slot(heap_.back().slot);
  heap_.pop_back();
}

bool EventQueue::has_live_top() {
  while (!heap_.empty() && slots_[heap_.front().slot].cancelled) pop_top_entry();
  return !heap_.empty();
}

Event EventQueue::pop() {
  const Event event = heap_.front().event;
  pop_top_entry();
  --live_;
  return event;
}

}  // namespace bordersim
