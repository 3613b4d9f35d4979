#pragma once
// Fixed straight segments (the pieces of a patrol's lane) bucketed on a uniform grid: each
// cell a segment crosses holds its id, so "which pieces pass near this box" costs the
// cells the box touches, not a scan of every piece. Cells are kept in a hash table, so the
// plane need not be bounded; the table is open-addressed (power-of-two size, linear
// probing), since std::unordered_map's modulo by a prime and its node hops cost a tenth of
// a replication when drones asked it every few seconds (bench/README.md, "Replications").
#include <cstdint>
#include <vector>

#include "bordersim/terrain/grid.h"

namespace bordersim {

class SegmentIndex {
 public:
  SegmentIndex() = default;
  // `bucket_m` > 0: about the usual query radius, so that a query touches a few cells.
  explicit SegmentIndex(double bucket_m);

  // The segment `id` from a to b.
  void insert(std::uint32_t id, terrain::MapPoint a, terrain::MapPoint b);

  // Replaces `out` with the ids (ascending, unique) of the segments that may pass within
  // `margin` of the box spanned by a and b: every such segment is returned, and some
  // farther ones may be.
  void near_box(terrain::MapPoint a, terrain::MapPoint b, double margin,
                std::vector<std::uint32_t>& out) const;

  double bucket_m() const { return bucket_m_; }

 private:
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
    std::vector<std::uint32_t> ids;
  };
  static std::uint64_t key(std::int64_t kx, std::int64_t ky);
  const Cell* find(std::uint64_t k) const;
  std::vector<std::uint32_t>& cell(std::uint64_t k);  // inserts an empty cell if there is none
  void grow();
  template <class F>
  void for_cells(terrain::MapPoint lo, terrain::MapPoint hi, F&& f) const;

  double bucket_m_ = 1.0;
  std::vector<Cell> cells_;  // size 0 or a power of two, at most half used
  std::size_t used_ = 0;
};

}  // namespace bordersim
