#pragma once
// A terrain's fingerprint: FNV-1a over the elevation's bits and the cover's bytes, row by
// row. Equal rasters give equal fingerprints, so tests and benchmarks can pin a build
// ("the same seed gives the same ground on any thread count") in one number.
#include <cstdint>

#include "bordersim/terrain/terrain.h"

namespace bordersim::terrain {

std::uint64_t fingerprint(const Terrain& terrain);

}  // namespace bordersim::terrain
