#include "bordersim/terrain/synthetic_ground.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <stdexcept>
#include <vector>

#include "bordersim/terrain/noise.h"
#include "bordersim/terrain/segment_distance.h"
#include "plane_geometry.h"

namespace bordersim::terrain {
namespace {

using plane::smoothstep;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Purposes of the noise fields (+ octave), apart from synthetic.cpp's (1 .. 0x5FF), so that
// the two generators never share a lattice even with the same seed.
enum class Field : std::uint32_t {
  kRegional = 0x1100,
  kDetail = 0x1200,
  kHillMask = 0x1300,
  kHillShape = 0x1400,
  kPatches = 0x1500,
  kEdge = 0x1600,
  kSwamp = 0x1700,
};

// ---------------------------------------------------------------------------------------
// The numbers, each with its reason.

// Elevation. The plateau either side of the Iraq–Syria border lies at 150-500 m; a level
// of 350 m swinging by 200·noise (about ±50 m over ~100 km) and roughened by 40·noise
// (±10 m over a few km) reads as that plain.
constexpr double kLevelM = 350.0;
constexpr double kLevelSwingM = 200.0;
constexpr double kDetailM = 40.0;
// Hill country (Jebel Sinjar, Jebel Abd al-Aziz: 500-1000 m above the plain) where a broad
// mask noise exceeds kHillThreshold, its crests along the zero lines of a second noise.
constexpr double kHillM = 700.0;
constexpr double kHillThreshold = 0.35;
constexpr double kHillRamp = 0.25;  // mask above the threshold at which hills reach full height
// River valleys: pulled towards a floor kRiverBelowPlainM below the level over
// ~kValleyWidthM either side, fully in the channel (the Euphrates runs 50-100 m below the
// plateau).
constexpr double kRiverBelowPlainM = 50.0;
constexpr double kValleyWidthM = 1500.0;
constexpr double kRiverReachM = 6000.0;  // beyond this rivers shape nothing

// Cover.
constexpr double kSteppeThreshold = 0.0;  // patches above: steppe, below: desert (~half each)
constexpr double kFloodplainM = 2500.0;   // irrigated strip either side of a river, ± 1500·edge
constexpr double kTownFarmM = 1500.0;     // gardens around towns, ± 1000·edge
constexpr double kSwampReachM = 1000.0;   // marsh beside rivers, ± 800·edge, where swamp noise
constexpr double kSwampThreshold = 0.2;   // exceeds this (a few lenses per 100 km of river)
constexpr double kTownFray = 0.12;        // urban discs' edges move by ± this share of radius
// Mountain rule (see the header).
constexpr double kMountainAbovePlainM = 150.0;
constexpr double kMountainSlope = 0.25;
constexpr double kPlainBlockM = 16000.0;
constexpr double kPlainQuantile = 0.25;

// Octaves down to two cells: finer ones would only alias (and on a coarse grid their
// lattices would cost more than the rest of the work).
FractalNoise field(std::uint64_t seed, Field f, const GridGeometry& g, double longest_m,
                   int octaves, double gain) {
  return FractalNoise(seed, static_cast<std::uint32_t>(f), g, longest_m, octaves, gain,
                      2.0 * std::max(g.cell_w, g.cell_h));
}

// ---------------------------------------------------------------------------------------
// Distances from cell centres to a set of polylines, a row at a time, up to a reach.
// Segments are listed per band of rows their reach touches, so a row visits only the
// segments near it, and of each only the columns within reach.
class LineDistance {
 public:
  LineDistance(std::span<const Polyline> lines, const GridGeometry& g, double reach)
      : g_(g), reach_(reach) {
    bands_.resize(static_cast<std::size_t>((g.rows + kBandRows - 1) / kBandRows));
    for (const Polyline& line : lines) {
      for (std::size_t i = 1; i < line.points.size(); ++i) {
        const MapPoint a = line.points[i - 1];
        const MapPoint b = line.points[i];
        const double top = std::max(a.y, b.y) + reach;
        const double bottom = std::min(a.y, b.y) - reach;
        const double r0 = std::floor((g.north - top) / g.cell_h);
        const double r1 = std::floor((g.north - bottom) / g.cell_h);
        if (r1 < 0.0 || r0 >= g.rows) continue;
        const auto index = static_cast<std::uint32_t>(segments_.size());
        segments_.push_back({a, b});
        const int b0 = static_cast<int>(std::max(r0, 0.0)) / kBandRows;
        const int b1 = static_cast<int>(std::min(r1, g.rows - 1.0)) / kBandRows;
        for (int band = b0; band <= b1; ++band)
          bands_[static_cast<std::size_t>(band)].push_back(index);
      }
    }
  }

