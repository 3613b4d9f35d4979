#pragma once
// Plausible ground under real geography: when a planner has a border, rivers and towns
// (GeoJSON) but no DEM or land-cover raster, this fills the rasters around them from a
// seed. Real lines stay where they are; only what lies between them is made up.
//
// Elevation: a regional level (350 ± ~50 m, wavelengths of 30-130 km) with fractal
// roughness (±~10 m), scattered hill country (up to ~700 m above the plain, covering a few
// per cent of the map), and river valleys incised ~50 m below the regional level, as the
// Euphrates and Tigris are into the Jazira and the western desert.
// Land cover, from the broadest class to the most specific: desert or steppe in broad
// patches (noise); mountain on hills (see mountain rule below); farmland along rivers
// (a 2.5 ± 1.5 km strip) and around towns; swamp in patches beside rivers; urban discs
// at towns (Town::radius_m, frayed by a few per cent); water on rivers, burnt last
// (river_width_m wide, every cell a river passes through).
// Mountain rule (also used over a DEM): a cell is mountain where it stands more than
// 150 m above the plain level (the 25th percentile of the elevations in blocks of ~16 km,
// interpolated between block centres) or where its slope exceeds 25 %.
//
// Deterministic: a pure function of the terrain given and the seed, whatever the thread
// count (rows are computed independently; every random number comes from a terrain stream
// keyed by the seed and the field it is for, see noise.h). A point's elevation does not
// depend on the grid's extent; the noise is sampled down to wavelengths of two cells, so a
// coarser grid sees the same ground less its finest detail.
#include <cstdint>

#include "bordersim/terrain/terrain.h"

namespace bordersim::terrain {

// Natural Earth rivers have no width; the Euphrates and Tigris in the border region are
// 150-300 m wide (the default of terrain.files.river_width_m).
inline constexpr double kSyntheticRiverWidthM = 200.0;

// Fills terrain.elevation and terrain.cover, which must already be allocated on the same
// geometry (the values in them are overwritten), from terrain.rivers and terrain.towns
// (map plane of the grids, metres) and the seed. Throws std::invalid_argument when the
// grids are empty or their geometries differ.
void fill_synthetic_ground(Terrain& terrain, std::uint64_t seed,
                           double river_width_m = kSyntheticRiverWidthM);

// Land cover only, around the elevation already in terrain.elevation (a DEM): the same
// rules as fill_synthetic_ground(), with the mountain rule applied to the DEM. NaN
// elevations make no mountain. Same preconditions.
void fill_synthetic_cover(Terrain& terrain, std::uint64_t seed,
                          double river_width_m = kSyntheticRiverWidthM);

}  // namespace bordersim::terrain
