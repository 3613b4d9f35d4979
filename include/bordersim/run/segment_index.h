#pragma once
// Straight segments bucketed on a uniform grid. Each cell a segment crosses holds an entry
// with the time window during which a mover on the segment is inside that cell, so "which
// movers can be within r of q at time t" costs the cells that the disc's box touches and
// their entries, not a scan of every mover. A segment that does not move (a piece of road)
// has an unbounded window. Cells are kept in a hash table: the plane need not be bounded.
// The table is open-addressed (power-of-two size, linear probing): a drone's look asks a
// handful of cells every few seconds, and std::unordered_map's modulo by a prime and its
// node hops were a tenth of a replication (bench/README.md, "Replications").
#include <cstdint>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/terrain/grid.h"

namespace bordersim {

class SegmentIndex {
 public:
  SegmentIndex() = default;
  // `bucket_m` > 0: about the usual query radius, so that a query touches a few cells.
  explicit SegmentIndex(double bucket_m);

  // A mover `id` going straight from a (at time t_a) to b (at t_b >= t_a) at constant speed.
  void insert(std::uint32_t id, terrain::MapPoint a, Time t_a, terrain::MapPoint b, Time t_b);
  // A fixed segment from a to b, present at all times.
  void insert(std::uint32_t id, terrain::MapPoint a, terrain::MapPoint b);

  // Replaces `out` with the ids (ascending, unique) of the movers that may be within r of q
  // at time t: every such mover is returned, and some farther ones may be.
  void near(terrain::MapPoint q, double r, Time t, std::vector<std::uint32_t>& out) const;
  // Replaces `out` with the ids (ascending, unique) of the segments that may pass within
  // `margin` of the box spanned by a and b, whatever their time windows.
  void near_box(terrain::MapPoint a, terrain::MapPoint b, double margin,
                std::vector<std::uint32_t>& out) const;

  // Forgets the entries whose window ended before t (movers that have left).
  void prune(Time t);
  std::size_t entry_count() const;
  double bucket_m() const { return bucket_m_; }

 private:
  struct Entry {
    std::uint32_t id;
    Time from;
    Time to;
  };
  // splitmix64's finaliser: packed cell keys are far from uniform.
  struct Mix {
    std::size_t operator()(std::uint64_t k) const {
      k = (k ^ (k >> 30)) * 0xbf58476d1ce4e5b9ULL;
      k = (k ^ (k >> 27)) * 0x94d049bb133111ebULL;
      return static_cast<std::size_t>(k ^ (k >> 31));
    }
  };
  struct Cell {
    std::uint64_t key = 0;
    bool used = false;
    std::vector<Entry> entries;
  };
  static std::uint64_t key(std::int64_t kx, std::int64_t ky);
  const Cell* find(std::uint64_t k) const;
  std::vector<Entry>& cell(std::uint64_t k);  // inserts an empty cell if there is none
  void grow();
  template <class F>
  void for_cells(terrain::MapPoint lo, terrain::MapPoint hi, F&& f) const;

  double bucket_m_ = 1.0;
  std::vector<Cell> cells_;  // size 0 or a power of two, at most half used
  std::size_t used_ = 0;
};

}  // namespace bordersim
