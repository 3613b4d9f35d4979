// The synthetic corridor's settlements and works: towns (placed and named), the border
// road and the roads between towns, and the trench (synthetic_features.h).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "synthetic_features.h"

namespace bordersim::terrain::synthetic_detail {
namespace {

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

}  // namespace

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

}  // namespace bordersim::terrain::synthetic_detail
