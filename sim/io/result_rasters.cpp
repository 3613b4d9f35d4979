#include "bordersim/io/result_rasters.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bordersim {
namespace {

void add(CountRaster& raster, const terrain::GridGeometry& grid, double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return;
  const auto cell = grid.cell_of({x, y});
  if (!cell) {
    ++raster.outside;
    return;
  }
  ++raster.counts[grid.index(*cell)];
}

}  // namespace

std::uint64_t CountRaster::total() const {
  return std::accumulate(counts.begin(), counts.end(), outside);
}

ResultRasters count_rasters(const terrain::GridGeometry& grid,
                            const std::vector<ReplicationRecord>& replications) {
  ResultRasters r;
  const auto cells = static_cast<std::size_t>(std::max<std::int64_t>(grid.cell_count(), 0));
  for (CountRaster* raster : {&r.crossings, &r.detections, &r.interceptions})
    raster->counts.assign(cells, 0);
  for (const ReplicationRecord& replication : replications) {
    for (const CrossingRecord& c : replication.crossing_records) {
      add(r.crossings, grid, c.border_x_m, c.border_y_m);
      add(r.detections, grid, c.detection_x_m, c.detection_y_m);
      add(r.interceptions, grid, c.interception_x_m, c.interception_y_m);
    }
  }
  return r;
}

}  // namespace bordersim
