// The synthetic corridor (synthetic.h): its features (synthetic_features.h) rasterised row
// by row into elevation and land cover.
#include "bordersim/terrain/synthetic.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/terrain/noise.h"
#include "synthetic_features.h"

namespace bordersim::terrain {
namespace {

using namespace synthetic_detail;

FractalNoise layer_noise(std::uint64_t seed, Layer layer, const GridGeometry& g, double longest_m,
                         int octaves, double gain) {
  return FractalNoise(seed, static_cast<std::uint32_t>(layer), g, longest_m, octaves, gain);
}

// ---------------------------------------------------------------------------------------
// The raster pass: elevation and cover of one row from the features. Rows are
// independent, which is what makes the result independent of the thread count.
struct Features {
  Corridor corridor;
  std::vector<Ridge> ridges;
  MountainRange range;
  std::vector<River> rivers;
  std::vector<Town> towns;
  std::size_t marsh_river = 0;
  double marsh_y0 = 0.0;
  double marsh_y1 = 0.0;
};

struct Noise {
  FractalNoise relief;  // elevation roughness
  FractalNoise cover;   // desert/steppe patches
  FractalNoise edge;    // ragged edges of farmland, marsh and towns; mountain roughness
  FractalNoise warp_x;  // bends ridges and the range (domain warp)
  FractalNoise warp_y;
};

constexpr double kWarpM = 2500.0;

constexpr double kRiverReachM = 6000.0;  // beyond this rivers shape nothing
constexpr double kValleyWidthM = 1500.0;
// The rivers run incised into the plateau, as the Euphrates and Tigris do (50-100 m), deep
// enough to stay below the plain's own undulation (90 m · noise, whose spread is ~0.25).
constexpr double kRiverBelowPlainM = 50.0;

void fill_row(int r, const Features& f, const Noise& noise, ElevationGrid& elevation,
              CoverGrid& cover) {
  const GridGeometry& g = elevation.geometry();
  const auto cols = static_cast<std::size_t>(g.cols);
  const double y = g.north - (r + 0.5) * g.cell_h;
  std::vector<double> relief(cols, 0.0);
  std::vector<double> patches(cols, 0.0);
  std::vector<double> edge(cols, 0.0);
  std::vector<double> warp_x(cols, 0.0);
  std::vector<double> warp_y(cols, 0.0);
  noise.relief.add_row(r, relief);
  noise.cover.add_row(r, patches);
  noise.edge.add_row(r, edge);
  noise.warp_x.add_row(r, warp_x);
  noise.warp_y.add_row(r, warp_y);

  // Relief features are sampled at warped points (p + kWarpM·noise), which bends their
  // straight axes and frays their flanks; rows they cannot reach skip them.
  const auto reaches = [y](const Ridge& ridge) {
    return y >= ridge.min_y - kWarpM && y <= ridge.max_y + kWarpM;
  };
  std::vector<const Ridge*> ridges;
  for (const Ridge& ridge : f.ridges) {
    if (reaches(ridge)) ridges.push_back(&ridge);
  }
  MountainRange range;
  for (const Ridge& m : f.range.massifs) {
    if (reaches(m)) range.massifs.push_back(m);
  }
  std::vector<const Town*> towns;
  for (const Town& t : f.towns) {
    if (std::abs(y - t.position.y) < t.radius_m * 1.2 + 2500.0) towns.push_back(&t);
  }
  // River distances along this row. A river's points follow one another every kRiverStepM
  // in y, so the segments within reach of the row are a known index range.
  std::vector<RiverDistance> near(cols);
  for (std::size_t ri = 0; ri < f.rivers.size(); ++ri) {
    const River& river = f.rivers[ri];
    const auto& pts = river.line.points;
    const double lo_f = std::floor((y - kRiverReachM - river.y0) / kRiverStepM);
    const double hi_f = std::ceil((y + kRiverReachM - river.y0) / kRiverStepM);
    const double last_point = static_cast<double>(pts.size() - 1);
    const auto first = static_cast<std::size_t>(std::clamp(lo_f, 0.0, last_point));
    const auto last = static_cast<std::size_t>(std::clamp(hi_f, 0.0, last_point));
    if (first >= last) continue;
    double min_x = kInf;
    double max_x = -kInf;
    for (std::size_t i = first; i <= last; ++i) {
      min_x = std::min(min_x, pts[i].x);
      max_x = std::max(max_x, pts[i].x);
    }
    const auto c0 = static_cast<std::size_t>(
        std::clamp(std::floor((min_x - kRiverReachM - g.west) / g.cell_w), 0.0, g.cols - 1.0));
    const auto c1 = static_cast<std::size_t>(
        std::clamp(std::ceil((max_x + kRiverReachM - g.west) / g.cell_w), 0.0, g.cols - 1.0));
    for (std::size_t c = c0; c <= c1; ++c) {
      const MapPoint p{g.west + (static_cast<double>(c) + 0.5) * g.cell_w, y};
      double best = kInf;
      for (std::size_t i = first; i < last; ++i) {
        best = std::min(best, dist2_to_segment(p, pts[i], pts[i + 1]));
      }
      const double d = std::sqrt(best);
      if (d < near[c].distance) near[c] = {d, static_cast<int>(ri)};
    }
  }

  const double length = f.corridor.length;
  std::span<float> z_row = elevation.row(r);
  std::span<LandCover> cover_row = cover.row(r);
  for (std::size_t c = 0; c < cols; ++c) {
    const MapPoint p{g.west + (static_cast<double>(c) + 0.5) * g.cell_w, y};
    const double t = p.x / length;
    // Plains rising gently to the north end (x large), as the Jazira does.
    const double plain = 220.0 + 120.0 * t;
    const MapPoint warped{p.x + kWarpM * warp_x[c], p.y + kWarpM * warp_y[c]};
    double ridge_sum = 0.0;
    for (const Ridge* ridge : ridges) ridge_sum += ridge->at(warped);
    const double mountain = range.massifs.empty() ? 0.0 : range.at(warped);
    // Fine noise roughens the range into peaks and saddles.
    double z =
        plain + 90.0 * relief[c] + ridge_sum + mountain * (0.8 + 0.25 * relief[c] + 0.45 * edge[c]);

    // River valleys: pulled towards a floor below the plain, fully in the channel.
    const RiverDistance rd = near[c];
    const double floor_z = plain - kRiverBelowPlainM;
    if (rd.river >= 0) {
      const double half_width = f.rivers[static_cast<std::size_t>(rd.river)].width_m / 2.0;
      if (rd.distance <= half_width + 0.75 * g.cell_w) {
        z = floor_z - 3.0;
      } else if (z > floor_z) {
        const double u = (rd.distance - half_width) / kValleyWidthM;
        z += (floor_z - z) * std::exp(-u * u);
      }
    }
    z_row[c] = static_cast<float>(z);

    // Cover, from the broadest class to the most specific.
    LandCover lc = patches[c] + 1.6 * (t - 0.5) > 0.0 ? LandCover::kSteppe : LandCover::kDesert;
    if (mountain >= kMountainCoverM) {
      lc = LandCover::kMountain;
    } else {
      double town_edge = kInf;
      for (const Town* town : towns) {
        town_edge = std::min(
            town_edge, std::hypot(p.x - town->position.x, p.y - town->position.y) - town->radius_m);
      }
      const bool floodplain = rd.distance < 2500.0 + 1500.0 * edge[c] && z - floor_z < 45.0;
      if (floodplain || town_edge < 1500.0 + 1000.0 * edge[c]) lc = LandCover::kFarmland;
      // The marsh: a lens along its river, widest halfway along its stretch.
      if (rd.river == static_cast<int>(f.marsh_river) && y > f.marsh_y0 && y < f.marsh_y1) {
        const double along = (y - f.marsh_y0) / (f.marsh_y1 - f.marsh_y0);
        const double width = (2000.0 + 1200.0 * edge[c]) * std::sqrt(std::sin(kPi * along));
        if (rd.distance < width) lc = LandCover::kSwamp;
      }
    }
    for (const Town* town : towns) {
      const double d = std::hypot(p.x - town->position.x, p.y - town->position.y);
      if (d <= town->radius_m * (1.0 + 0.12 * edge[c])) lc = LandCover::kUrban;
    }
    cover_row[c] = lc;
  }
}

// ---------------------------------------------------------------------------------------
void check_spec(const SyntheticTerrainSpec& s, std::string_view file, std::string_view pointer) {
  const auto fail = [&](std::string_view field, const std::string& problem) {
    throw InputError(std::string(file), std::string(pointer) + "/" + std::string(field), problem);
  };
  const auto within = [&](std::string_view field, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) fail(field, fmt::format("{} is outside [{}, {}]", v, lo, hi));
  };
  within("length_km", s.length_km, 20.0, 10000.0);
  within("depth_km", s.depth_km, 8.0, 2000.0);
  within("foreign_depth_km", s.foreign_depth_km, 1.0, 2000.0);
  within("cell_m", s.cell_m, 10.0, 1000.0);
  within("border_road_setback_m", s.border_road_setback_m, 1.0, s.depth_km * 1000.0 / 4.0);
  within("trench_from_km", s.trench_from_km, 0.0, kInf);
  within("trench_to_km", s.trench_to_km, s.trench_from_km, kInf);
  within("trench_gap_every_km", s.trench_gap_every_km, 0.0, kInf);
  within("trench_gap_m", s.trench_gap_m, 0.0, kInf);
  within("trench_offset_m", s.trench_offset_m, 0.0, s.foreign_depth_km * 1000.0);
  within("trench_width_m", s.trench_width_m, 0.0, kInf);
  within("trench_depth_m", s.trench_depth_m, 0.0, kInf);
}

}  // namespace

