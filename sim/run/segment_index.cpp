#include "bordersim/run/segment_index.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace bordersim {
namespace {

using terrain::MapPoint;

std::int64_t cell_of(double grid_units) {
  return static_cast<std::int64_t>(std::floor(grid_units));
}

// Calls f(kx, ky) for each cell the segment a→b crosses (grid units) (Amanatides & Woo). The steps
// in x and in y are counted from the end cells, so rounding near a corner cannot lose the last
// cell.
template <class F>
void walk(MapPoint a, MapPoint b, F&& f) {
  std::int64_t ix = cell_of(a.x), iy = cell_of(a.y);
  const std::int64_t jx = cell_of(b.x), jy = cell_of(b.y);
  const double dx = b.x - a.x, dy = b.y - a.y;
  const int sx = jx > ix ? 1 : (jx < ix ? -1 : 0);
  const int sy = jy > iy ? 1 : (jy < iy ? -1 : 0);
  const double inf = std::numeric_limits<double>::infinity();
  const double step_x = sx != 0 ? std::abs(1.0 / dx) : inf;
  const double step_y = sy != 0 ? std::abs(1.0 / dy) : inf;
  double next_x = sx > 0 ? (static_cast<double>(ix + 1) - a.x) / dx
                         : (sx < 0 ? (a.x - static_cast<double>(ix)) / -dx : inf);
  double next_y = sy > 0 ? (static_cast<double>(iy + 1) - a.y) / dy
                         : (sy < 0 ? (a.y - static_cast<double>(iy)) / -dy : inf);
  std::int64_t left_x = std::llabs(jx - ix), left_y = std::llabs(jy - iy);
  while (left_x + left_y > 0) {
    const bool along_x = left_y == 0 || (left_x > 0 && next_x <= next_y);
    f(ix, iy);
    if (along_x) {
      ix += sx;
      next_x += step_x;
      --left_x;
    } else {
      iy += sy;
      next_y += step_y;
      --left_y;
    }
  }
  f(ix, iy);
}

void sort_unique(std::vector<std::uint32_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

SegmentIndex::SegmentIndex(double bucket_m) : bucket_m_(bucket_m) {
  if (!(bucket_m > 0) || !std::isfinite(bucket_m))
    throw std::invalid_argument("SegmentIndex: bucket size must be positive");
}

std::uint64_t SegmentIndex::key(std::int64_t kx, std::int64_t ky) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(kx)) << 32) |
         static_cast<std::uint64_t>(static_cast<std::uint32_t>(ky));
}

const SegmentIndex::Cell* SegmentIndex::find(std::uint64_t k) const {
  if (cells_.empty()) return nullptr;
  const std::size_t mask = cells_.size() - 1;
  for (std::size_t i = Mix{}(k)&mask;; i = (i + 1) & mask) {
    const Cell& c = cells_[i];
    if (!c.used) return nullptr;
    if (c.key == k) return &c;
  }
}

std::vector<std::uint32_t>& SegmentIndex::cell(std::uint64_t k) {
  if (2 * (used_ + 1) > cells_.size()) grow();
  const std::size_t mask = cells_.size() - 1;
  for (std::size_t i = Mix{}(k)&mask;; i = (i + 1) & mask) {
    Cell& c = cells_[i];
    if (c.used && c.key == k) return c.ids;
    if (!c.used) {
      c.used = true;
      c.key = k;
      ++used_;
      return c.ids;
    }
  }
}

// Doubles the table (or starts it), moving the cells over.
void SegmentIndex::grow() {
  std::vector<Cell> old = std::move(cells_);
  cells_.assign(std::max<std::size_t>(64, 2 * old.size()), Cell{});
  used_ = 0;
  for (Cell& c : old) {
    if (c.used) cell(c.key) = std::move(c.ids);
  }
}

void SegmentIndex::insert(std::uint32_t id, MapPoint a, MapPoint b) {
  const MapPoint ga{a.x / bucket_m_, a.y / bucket_m_};
  const MapPoint gb{b.x / bucket_m_, b.y / bucket_m_};
  walk(ga, gb, [&](std::int64_t kx, std::int64_t ky) { cell(key(kx, ky)).push_back(id); });
}

template <class F>
void SegmentIndex::for_cells(MapPoint lo, MapPoint hi, F&& f) const {
  // A hair wider than the box: a point on a cell edge may have been filed either side.
  const double pad = 1e-9 * bucket_m_;
  const std::int64_t x0 = cell_of((lo.x - pad) / bucket_m_), x1 = cell_of((hi.x + pad) / bucket_m_);
  const std::int64_t y0 = cell_of((lo.y - pad) / bucket_m_), y1 = cell_of((hi.y + pad) / bucket_m_);
  // A box wider than the filled cells are many: visit the filled cells instead.
  // (The callers sort what they collect, so the order of the visit does not matter.)
  if (static_cast<double>(x1 - x0 + 1) * static_cast<double>(y1 - y0 + 1) >
      static_cast<double>(used_)) {
    for (const Cell& c : cells_) {
      if (!c.used) continue;
      const auto kx = static_cast<std::int32_t>(static_cast<std::uint32_t>(c.key >> 32));
      const auto ky = static_cast<std::int32_t>(static_cast<std::uint32_t>(c.key & 0xFFFFFFFFULL));
      if (kx >= x0 && kx <= x1 && ky >= y0 && ky <= y1) f(c.ids);
    }
    return;
  }
  for (std::int64_t kx = x0; kx <= x1; ++kx) {
    for (std::int64_t ky = y0; ky <= y1; ++ky) {
      if (const Cell* c = find(key(kx, ky))) f(c->ids);
    }
  }
}

void SegmentIndex::near_box(MapPoint a, MapPoint b, double margin,
                            std::vector<std::uint32_t>& out) const {
  out.clear();
  for_cells({std::min(a.x, b.x) - margin, std::min(a.y, b.y) - margin},
            {std::max(a.x, b.x) + margin, std::max(a.y, b.y) + margin},
            [&](const std::vector<std::uint32_t>& ids) {
              out.insert(out.end(), ids.begin(), ids.end());
            });
  sort_unique(out);
}

}  // namespace bordersim
