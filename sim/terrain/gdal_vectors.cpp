// Lines (borders, rivers) and points (towns) from vector files, reprojected onto the map
// plane (gdal_io.h).
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <numbers>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/terrain.h"
#include "gdal_access.h"
#include "gdal_crs.h"

namespace bordersim::terrain {
namespace {

using namespace gdal_access;

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

}  // namespace bordersim::terrain
