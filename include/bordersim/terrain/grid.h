#pragma once
// An elevation raster on a projected (metric) plane: north-up, row-major, float cells.
// Missing cells (the source's NoData) are stored as NaN so that no sentinel value can be
// mistaken for a real elevation.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bordersim::terrain {

// A position on the map plane, in the grid's CRS units (metres for every CRS we load into).
struct MapPoint {
  double x = 0.0;  // easting
  double y = 0.0;  // northing
};

struct CellIndex {
  int col = 0;  // 0 = west edge
  int row = 0;  // 0 = north edge
  friend bool operator==(CellIndex, CellIndex) = default;
};

// Where the raster lies. (west, north) is the outer corner of cell (0, 0), as in a GDAL
// geotransform; cell (c, r) has its centre at (west + (c + ½)·cell_w, north − (r + ½)·cell_h).
// Every raster on the map plane (elevation, land cover, result densities) shares this
// geometry, so the cell arithmetic lives here once.
struct GridGeometry {
  int cols = 0;
  int rows = 0;
  double west = 0.0;
  double north = 0.0;
  double cell_w = 1.0;  // > 0
  double cell_h = 1.0;  // > 0 (rows run south)

  std::int64_t cell_count() const { return std::int64_t{cols} * rows; }
  bool contains(CellIndex c) const {
    return c.col >= 0 && c.row >= 0 && c.col < cols && c.row < rows;
  }
  // Row-major offset of a cell inside the grid.
  std::size_t index(CellIndex c) const {
    return static_cast<std::size_t>(c.row) * static_cast<std::size_t>(cols) +
           static_cast<std::size_t>(c.col);
  }
  // Inline: route fields look cells up many times per dispatch search.
  MapPoint cell_centre(CellIndex c) const {
    return {west + (c.col + 0.5) * cell_w, north - (c.row + 0.5) * cell_h};
  }
  // The cell containing p (its outer edges included on the west/north side), if any.
  std::optional<CellIndex> cell_of(MapPoint p) const {
    const double fc = std::floor((p.x - west) / cell_w);
    const double fr = std::floor((north - p.y) / cell_h);
    if (!(fc >= 0.0 && fr >= 0.0 && fc < cols && fr < rows)) return std::nullopt;
    return CellIndex{static_cast<int>(fc), static_cast<int>(fr)};
  }
  // p in fractional cell-centre coordinates: (0, 0) is the centre of cell (0, 0).
  MapPoint to_grid(MapPoint p) const;
  MapPoint to_map(MapPoint grid_xy) const;

  friend bool operator==(const GridGeometry&, const GridGeometry&) = default;
};

// 2·10⁸ cells is 800 MB of floats: beyond that a DEM is almost surely a mistake (wrong file,
// wrong resolution), and the error should come before the allocation, not from it.
inline constexpr std::int64_t kDefaultMaxCells = 200'000'000;

// Throws InputError(file, pointer, "grid of N cells exceeds the limit of M (...)") when
// cols·rows > max_cells, and for non-positive sizes. Call it before allocating anything.
void check_grid_size(std::int64_t cols, std::int64_t rows, std::int64_t max_cells,
                     std::string_view file, std::string_view pointer);

// check_grid_size() plus positive cell sizes: what every raster constructor checks.
void check_grid_geometry(const GridGeometry& geometry, std::int64_t max_cells,
                         std::string_view file, std::string_view pointer);

class ElevationGrid {
 public:
  ElevationGrid() = default;
  // Allocates cols·rows cells set to NaN after check_grid_size(); `file` and `pointer` name
  // the input in the error.
  ElevationGrid(GridGeometry geometry, std::string crs_wkt,
                std::int64_t max_cells = kDefaultMaxCells, std::string_view file = {},
                std::string_view pointer = {});

  const GridGeometry& geometry() const { return geo_; }
  int cols() const { return geo_.cols; }
  int rows() const { return geo_.rows; }
  std::int64_t cell_count() const { return geo_.cell_count(); }
  const std::string& crs_wkt() const { return crs_wkt_; }

  bool contains(CellIndex c) const { return geo_.contains(c); }
  float at(CellIndex c) const { return values_[index(c)]; }
  float& at(CellIndex c) { return values_[index(c)]; }
  std::span<const float> row(int r) const;
  std::span<float> row(int r);
  std::span<const float> values() const { return values_; }
  std::span<float> values() { return values_; }

  MapPoint cell_centre(CellIndex c) const { return geo_.cell_centre(c); }
  std::optional<CellIndex> cell_of(MapPoint p) const { return geo_.cell_of(p); }
  MapPoint to_grid(MapPoint p) const { return geo_.to_grid(p); }
  MapPoint to_map(MapPoint grid_xy) const { return geo_.to_map(grid_xy); }

  // Bilinear interpolation between the four surrounding cell centres. Inside the outer
  // half-cell border the edge cells are extended. Empty outside the raster or where any
  // of the cells used is NoData.
  std::optional<double> elevation_at(MapPoint p) const;

  // Lowest and highest valid elevations; empty when every cell is NoData.
  std::optional<std::pair<float, float>> elevation_range() const;

 private:
  std::size_t index(CellIndex c) const { return geo_.index(c); }

  GridGeometry geo_;
  std::string crs_wkt_;
  std::vector<float> values_;
};

}  // namespace bordersim::terrain
