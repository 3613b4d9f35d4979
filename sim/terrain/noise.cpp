#include "bordersim/terrain/noise.h"

#include <cmath>
#include <utility>

namespace bordersim::terrain {
namespace {

double fade(double t) { return t * t * t * (t * (t * 6.0 - 15.0) + 10.0); }

}  // namespace

Stream terrain_stream(std::uint64_t seed, std::uint32_t purpose, std::uint64_t index) {
  return Stream(
      StreamKey{seed, 0, EntityKey{kTerrainEntity, index}, static_cast<Purpose>(purpose)});
}

FractalNoise::FractalNoise(std::uint64_t seed, std::uint32_t first_purpose, const GridGeometry& g,
                           double longest_m, int octaves, double gain, double finest_m)
    : geo_(g) {
  double total = 0.0;
  for (int k = 0; k < octaves; ++k) total += std::pow(gain, k);
  const double east = g.west + g.cols * g.cell_w;
  const double south = g.north - g.rows * g.cell_h;
  for (int k = 0; k < octaves; ++k) {
    Octave o;
    o.wavelength = longest_m / std::pow(2.0, k);
    if (o.wavelength < finest_m) break;  // and every shorter one after it
    o.amplitude = std::pow(gain, k) / total;
    o.shift = 0.3719 * k * o.wavelength;  // keeps the octaves' lattice lines apart
    o.i0 = static_cast<std::int64_t>(std::floor((g.west + o.shift) / o.wavelength));
    o.j0 = static_cast<std::int64_t>(std::floor((south + o.shift) / o.wavelength));
    o.ni = static_cast<int>(static_cast<std::int64_t>(std::floor((east + o.shift) / o.wavelength)) -
                            o.i0) +
           2;
    o.nj = static_cast<int>(
               static_cast<std::int64_t>(std::floor((g.north + o.shift) / o.wavelength)) - o.j0) +
           2;
    const std::uint32_t purpose = first_purpose + static_cast<std::uint32_t>(k);
    o.values.resize(static_cast<std::size_t>(o.ni) * static_cast<std::size_t>(o.nj));
    for (int j = 0; j < o.nj; ++j) {
      for (int i = 0; i < o.ni; ++i) {
        // Lattice indices as 32-bit words: a plane wider than 2³² wavelengths wraps, which
        // no terrain comes near.
        const auto li = static_cast<std::uint32_t>(o.i0 + i);
        const auto lj = static_cast<std::uint32_t>(o.j0 + j);
        Stream s = terrain_stream(seed, purpose, (std::uint64_t{li} << 32) | lj);
        o.values[static_cast<std::size_t>(j) * static_cast<std::size_t>(o.ni) +
                 static_cast<std::size_t>(i)] = static_cast<float>(2.0 * uniform01(s) - 1.0);
      }
    }
    o.col_i.resize(static_cast<std::size_t>(g.cols));
    o.col_f.resize(static_cast<std::size_t>(g.cols));
    for (int c = 0; c < g.cols; ++c) {
      const double u = (g.west + (c + 0.5) * g.cell_w + o.shift) / o.wavelength;
      const double fu = std::floor(u);
      o.col_i[static_cast<std::size_t>(c)] = static_cast<int>(static_cast<std::int64_t>(fu) - o.i0);
      o.col_f[static_cast<std::size_t>(c)] = fade(u - fu);
    }
    octaves_.push_back(std::move(o));
  }
}

void FractalNoise::add_row(int r, std::span<double> out) const {
  const double y = geo_.north - (r + 0.5) * geo_.cell_h;
  for (const Octave& o : octaves_) {
    const double v = (y + o.shift) / o.wavelength;
    const double fv = std::floor(v);
    const auto j = static_cast<std::size_t>(static_cast<std::int64_t>(fv) - o.j0);
    const double fy = fade(v - fv);
    const float* lo = o.values.data() + j * static_cast<std::size_t>(o.ni);
    const float* hi = lo + o.ni;
    for (std::size_t c = 0; c < out.size(); ++c) {
      const auto i = static_cast<std::size_t>(o.col_i[c]);
      const double fx = o.col_f[c];
      const double a = lo[i] + (lo[i + 1] - lo[i]) * fx;
      const double b = hi[i] + (hi[i + 1] - hi[i]) * fx;
      out[c] += o.amplitude * (a + (b - a) * fy);
    }
  }
}

}  // namespace bordersim::terrain