  // out[c]: the distance from the centre of cell (c, r) to the nearest line, or the reach
  // where none is nearer.
  void row(int r, std::span<double> out) const {
    std::fill(out.begin(), out.end(), reach_ * reach_);
    const double y = g_.north - (r + 0.5) * g_.cell_h;
    for (const std::uint32_t index : bands_[static_cast<std::size_t>(r / kBandRows)]) {
      const Segment& s = segments_[index];
      if (y > std::max(s.a.y, s.b.y) + reach_ || y < std::min(s.a.y, s.b.y) - reach_) continue;
      // The part of the segment within reach of the row in y, widened by the reach in x.
      double t0 = 0.0;
      double t1 = 1.0;
      const double dy = s.b.y - s.a.y;
      if (dy != 0.0) {
        const double u0 = (y - reach_ - s.a.y) / dy;
        const double u1 = (y + reach_ - s.a.y) / dy;
        t0 = std::clamp(std::min(u0, u1), 0.0, 1.0);
        t1 = std::clamp(std::max(u0, u1), 0.0, 1.0);
      }
      const double xa = s.a.x + t0 * (s.b.x - s.a.x);
      const double xb = s.a.x + t1 * (s.b.x - s.a.x);
      const double c0 = std::floor((std::min(xa, xb) - reach_ - g_.west) / g_.cell_w);
      const double c1 = std::floor((std::max(xa, xb) + reach_ - g_.west) / g_.cell_w);
      if (c1 < 0.0 || c0 >= g_.cols) continue;
      const auto first = static_cast<std::size_t>(std::max(c0, 0.0));
      const auto last = static_cast<std::size_t>(std::min(c1, g_.cols - 1.0));
      for (std::size_t c = first; c <= last; ++c) {
        const MapPoint p{g_.west + (static_cast<double>(c) + 0.5) * g_.cell_w, y};
        out[c] = std::min(out[c], dist2_to_segment(p, s.a, s.b));
      }
    }
    for (double& d : out) d = std::sqrt(d);
  }

 private:
  static constexpr int kBandRows = 32;
  struct Segment {
    MapPoint a, b;
  };
  GridGeometry g_;
  double reach_;
  std::vector<Segment> segments_;
  std::vector<std::vector<std::uint32_t>> bands_;  // per band: indices into segments_
};

// ---------------------------------------------------------------------------------------
// The plain level under the mountain rule: the kPlainQuantile quantile of the valid
// elevations in blocks of ~kPlainBlockM, bilinear between block centres (edge blocks
// extended). Blocks with no valid cell are NaN and drop out of the interpolation.
class PlainLevel {
 public:
  explicit PlainLevel(const ElevationGrid& z) : g_(z.geometry()) {
    block_ = std::max(1, static_cast<int>(std::lround(kPlainBlockM / g_.cell_w)));
    nbx_ = (g_.cols + block_ - 1) / block_;
    nby_ = (g_.rows + block_ - 1) / block_;
    level_.assign(static_cast<std::size_t>(nbx_) * static_cast<std::size_t>(nby_), kNaN);
    tbb::parallel_for(0, nby_, [&](int by) {
      std::vector<float> values;
      for (int bx = 0; bx < nbx_; ++bx) {
        values.clear();
        for (int r = by * block_; r < std::min(g_.rows, (by + 1) * block_); ++r) {
          const std::span<const float> row = z.row(r);
          for (int c = bx * block_; c < std::min(g_.cols, (bx + 1) * block_); ++c) {
            if (!std::isnan(row[static_cast<std::size_t>(c)]))
              values.push_back(row[static_cast<std::size_t>(c)]);
          }
        }
        if (values.empty()) continue;
        const auto k =
            static_cast<std::size_t>(kPlainQuantile * static_cast<double>(values.size() - 1));
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k),
                         values.end());
        level_[index(bx, by)] = values[k];
      }
    });
  }

