#pragma once
// Points (sensor sites) bucketed on a uniform grid, so that "which sites lie near this
// path" costs the buckets the path's box touches, not a scan of every site.
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "bordersim/terrain/grid.h"

namespace bordersim {

class PointIndex {
 public:
  PointIndex() = default;
  // `bucket_m` > 0: about the search radius, so that a query touches a few buckets.
  PointIndex(std::span<const terrain::MapPoint> points, double bucket_m);

  // Indices (ascending) of the points that may lie within `margin` of the box spanned by
  // a and b: every such point is returned, and some farther ones may be.
  std::vector<std::uint32_t> near_box(terrain::MapPoint a, terrain::MapPoint b,
                                      double margin) const;

 private:
  using Key = std::pair<std::int64_t, std::int64_t>;
  Key key_of(terrain::MapPoint p) const;

  double bucket_m_ = 1.0;
  std::vector<std::pair<Key, std::uint32_t>> entries_;  // sorted by (key, index)
};

}  // namespace bordersim
