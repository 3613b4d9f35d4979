#include "bordersim/terrain/viewshed.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <utility>

namespace bordersim::terrain {
namespace {

// Heights below are absolute elevations minus the curvature drop. `zo` is the observer's
// eye. The formulas and their evaluation order are GDAL 3.6's, so that both programs round
// alike and agree on the cells that sit exactly on a visibility edge.
//
// GDAL walks the grid row by row. Where a cell is further from the observer across than
// along (|dx| > |dy|), its horizon comes from its neighbour one column closer on the same
// row, so a row is one long chain of dependent divisions. We walk four wedges instead: the
// cells (k, m) at k steps along a major axis (north, south, west, east) and m ≤ k across it.
// Every cell of line k depends only on line k − 1, so a line's divisions are independent
// and pipeline (and vectorize). The diagonal cells belong to two wedges; both compute them
// from the same previous diagonal, hence alike. Same formulas, same operands: same bits.

// The horizon at step i along a line through the observer, from the horizon `za` at step
// i − 1 (the sight line through the eye and za, extended by one step).
double extend_line(int i, double za, double zo) { return i == 1 ? za : (za - zo) / (i - 1) + za; }

std::size_t window_index(const Viewshed::Window& w, CellIndex c) {
  return static_cast<std::size_t>(c.row - w.origin.row) * static_cast<std::size_t>(w.cols) +
         static_cast<std::size_t>(c.col - w.origin.col);
}

// One wedge: its axes on the grid and its two line buffers, indexed by the minor offset m.
struct Wedge {
  int major_row = 0, major_col = 0;  // grid step for k + 1
  bool vertical = false;             // north or south: a line is part of a grid row
  int kmax = 0;                      // last line inside the window
  int mmin = 0, mmax = 0;            // minor offsets inside the window
  std::vector<double> prev, cur, h, z;
  std::vector<std::uint8_t> vis;
  bool done = false;

  void set(int step_row, int step_col, int last, int minor_min, int minor_max) {
    major_row = step_row;
    major_col = step_col;
    vertical = step_col == 0;
    kmax = last;
    mmin = minor_min;
    mmax = minor_max;
  }
};

class Scan {
 public:
  Scan(const ElevationGrid& dem, CellIndex obs, const ViewshedParams& p, Viewshed::Window w,
       std::vector<std::uint8_t>& cells)
      : dem_(dem), obs_(obs), p_(p), w_(w), cells_(cells), diameter_(2.0 * p.sight.earth_radius) {
    max_distance2_ = p.max_distance > 0.0 ? p.max_distance * p.max_distance
                                          : std::numeric_limits<double>::infinity();
    const int north = obs.row - w.origin.row, south = w.origin.row + w.rows - 1 - obs.row;
    const int west = obs.col - w.origin.col, east = w.origin.col + w.cols - 1 - obs.col;
    wedges_[0].set(-1, 0, north, -west, east);
    wedges_[1].set(1, 0, south, -west, east);
    wedges_[2].set(0, -1, west, -north, south);
    wedges_[3].set(0, 1, east, -north, south);
    for (Wedge& wd : wedges_) {
      const auto n = static_cast<std::size_t>(wd.mmax - wd.mmin + 1);
      wd.prev.assign(n, 0.0);
      wd.cur.assign(n, 0.0);
      wd.h.assign(n, 0.0);
      wd.z.assign(n, 0.0);
      wd.vis.assign(n, 0);
    }
    lim_[0] = std::max(west, east);
    lim_[1] = std::max(north, south);
    drop_.assign(static_cast<std::size_t>(std::max(lim_[0], lim_[1]) + 1), 0.0);
  }

  void run() {
    ground_ = dem_.at(obs_);
    zo_ = ground_ + p_.sight.observer_height;
    for (Wedge& wd : wedges_) wd.prev[static_cast<std::size_t>(-wd.mmin)] = ground_;
    for (int k = 1;; ++k) {
      bool any = false;
      for (int pair = 0; pair < 2; ++pair) {
        Wedge& a = wedges_[2 * pair];
        Wedge& b = wedges_[2 * pair + 1];
        if (a.done && b.done) continue;
        const int reach = line_reach(pair, k);
        if (reach < 0) {
          a.done = b.done = true;
          continue;
        }
        for (Wedge* wd : {&a, &b}) {
          if (wd->done || k > wd->kmax) {
            wd->done = true;
            continue;
          }
          line(*wd, k, std::max(-reach, wd->mmin), std::min(reach, wd->mmax));
          any = true;
        }
      }
      if (!any) break;
    }
    cells_[window_index(w_, obs_)] = 1;
  }

 private:
  // The offsets |m| ≤ k of line k in range, and their curvature drops into drop_; −1 when
  // even the axis cell is out of range. Pair 0: north and south (m runs along a row).
  int line_reach(int pair, int k) {
    const GridGeometry& g = dem_.geometry();
    const auto r2 = [&](int m) {
      const double x = g.cell_w * (pair == 0 ? m : k);
      const double y = g.cell_h * (pair == 0 ? k : m);
      return x * x + y * y;
    };
    int& lim = lim_[pair];  // shrinks as k grows: the range is a disc
    while (lim >= 0 && r2(lim) > max_distance2_) --lim;
    const int reach = std::min(lim, k);
    if (p_.sight.curvature_coeff != 0.0) {
      const double cc = p_.sight.curvature_coeff, diameter = diameter_;
      const double along = pair == 0 ? g.cell_h * k : g.cell_w * k;  // y for N/S, x for W/E
      const double across = pair == 0 ? g.cell_w : g.cell_h;
      double* __restrict const drop = drop_.data();
      // r2(m) written out without a branch, for the vectorizer: across² + along² is the
      // same sum as x² + y² (addition of two terms commutes exactly).
      const double along2 = along * along;
      for (int m = 0; m <= reach; ++m) {
        const double across_m = across * m;
        drop[m] = cc * (across_m * across_m + along2) / diameter;
      }
    }
    return reach;
  }