  // The level at every cell of row r.
  void row(int r, std::span<double> out) const {
    const auto [j0, j1, fy] = axis((r + 0.5) / block_ - 0.5, nby_);
    for (std::size_t c = 0; c < out.size(); ++c) {
      const auto [i0, i1, fx] = axis((static_cast<double>(c) + 0.5) / block_ - 0.5, nbx_);
      double sum = 0.0;
      double weight = 0.0;
      const auto add = [&](int i, int j, double w) {
        const double v = level_[index(i, j)];
        if (w > 0.0 && !std::isnan(v)) {
          sum += w * v;
          weight += w;
        }
      };
      add(i0, j0, (1 - fx) * (1 - fy));
      add(i1, j0, fx * (1 - fy));
      add(i0, j1, (1 - fx) * fy);
      add(i1, j1, fx * fy);
      out[c] = weight > 0.0 ? sum / weight : kNaN;
    }
  }

 private:
  struct Axis {
    int lo, hi;
    double f;
  };
  // The two blocks either side of block coordinate u, and the weight of the upper one.
  static Axis axis(double u, int n) {
    u = std::clamp(u, 0.0, n - 1.0);
    const int lo = std::min(static_cast<int>(u), n - 1);
    return {lo, std::min(lo + 1, n - 1), u - lo};
  }
  std::size_t index(int bx, int by) const {
    return static_cast<std::size_t>(by) * static_cast<std::size_t>(nbx_) +
           static_cast<std::size_t>(bx);
  }
  GridGeometry g_;
  int block_ = 1, nbx_ = 0, nby_ = 0;
  std::vector<double> level_;
};

// ---------------------------------------------------------------------------------------
void check_grids(const Terrain& t) {
  if (t.elevation.cell_count() == 0)
    throw std::invalid_argument("synthetic ground: no elevation grid");
  if (!(t.cover.geometry() == t.elevation.geometry()))
    throw std::invalid_argument("synthetic ground: the cover and elevation grids differ");
}

// Rows in parallel; each row's result depends only on its index.
template <class F>
void for_each_row(int rows, const F& f) {
  tbb::parallel_for(tbb::blocked_range<int>(0, rows, 16),
                    [&](const tbb::blocked_range<int>& range) {
                      for (int r = range.begin(); r != range.end(); ++r) f(r);
                    });
}

void fill_elevation(Terrain& terrain, std::uint64_t seed, double river_width_m) {
  ElevationGrid& elevation = terrain.elevation;
  const GridGeometry g = elevation.geometry();
  const FractalNoise regional = field(seed, Field::kRegional, g, 128000.0, 3, 0.5);
  const FractalNoise detail = field(seed, Field::kDetail, g, 8000.0, 5, 0.5);
  const FractalNoise mask = field(seed, Field::kHillMask, g, 48000.0, 3, 0.5);
  const FractalNoise shape = field(seed, Field::kHillShape, g, 12000.0, 4, 0.5);
  const LineDistance rivers(terrain.rivers, g, kRiverReachM);
  const auto cols = static_cast<std::size_t>(g.cols);
  const double channel = river_width_m / 2.0 + 0.75 * g.cell_w;

  for_each_row(g.rows, [&](int r) {
    std::vector<double> level(cols, 0.0), rough(cols, 0.0), hills(cols, 0.0), crest(cols, 0.0),
        river(cols);
    regional.add_row(r, level);
    detail.add_row(r, rough);
    mask.add_row(r, hills);
    shape.add_row(r, crest);
    rivers.row(r, river);
    std::span<float> out = elevation.row(r);
    for (std::size_t c = 0; c < cols; ++c) {
      const double base = kLevelM + kLevelSwingM * level[c];
      // Crests along the zero lines of `crest`, falling to a third between them.
      const double ridge = 1.0 - std::min(1.0, 2.0 * std::abs(crest[c]));
      const double hill =
          kHillM * smoothstep((hills[c] - kHillThreshold) / kHillRamp) * (0.3 + 0.7 * ridge);
      double z = base + kDetailM * rough[c] + hill;
      const double floor_z = base - kRiverBelowPlainM;
      if (river[c] <= channel) {
        z = floor_z - 3.0;
      } else if (z > floor_z && river[c] < kRiverReachM) {
        const double u = (river[c] - river_width_m / 2.0) / kValleyWidthM;
        z += (floor_z - z) * std::exp(-u * u);
      }
      out[c] = static_cast<float>(z);
    }
  });
}

