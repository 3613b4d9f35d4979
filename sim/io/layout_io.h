#pragma once
// Private to sim/io: a variant's Layout as the group /variants/NAME/layout, and the density
// rasters counted on its grid as /variants/NAME/rasters. Layout of the group:
//
//   layout/            attributes crs, grid_origin_x_m, grid_origin_y_m (the grid's
//                      north-west corner), grid_cell_m, grid_cols, grid_rows
//   layout/border      table x_m, y_m, s_m (arc length), home side on the left
//   layout/sectors     table name, jurisdiction, from_m, to_m
//   layout/towers      table x_m, y_m, range_m
//   layout/qrf_bases   table x_m, y_m, teams
//   layout/ground_sensors  table x_m, y_m, radius_m
//   layout/towns       table name, x_m, y_m, radius_m
//   layout/patrol_roads, drone_orbits, rivers   tables line, x_m, y_m (a line's points
//                      in order, lines numbered from 0)
//   layout/land_cover  uint8 raster (rows, cols) on the grid; attribute classes
//   layout/elevation   float32 raster, NaN where unknown (both absent on flat ground)
#include <hdf5.h>

#include <string>
#include <vector>

#include "bordersim/run/layout.h"
#include "bordersim/run/record.h"

namespace bordersim::layout_io {

void write_layout(hid_t variant_group, const Layout& layout, const std::string& label);
// An empty Layout when the group has none (files written before it existed).
Layout read_layout(hid_t variant_group, const std::string& label);

// rasters/{crossings,detections,interceptions}: uint32 counts on layout.grid with
// attributes origin_x_m, origin_y_m, cell_m, crs and outside (places off the grid).
void write_rasters(hid_t variant_group, const Layout& layout,
                   const std::vector<ReplicationRecord>& replications);

}  // namespace bordersim::layout_io
