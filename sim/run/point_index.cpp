#include "bordersim/run/point_index.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace bordersim {

PointIndex::PointIndex(std::span<const terrain::MapPoint> points, double bucket_m)
    : bucket_m_(bucket_m) {
  if (!(bucket_m > 0)) throw std::invalid_argument("PointIndex: bucket size must be positive");
  for (std::uint32_t i = 0; i < points.size(); ++i) entries_.push_back({key_of(points[i]), i});
  std::sort(entries_.begin(), entries_.end());
}

PointIndex::Key PointIndex::key_of(terrain::MapPoint p) const {
  return {static_cast<std::int64_t>(std::floor(p.x / bucket_m_)),
          static_cast<std::int64_t>(std::floor(p.y / bucket_m_))};
}

std::vector<std::uint32_t> PointIndex::near_box(terrain::MapPoint a, terrain::MapPoint b,
                                                double margin) const {
  const Key low = key_of({std::min(a.x, b.x) - margin, std::min(a.y, b.y) - margin});
  const Key high = key_of({std::max(a.x, b.x) + margin, std::max(a.y, b.y) + margin});
  std::vector<std::uint32_t> found;
  for (std::int64_t kx = low.first; kx <= high.first; ++kx) {
    // Entries are sorted by (kx, ky): one contiguous run per column of buckets.
    auto it =
        std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(Key{kx, low.second}, 0u));
    for (; it != entries_.end() && it->first.first == kx && it->first.second <= high.second; ++it)
      found.push_back(it->second);
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace bordersim
