#pragma once
// The viewshed of one observer: which cells of the DEM a target standing on them could be
// seen from. Computed once per fixed sensor when the model is built, then only queried.
//
// The algorithm is the one GDAL 3.6's gdal_viewshed uses (Wang, Robinson & White 2000,
// "Generating viewsheds without using sightlines", "edge" cell mode), with its
// conventions, so that results can be validated against it cell by cell:
// - the observer stands at the centre of the cell that holds it, its eye observer_height
//   above that cell's elevation; every cell is represented by its centre;
// - rows are processed outward from the observer's row; a cell's horizon height is
//   interpolated from the two already-processed neighbours on the side towards the observer
//   and extended to the cell's distance; the cell stores max(its elevation, horizon), so the
//   horizon surface carries the terrain's shadow outward;
// - the cells next to the observer: see ViewshedParams::adjacent (the one deliberate
//   departure from GDAL 3.6, which kGdal36 restores);
// - a cell is visible when elevation + target_height ≥ horizon (the target height does not
//   raise the stored surface);
// - every elevation is lowered by cc·d²/(2R), d = centre-to-centre distance;
// - a cell is in range when d ≤ max_distance.
// It approximates exact ray casting (line_of_sight.h): near visibility edges the two
// disagree on about 5 % of the visible cells on real SRTM terrain (the test measures it).
#include <cstdint>
#include <vector>

#include "bordersim/terrain/grid.h"
#include "bordersim/terrain/line_of_sight.h"

namespace bordersim::terrain {

struct ViewshedParams {
  SightGeometry sight;
  double max_distance = 0.0;  // m; 0 = no limit (the whole grid)

  // The cells next to the observer. GDAL 3.6 compares the six that are not on the
  // observer's row with the observer's *ground* elevation and carries that height outward
  // as the horizon: from a summit this hides slopes falling away more steeply than
  // eye height per cell (10 m per 92 m cell for a 10 m mast), which ray casting sees.
  // GDAL's later, rewritten viewshed makes them visible and their own horizon, as kVisible
  // does. kGdal36 reproduces gdal_viewshed 3.6 bit for bit (tests/unit/test_viewshed_gdal.cpp).
  enum class Adjacent { kVisible, kGdal36 };
  Adjacent adjacent = Adjacent::kVisible;
};

// One bit per cell over the smallest window of the grid that holds every cell in range.
class Viewshed {
 public:
  struct Window {
    CellIndex origin;  // grid cell of the window's north-west corner
    int cols = 0;
    int rows = 0;
  };

  CellIndex observer() const { return observer_; }
  const Window& window() const { return window_; }

  // Grid cells (not window-relative). Out-of-range cells are never visible.
  bool in_range(CellIndex c) const;
  bool visible(CellIndex c) const;
  std::int64_t visible_count() const;

 private:
  friend Viewshed compute_viewshed(const ElevationGrid&, CellIndex, const ViewshedParams&);

  CellIndex observer_;
  Window window_;
  double cell_w_ = 1.0;
  double cell_h_ = 1.0;
  double max_distance2_ = 0.0;       // 0: unlimited
  std::vector<std::uint64_t> bits_;  // row-major over the window
};

// Throws std::invalid_argument when the observer is off the grid or on NoData (callers
// check sensor positions against the grid first and report them as input errors).
// NoData cells are invisible and do not block.
Viewshed compute_viewshed(const ElevationGrid& dem, CellIndex observer,
                          const ViewshedParams& params);
Viewshed compute_viewshed(const ElevationGrid& dem, MapPoint observer,
                          const ViewshedParams& params);

}  // namespace bordersim::terrain
