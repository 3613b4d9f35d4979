#include "bordersim/terrain/synthetic.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/random/stream.h"
#include "bordersim/terrain/noise.h"

namespace bordersim::terrain {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kInf = std::numeric_limits<double>::infinity();

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

FractalNoise layer_noise(std::uint64_t seed, Layer layer, const GridGeometry& g, double longest_m,
                         int octaves, double gain) {
  return FractalNoise(seed, static_cast<std::uint32_t>(layer), g, longest_m, octaves, gain);
}

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
double dist2_to_segment(MapPoint p, MapPoint a, MapPoint b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  const double t =
      len2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  const double qx = a.x + t * dx - p.x;
  const double qy = a.y + t * dy - p.y;
  return qx * qx + qy * qy;
}

double distance_to(const Polyline& line, MapPoint p) {
  double best = kInf;
  for (std::size_t i = 1; i < line.points.size(); ++i) {
    best = std::min(best, dist2_to_segment(p, line.points[i - 1], line.points[i]));
  }
  return std::sqrt(best);
}

double smoothstep(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

// y of an x-monotone polyline at x (clamped to its ends).
double y_at_x(const Polyline& line, double x) {
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
constexpr double kMountainCoverM = 150.0;

struct Corridor {
  double length = 0.0;  // m
  double depth = 0.0;
  double foreign = 0.0;
  double setback = 0.0;
};

std::vector<Ridge> make_ridges(std::uint64_t seed, const Corridor& k) {
  Draw count(seed, Layer::kCounts, 0);
  const int n = count.integer(4, 7);
  std::vector<Ridge> ridges;
  for (int i = 0; i < n; ++i) {
    Draw d(seed, Layer::kRidges, static_cast<std::uint64_t>(i));
    const MapPoint c{d.uniform(0.0, k.length), d.uniform(-k.foreign, k.depth)};
    const double half_len = std::clamp(0.03 * k.length, 2500.0, 25000.0) * d.uniform(0.6, 1.4);
    ridges.emplace_back(c, d.uniform(-kPi / 2.0, kPi / 2.0), half_len,
                        std::clamp(0.03 * k.depth, 600.0, 2500.0) * d.uniform(0.6, 1.2),
                        d.uniform(60.0, 200.0));
  }
  return ridges;
}

MountainRange make_mountains(std::uint64_t seed, const Corridor& k) {
  Draw d(seed, Layer::kMountains, 0);
  const MapPoint centre{d.uniform(0.60, 0.72) * k.length, d.uniform(0.4, 0.6) * k.depth};
  const double angle = d.uniform(-20.0, 20.0) * kPi / 180.0;
  const double range_len = std::clamp(0.12 * k.length, 8000.0, 80000.0) * d.uniform(0.85, 1.15);
  const double sigma = std::clamp(0.08 * k.depth, 1000.0, 5000.0);
  const int n = d.integer(4, 6);
  MountainRange range;
  for (int i = 0; i < n; ++i) {
    const double u = range_len * ((i + 0.5) / n - 0.5 + d.uniform(-0.25, 0.25) / n);
    const double lateral = d.uniform(-0.3, 0.3) * sigma;
    const MapPoint c{centre.x + u * std::cos(angle) - lateral * std::sin(angle),
                     centre.y + u * std::sin(angle) + lateral * std::cos(angle)};
    range.massifs.emplace_back(c, angle + d.uniform(-8.0, 8.0) * kPi / 180.0,
                               d.uniform(0.18, 0.3) * range_len, d.uniform(0.7, 1.0) * sigma,
                               d.uniform(500.0, 1000.0));
  }
  return range;
}

// ---------------------------------------------------------------------------------------
// Rivers: x as a smooth function of y (a drift plus three meander harmonics), sampled
// every kRiverStepM from the foreign edge to the home edge. Being a function of y, a river
// crosses the border exactly once.
constexpr double kRiverStepM = 250.0;

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

River make_river(std::uint64_t seed, int index, const Corridor& k, double cross_lo, double cross_hi,
                 double width_lo, double width_hi) {
  Draw d(seed, Layer::kRivers, static_cast<std::uint64_t>(index));
  const double x0 = d.uniform(cross_lo, cross_hi) * k.length;
  // Smaller corridors get gentler meanders, so that features keep their order along x.
  const double scale = std::min({1.0, k.length / 200000.0, k.depth / 40000.0});
  const double drift = std::tan(d.uniform(-15.0, 15.0) * kPi / 180.0) * std::min(1.0, scale * 2.0);
  struct Harmonic {
    double amplitude, wavelength, phase;
  };
  std::array<Harmonic, 3> h{};
  h[0] = {d.uniform(1500.0, 3000.0) * scale, d.uniform(20000.0, 35000.0), d.uniform(0.0, 2 * kPi)};
  h[1] = {d.uniform(500.0, 1200.0) * scale, d.uniform(6000.0, 12000.0), d.uniform(0.0, 2 * kPi)};
  h[2] = {d.uniform(100.0, 300.0), d.uniform(1500.0, 3000.0), d.uniform(0.0, 2 * kPi)};
  River river;
  river.width_m = d.uniform(width_lo, width_hi);
  river.y0 = -k.foreign - kRiverStepM;  // start just off the grid so the edge cells are water
  const int steps =
      static_cast<int>(std::ceil((k.depth + k.foreign + 2 * kRiverStepM) / kRiverStepM));
  for (int s = 0; s <= steps; ++s) {
    const double y = river.y0 + s * kRiverStepM;
    double x = x0 + drift * y;
    for (const Harmonic& m : h) {
      x += m.amplitude * (std::sin(2 * kPi * y / m.wavelength + m.phase) - std::sin(m.phase));
    }
    river.line.points.push_back({std::clamp(x, 1000.0, k.length - 1000.0), y});
  }
  return river;
}

// A cell's distance to the nearest river and which one (-1: none within kRiverReachM).
struct RiverDistance {
  double distance = kInf;
  int river = -1;
};

// ---------------------------------------------------------------------------------------
// Towns.
std::string town_name(std::uint64_t seed, std::size_t index) {
  static constexpr std::array<std::string_view, 8> kPrefix = {"Al ",  "Tall ", "Ain ", "Abu ",
                                                              "Bir ", "Qasr ", "",     ""};
  static constexpr std::array<std::string_view, 24> kSyllable = {
      "ra", "ba", "sha", "mal", "kir", "dan", "zor", "qa",  "hus", "sin", "jar", "wa",
      "di", "ya", "rub", "tam", "ash", "bu",  "ka",  "mah", "nur", "sa",  "hal", "far"};
  Draw d(seed, Layer::kNames, index);
  std::string stem;
  const int parts = d.integer(2, 3);
  for (int p = 0; p < parts; ++p) {
    stem +=
        kSyllable[static_cast<std::size_t>(d.integer(0, static_cast<int>(kSyllable.size()) - 1))];
  }
  stem[0] = static_cast<char>(stem[0] - 'a' + 'A');
  return std::string(kPrefix[static_cast<std::size_t>(d.integer(0, 7))]) + stem;
}

std::vector<Town> make_towns(std::uint64_t seed, const Corridor& k, const MountainRange& range,
                             const std::vector<River>& rivers) {
  Draw count(seed, Layer::kCounts, 1);
  const int n = count.integer(6, 12);
  const int per_river = 2;
  double spacing = std::clamp(k.length / (1.6 * n), 4000.0, 30000.0);
  const double max_radius = k.depth / 8.0;

  // The towns away from the rivers get one stretch of the border each, so that they spread
  // along it instead of bunching by chance.
  const int river_towns = per_river * static_cast<int>(rivers.size());
  const int other_towns = n - river_towns;
  std::vector<Town> towns;
  Draw d(seed, Layer::kTowns, 0);
  for (int t = 0; t < n; ++t) {
    const bool beside_river = t < river_towns;
    double x_lo = 0.04;
    double x_hi = 0.96;
    if (!beside_river) {
      const int bin = t - river_towns;
      x_lo = 0.04 + 0.92 * bin / other_towns;
      x_hi = 0.04 + 0.92 * (bin + 1) / other_towns;
    }
    for (int attempt = 0;; ++attempt) {
      if (attempt > 0 && attempt % 50 == 0) spacing *= 0.8;  // crowded: accept closer towns
      if (attempt == 200) x_lo = 0.04, x_hi = 0.96;          // its stretch is full: anywhere
      if (attempt >= 1000) break;                            // give up on this town
      const double r =
          std::min(beside_river ? d.uniform(1000.0, 2500.0) : d.uniform(600.0, 1600.0), max_radius);
      const double y_lo = k.setback + 1500.0 + r;
      const double y_hi = std::max(y_lo, k.depth - 1000.0 - r);
      MapPoint p{0.0, d.uniform(y_lo, y_hi)};
      if (beside_river) {
        const River& river = rivers[static_cast<std::size_t>(t / per_river)];
        p.x = river.x_at(p.y) + d.sign() * (r + d.uniform(300.0, 1200.0));
      } else {
        p.x = d.uniform(x_lo, x_hi) * k.length;
      }
      if (p.x < r + 1000.0 || p.x > k.length - r - 1000.0) continue;
      bool ok = true;
      for (const Town& other : towns) {
        ok = ok && std::hypot(p.x - other.position.x, p.y - other.position.y) >= spacing;
      }
      for (const River& river : rivers) ok = ok && distance_to(river.line, p) >= r + 300.0;
      // Neither on the range nor on its slopes.
      ok = ok && range.at(p) < 30.0;
      for (int q = 0; ok && q < 8; ++q) {
        const double a = q * kPi / 4.0;
        ok = range.at({p.x + r * std::cos(a), p.y + r * std::sin(a)}) < 60.0;
      }
      if (!ok) continue;
      towns.push_back(Town{{}, p, r});
      break;
    }
  }
  // West to east, then named: the names follow the order, not the placement attempts.
  std::sort(towns.begin(), towns.end(),
            [](const Town& a, const Town& b) { return a.position.x < b.position.x; });
  for (std::size_t i = 0; i < towns.size(); ++i) {
    std::string name = town_name(seed, i);
    for (std::size_t j = 0; j < i; ++j) {
      if (towns[j].name == name) name += fmt::format(" {}", i + 1);
    }
    towns[i].name = std::move(name);
  }
  return towns;
}

// ---------------------------------------------------------------------------------------
// Roads. A road from a to b bends gently (two harmonics across its line) and keeps its
// vertices at least min_y north; its ends are exactly a and b.
Polyline bent_road(MapPoint a, MapPoint b, Draw& d, double min_y) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len = std::hypot(dx, dy);
  const MapPoint normal{-dy / len, dx / len};
  const double a1 = d.uniform(-1.0, 1.0) * std::min(0.05 * len, 1500.0);
  const double a2 = d.uniform(-1.0, 1.0) * std::min(0.02 * len, 500.0);
  const int pieces = std::max(1, static_cast<int>(std::ceil(len / 1000.0)));
  Polyline road;
  road.points.push_back(a);
  for (int i = 1; i < pieces; ++i) {
    const double t = static_cast<double>(i) / pieces;
    const double off = a1 * std::sin(kPi * t) + a2 * std::sin(2 * kPi * t);
    road.points.push_back(
        {a.x + t * dx + off * normal.x, std::max(min_y, a.y + t * dy + off * normal.y)});
  }
  road.points.push_back(b);
  return road;
}

Polyline make_border_road(std::uint64_t seed, const Corridor& k) {
  Draw d(seed, Layer::kRoads, 0);
  const double amplitude = 60.0;
  const double wavelength = d.uniform(20000.0, 40000.0);
  const double phase = d.uniform(0.0, 2 * kPi);
  Polyline road;
  const int pieces = std::max(1, static_cast<int>(std::ceil(k.length / 2000.0)));
  for (int i = 0; i <= pieces; ++i) {
    const double x = k.length * i / pieces;
    road.points.push_back({x, k.setback + amplitude * std::sin(2 * kPi * x / wavelength + phase)});
  }
  return road;
}

// Roads between towns: a minimum spanning tree (Prim from town 0, ties to the lower index)
// on lengths weighted up where the straight line crosses the mountains, so that the tree
// goes round the range where it reasonably can; then spurs from the towns nearest the
// border road to it.
std::vector<Polyline> make_town_roads(std::uint64_t seed, const Corridor& k,
                                      const std::vector<Town>& towns, const MountainRange& range,
                                      const Polyline& border_road) {
  const std::size_t n = towns.size();
  const auto weight = [&](std::size_t i, std::size_t j) {
    const MapPoint a = towns[i].position;
    const MapPoint b = towns[j].position;
    int high = 0;
    constexpr int kSamples = 16;
    for (int s = 0; s <= kSamples; ++s) {
      const double t = static_cast<double>(s) / kSamples;
      if (range.at({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)}) > kMountainCoverM) ++high;
    }
    return std::hypot(b.x - a.x, b.y - a.y) * (1.0 + 4.0 * high / (kSamples + 1.0));
  };
  std::vector<Polyline> roads;
  std::uint64_t road_index = 1;
  const double min_y = k.setback + 200.0;
  if (n > 1) {
    std::vector<bool> in_tree(n, false);
    std::vector<double> best(n, kInf);
    std::vector<std::size_t> from(n, 0);
    best[0] = 0.0;
    for (std::size_t step = 0; step < n; ++step) {
      std::size_t next = n;
      for (std::size_t i = 0; i < n; ++i) {
        if (!in_tree[i] && (next == n || best[i] < best[next])) next = i;
      }
      in_tree[next] = true;
      if (step > 0) {
        Draw d(seed, Layer::kRoads, road_index++);
        roads.push_back(bent_road(towns[from[next]].position, towns[next].position, d, min_y));
      }
      for (std::size_t i = 0; i < n; ++i) {
        if (in_tree[i]) continue;
        const double w = weight(next, i);
        if (w < best[i]) {
          best[i] = w;
          from[i] = next;
        }
      }
    }
  }
  // Spurs: the town nearest the border road, and every town within 8 km of it.
  std::size_t nearest = 0;
  for (std::size_t i = 1; i < n; ++i) {
    if (towns[i].position.y < towns[nearest].position.y) nearest = i;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const MapPoint p = towns[i].position;
    if (i != nearest && p.y - k.setback > 8000.0) continue;
    const MapPoint end{p.x, y_at_x(border_road, p.x)};  // on the road line: the cells touch
    Draw d(seed, Layer::kRoads, 1000 + i);
    roads.push_back(bent_road(p, end, d, -kInf));
  }
  return roads;
}

// ---------------------------------------------------------------------------------------
// The trench: a straight line trench_offset_m inside the foreign side, with gaps.
std::optional<Trench> make_trench(const SyntheticTerrainSpec& spec, const Corridor& k,
                                  const std::vector<River>& rivers) {
  const double from = std::clamp(spec.trench_from_km * 1000.0, 0.0, k.length);
  const double to = std::clamp(spec.trench_to_km * 1000.0, 0.0, k.length);
  if (!(to > from)) return std::nullopt;
  Trench trench;
  trench.width_m = spec.trench_width_m;
  trench.depth_m = spec.trench_depth_m;
  const double y = -spec.trench_offset_m;
  trench.line.points = {{from, y}, {to, y}};
  std::vector<std::pair<double, double>> gaps;
  const double every = spec.trench_gap_every_km * 1000.0;
  const double half_gap = spec.trench_gap_m / 2.0;
  if (every > 0.0) {
    for (int i = 1; from + i * every < to; ++i) {
      const double s = i * every;
      gaps.emplace_back(s - half_gap, s + half_gap);
    }
  }
  for (const River& r : rivers) {
    const double s = r.x_at(y) - from;
    const double half = r.width_m / 2.0 + 100.0;  // the banks are no place to dig
    if (s + half > 0.0 && s - half < to - from) gaps.emplace_back(s - half, s + half);
  }
  std::sort(gaps.begin(), gaps.end());
  for (auto [a, b] : gaps) {
    a = std::max(a, 0.0);
    b = std::min(b, to - from);
    if (!trench.gaps_m.empty() && a <= trench.gaps_m.back().second) {
      trench.gaps_m.back().second = std::max(trench.gaps_m.back().second, b);
    } else {
      trench.gaps_m.emplace_back(a, b);
    }
  }
  return trench;
}

// ---------------------------------------------------------------------------------------
// The raster pass: elevation and cover of one row from the features above. Rows are
// independent, which is what makes the result independent of the thread count.
struct Features {
  Corridor corridor;
  std::vector<Ridge> ridges;
  MountainRange range;
  std::vector<River> rivers;
  std::vector<Town> towns;
  std::size_t marsh_river = 0;
  double marsh_y0 = 0.0;
  double marsh_y1 = 0.0;
};

struct Noise {
  FractalNoise relief;  // elevation roughness
  FractalNoise cover;   // desert/steppe patches
  FractalNoise edge;    // ragged edges of farmland, marsh and towns; mountain roughness
  FractalNoise warp_x;  // bends ridges and the range (domain warp)
  FractalNoise warp_y;
};

constexpr double kWarpM = 2500.0;

constexpr double kRiverReachM = 6000.0;  // beyond this rivers shape nothing
constexpr double kValleyWidthM = 1500.0;
// The rivers run incised into the plateau, as the Euphrates and Tigris do (50-100 m), deep
// enough to stay below the plain's own undulation (90 m · noise, whose spread is ~0.25).
constexpr double kRiverBelowPlainM = 50.0;

void fill_row(int r, const Features& f, const Noise& noise, ElevationGrid& elevation,
              CoverGrid& cover) {
  const GridGeometry& g = elevation.geometry();
  const auto cols = static_cast<std::size_t>(g.cols);
  const double y = g.north - (r + 0.5) * g.cell_h;
  std::vector<double> relief(cols, 0.0);
  std::vector<double> patches(cols, 0.0);
  std::vector<double> edge(cols, 0.0);
  std::vector<double> warp_x(cols, 0.0);
  std::vector<double> warp_y(cols, 0.0);
  noise.relief.add_row(r, relief);
  noise.cover.add_row(r, patches);
  noise.edge.add_row(r, edge);
  noise.warp_x.add_row(r, warp_x);
  noise.warp_y.add_row(r, warp_y);

  // Relief features are sampled at warped points (p + kWarpM·noise), which bends their
  // straight axes and frays their flanks; rows they cannot reach skip them.
  const auto reaches = [y](const Ridge& ridge) {
    return y >= ridge.min_y - kWarpM && y <= ridge.max_y + kWarpM;
  };
  std::vector<const Ridge*> ridges;
  for (const Ridge& ridge : f.ridges) {
    if (reaches(ridge)) ridges.push_back(&ridge);
  }
  MountainRange range;
  for (const Ridge& m : f.range.massifs) {
    if (reaches(m)) range.massifs.push_back(m);
  }
  std::vector<const Town*> towns;
  for (const Town& t : f.towns) {
    if (std::abs(y - t.position.y) < t.radius_m * 1.2 + 2500.0) towns.push_back(&t);
  }
  // River distances along this row. A river's points follow one another every kRiverStepM
  // in y, so the segments within reach of the row are a known index range.
  std::vector<RiverDistance> near(cols);
  for (std::size_t ri = 0; ri < f.rivers.size(); ++ri) {
    const River& river = f.rivers[ri];
    const auto& pts = river.line.points;
    const double lo_f = std::floor((y - kRiverReachM - river.y0) / kRiverStepM);
    const double hi_f = std::ceil((y + kRiverReachM - river.y0) / kRiverStepM);
    const double last_point = static_cast<double>(pts.size() - 1);
    const auto first = static_cast<std::size_t>(std::clamp(lo_f, 0.0, last_point));
    const auto last = static_cast<std::size_t>(std::clamp(hi_f, 0.0, last_point));
    if (first >= last) continue;
    double min_x = kInf;
    double max_x = -kInf;
    for (std::size_t i = first; i <= last; ++i) {
      min_x = std::min(min_x, pts[i].x);
      max_x = std::max(max_x, pts[i].x);
    }
    const auto c0 = static_cast<std::size_t>(
        std::clamp(std::floor((min_x - kRiverReachM - g.west) / g.cell_w), 0.0, g.cols - 1.0));
    const auto c1 = static_cast<std::size_t>(
        std::clamp(std::ceil((max_x + kRiverReachM - g.west) / g.cell_w), 0.0, g.cols - 1.0));
    for (std::size_t c = c0; c <= c1; ++c) {
      const MapPoint p{g.west + (static_cast<double>(c) + 0.5) * g.cell_w, y};
      double best = kInf;
      for (std::size_t i = first; i < last; ++i) {
        best = std::min(best, dist2_to_segment(p, pts[i], pts[i + 1]));
      }
      const double d = std::sqrt(best);
      if (d < near[c].distance) near[c] = {d, static_cast<int>(ri)};
    }
  }

  const double length = f.corridor.length;
  std::span<float> z_row = elevation.row(r);
  std::span<LandCover> cover_row = cover.row(r);
  for (std::size_t c = 0; c < cols; ++c) {
    const MapPoint p{g.west + (static_cast<double>(c) + 0.5) * g.cell_w, y};
    const double t = p.x / length;
    // Plains rising gently to the north end (x large), as the Jazira does.
    const double plain = 220.0 + 120.0 * t;
    const MapPoint warped{p.x + kWarpM * warp_x[c], p.y + kWarpM * warp_y[c]};
    double ridge_sum = 0.0;
    for (const Ridge* ridge : ridges) ridge_sum += ridge->at(warped);
    const double mountain = range.massifs.empty() ? 0.0 : range.at(warped);
    // Fine noise roughens the range into peaks and saddles.
    double z =
        plain + 90.0 * relief[c] + ridge_sum + mountain * (0.8 + 0.25 * relief[c] + 0.45 * edge[c]);

    // River valleys: pulled towards a floor below the plain, fully in the channel.
    const RiverDistance rd = near[c];
    const double floor_z = plain - kRiverBelowPlainM;
    if (rd.river >= 0) {
      const double half_width = f.rivers[static_cast<std::size_t>(rd.river)].width_m / 2.0;
      if (rd.distance <= half_width + 0.75 * g.cell_w) {
        z = floor_z - 3.0;
      } else if (z > floor_z) {
        const double u = (rd.distance - half_width) / kValleyWidthM;
        z += (floor_z - z) * std::exp(-u * u);
      }
    }
    z_row[c] = static_cast<float>(z);

    // Cover, from the broadest class to the most specific.
    LandCover lc = patches[c] + 1.6 * (t - 0.5) > 0.0 ? LandCover::kSteppe : LandCover::kDesert;
    if (mountain >= kMountainCoverM) {
      lc = LandCover::kMountain;
    } else {
      double town_edge = kInf;
      for (const Town* town : towns) {
        town_edge = std::min(
            town_edge, std::hypot(p.x - town->position.x, p.y - town->position.y) - town->radius_m);
      }
      const bool floodplain = rd.distance < 2500.0 + 1500.0 * edge[c] && z - floor_z < 45.0;
      if (floodplain || town_edge < 1500.0 + 1000.0 * edge[c]) lc = LandCover::kFarmland;
      // The marsh: a lens along its river, widest halfway along its stretch.
      if (rd.river == static_cast<int>(f.marsh_river) && y > f.marsh_y0 && y < f.marsh_y1) {
        const double along = (y - f.marsh_y0) / (f.marsh_y1 - f.marsh_y0);
        const double width = (2000.0 + 1200.0 * edge[c]) * std::sqrt(std::sin(kPi * along));
        if (rd.distance < width) lc = LandCover::kSwamp;
      }
    }
    for (const Town* town : towns) {
      const double d = std::hypot(p.x - town->position.x, p.y - town->position.y);
      if (d <= town->radius_m * (1.0 + 0.12 * edge[c])) lc = LandCover::kUrban;
    }
    cover_row[c] = lc;
  }
}

// ---------------------------------------------------------------------------------------
void check_spec(const SyntheticTerrainSpec& s, std::string_view file, std::string_view pointer) {
  const auto fail = [&](std::string_view field, const std::string& problem) {
    throw InputError(std::string(file), std::string(pointer) + "/" + std::string(field), problem);
  };
  const auto within = [&](std::string_view field, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) fail(field, fmt::format("{} is outside [{}, {}]", v, lo, hi));
  };
  within("length_km", s.length_km, 20.0, 10000.0);
  within("depth_km", s.depth_km, 8.0, 2000.0);
  within("foreign_depth_km", s.foreign_depth_km, 1.0, 2000.0);
  within("cell_m", s.cell_m, 10.0, 1000.0);
  within("border_road_setback_m", s.border_road_setback_m, 1.0, s.depth_km * 1000.0 / 4.0);
  within("trench_from_km", s.trench_from_km, 0.0, kInf);
  within("trench_to_km", s.trench_to_km, s.trench_from_km, kInf);
  within("trench_gap_every_km", s.trench_gap_every_km, 0.0, kInf);
  within("trench_gap_m", s.trench_gap_m, 0.0, kInf);
  within("trench_offset_m", s.trench_offset_m, 0.0, s.foreign_depth_km * 1000.0);
  within("trench_width_m", s.trench_width_m, 0.0, kInf);
  within("trench_depth_m", s.trench_depth_m, 0.0, kInf);
}

}  // namespace

