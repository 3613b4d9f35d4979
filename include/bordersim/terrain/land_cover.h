#pragma once
// Land cover: one class per cell, and what each class does to movers and sensors.
// The classes are the ones scenarios name (scenarios/README.md, `land_cover`); their effects are
// per-class numbers in a table that the scenario can override (defaults: default_cover_table()).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bordersim/terrain/grid.h"

namespace bordersim::terrain {

// The numeric values are stored in rasters and result files: append, never renumber.
enum class LandCover : std::uint8_t {
  kDesert = 0,
  kSteppe = 1,
  kFarmland = 2,
  kUrban = 3,
  kMountain = 4,
  kSwamp = 5,
  kWater = 6,
  kRoad = 7,
};
inline constexpr std::size_t kLandCoverCount = 8;

// Lower-case names as written in scenarios and GeoJSON: "desert", "steppe", ..., "road".
std::string_view to_string(LandCover cover);
// The inverse of to_string (exact, lower case); empty for anything else.
std::optional<LandCover> parse_land_cover(std::string_view name);
// "desert, steppe, ..., road": for error messages.
std::string land_cover_names();

struct CoverProperties {
  // Multipliers of a mover's nominal speed (foot: its cross-country walking speed on open
  // flat ground; vehicle: its road speed). 0 = impassable for that mover.
  double foot_speed_factor = 1.0;
  double vehicle_speed_factor = 1.0;
  // 0..1: the fraction by which a sensor's detection probability is reduced for a target
  // in such a cell (vegetation, buildings, relief to hide behind).
  double concealment = 0.0;
  // ≥ 0: multiplier of sensors' false-alarm rates over such cells (traffic, animals).
  double clutter = 1.0;
};

using CoverTable = std::array<CoverProperties, kLandCoverCount>;

inline const CoverProperties& properties(const CoverTable& table, LandCover cover) {
  return table[static_cast<std::size_t>(cover)];
}

// Planning defaults; see land_cover.cpp for the table and the reasons for each number.
CoverTable default_cover_table();

// One land-cover class per cell on the same geometry as the elevation grid it goes with
// (north-up, row-major, one byte per cell).
class CoverGrid {
 public:
  CoverGrid() = default;
  // Every cell starts as `fill`, after check_grid_geometry(); `file` and `pointer` name the
  // input in the error.
  CoverGrid(GridGeometry geometry, std::string crs_wkt, LandCover fill = LandCover::kDesert,
            std::int64_t max_cells = kDefaultMaxCells, std::string_view file = {},
            std::string_view pointer = {});

  const GridGeometry& geometry() const { return geo_; }
  int cols() const { return geo_.cols; }
  int rows() const { return geo_.rows; }
  std::int64_t cell_count() const { return geo_.cell_count(); }
  const std::string& crs_wkt() const { return crs_wkt_; }

  bool contains(CellIndex c) const { return geo_.contains(c); }
  LandCover at(CellIndex c) const { return values_[geo_.index(c)]; }
  LandCover& at(CellIndex c) { return values_[geo_.index(c)]; }
  std::span<const LandCover> row(int r) const;
  std::span<LandCover> row(int r);
  std::span<const LandCover> values() const { return values_; }
  std::span<LandCover> values() { return values_; }

  MapPoint cell_centre(CellIndex c) const { return geo_.cell_centre(c); }
  std::optional<CellIndex> cell_of(MapPoint p) const { return geo_.cell_of(p); }
  // The class of the cell holding p; empty off the grid.
  std::optional<LandCover> cover_at(MapPoint p) const;

  // Cells per class, indexed by the class's value.
  std::array<std::int64_t, kLandCoverCount> histogram() const;

 private:
  GridGeometry geo_;
  std::string crs_wkt_;
  std::vector<LandCover> values_;
};

}  // namespace bordersim::terrain