  void line(Wedge& wd, int k, int lo, int hi) {
    const int row = obs_.row + wd.major_row * k, col = obs_.col + wd.major_col * k;
    const std::ptrdiff_t stride = wd.vertical ? 1 : dem_.cols();
    const float* src = dem_.values().data() + static_cast<std::ptrdiff_t>(row) * dem_.cols() + col;
    double* __restrict const H = wd.h.data() - wd.mmin;  // H[m], m in [mmin, mmax]
    const double* __restrict const P = wd.prev.data() - wd.mmin;
    double* __restrict const C = wd.cur.data() - wd.mmin;
    std::uint8_t* __restrict const V = wd.vis.data() - wd.mmin;
    const double* drop = drop_.data();
    for (int m = lo; m < 0; ++m) H[m] = static_cast<double>(src[m * stride]) - drop[-m];
    for (int m = 0; m <= hi; ++m) H[m] = static_cast<double>(src[m * stride]) - drop[m];

    // First the horizons Z of the line's cells, then each cell against its horizon: two
    // loops without branches, which GCC vectorizes.
    double* __restrict const Z = wd.z.data() - wd.mmin;
    const double zo = zo_;
    const bool gdal36 = p_.adjacent == ViewshedParams::Adjacent::kGdal36;
    const auto own = [&](int m) { return std::isnan(H[m]) ? ground_ : H[m]; };
    Z[0] = k == 1 && (!gdal36 || !wd.vertical) ? own(0) : extend_line(k, P[0], zo);
    // Strictly inside the wedge: where the sight line crosses line k − 1, between the cell
    // one step closer to the axis (za, weight |m|) and the cell behind (zb, weight k − |m|).
    const double d = k - 1;
    for (int m = std::max(lo, 1 - k); m < 0; ++m) {
      const double i = -m, j_i = k + m;
      Z[m] = ((P[m + 1] - zo) * i + (P[m] - zo) * j_i) / d + zo;
    }
    for (int m = 1; m <= std::min(hi, k - 1); ++m) {
      const double i = m, j_i = k - m;
      Z[m] = ((P[m - 1] - zo) * i + (P[m] - zo) * j_i) / d + zo;
    }
    for (int m : {-k, k}) {  // the diagonals
      if (m < lo || m > hi) continue;
      Z[m] = k == 1 && !gdal36 ? own(m) : extend_line(k, P[m < 0 ? m + 1 : m - 1], zo);
    }
    // A cell is visible unless hidden, and is raised to the horizon surface. Z is never
    // NaN; a NaN (NoData) cell compares false: hidden, and takes the horizon (no block).
    const double th = p_.sight.target_height;
    for (int m = lo; m <= hi; ++m) {
      V[m] = H[m] + th >= Z[m] ? 1 : 0;
      C[m] = H[m] >= Z[m] ? H[m] : Z[m];
    }
    // The observer's row neighbours are visible by convention (GDAL's), NoData aside.
    if (k == 1 && !wd.vertical) V[0] = std::isnan(H[0]) ? 0 : 1;

    const std::size_t base = window_index(w_, {col, row});
    const std::ptrdiff_t wstride = wd.vertical ? 1 : w_.cols;
    std::uint8_t* out = cells_.data() + base;
    for (int m = lo; m <= hi; ++m) out[m * wstride] = V[m];
    std::swap(wd.prev, wd.cur);
  }

  const ElevationGrid& dem_;
  CellIndex obs_;
  const ViewshedParams& p_;
  Viewshed::Window w_;
  std::vector<std::uint8_t>& cells_;  // one byte per window cell, row-major: 1 = visible
  double diameter_;
  double max_distance2_ = 0.0;
  double ground_ = 0.0;
  double zo_ = 0.0;
  Wedge wedges_[4];
  int lim_[2] = {0, 0};
  std::vector<double> drop_;
};

// Packs one byte (0 or 1) per cell into bits: the multiply gathers the low bit of each of
// eight bytes into the top byte, byte j to bit j (no carry reaches it from below).
void pack_bits(const std::vector<std::uint8_t>& cells, std::vector<std::uint64_t>& bits) {
  for (std::size_t w = 0; w < bits.size(); ++w) {
    std::uint64_t word = 0;
    for (std::size_t j = 0; j < 8; ++j) {
      std::uint64_t x;
      std::memcpy(&x, cells.data() + 64 * w + 8 * j, 8);
      word |= ((x * 0x0102040810204080ULL) >> 56) << (8 * j);
    }
    bits[w] = word;
  }
}

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

  std::vector<std::uint8_t> visible(v.bits_.size() * 64, 0);
  Scan(dem, observer, params, v.window_, visible).run();
  pack_bits(visible, v.bits_);
  return v;
}

Viewshed compute_viewshed(const ElevationGrid& dem, MapPoint observer,
                          const ViewshedParams& params) {
  const std::optional<CellIndex> cell = dem.cell_of(observer);
  if (!cell) throw std::invalid_argument("viewshed observer is off the grid");
  return compute_viewshed(dem, *cell, params);
}

}  // namespace bordersim::terrain
