#pragma once
// A monotone radix heap of unique 64-bit keys (Ahuja, Mehlhorn, Orlin & Tarjan 1990), for
// the grid Dijkstra: a key is (float cost bits << 32 | cell), so keys order as (cost, cell),
// exactly the order the binary heap it replaced popped in. A key goes to bucket
// bit_width(key ^ last), last being the last key popped; popping refills bucket 0 from the
// lowest non-empty bucket, so each key moves at most 64 times and mostly a few, in
// sequential memory rather than the heap's scattered sift-downs.
//
// Dijkstra pushes keys at least the popped one, except when a float sum rounds back to the
// popped cost (an edge far shorter than an ulp of the cost) for a lower cell index: such a
// key is below `last`, so it waits in a small binary heap that pops before the buckets,
// keeping the order exact.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <functional>
#include <vector>

namespace bordersim::routes {

class RadixHeap {
 public:
  bool empty() const { return size_ == 0; }

  void push(std::uint64_t key) {
    ++size_;
    if (key < last_) {
      below_.push_back(key);
      std::push_heap(below_.begin(), below_.end(), std::greater<>());
      return;
    }
    add(key);
  }

  // Drops every key for which drop(key) holds and gives back the memory the buckets held
  // beyond what is left (a paused field keeps its heap: cost_field_frontier.h). The pops
  // that follow return the other keys in the same order: keys are unique, each stays in
  // its bucket (relative to last_, unchanged), and only the buckets' least keys move.
  template <class Drop>
  void drop_if(Drop drop) {
    size_ = 0;
    for (std::size_t b = 0; b < buckets_.size(); ++b) {
      std::erase_if(buckets_[b], drop);
      buckets_[b].shrink_to_fit();
      least_[b] = kNone;
      for (const std::uint64_t key : buckets_[b]) least_[b] = std::min(least_[b], key);
      size_ += buckets_[b].size();
    }
    std::erase_if(below_, drop);
    below_.shrink_to_fit();
    std::make_heap(below_.begin(), below_.end(), std::greater<>());
    size_ += below_.size();
  }

  // Bytes of keys the heap holds room for (its vectors' capacities).
  std::size_t capacity_bytes() const {
    std::size_t keys = below_.capacity();
    for (const auto& b : buckets_) keys += b.capacity();
    return keys * sizeof(std::uint64_t);
  }

  // The least key; the heap must not be empty.
  std::uint64_t pop() {
    --size_;
    if (!below_.empty()) {
      std::pop_heap(below_.begin(), below_.end(), std::greater<>());
      const std::uint64_t key = below_.back();
      below_.pop_back();
      return key;
    }
    if (buckets_[0].empty()) refill();
    const std::uint64_t key = buckets_[0].back();
    buckets_[0].pop_back();
    return key;
  }

 private:
  static constexpr std::array<std::uint64_t, 65> filled_with_none() {
    std::array<std::uint64_t, 65> a{};
    a.fill(kNone);
    return a;
  }
  int bucket_of(std::uint64_t key) const { return static_cast<int>(std::bit_width(key ^ last_)); }

  void add(std::uint64_t key) {
    const int b = bucket_of(key);
    buckets_[b].push_back(key);
    least_[b] = std::min(least_[b], key);
  }

  // Moves the lowest non-empty bucket's keys down, relative to its least key (each lands
  // in a lower bucket: they share every bit from b − 1 up with it).
  void refill() {
    std::size_t b = 1;
    while (buckets_[b].empty()) ++b;
    std::vector<std::uint64_t>& from = buckets_[b];
    last_ = least_[b];
    least_[b] = kNone;
    for (const std::uint64_t key : from) add(key);
    from.clear();
  }

  static constexpr std::uint64_t kNone = ~std::uint64_t{0};
  std::array<std::vector<std::uint64_t>, 65> buckets_;
  // Each bucket's least key, kept as keys arrive (kNone: empty), so that a refill reads
  // its bucket once rather than twice. Bucket 0's is never read.
  std::array<std::uint64_t, 65> least_ = filled_with_none();
  std::vector<std::uint64_t> below_;  // keys pushed below last_ (min-heap)
  std::uint64_t last_ = 0;
  std::size_t size_ = 0;
};

}  // namespace bordersim::routes
