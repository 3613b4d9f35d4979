#include "bordersim/terrain/gdal_io.h"

#include <cpl_error.h>
#include <fmt/format.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/terrain/terrain.h"
#include "gdal_access.h"
#include "gdal_crs.h"

namespace bordersim::terrain {
namespace {

using namespace gdal_access;

// A lazily evaluated virtual dataset: the warp runs while the band is read, so the grid
// size can still be checked before any cell is computed. With `grid`, the output is
// exactly that grid; without, GDAL chooses extent and resolution.
DatasetPtr warped(GDALDataset& ds, const OGRSpatialReference& target,
                  const std::optional<GridGeometry>& grid, const Source& src) {
  const std::string wkt = to_wkt(target);
  std::vector<std::string> args = {"-of", "VRT",     "-t_srs",     wkt,   "-r", "bilinear",
                                   "-ot", "Float32", "-dstnodata", "nan", "-q"};
  if (grid) {
    const auto number = [](double v) { return fmt::format("{:.17g}", v); };
    const double east = grid->west + grid->cols * grid->cell_w;
    const double south = grid->north - grid->rows * grid->cell_h;
    for (std::string a :
         {std::string("-te"), number(grid->west), number(south), number(east), number(grid->north),
          std::string("-ts"), std::to_string(grid->cols), std::to_string(grid->rows)}) {
      args.push_back(std::move(a));
    }
  }
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  GDALWarpAppOptions* opts = GDALWarpAppOptionsNew(argv.data(), nullptr);
  GDALDatasetH in = GDALDataset::ToHandle(&ds);
  int usage_error = 0;
  DatasetPtr out(GDALDataset::FromHandle(GDALWarp("", nullptr, 1, &in, opts, &usage_error)));
  GDALWarpAppOptionsFree(opts);
  if (!out) src.fail("cannot reproject the raster" + QuietGdalErrors::last_message());
  return out;
}

}  // namespace

int utm_epsg_for(double lon, double lat) {
  const double wrapped = lon - 360.0 * std::floor((lon + 180.0) / 360.0);  // [-180, 180)
  int zone = static_cast<int>(std::floor((wrapped + 180.0) / 6.0)) + 1;
  zone = std::clamp(zone, 1, 60);
  if (lat >= 56.0 && lat < 64.0 && wrapped >= 3.0 && wrapped < 12.0) zone = 32;  // Norway
  if (lat >= 72.0 && lat < 84.0 && wrapped >= 0.0 && wrapped < 42.0) {           // Svalbard
    zone = wrapped < 9.0 ? 31 : wrapped < 21.0 ? 33 : wrapped < 33.0 ? 35 : 37;
  }
  return (lat >= 0.0 ? 32600 : 32700) + zone;
}

void check_metric_epsg(int epsg, const std::string& file, const std::string& pointer) {
  register_gdal();
  const QuietGdalErrors quiet;
  const Source src{file, pointer};
  OGRSpatialReference srs;
  if (srs.importFromEPSG(epsg) != OGRERR_NONE)
    src.fail(fmt::format("EPSG:{} is not a CRS GDAL knows", epsg));
  if (!is_metric_projected(srs))
    src.fail(fmt::format("EPSG:{} is not a projected CRS in metres", epsg));
}

ElevationGrid read_dem(const std::filesystem::path& file, const DemReadOptions& options) {
  const Source src{file.string(), options.pointer};
  QuietGdalErrors quiet;
  DatasetPtr ds = open_dataset(file, GDAL_OF_RASTER, src, "raster");
  if (options.band < 1 || options.band > ds->GetRasterCount()) {
    src.fail(
        fmt::format("band {} requested, the raster has {}", options.band, ds->GetRasterCount()));
  }
  const OGRSpatialReference* source_srs = ds->GetSpatialRef();
  if (source_srs == nullptr || source_srs->IsEmpty()) {
    src.fail("the raster has no coordinate reference system");
  }
  std::array<double, 6> gt{};
  if (ds->GetGeoTransform(gt.data()) != CE_None) src.fail("the raster has no georeferencing");

  OGRSpatialReference source = *source_srs;
  traditional_order(source);
  const auto centre = [&] {
    const double c = ds->GetRasterXSize() / 2.0;
    const double r = ds->GetRasterYSize() / 2.0;
    return MapPoint{gt[0] + c * gt[1] + r * gt[2], gt[3] + c * gt[4] + r * gt[5]};
  };
  const OGRSpatialReference target = choose_target(options.crs, source, centre, src);

  if (options.grid && options.crs.wkt.empty() && options.crs.epsg <= 0) {
    src.fail("a target grid needs its CRS (TargetCrs wkt or epsg)");
  }
  DatasetPtr reprojected;
  GDALDataset* use = ds.get();
  if (options.grid || !target.IsSame(&source)) {
    if (options.grid) check_grid_geometry(*options.grid, options.max_cells, src.file, src.pointer);
    reprojected = warped(*ds, target, options.grid, src);
    use = reprojected.get();
    if (use->GetGeoTransform(gt.data()) != CE_None)
      src.fail("reprojection lost the georeferencing");
  }
  if (gt[2] != 0.0 || gt[4] != 0.0 || !(gt[1] > 0.0) || !(gt[5] < 0.0)) {
    src.fail("only north-up rasters are supported (the geotransform is rotated or flipped)");
  }

  // A requested grid is kept as given: rebuilding it from GDAL's geotransform could round.
  const GridGeometry geo = options.grid.value_or(
      GridGeometry{use->GetRasterXSize(), use->GetRasterYSize(), gt[0], gt[3], gt[1], -gt[5]});
  ElevationGrid grid(geo, to_wkt(target), options.max_cells, src.file, src.pointer);

  GDALRasterBand* band = use->GetRasterBand(options.band);
  if (band->RasterIO(GF_Read, 0, 0, geo.cols, geo.rows, grid.values().data(), geo.cols, geo.rows,
                     GDT_Float32, 0, 0, nullptr) != CE_None) {
    src.fail("cannot read the elevations" + QuietGdalErrors::last_message());
  }
  int has_nodata = 0;
  const double nodata = band->GetNoDataValue(&has_nodata);
  if (has_nodata != 0 && !std::isnan(nodata)) {
    const auto missing = static_cast<float>(nodata);
    for (float& v : grid.values()) {
      if (v == missing) v = std::numeric_limits<float>::quiet_NaN();
    }
  }
  return grid;
}

MapPoint lonlat_to_map(double lon_deg, double lat_deg, const std::string& crs_wkt,
                       const std::string& file, const std::string& pointer) {
  register_gdal();
  const QuietGdalErrors quiet;
  const Source src{file, pointer};
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  traditional_order(wgs84);
  OGRSpatialReference target;
  if (target.SetFromUserInput(crs_wkt.c_str()) != OGRERR_NONE) src.fail("unknown map CRS");
  traditional_order(target);
  std::unique_ptr<OGRCoordinateTransformation> ct(
      OGRCreateCoordinateTransformation(&wgs84, &target));
  MapPoint p{lon_deg, lat_deg};
  if (!ct || !ct->Transform(1, &p.x, &p.y))
    src.fail("cannot bring this lon/lat onto the map plane" + QuietGdalErrors::last_message());
  return p;
}

double length(const Polyline& line) {
  double sum = 0.0;
  for (std::size_t i = 1; i < line.points.size(); ++i) {
    sum += std::hypot(line.points[i].x - line.points[i - 1].x,
                      line.points[i].y - line.points[i - 1].y);
  }
  return sum;
}

}  // namespace bordersim::terrain
