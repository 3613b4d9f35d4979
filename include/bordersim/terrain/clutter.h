#pragma once
// How much a sensor's surroundings raise its false-alarm rate: the land cover's clutter
// (land_cover.h) averaged over the cells the sensor looks at. Computed once per model.
#include "bordersim/terrain/land_cover.h"
#include "bordersim/terrain/viewshed.h"

namespace bordersim::terrain {

// The clutter of the cover at p; 1 (the desert baseline) without a cover grid (flat
// ground) or off it.
double clutter_at(const CoverGrid& cover, const CoverTable& table, MapPoint p);

// The largest clutter in the table: the bound for rejection sampling of alarm places.
double max_clutter(const CoverTable& table);

// The mean clutter over the cells whose centres lie within radius_m of centre and, given
// a viewshed (on the cover's geometry), that it sees. Cells off the grid do not count.
// A disc smaller than a cell, holding no cell centre, takes the cell holding its centre;
// a viewshed that sees none of the disc gives 0 (nothing to raise alarms over). 1 without
// a cover grid.
double mean_clutter_in_disc(const CoverGrid& cover, const CoverTable& table, MapPoint centre,
                            double radius_m, const Viewshed* view = nullptr);

// The mean clutter over the cells whose centres lie in the box [lo, hi]; the cell holding
// its centre when it holds no cell centre. 1 without a cover grid or off it.
double mean_clutter_in_box(const CoverGrid& cover, const CoverTable& table, MapPoint lo,
                           MapPoint hi);

}  // namespace bordersim::terrain
