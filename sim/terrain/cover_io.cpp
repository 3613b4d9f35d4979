#include "bordersim/terrain/cover_io.h"

#include <cpl_error.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gdal.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "bordersim/core/error.h"
#include "bordersim/terrain/gdal_io.h"
#include "gdal_access.h"
#include "gdal_crs.h"

namespace bordersim::terrain {
namespace {

using namespace gdal_access;

// The grid's CRS, or empty when it has none. Axis order: x = east, whatever the authority.
std::optional<OGRSpatialReference> grid_srs(const std::string& wkt, const Source& src) {
  if (wkt.empty()) return std::nullopt;
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(wkt.c_str()) != OGRERR_NONE) {
    src.fail("the grid's CRS is not one GDAL understands");
  }
  traditional_order(srs);
  return srs;
}

// An in-memory raster on the grid, one band of `type`, every cell `fill`.
DatasetPtr memory_raster(const GridGeometry& g, const std::optional<OGRSpatialReference>& srs,
                         GDALDataType type, double fill, const Source& src) {
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  if (mem == nullptr) src.fail("GDAL has no MEM driver");
  DatasetPtr ds(mem->Create("", g.cols, g.rows, 1, type, nullptr));
  if (!ds) src.fail("cannot allocate the grid" + QuietGdalErrors::last_message());
  std::array<double, 6> gt = {g.west, g.cell_w, 0.0, g.north, 0.0, -g.cell_h};
  ds->SetGeoTransform(gt.data());
  if (srs) ds->SetSpatialRef(&*srs);
  ds->GetRasterBand(1)->Fill(fill);
  return ds;
}

constexpr std::int32_t kNoValue = std::numeric_limits<std::int32_t>::min();

}  // namespace

CoverGrid read_cover_raster(const std::filesystem::path& file, const GridGeometry& geometry,
                            const std::string& crs_wkt, const CoverRasterOptions& options) {
  const Source src{file.string(), options.pointer};
  check_grid_geometry(geometry, kDefaultMaxCells, src.file, src.pointer);
  std::map<std::int64_t, LandCover> classes;
  for (const auto& [value, cover] : options.classes) {
    if (!classes.emplace(value, cover).second) {
      src.fail(fmt::format("raster value {} is mapped to a class twice", value));
    }
  }

  QuietGdalErrors quiet;
  DatasetPtr in = open_dataset(file, GDAL_OF_RASTER, src, "raster");
  if (options.band < 1 || options.band > in->GetRasterCount()) {
    src.fail(
        fmt::format("band {} requested, the raster has {}", options.band, in->GetRasterCount()));
  }
  std::array<double, 6> gt{};
  if (in->GetGeoTransform(gt.data()) != CE_None) src.fail("the raster has no georeferencing");
  const std::optional<OGRSpatialReference> target = grid_srs(crs_wkt, src);
  const OGRSpatialReference* in_srs = in->GetSpatialRef();
  const bool both_crs = target && in_srs != nullptr && !in_srs->IsEmpty();

  // Warp onto the grid (without a CRS on the grid when either side lacks one, so that GDAL
  // does not reproject). The band is pre-filled with kNoValue: cells the raster does not
  // cover, or covers with NoData, are left so. "-et 0": exact transforms, so that each cell
  // takes the pixel under its own centre, not under an interpolated approximation of it.
  DatasetPtr out =
      memory_raster(geometry, both_crs ? target : std::nullopt, GDT_Int32, kNoValue, src);
  out->GetRasterBand(1)->SetNoDataValue(kNoValue);
  // gdalwarp 3.6 warps all bands into as many: pick the band into a one-band VRT first.
  DatasetPtr one_band;
  GDALDatasetH in_h = GDALDataset::ToHandle(in.get());
  if (in->GetRasterCount() > 1) {
    const std::string band = std::to_string(options.band);
    std::array<const char*, 6> targv = {"-of", "VRT", "-b", band.c_str(), "-q", nullptr};
    GDALTranslateOptions* topts =
        GDALTranslateOptionsNew(const_cast<char**>(targv.data()), nullptr);
    int usage = 0;
    one_band.reset(GDALDataset::FromHandle(GDALTranslate("", in_h, topts, &usage)));
    GDALTranslateOptionsFree(topts);
    if (!one_band) src.fail("cannot select the band" + QuietGdalErrors::last_message());
    in_h = GDALDataset::ToHandle(one_band.get());
  }
  std::array<const char*, 6> argv = {"-r", "near", "-et", "0", "-q", nullptr};
  GDALWarpAppOptions* opts = GDALWarpAppOptionsNew(const_cast<char**>(argv.data()), nullptr);
  int usage_error = 0;
  GDALDatasetH done =
      GDALWarp(nullptr, GDALDataset::ToHandle(out.get()), 1, &in_h, opts, &usage_error);
  GDALWarpAppOptionsFree(opts);
  if (done == nullptr)
    src.fail("cannot resample the raster onto the grid" + QuietGdalErrors::last_message());

  std::vector<std::int32_t> values(static_cast<std::size_t>(geometry.cell_count()));
  if (out->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, geometry.cols, geometry.rows, values.data(),
                                      geometry.cols, geometry.rows, GDT_Int32, 0, 0,
                                      nullptr) != CE_None) {
    src.fail("cannot read the resampled raster" + QuietGdalErrors::last_message());
  }

  CoverGrid grid(geometry, crs_wkt);
  std::span<LandCover> cells = grid.values();
  std::int64_t missing = 0;
  std::set<std::int64_t> unknown;
  // Cover rasters hold long runs of one value: remember the last lookup.
  std::int64_t last_value = std::numeric_limits<std::int64_t>::min();
  std::optional<LandCover> last_cover;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::int32_t v = values[i];
    if (v == kNoValue) {
      ++missing;
      if (options.nodata) cells[i] = *options.nodata;
      continue;
    }
    if (v != last_value) {
      last_value = v;
      const auto it = classes.find(v);
      last_cover = it != classes.end() ? std::optional(it->second) : options.unmapped;
      if (!last_cover && unknown.size() < 10) unknown.insert(v);
    }
    if (last_cover) cells[i] = *last_cover;
  }
  if (!unknown.empty()) {
    src.fail(fmt::format("raster values {} are mapped to no land-cover class",
                         fmt::join(unknown, ", ")));
  }
  if (missing > 0 && !options.nodata) {
    src.fail(
        fmt::format("{} of the grid's {} cells have no data in the raster (outside it or "
                    "NoData); give a class for them",
                    missing, geometry.cell_count()));
  }
  return grid;
}

