#include "gdal_access.h"

#include <fmt/format.h>

#include <mutex>
#include <string>
#include <system_error>

#include "bordersim/terrain/gdal_io.h"

namespace bordersim::terrain::gdal_access {

void register_gdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".bordersim-no-network");
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
    CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
    CPLSetConfigOption("GDAL_VRT_ENABLE_PYTHON", "NO");
    GDALAllRegister();
  });
}

DatasetPtr open_dataset(const std::filesystem::path& path, unsigned kind, const Source& src,
                        const char* what) {
  register_gdal();
  std::error_code ec;
  // A name GDAL would route to a virtual file system is refused whatever the disk holds.
  const std::string name = path.string();
  if (name.starts_with("/vsi") || name.find("://") != std::string::npos)
    src.fail("virtual file systems and URLs are not allowed; name a file on disk");
  if (!std::filesystem::exists(path, ec)) src.fail("file not found");
  if (!std::filesystem::is_regular_file(path, ec)) src.fail("not a regular file");
  if (kind == GDAL_OF_VECTOR && std::filesystem::file_size(path, ec) > kMaxVectorFileBytes)
    src.fail(
        fmt::format("larger than {} MiB, the limit of vector files", kMaxVectorFileBytes >> 20));
  DatasetPtr ds(GDALDataset::Open(name.c_str(), kind | GDAL_OF_READONLY, kAllowedDrivers));
  if (!ds)
    src.fail(fmt::format(
        "not a {} of an allowed format (GeoTIFF, SRTM .hgt, ESRI ASCII grid, GeoJSON){}", what,
        QuietGdalErrors::last_message()));
  return ds;
}

}  // namespace bordersim::terrain::gdal_access
