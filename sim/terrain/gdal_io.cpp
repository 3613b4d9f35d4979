#include "bordersim/terrain/gdal_io.h"

#include <cpl_error.h>
#include <fmt/format.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <mutex>
#include <numbers>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/terrain/terrain.h"
#include "gdal_access.h"

namespace bordersim::terrain {
namespace {

using namespace gdal_access;

// Tools and files hand over lon/lat (x = east); keep that order whatever the CRS's
// authority says, so that (x, y) always means (east, north).
void traditional_order(OGRSpatialReference& srs) {
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}

bool is_metric_projected(const OGRSpatialReference& srs) {
  return srs.IsProjected() && std::abs(srs.GetLinearUnits() - 1.0) < 1e-12;
}

MapPoint to_lonlat(const OGRSpatialReference& from, MapPoint p, const Source& src) {
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  traditional_order(wgs84);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &wgs84));
  if (!ct || !ct->Transform(1, &p.x, &p.y)) {
    src.fail("cannot relate the file's CRS to WGS 84 lon/lat" + QuietGdalErrors::last_message());
  }
  return p;
}

// The CRS to load into (see TargetCrs). `centre` gives the data's centre in the source CRS
// and is only evaluated when the UTM zone has to be chosen.
OGRSpatialReference choose_target(const TargetCrs& want, const OGRSpatialReference& source,
                                  const std::function<MapPoint()>& centre, const Source& src) {
  OGRSpatialReference target;
  if (!want.wkt.empty()) {
    if (target.SetFromUserInput(want.wkt.c_str()) != OGRERR_NONE) {
      src.fail("the requested CRS is not one GDAL understands");
    }
  } else if (want.epsg > 0) {
    if (target.importFromEPSG(want.epsg) != OGRERR_NONE) {
      src.fail(fmt::format("EPSG:{} is not a CRS GDAL knows", want.epsg));
    }
  } else if (is_metric_projected(source)) {
    target = source;
  } else {
    const MapPoint ll = to_lonlat(source, centre(), src);
    if (!(std::abs(ll.y) <= 84.0)) {
      src.fail(
          fmt::format("centre latitude {:.3f} is outside UTM's range; give an EPSG code", ll.y));
    }
    target.importFromEPSG(utm_epsg_for(ll.x, ll.y));
  }
  if (!is_metric_projected(target)) {
    src.fail("the target CRS is not a projected CRS in metres");
  }
  traditional_order(target);
  return target;
}

std::string to_wkt(const OGRSpatialReference& srs) {
  char* raw = nullptr;
  const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
  srs.exportToWkt(&raw, options);
  std::string wkt = raw != nullptr ? raw : "";
  CPLFree(raw);
  return wkt;
}

int epsg_of(const OGRSpatialReference& srs) {
  const char* code = srs.GetAuthorityCode(nullptr);
  return code != nullptr ? std::atoi(code) : 0;
}

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

// RFC 7946: a GeoJSON layer without a CRS is WGS 84 lon/lat.
OGRSpatialReference layer_srs(OGRLayer& layer) {
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  const OGRSpatialReference* s = layer.GetSpatialRef();
  OGRSpatialReference srs = (s != nullptr && !s->IsEmpty()) ? *s : wgs84;
  traditional_order(srs);
  return srs;
}

// The CRS a vector file is loaded into; the automatic UTM zone comes from the first
// non-empty layer's extent.
OGRSpatialReference vector_target(GDALDataset& ds, const TargetCrs& crs, const Source& src) {
  if (ds.GetLayerCount() == 0) src.fail("the file has no layers");
  const auto centre = [&] {
    for (OGRLayer* layer : ds.GetLayers()) {
      OGREnvelope env;
      if (layer->GetExtent(&env, TRUE) == OGRERR_NONE) {
        return MapPoint{(env.MinX + env.MaxX) / 2.0, (env.MinY + env.MaxY) / 2.0};
      }
    }
    src.fail("the file has no geometry to place a UTM zone on");
  };
  return choose_target(crs, layer_srs(*ds.GetLayer(0)), centre, src);
}

std::unique_ptr<OGRCoordinateTransformation> layer_transform(OGRLayer& layer,
                                                             const OGRSpatialReference& target,
                                                             const Source& src) {
  const OGRSpatialReference source = layer_srs(layer);
  std::unique_ptr<OGRCoordinateTransformation> ct(
      OGRCreateCoordinateTransformation(&source, &target));
  if (!ct) src.fail("cannot reproject the layer" + QuietGdalErrors::last_message());
  return ct;
}

