#pragma once
// The features of the synthetic corridor before they become rasters: relief (ridges, the
// mountain range), rivers, towns, roads and the trench, each drawn from its own terrain
// stream. synthetic.cpp rasterises them row by row; synthetic_relief.cpp and
// synthetic_settlements.cpp make them. Private to sim/terrain.
#include <algorithm>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <optional>
#include <vector>

#include "bordersim/random/stream.h"
#include "bordersim/terrain/noise.h"
#include "bordersim/terrain/segment_distance.h"
#include "bordersim/terrain/synthetic.h"
#include "bordersim/terrain/terrain.h"
#include "plane_geometry.h"

namespace bordersim::terrain::synthetic_detail {

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------------------
// Randomness: terrain streams (noise.h). Each feature kind draws from its own purpose, so
// that drawing more for one (an extra town) moves no other feature.
enum class Layer : std::uint32_t {
  kRidges = 1,
  kMountains = 2,
  kRivers = 3,
  kTowns = 4,
  kNames = 5,
  kRoads = 6,
  kCounts = 7,
  kMarsh = 8,
  kReliefNoise = 0x100,  // + octave
  kCoverNoise = 0x200,
  kEdgeNoise = 0x300,
  kWarpXNoise = 0x400,
  kWarpYNoise = 0x500,
};

class Draw {
 public:
  Draw(std::uint64_t seed, Layer layer, std::uint64_t index)
      : stream_(terrain_stream(seed, static_cast<std::uint32_t>(layer), index)) {}
  double uniform(double lo, double hi) {
    return boost::random::uniform_real_distribution<double>(lo, hi)(stream_);
  }
  int integer(int lo, int hi) {
    return boost::random::uniform_int_distribution<int>(lo, hi)(stream_);
  }
  double sign() { return integer(0, 1) == 0 ? -1.0 : 1.0; }

 private:
  Stream stream_;
};

// ---------------------------------------------------------------------------------------
// Geometry helpers.

inline double distance_to(const Polyline& line, MapPoint p) {
  double best = kInf;
  for (std::size_t i = 1; i < line.points.size(); ++i) {
    best = std::min(best, dist2_to_segment(p, line.points[i - 1], line.points[i]));
  }
  return std::sqrt(best);
}

using plane::smoothstep;

// y of an x-monotone polyline at x (clamped to its ends).
inline double y_at_x(const Polyline& line, double x) {
  const auto& p = line.points;
  if (x <= p.front().x) return p.front().y;
  for (std::size_t i = 1; i < p.size(); ++i) {
    if (x <= p[i].x) {
      const double f = (x - p[i - 1].x) / (p[i].x - p[i - 1].x);
      return p[i - 1].y + f * (p[i].y - p[i - 1].y);
    }
  }
  return p.back().y;
}

// ---------------------------------------------------------------------------------------
// Relief features.

// An elongated hill: height · taper · exp(−(across/σ')²), where over the outer 60 % of its
// half-length the taper falls smoothly to 0 and σ' narrows to σ/2, so that the ends come
// to a point instead of a blunt cap.
struct Ridge {
  MapPoint centre;
  MapPoint axis;  // unit
  double half_length = 0.0;
  double sigma = 0.0;
  double height = 0.0;
  double min_x = 0.0, max_x = 0.0, min_y = 0.0, max_y = 0.0;  // where it is non-zero

  Ridge(MapPoint c, double angle, double half_len, double sig, double h)
      : centre(c),
        axis{std::cos(angle), std::sin(angle)},
        half_length(half_len),
        sigma(sig),
        height(h) {
    const double across = 3.5 * sigma;  // exp(−12): nothing left
    const double ex = std::abs(axis.x) * half_length + std::abs(axis.y) * across;
    const double ey = std::abs(axis.y) * half_length + std::abs(axis.x) * across;
    min_x = c.x - ex;
    max_x = c.x + ex;
    min_y = c.y - ey;
    max_y = c.y + ey;
  }

  bool spans_y(double y) const { return y >= min_y && y <= max_y; }

  double at(MapPoint p) const {
    if (p.x < min_x || p.x > max_x) return 0.0;
    const double dx = p.x - centre.x;
    const double dy = p.y - centre.y;
    const double along = std::abs(dx * axis.x + dy * axis.y);
    const double across = dy * axis.x - dx * axis.y;
    if (along >= half_length || std::abs(across) >= 3.5 * sigma) return 0.0;
    const double taper = smoothstep((half_length - along) / (0.6 * half_length));
    const double s = sigma * (0.5 + 0.5 * taper);
    return height * taper * std::exp(-(across * across) / (s * s));
  }
};

// One mountain range: overlapping massifs along a common axis, their sum saturating at
// kSaturationM so that overlaps make broad high ground rather than needles.
struct MountainRange {
  static constexpr double kSaturationM = 1300.0;
  std::vector<Ridge> massifs;

  double relief(double raw_sum) const {
    return kSaturationM * (1.0 - std::exp(-raw_sum / kSaturationM));
  }
  double at(MapPoint p) const {
    double sum = 0.0;
    for (const Ridge& m : massifs) sum += m.at(p);
    return relief(sum);
  }
};

// Land higher than this above the plain (from the range) is mountain cover.
inline constexpr double kMountainCoverM = 150.0;

struct Corridor {
  double length = 0.0;  // m
  double depth = 0.0;
  double foreign = 0.0;
  double setback = 0.0;
};

// ---------------------------------------------------------------------------------------
// Rivers: x as a smooth function of y (a drift plus three meander harmonics), sampled
// every kRiverStepM from the foreign edge to the home edge. Being a function of y, a river
// crosses the border exactly once.
inline constexpr double kRiverStepM = 250.0;

struct River {
  Polyline line;
  double width_m = 0.0;
  double y0 = 0.0;  // y of line.points[0]; the points follow every kRiverStepM

  double x_at(double y) const {
    const double last = static_cast<double>(line.points.size() - 1);
    const double f = std::clamp((y - y0) / kRiverStepM, 0.0, last);
    const auto i = std::min(static_cast<std::size_t>(f), line.points.size() - 2);
    const double t = f - static_cast<double>(i);
    return line.points[i].x + t * (line.points[i + 1].x - line.points[i].x);
  }
};

// A cell's distance to the nearest river and which one (-1: none within kRiverReachM).
struct RiverDistance {
  double distance = kInf;
  int river = -1;
};

// Relief (synthetic_relief.cpp).
std::vector<Ridge> make_ridges(std::uint64_t seed, const Corridor& k);
MountainRange make_mountains(std::uint64_t seed, const Corridor& k);
// A river crossing the border between cross_lo and cross_hi of its length (fractions), of a
// width drawn between width_lo and width_hi metres.
River make_river(std::uint64_t seed, int index, const Corridor& k, double cross_lo, double cross_hi,
                 double width_lo, double width_hi);

// Settlements and works (synthetic_settlements.cpp).
std::vector<Town> make_towns(std::uint64_t seed, const Corridor& k, const MountainRange& range,
                             const std::vector<River>& rivers);
Polyline make_border_road(std::uint64_t seed, const Corridor& k);
std::vector<Polyline> make_town_roads(std::uint64_t seed, const Corridor& k,
                                      const std::vector<Town>& towns, const MountainRange& range,
                                      const Polyline& border_road);
std::optional<Trench> make_trench(const SyntheticTerrainSpec& spec, const Corridor& k,
                                  const std::vector<River>& rivers);

}  // namespace bordersim::terrain::synthetic_detail