// The slope magnitude at (c, r) by central differences (one-sided at edges and beside NaN);
// NaN where the cell itself is NaN.
double slope_at(const ElevationGrid& z, int c, int r) {
  const GridGeometry& g = z.geometry();
  const double here = z.at({c, r});
  if (std::isnan(here)) return kNaN;
  const auto value = [&](int cc, int rr) {
    if (cc < 0 || rr < 0 || cc >= g.cols || rr >= g.rows) return kNaN;
    return static_cast<double>(z.at({cc, rr}));
  };
  const auto derivative = [&](double lo, double hi, double step) {
    const bool has_lo = !std::isnan(lo);
    const bool has_hi = !std::isnan(hi);
    if (has_lo && has_hi) return (hi - lo) / (2.0 * step);
    if (has_hi) return (hi - here) / step;
    if (has_lo) return (here - lo) / step;
    return 0.0;
  };
  const double dx = derivative(value(c - 1, r), value(c + 1, r), g.cell_w);
  const double dy = derivative(value(c, r + 1), value(c, r - 1), g.cell_h);
  return std::hypot(dx, dy);
}

}  // namespace

void fill_synthetic_cover(Terrain& terrain, std::uint64_t seed, double river_width_m) {
  check_grids(terrain);
  const ElevationGrid& elevation = terrain.elevation;
  CoverGrid& cover = terrain.cover;
  const GridGeometry g = elevation.geometry();
  const FractalNoise patches = field(seed, Field::kPatches, g, 48000.0, 5, 0.55);
  const FractalNoise edge = field(seed, Field::kEdge, g, 4000.0, 4, 0.5);
  const FractalNoise swamp = field(seed, Field::kSwamp, g, 24000.0, 3, 0.5);
  const LineDistance rivers(terrain.rivers, g, kRiverReachM);
  const PlainLevel plain(elevation);
  const auto cols = static_cast<std::size_t>(g.cols);

  for_each_row(g.rows, [&](int r) {
    std::vector<double> patch(cols, 0.0), fray(cols, 0.0), marsh(cols, 0.0), river(cols),
        level(cols);
    patches.add_row(r, patch);
    edge.add_row(r, fray);
    swamp.add_row(r, marsh);
    rivers.row(r, river);
    plain.row(r, level);
    const double y = g.north - (r + 0.5) * g.cell_h;
    std::vector<const Town*> towns;
    for (const Town& t : terrain.towns) {
      if (std::abs(y - t.position.y) <= t.radius_m * (1.0 + kTownFray) + kTownFarmM + 1000.0)
        towns.push_back(&t);
    }
    const std::span<const float> z = elevation.row(r);
    std::span<LandCover> out = cover.row(r);
    for (std::size_t c = 0; c < cols; ++c) {
      const MapPoint p{g.west + (static_cast<double>(c) + 0.5) * g.cell_w, y};
      LandCover lc = patch[c] > kSteppeThreshold ? LandCover::kSteppe : LandCover::kDesert;
      const bool high = z[c] - level[c] > kMountainAbovePlainM ||
                        slope_at(elevation, static_cast<int>(c), r) > kMountainSlope;
      double town_edge = std::numeric_limits<double>::infinity();  // distance to the nearest disc
      bool urban = false;
      for (const Town* t : towns) {
        const double d = std::hypot(p.x - t->position.x, p.y - t->position.y);
        town_edge = std::min(town_edge, d - t->radius_m);
        urban = urban || d <= t->radius_m * (1.0 + kTownFray * fray[c]);
      }
      if (high) {  // NaN comparisons are false: no mountain on missing ground
        lc = LandCover::kMountain;
      } else {
        if (river[c] < kFloodplainM + 1500.0 * fray[c] || town_edge < kTownFarmM + 1000.0 * fray[c])
          lc = LandCover::kFarmland;
        if (marsh[c] > kSwampThreshold && river[c] < kSwampReachM + 800.0 * fray[c])
          lc = LandCover::kSwamp;
      }
      if (urban) lc = LandCover::kUrban;
      out[c] = lc;
    }
  });
  // Last, so that a river through a town or a hill is still water everywhere.
  rasterize_lines(cover, terrain.rivers, LandCover::kWater, river_width_m);
}

void fill_synthetic_ground(Terrain& terrain, std::uint64_t seed, double river_width_m) {
  check_grids(terrain);
  fill_elevation(terrain, seed, river_width_m);
  fill_synthetic_cover(terrain, seed, river_width_m);
}

}  // namespace bordersim::terrain