std::string_view synthetic_crs_wkt() {
  return R"(LOCAL_CS["bordersim synthetic plane",LOCAL_DATUM["none",32767],UNIT["metre",1],)"
         R"(AXIS["Easting",EAST],AXIS["Northing",NORTH]])";
}

Terrain generate_synthetic_terrain(const SyntheticTerrainSpec& spec, std::string_view file,
                                   std::string_view pointer) {
  check_spec(spec, file, pointer);
  const double cell = spec.cell_m;
  // Whole cells on each side, so that y = 0 is a row boundary.
  const auto cells = [cell](double m) {
    return static_cast<std::int64_t>(std::ceil(m / cell - 1e-9));
  };
  const std::int64_t cols = cells(spec.length_km * 1000.0);
  const std::int64_t home_rows = cells(spec.depth_km * 1000.0);
  const std::int64_t foreign_rows = cells(spec.foreign_depth_km * 1000.0);
  check_grid_size(cols, home_rows + foreign_rows, spec.max_cells, file, pointer);
  const GridGeometry geo{static_cast<int>(cols),
                         static_cast<int>(home_rows + foreign_rows),
                         0.0,
                         static_cast<double>(home_rows) * cell,
                         cell,
                         cell};

  Features f;
  f.corridor = {spec.length_km * 1000.0, spec.depth_km * 1000.0, spec.foreign_depth_km * 1000.0,
                spec.border_road_setback_m};
  const Corridor& k = f.corridor;
  const std::uint64_t seed = spec.seed;
  f.ridges = make_ridges(seed, k);
  f.range = make_mountains(seed, k);
  // Shaped after the Euphrates (south, wide) and the Tigris (north).
  f.rivers.push_back(make_river(seed, 0, k, 0.15, 0.25, 200.0, 300.0));
  f.rivers.push_back(make_river(seed, 1, k, 0.86, 0.93, 150.0, 250.0));
  f.towns = make_towns(seed, k, f.range, f.rivers);
  {
    Draw d(seed, Layer::kMarsh, 0);
    const double span = 0.3 * k.depth;
    f.marsh_river = 0;
    f.marsh_y0 =
        d.uniform(k.setback + 1000.0, std::max(k.setback + 1000.0, k.depth - span - 1000.0));
    f.marsh_y1 = f.marsh_y0 + span;
  }

  Terrain terrain;
  const std::string wkt(synthetic_crs_wkt());
  terrain.elevation = ElevationGrid(geo, wkt, spec.max_cells, file, pointer);
  terrain.cover = CoverGrid(geo, wkt, LandCover::kDesert, spec.max_cells, file, pointer);
  {
    const Noise noise{layer_noise(seed, Layer::kReliefNoise, geo, 64000.0, 8, 0.5),
                      layer_noise(seed, Layer::kCoverNoise, geo, 48000.0, 5, 0.55),
                      layer_noise(seed, Layer::kEdgeNoise, geo, 4000.0, 4, 0.5),
                      layer_noise(seed, Layer::kWarpXNoise, geo, 16000.0, 3, 0.5),
                      layer_noise(seed, Layer::kWarpYNoise, geo, 16000.0, 3, 0.5)};
    for (int r = 0; r < geo.rows; ++r) fill_row(r, f, noise, terrain.elevation, terrain.cover);
  }

  terrain.border.points = {{0.0, 0.0}, {k.length, 0.0}};
  for (const River& river : f.rivers) {
    terrain.rivers.push_back(river.line);
    rasterize_lines(terrain.cover, std::span(&river.line, 1), LandCover::kWater, river.width_m);
  }
  terrain.roads.push_back(make_border_road(seed, k));
  for (Polyline& road : make_town_roads(seed, k, f.towns, f.range, terrain.roads.front())) {
    terrain.roads.push_back(std::move(road));
  }
  // Roads last: where they cross a river the cell is a bridge.
  rasterize_lines(terrain.cover, terrain.roads, LandCover::kRoad, 10.0);
  terrain.towns = std::move(f.towns);
  terrain.trench = make_trench(spec, k, f.rivers);
  return terrain;
}

}  // namespace bordersim::terrain
