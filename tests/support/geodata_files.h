#pragma once
// Geodata written by tests: a temporary directory of the test's own, GeoTIFFs of a given
// pattern, and the WKT of an EPSG code. Header-only; tests that use it link GDAL through
// bordersim_lib.
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bordersim::testing {

// A directory of its own per test (and process), removed at the end.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("bordersim_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string wkt_of_epsg(int epsg) {
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  char* raw = nullptr;
  srs.exportToWkt(&raw);
  std::string wkt = raw;
  CPLFree(raw);
  return wkt;
}

// Writes a one-band Byte GeoTIFF whose pixel (c, r) holds value(c, r); `gt` is GDAL's
// geotransform (west, pixel width, 0, north, 0, -pixel height).
inline void write_tiff(const std::filesystem::path& file, int epsg, std::array<double, 6> gt,
                       int cols, int rows, const std::function<int(int, int)>& value,
                       std::optional<double> nodata = {}) {
  GDALAllRegister();
  GDALDriver* tiff = GetGDALDriverManager()->GetDriverByName("GTiff");
  REQUIRE(tiff != nullptr);
  GDALDataset* ds = tiff->Create(file.c_str(), cols, rows, 1, GDT_Byte, nullptr);
  REQUIRE(ds != nullptr);
  ds->SetGeoTransform(gt.data());
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  ds->SetSpatialRef(&srs);
  std::vector<std::uint8_t> px(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      px[static_cast<std::size_t>(r * cols + c)] = static_cast<std::uint8_t>(value(c, r));
    }
  }
  if (nodata) ds->GetRasterBand(1)->SetNoDataValue(*nodata);
  CHECK(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, cols, rows, px.data(), cols, rows, GDT_Byte,
                                       0, 0, nullptr) == CE_None);
  GDALClose(GDALDataset::ToHandle(ds));
}

}  // namespace bordersim::testing
