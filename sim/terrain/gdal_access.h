#pragma once
// GDAL as bordersim opens files with it, shared by gdal_io.cpp (DEMs), gdal_vectors.cpp
// (lines, points) and cover_io.cpp (land cover): one process-wide registration with the
// network and side files shut off, errors silenced inside our calls and turned into
// InputErrors, and one gate (open_dataset) that every file passes. Private to sim/terrain.
#include <gdal_priv.h>

#include <filesystem>
#include <memory>
#include <string>

#include "bordersim/core/error.h"

namespace bordersim::terrain::gdal_access {

// GDAL's driver table and configuration are process-wide by design; registering them is
// the one global initialisation we accept. Everything else is per call.
// The options shut what a hostile file could reach through GDAL even if a driver outside
// the allow-list were opened: no HTTP or cloud reads by /vsicurl/ and friends, no .aux.xml
// side files read or written, no directory listing next to the file.
void register_gdal();

// GDAL reports problems through a thread-local handler stack and prints them to stderr by
// default. Inside our calls we silence it and turn the last message into an InputError.
class QuietGdalErrors {
 public:
  QuietGdalErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietGdalErrors() { CPLPopErrorHandler(); }
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
  static std::string last_message() {
    const char* msg = CPLGetLastErrorMsg();
    return (msg != nullptr && *msg != '\0') ? std::string(": ") + msg : std::string();
  }
};

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(GDALDataset::ToHandle(ds)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// The scenario key that named a file: errors name the file and that key.
struct Source {
  std::string file;
  std::string pointer;
  [[noreturn]] void fail(const std::string& problem) const {
    throw InputError(file, pointer, problem);
  }
};

// Opens a regular file on disk with one of gdal_io.h's kAllowedDrivers (vector files up to
// kMaxVectorFileBytes); `kind` is GDAL_OF_RASTER or GDAL_OF_VECTOR, `what` names it in errors.
DatasetPtr open_dataset(const std::filesystem::path& path, unsigned kind, const Source& src,
                        const char* what);

}  // namespace bordersim::terrain::gdal_access