std::string_view synthetic_crs_wkt() {
  return R"(LOCAL_CS["bordersim synthetic plane",LOCAL_DATUM["none",32767],UNIT["metre",1],)"
         R"(AXIS["Easting",EAST],AXIS["Northing",NORTH]])";
}

Terrain generate_synthetic_terrain(const SyntheticTerrainSpec& spec, std::string_view file,
                                   std::string_view pointer) {
  check_spec(spec, file, pointer);
  const double cell = spec.cell_m;
  // Whole cells on each side, so that y = 0 is a row boundary.
  const auto cells = [cell](double m) {
    return static_cast<std::int64_t>(std::ceil(m / cell - 1e-9));
  };
  const std::int64_t cols = cells(spec.length_km * 1000.0);
  const std::int64_t home_rows = cells(spec.depth_km * 1000.0);
  const std::int64_t foreign_rows = cells(spec.foreign_depth_km * 1000.0);
  check_grid_size(cols, home_rows + foreign_rows, spec.max_cells, file, pointer);
  const GridGeometry geo{static_cast<int>(cols),
                         static_cast<int>(home_rows + foreign_rows),
                         0.0,
                         static_cast<double>(home_rows) * cell,
                         cell,
                         cell};

  Features f;
  f.corridor = {spec.length_km * 1000.0, spec.depth_km * 1000.0, spec.foreign_depth_km * 1000.0,
                spec.border_road_setback_m};
  const Corridor& k = f.corridor;
  const std::uint64_t seed = spec.seed;
  f.ridges = make_ridges(seed, k);
  f.range = make_mountains(seed, k);
  // Shaped after the Euphrates (south, wide) and the Tigris (north).
  f.rivers.push_back(make_river(seed, 0, k, 0.15, 0.25, 200.0, 300.0));
  f.rivers.push_back(make_river(seed, 1, k, 0.86, 0.93, 150.0, 250.0));
  f.towns = make_towns(seed, k, f.range, f.rivers);
  {
    Draw d(seed, Layer::kMarsh, 0);
    const double span = 0.3 * k.depth;
    f.marsh_river = 0;
    f.marsh_y0 =
        d.uniform(k.setback + 1000.0, std::max(k.setback + 1000.0, k.depth - span - 1000.0));
    f.marsh_y1 = f.marsh_y0 + span;
  }

  Terrain terrain;
  const std::string wkt(synthetic_crs_wkt());
  terrain.elevation = ElevationGrid(geo, wkt, spec.max_cells, file, pointer);
  terrain.cover = CoverGrid(geo, wkt, LandCover::kDesert, spec.max_cells, file, pointer);
  {
    const Noise noise{layer_noise(seed, Layer::kReliefNoise, geo, 64000.0, 8, 0.5),
                      layer_noise(seed, Layer::kCoverNoise, geo, 48000.0, 5, 0.55),
                      layer_noise(seed, Layer::kEdgeNoise, geo, 4000.0, 4, 0.5),
                      layer_noise(seed, Layer::kWarpXNoise, geo, 16000.0, 3, 0.5),
                      layer_noise(seed, Layer::kWarpYNoise, geo, 16000.0, 3, 0.5)};
    for (int r = 0; r < geo.rows; ++r) fill_row(r, f, noise, terrain.elevation, terrain.cover);
  }

  terrain.border.points = {{0.0, 0.0}, {k.length, 0.0}};
  for (const River& river : f.rivers) {
    terrain.rivers.push_back(river.line);
    rasterize_lines(terrain.cover, std::span(&river.line, 1), LandCover::kWater, river.width_m);
  }
  terrain.roads.push_back(make_border_road(seed, k));
  for (Polyline& road : make_town_roads(seed, k, f.towns, f.range, terrain.roads.front())) {
    terrain.roads.push_back(std::move(road));
  }
  // Roads last: where they cross a river the cell is a bridge.
  rasterize_lines(terrain.cover, terrain.roads, LandCover::kRoad, 10.0);
  terrain.towns = std::move(f.towns);
  terrain.trench = make_trench(spec, k, f.rivers);
  return terrain;
}

}  // namespace bordersim::terrain
