#include "bordersim/terrain/fingerprint.h"

#include <bit>

namespace bordersim::terrain {

std::uint64_t fingerprint(const Terrain& terrain) {
  std::uint64_t h = 14695981039346656037ULL;
  const auto mix = [&h](std::uint64_t byte) {
    h ^= byte;
    h *= 1099511628211ULL;
  };
  for (const float z : terrain.elevation.values()) {
    const auto bits = std::bit_cast<std::uint32_t>(z);
    for (int i = 0; i < 4; ++i) mix((bits >> (8 * i)) & 0xFF);
  }
  for (const LandCover c : terrain.cover.values()) mix(static_cast<std::uint64_t>(c));
  return h;
}

}  // namespace bordersim::terrain
