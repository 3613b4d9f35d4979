#include "bordersim/terrain/viewshed.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace bordersim::terrain {
namespace {

// Heights below are absolute elevations minus the curvature drop. `zo` is the observer's
// eye. The formulas and their evaluation order are GDAL 3.6's, so that both programs round
// alike and agree on the cells that sit exactly on a visibility edge.

// The horizon at step i along a line through the observer, from the horizon `za` at step
// i − 1 (the sight line through the eye and za, extended by one step).
double extend_line(int i, double za, double zo) { return i == 1 ? za : (za - zo) / (i - 1) + za; }

// The horizon at offset (i, j) from the observer, i ≤ j along the minor and major axes:
// where the sight line crosses the previous line of the major axis, interpolated between
// `za` (one step closer on both axes) and `zb` (one step closer on the major axis only).
double interpolate_edge(int i, int j, double za, double zb, double zo) {
  if (i == j) return extend_line(i, za, zo);
  return ((za - zo) * i + (zb - zo) * (j - i)) / (j - 1) + zo;
}

std::size_t window_index(const Viewshed::Window& w, CellIndex c) {
  return static_cast<std::size_t>(c.row - w.origin.row) * static_cast<std::size_t>(w.cols) +
         static_cast<std::size_t>(c.col - w.origin.col);
}

class Scan {
 public:
  Scan(const ElevationGrid& dem, CellIndex obs, const ViewshedParams& p, Viewshed::Window w,
       std::vector<std::uint64_t>& bits)
      : dem_(dem), obs_(obs), p_(p), w_(w), bits_(bits), diameter_(2.0 * p.sight.earth_radius) {
    max_distance2_ = p.max_distance > 0.0 ? p.max_distance * p.max_distance
                                          : std::numeric_limits<double>::infinity();
    const std::size_t n = static_cast<std::size_t>(w.cols);
    first_.resize(n);
    prev_.resize(n);
    cur_.resize(n);
  }

  void run() {
    ground_ = dem_.at(obs_);
    zo_ = ground_ + p_.sight.observer_height;
    first_row();
    for (int dir : {-1, 1}) {
      prev_ = first_;
      for (int r = obs_.row + dir; r >= w_.origin.row && r < w_.origin.row + w_.rows; r += dir) {
        if (!row(r)) break;  // rows further out are out of range as well
        std::swap(prev_, cur_);
      }
    }
  }

 private:
  double& cur(int col) { return cur_[static_cast<std::size_t>(col - w_.origin.col)]; }
  double prev(int col) const { return prev_[static_cast<std::size_t>(col - w_.origin.col)]; }

  // Loads row r into cur_, lowered by the curvature drop, and returns the inclusive column
  // span of its cells in range (empty when lo > hi). In-range cells form one run around the
  // observer's column because the range is a disc.
  std::pair<int, int> load(int r) {
    const auto src = dem_.row(r);
    const int dy = r - obs_.row;
    const double y = dem_.geometry().cell_h * dy;
    int lo = obs_.col + 1;
    int hi = obs_.col;
    for (int sign : {-1, 1}) {
      for (int c = sign < 0 ? obs_.col : obs_.col + 1;
           c >= w_.origin.col && c < w_.origin.col + w_.cols; c += sign) {
        const double x = dem_.geometry().cell_w * (c - obs_.col);
        const double r2 = x * x + y * y;
        if (r2 > max_distance2_) break;
        double z = src[static_cast<std::size_t>(c)];
        if (p_.sight.curvature_coeff != 0.0) z -= p_.sight.curvature_coeff * r2 / diameter_;
        cur(c) = z;
        (sign < 0 ? lo : hi) = c;
      }
    }
    return {lo, hi};
  }

  // Decides the cell against the horizon `z` and raises it to the horizon surface.
  void settle(int col, int r, double z) {
    double& h = cur(col);
    if (std::isnan(h)) {  // NoData: unknown ground, hidden, does not block
      h = z;
      return;
    }
    if (!(h + p_.sight.target_height < z)) set_visible({col, r});
    if (h < z) h = z;
  }

  void first_row() {
    const int r = obs_.row;
    const auto [lo, hi] = load(r);
    set_visible(obs_);
    cur(obs_.col) = ground_;
    // The neighbours on the observer's row are visible by convention (GDAL's), and keep
    // their own elevation as horizon.
    for (int c : {obs_.col - 1, obs_.col + 1}) {
      if (c < lo || c > hi) continue;
      if (std::isnan(cur(c))) {
        cur(c) = ground_;
      } else {
        set_visible({c, r});
      }
    }
    for (int c = obs_.col - 2; c >= lo; --c)
      settle(c, r, extend_line(obs_.col - c, cur(c + 1), zo_));
    for (int c = obs_.col + 2; c <= hi; ++c)
      settle(c, r, extend_line(c - obs_.col, cur(c - 1), zo_));
    first_ = cur_;
  }

