#include "bordersim/routes/scenario_options.h"

#include <cmath>
#include <stdexcept>

namespace bordersim::routes {

SurfaceOptions surface_options(const RoutingSpec& routing, const TerrainSpec& terrain,
                               const std::string& file) {
  SurfaceOptions o;
  o.vehicle_half_speed_grade = routing.vehicle_half_speed_grade;
  o.vehicle_max_grade = routing.vehicle_max_grade;
  o.max_cells = routing.max_cells;
  o.file = file;
  o.pointer = "/routing/cell_m";
  if (terrain.flat) o.flat_margin_m = terrain.flat->depth_km * 1000.0;
  return o;
}

std::vector<float> hazard_on_routing_grid(const terrain::GridGeometry& routing,
                                          const terrain::GridGeometry& from,
                                          std::span<const float> hazard_per_s) {
  if (hazard_per_s.size() != static_cast<std::size_t>(from.cell_count()))
    throw std::invalid_argument("hazard_on_routing_grid: one value per cell of `from` expected");
  const auto n = static_cast<std::size_t>(routing.cell_count());
  std::vector<double> sum(n, 0.0);
  std::vector<std::int32_t> count(n, 0);
  const auto value = [&](terrain::CellIndex c) {
    const float h = hazard_per_s[from.index(c)];
    return std::isnan(h) ? 0.0 : static_cast<double>(h);
  };
  for (int r = 0; r < from.rows; ++r) {
    for (int c = 0; c < from.cols; ++c) {
      if (const auto coarse = routing.cell_of(from.cell_centre({c, r}))) {
        sum[routing.index(*coarse)] += value({c, r});
        ++count[routing.index(*coarse)];
      }
    }
  }
  std::vector<float> out(n, 0.0f);
  for (int r = 0; r < routing.rows; ++r) {
    for (int c = 0; c < routing.cols; ++c) {
      const std::size_t i = routing.index({c, r});
      if (count[i] > 0) {
        out[i] = static_cast<float>(sum[i] / count[i]);
      } else if (const auto f = from.cell_of(routing.cell_centre({c, r}))) {
        out[i] = static_cast<float>(value(*f));
      }
    }
  }
  return out;
}

}  // namespace bordersim::routes
