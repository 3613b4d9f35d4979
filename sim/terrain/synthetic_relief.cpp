// The relief of the synthetic corridor: scattered ridges, one mountain range, and the two
// rivers that cross the border (synthetic_features.h).
#include <array>
#include <cmath>
#include <vector>

#include "synthetic_features.h"

namespace bordersim::terrain::synthetic_detail {

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

}  // namespace bordersim::terrain::synthetic_detail