  bool row(int r) {
    const auto [lo, hi] = load(r);
    if (lo > hi) return false;
    const int dy = std::abs(r - obs_.row);
    const int oc = obs_.col;
    // Next to the observer, GDAL 3.6 interpolates from the observer's ground; otherwise the
    // cell is its own horizon, that is, visible.
    const bool gdal36 = p_.adjacent == ViewshedParams::Adjacent::kGdal36;
    const auto own = [&](int c) { return std::isnan(cur(c)) ? ground_ : cur(c); };
    settle(oc, r, dy == 1 && !gdal36 ? own(oc) : extend_line(dy, prev(oc), zo_));
    // Walking away from the observer's column, `toward` is the neighbour one column closer.
    const auto horizon = [&](int c, int toward) {
      const int dx = std::abs(c - oc);
      if (dx == 1 && dy == 1 && !gdal36) return own(c);
      return dx >= dy ? interpolate_edge(dy, dx, prev(toward), cur(toward), zo_)
                      : interpolate_edge(dx, dy, prev(toward), prev(c), zo_);
    };
    for (int c = oc - 1; c >= lo; --c) settle(c, r, horizon(c, c + 1));
    for (int c = oc + 1; c <= hi; ++c) settle(c, r, horizon(c, c - 1));
    return true;
  }

  void set_visible(CellIndex c) {
    const std::size_t i = window_index(w_, c);
    bits_[i / 64] |= std::uint64_t{1} << (i % 64);
  }

  const ElevationGrid& dem_;
  CellIndex obs_;
  const ViewshedParams& p_;
  Viewshed::Window w_;
  std::vector<std::uint64_t>& bits_;
  double diameter_;
  double max_distance2_ = 0.0;
  double ground_ = 0.0;
  double zo_ = 0.0;
  std::vector<double> first_, prev_, cur_;
};

}  // namespace

bool Viewshed::in_range(CellIndex c) const {
  if (c.col < window_.origin.col || c.row < window_.origin.row ||
      c.col >= window_.origin.col + window_.cols || c.row >= window_.origin.row + window_.rows) {
    return false;
  }
  if (max_distance2_ == 0.0) return true;
  const double x = cell_w_ * (c.col - observer_.col);
  const double y = cell_h_ * (c.row - observer_.row);
  return x * x + y * y <= max_distance2_;
}

bool Viewshed::visible(CellIndex c) const {
  if (!in_range(c)) return false;
  const std::size_t i = window_index(window_, c);
  return ((bits_[i / 64] >> (i % 64)) & 1U) != 0;
}

std::int64_t Viewshed::visible_count() const {
  std::int64_t n = 0;
  for (const std::uint64_t w : bits_) n += std::popcount(w);
  return n;
}

Viewshed compute_viewshed(const ElevationGrid& dem, CellIndex observer,
                          const ViewshedParams& params) {
  if (!dem.contains(observer)) throw std::invalid_argument("viewshed observer is off the grid");
  if (std::isnan(dem.at(observer))) {
    throw std::invalid_argument("viewshed observer stands on a NoData cell");
  }
  const GridGeometry& g = dem.geometry();
  // Columns and rows that can hold a cell in range; one more than the quotient guards
  // against the rounding of the distance test.
  const auto reach = [&](double cell, int n) {
    return params.max_distance > 0.0
               ? static_cast<int>(std::min<double>(n, std::floor(params.max_distance / cell) + 1))
               : n;
  };
  const int rc = reach(g.cell_w, g.cols);
  const int rr = reach(g.cell_h, g.rows);
  Viewshed v;
  v.observer_ = observer;
  v.window_.origin = {std::max(0, observer.col - rc), std::max(0, observer.row - rr)};
  v.window_.cols = std::min(g.cols - 1, observer.col + rc) - v.window_.origin.col + 1;
  v.window_.rows = std::min(g.rows - 1, observer.row + rr) - v.window_.origin.row + 1;
  v.cell_w_ = g.cell_w;
  v.cell_h_ = g.cell_h;
  v.max_distance2_ = params.max_distance > 0.0 ? params.max_distance * params.max_distance : 0.0;
  const auto cells =
      static_cast<std::size_t>(v.window_.cols) * static_cast<std::size_t>(v.window_.rows);
  v.bits_.assign((cells + 63) / 64, 0);

  Scan(dem, observer, params, v.window_, v.bits_).run();
  return v;
}

Viewshed compute_viewshed(const ElevationGrid& dem, MapPoint observer,
                          const ViewshedParams& params) {
  const std::optional<CellIndex> cell = dem.cell_of(observer);
  if (!cell) throw std::invalid_argument("viewshed observer is off the grid");
  return compute_viewshed(dem, *cell, params);
}

}  // namespace bordersim::terrain