void burn_cover_polygons(CoverGrid& grid, const std::filesystem::path& file,
                         const CoverPolygonOptions& options) {
  const Source src{file.string(), options.pointer};
  QuietGdalErrors quiet;
  DatasetPtr in = open_dataset(file, GDAL_OF_VECTOR, src, "vector file");
  std::optional<OGRSpatialReference> target = grid_srs(grid.crs_wkt(), src);

  // Copy the polygons, reprojected, into a memory layer with the class as an integer
  // field: GDALRasterizeLayers burns numeric attributes, in feature order.
  GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
  if (memory == nullptr) src.fail("GDAL has no Memory vector driver");
  DatasetPtr shapes(memory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer =
      shapes ? shapes->CreateLayer("cover", target ? &*target : nullptr, wkbUnknown, nullptr)
             : nullptr;
  if (layer == nullptr) src.fail("cannot create a memory layer" + QuietGdalErrors::last_message());
  OGRFieldDefn field("cover_class", OFTInteger);
  layer->CreateField(&field);

  for (OGRLayer* source_layer : in->GetLayers()) {
    std::unique_ptr<OGRCoordinateTransformation> ct;
    if (target) {
      const OGRSpatialReference from = layer_srs(*source_layer);
      if (!from.IsSame(&*target)) {
        ct.reset(OGRCreateCoordinateTransformation(&from, &*target));
        if (!ct)
          src.fail("cannot reproject the polygons onto the grid" + QuietGdalErrors::last_message());
      }
    }
    const int property = source_layer->GetLayerDefn()->GetFieldIndex(options.property.c_str());
    source_layer->ResetReading();
    std::int64_t index = -1;
    for (const auto& feature : *source_layer) {
      ++index;
      const OGRGeometry* g = feature->GetGeometryRef();
      if (g == nullptr) continue;
      const OGRwkbGeometryType kind = wkbFlatten(g->getGeometryType());
      if (kind != wkbPolygon && kind != wkbMultiPolygon) continue;
      if (property < 0 || !feature->IsFieldSetAndNotNull(property)) {
        src.fail(fmt::format("feature {} has no \"{}\" property", index, options.property));
      }
      const std::string name = feature->GetFieldAsString(property);
      const std::optional<LandCover> cover = parse_land_cover(name);
      if (!cover) {
        src.fail(fmt::format("feature {}: \"{}\" is \"{}\", not one of {}", index, options.property,
                             name, land_cover_names()));
      }
      std::unique_ptr<OGRGeometry> shape(g->clone());
      if (ct && shape->transform(ct.get()) != OGRERR_NONE) {
        src.fail(
            fmt::format("cannot reproject feature {}{}", index, QuietGdalErrors::last_message()));
      }
      OGRFeature copy(layer->GetLayerDefn());
      copy.SetField(0, static_cast<int>(*cover));
      copy.SetGeometryDirectly(shape.release());
      if (layer->CreateFeature(&copy) != OGRERR_NONE) {
        src.fail("cannot copy feature " + std::to_string(index) + QuietGdalErrors::last_message());
      }
    }
  }

  // Burn onto a byte raster where 255 means "no polygon here".
  constexpr double kUntouched = 255.0;
  DatasetPtr burnt = memory_raster(grid.geometry(), target, GDT_Byte, kUntouched, src);
  int band = 1;
  OGRLayerH layer_h = OGRLayer::ToHandle(layer);
  std::array<const char*, 3> burn_options = {
      "ATTRIBUTE=cover_class", options.all_touched ? "ALL_TOUCHED=TRUE" : nullptr, nullptr};
  if (GDALRasterizeLayers(GDALDataset::ToHandle(burnt.get()), 1, &band, 1, &layer_h, nullptr,
                          nullptr, nullptr, const_cast<char**>(burn_options.data()), nullptr,
                          nullptr) != CE_None) {
    src.fail("cannot rasterize the polygons" + QuietGdalErrors::last_message());
  }
  const GridGeometry& g = grid.geometry();
  std::vector<std::uint8_t> classes(static_cast<std::size_t>(grid.cell_count()));
  if (burnt->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, g.cols, g.rows, classes.data(), g.cols,
                                        g.rows, GDT_Byte, 0, 0, nullptr) != CE_None) {
    src.fail("cannot read the rasterized polygons" + QuietGdalErrors::last_message());
  }
  std::span<LandCover> cells = grid.values();
  for (std::size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] < kLandCoverCount) cells[i] = static_cast<LandCover>(classes[i]);
  }
}

}  // namespace bordersim::terrain