// The first non-empty string among `keys` (fields missing from the layer are skipped).
std::string string_property(const OGRFeature& feature, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const int i = feature.GetFieldIndex(key);
    if (i < 0 || !feature.IsFieldSetAndNotNull(i)) continue;
    std::string v = feature.GetFieldAsString(i);
    if (!v.empty()) return v;
  }
  return {};
}

// The first positive number among `keys`.
std::optional<double> number_property(const OGRFeature& feature,
                                      std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const int i = feature.GetFieldIndex(key);
    if (i < 0 || !feature.IsFieldSetAndNotNull(i)) continue;
    const OGRFieldType type = feature.GetFieldDefnRef(i)->GetType();
    if (type != OFTInteger && type != OFTInteger64 && type != OFTReal) continue;
    const double v = feature.GetFieldAsDouble(i);
    if (v > 0.0) return v;
  }
  return std::nullopt;
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

LineSet read_lines(const std::filesystem::path& file, const TargetCrs& crs,
                   const std::string& pointer) {
  const Source src{file.string(), pointer};
  QuietGdalErrors quiet;
  DatasetPtr ds = open_dataset(file, GDAL_OF_VECTOR, src, "vector file");
  const OGRSpatialReference target = vector_target(*ds, crs, src);

  LineSet out{{}, to_wkt(target), epsg_of(target)};
  for (OGRLayer* layer : ds->GetLayers()) {
    const auto ct = layer_transform(*layer, target, src);

    const auto add = [&](const OGRLineString& ls) {
      const int n = ls.getNumPoints();
      std::vector<double> xs(static_cast<std::size_t>(n));
      std::vector<double> ys(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) {
        xs[static_cast<std::size_t>(i)] = ls.getX(i);
        ys[static_cast<std::size_t>(i)] = ls.getY(i);
      }
      if (n > 0 && !ct->Transform(n, xs.data(), ys.data())) {
        src.fail("cannot reproject a line" + QuietGdalErrors::last_message());
      }
      Polyline line;
      line.points.reserve(xs.size());
      for (std::size_t i = 0; i < xs.size(); ++i) line.points.push_back({xs[i], ys[i]});
      out.lines.push_back(std::move(line));
    };

    layer->ResetReading();
    for (const auto& feature : *layer) {
      const OGRGeometry* g = feature->GetGeometryRef();
      if (g == nullptr) continue;
      switch (wkbFlatten(g->getGeometryType())) {
        case wkbLineString:
          add(*g->toLineString());
          break;
        case wkbMultiLineString:
          for (const OGRLineString* part : *g->toMultiLineString()) add(*part);
          break;
        default:
          break;  // points and polygons are other loaders' business
      }
    }
  }
  return out;
}

std::vector<Town> read_towns(const std::filesystem::path& file, const TargetCrs& crs,
                             const std::string& pointer, double people_per_km2) {
  const Source src{file.string(), pointer};
  QuietGdalErrors quiet;
  DatasetPtr ds = open_dataset(file, GDAL_OF_VECTOR, src, "vector file");
  const OGRSpatialReference target = vector_target(*ds, crs, src);

  std::vector<Town> towns;
  std::size_t position = 0;  // in the file, over every layer: names the unnamed
  for (OGRLayer* layer : ds->GetLayers()) {
    const auto ct = layer_transform(*layer, target, src);
    const auto add = [&](const OGRFeature& feature, const OGRPoint& point) {
      MapPoint p{point.getX(), point.getY()};
      if (!ct->Transform(1, &p.x, &p.y)) {
        src.fail("cannot reproject a point" + QuietGdalErrors::last_message());
      }
      std::string name = string_property(feature, {"NAME", "name", "NAME_EN"});
      if (name.empty()) name = fmt::format("town {}", position);
      towns.push_back(Town{std::move(name), p,
                           town_radius_m(number_property(feature, {"POP_MAX", "population", "pop"}),
                                         people_per_km2)});
    };
    layer->ResetReading();
    for (const auto& feature : *layer) {
      const OGRGeometry* g = feature->GetGeometryRef();
      if (g != nullptr && !g->IsEmpty()) {
        switch (wkbFlatten(g->getGeometryType())) {
          case wkbPoint:
            add(*feature, *g->toPoint());
            break;
          case wkbMultiPoint:
            for (const OGRPoint* part : *g->toMultiPoint()) add(*feature, *part);
            break;
          default:
            break;  // lines and polygons are other loaders' business
        }
      }
      ++position;
    }
  }
  return towns;
}

double town_radius_m(std::optional<double> population, double people_per_km2) {
  if (!population) return 1000.0;
  const double people_per_m2 = people_per_km2 / 1e6;
  return std::max(300.0, std::sqrt(*population / (std::numbers::pi * people_per_m2)));
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
