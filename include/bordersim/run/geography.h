#pragma once
// The ground a scenario runs on: terrain rasters and lines, and the border as an
// arc-length frame. Built once per distinct `terrain` section and shared, read-only, by
// every variant, replication and thread that uses it.
#include <memory>
#include <string>

#include "bordersim/scenario/scenario.h"
#include "bordersim/terrain/terrain.h"

namespace bordersim {

struct Geography {
  terrain::Terrain terrain;  // grids are empty for flat ground
  terrain::BorderFrame border;

  bool has_elevation() const { return terrain.elevation.cell_count() > 0; }
};

// Throws InputError naming `file` and the /terrain/... pointer of what is wrong.
std::shared_ptr<const Geography> build_geography(const TerrainSpec& spec, const std::string& file);

}  // namespace bordersim
