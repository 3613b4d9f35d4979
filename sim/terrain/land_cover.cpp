#include "bordersim/terrain/land_cover.h"

#include <utility>

namespace bordersim::terrain {
namespace {

constexpr std::array<std::string_view, kLandCoverCount> kNames = {
    "desert", "steppe", "farmland", "urban", "mountain", "swamp", "water", "road"};

}  // namespace

std::string_view to_string(LandCover cover) {
  const auto i = static_cast<std::size_t>(cover);
  return i < kNames.size() ? kNames[i] : std::string_view("unknown");
}

std::optional<LandCover> parse_land_cover(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<LandCover>(i);
  }
  return std::nullopt;
}

std::string land_cover_names() {
  std::string out;
  for (const std::string_view n : kNames) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// Planning defaults for the Iraq–Syria corridor. They are judgement, not measurement: the
// scenario overrides them, and they are here so that the default scenario behaves sensibly.
//
// class     foot  vehicle  concealment  clutter  why
// desert    1.00  0.60     0.05         1.0      hard gravel plain (hamada): walking at full
//                                                pace, 4x4s at 60 % of road speed; nothing to
//                                                hide behind but the relief, which the DEM's
//                                                line of sight already models. The baseline.
// steppe    0.95  0.50     0.15         1.2      grass, shrubs and wadis slow vehicles more
//                                                than walkers; shrubs hide a crouching man
//                                                now and then; grazing herds add alarms.
// farmland  0.70  0.25     0.35         2.0      irrigation canals, ditches and field walls
//                                                break up movement; crops and orchards hide;
//                                                farm workers and livestock cause alarms.
// urban     0.80  0.40     0.70         5.0      walls and narrow streets; buildings block
//                                                most sightlines at street level; people and
//                                                traffic everywhere: the worst clutter.
// mountain  0.40  0.10     0.40         1.5      rock and scree on top of the slope penalty a
//                                                planner applies from the DEM; tracks only;
//                                                gullies and outcrops hide.
// swamp     0.30  0.00     0.60         2.0      reed marsh, waist-deep wading; vehicles bog
//                                                down; tall reeds hide most of a person;
//                                                birds and wildlife.
// water     0.00  0.00     0.30         1.5      crossing a river (swim, ford, boat) is the
//                                                river model's business, so the cover itself
//                                                is impassable; a swimmer shows only a head.
// road      1.10  1.00     0.00         3.0      the fastest surface for everyone, and the
//                                                most exposed; civilian traffic sets off
//                                                sensors.
CoverTable default_cover_table() {
  CoverTable t{};
  const auto set = [&t](LandCover c, double foot, double vehicle, double concealment,
                        double clutter) {
    t[static_cast<std::size_t>(c)] = CoverProperties{foot, vehicle, concealment, clutter};
  };
  set(LandCover::kDesert, 1.00, 0.60, 0.05, 1.0);
  set(LandCover::kSteppe, 0.95, 0.50, 0.15, 1.2);
  set(LandCover::kFarmland, 0.70, 0.25, 0.35, 2.0);
  set(LandCover::kUrban, 0.80, 0.40, 0.70, 5.0);
  set(LandCover::kMountain, 0.40, 0.10, 0.40, 1.5);
  set(LandCover::kSwamp, 0.30, 0.00, 0.60, 2.0);
  set(LandCover::kWater, 0.00, 0.00, 0.30, 1.5);
  set(LandCover::kRoad, 1.10, 1.00, 0.00, 3.0);
  return t;
}

CoverGrid::CoverGrid(GridGeometry geometry, std::string crs_wkt, LandCover fill,
                     std::int64_t max_cells, std::string_view file, std::string_view pointer)
    : geo_(geometry), crs_wkt_(std::move(crs_wkt)) {
  check_grid_geometry(geo_, max_cells, file, pointer);
  values_.assign(static_cast<std::size_t>(cell_count()), fill);
}

std::span<const LandCover> CoverGrid::row(int r) const {
  return std::span<const LandCover>(values_).subspan(geo_.index({0, r}),
                                                     static_cast<std::size_t>(geo_.cols));
}

std::span<LandCover> CoverGrid::row(int r) {
  return std::span<LandCover>(values_).subspan(geo_.index({0, r}),
                                               static_cast<std::size_t>(geo_.cols));
}

std::optional<LandCover> CoverGrid::cover_at(MapPoint p) const {
  if (values_.empty()) return std::nullopt;
  const std::optional<CellIndex> c = geo_.cell_of(p);
  if (!c) return std::nullopt;
  return at(*c);
}

std::array<std::int64_t, kLandCoverCount> CoverGrid::histogram() const {
  std::array<std::int64_t, kLandCoverCount> counts{};
  for (const LandCover c : values_) {
    const auto i = static_cast<std::size_t>(c);
    if (i < kLandCoverCount) ++counts[i];
  }
  return counts;
}

}  // namespace bordersim::terrain
