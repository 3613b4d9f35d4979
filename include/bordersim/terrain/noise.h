#pragma once
// Seeded randomness for generated ground: the terrain's stream keys and a fractal value
// noise on a grid. Shared by the synthetic corridor (synthetic.h) and the synthetic ground
// under real geography (synthetic_ground.h).
#include <cstdint>
#include <span>
#include <vector>

#include "bordersim/random/stream.h"
#include "bordersim/terrain/grid.h"

namespace bordersim::terrain {

// stream.h has no entity kind for terrain; this value lies outside its enumerators, so
// terrain keys cannot meet any other stream's. Each generator keeps its purposes apart
// (its own enum of layers), so that drawing more for one feature moves no other.
inline constexpr auto kTerrainEntity = static_cast<EntityKind>(0x7E44);

// The stream of (seed, purpose, index) for terrain generation; replication 0.
Stream terrain_stream(std::uint64_t seed, std::uint32_t purpose, std::uint64_t index);

// Fractal value noise: pseudo-random values on square lattices blended with a quintic
// fade, summed over octaves whose wavelength halves and whose amplitude falls by `gain`
// each time, normalised so the sum stays in [-1, 1]; its standard deviation is about 0.25
// (0.22-0.28 for 3-8 octaves at gain 0.5-0.55). Octave k draws from purpose
// `first_purpose + k`, so give each field a block of purposes of its own.
//
// A lattice value depends only on (seed, purpose, octave, lattice i, j), so the field does
// not depend on the grid's extent, its row order or the thread count: two grids over the
// same plane see the same field where they overlap (up to the cell centres they sample).
//
// Octaves shorter than `finest_m` are left out (on a grid of cell c, wavelengths under 2c
// only alias); the normalisation still counts them, so the field is the full one less its
// finest detail, and drawing them costs nothing (their lattices are the largest).
class FractalNoise {
 public:
  FractalNoise(std::uint64_t seed, std::uint32_t first_purpose, const GridGeometry& grid,
               double longest_m, int octaves, double gain, double finest_m = 0.0);

  // Adds the field's values at the cell centres of row r to out (one per column).
  // Thread-safe: rows may be filled concurrently.
  void add_row(int r, std::span<double> out) const;

 private:
  struct Octave {
    double wavelength = 1.0;
    double amplitude = 0.0;
    double shift = 0.0;
    std::int64_t i0 = 0;
    std::int64_t j0 = 0;
    int ni = 0;
    int nj = 0;
    std::vector<float> values;  // nj rows of ni lattice values
    std::vector<int> col_i;     // per grid column: lattice column left of it, from i0
    std::vector<double> col_f;  // per grid column: faded fraction towards the next
  };
  GridGeometry geo_;
  std::vector<Octave> octaves_;
};

}  // namespace bordersim::terrain
