#include "bordersim/io/trace_file.h"

#include <mutex>

#include "bordersim/io/result_file.h"
#include "hdf5_attribute.h"
#include "hdf5_handle.h"
#include "trace_table.h"

namespace bordersim {
namespace {

using hdf5::checked;
using hdf5::Handle;

Handle open_file(const std::string& path) {
  if (H5Fis_hdf5(path.c_str()) <= 0) throw std::runtime_error("not an HDF5 file");
  return checked(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "cannot open");
}

bool exists(hid_t parent, const std::string& link) {
  return H5Lexists(parent, link.c_str(), H5P_DEFAULT) > 0;
}

}  // namespace

std::optional<VariantTrace> read_trace(const std::string& path, const std::string& variant) {
  const std::lock_guard lock(hdf5::library_mutex());
  const hdf5::QuietErrors quiet;
  try {
    const Handle file = open_file(path);
    const std::string group_path = "/variants/" + variant;
    if (!exists(file.get(), "/variants") || !exists(file.get(), group_path) ||
        !exists(file.get(), group_path + "/trace"))
      return std::nullopt;
    const Handle group = checked(H5Gopen2(file.get(), group_path.c_str(), H5P_DEFAULT), H5Gclose,
                                 "cannot open " + group_path);
    VariantTrace trace;
    hdf5::Table table = hdf5::read_table(group.get(), "trace");
    table.label = group_path + "/trace";
    trace.rows = trace_table::to_rows(table);
    const Handle dataset =
        checked(H5Dopen2(group.get(), "trace", H5P_DEFAULT), H5Dclose, "cannot open trace");
    trace.replications = hdf5::read_uint_attribute(dataset.get(), "replications");
    return trace;
  } catch (const std::exception& e) {
    throw ResultFileError(path, e.what());
  }
}

bool has_trace(const std::string& path) {
  const std::lock_guard lock(hdf5::library_mutex());
  const hdf5::QuietErrors quiet;
  try {
    const Handle file = open_file(path);
    if (!exists(file.get(), "/variants")) return false;
    const Handle variants =
        checked(H5Gopen2(file.get(), "variants", H5P_DEFAULT), H5Gclose, "cannot open /variants");
    for (const std::string& name : hdf5::read_string_list_attribute(variants.get(), "order"))
      if (exists(variants.get(), name + "/trace")) return true;
    return false;
  } catch (const std::exception& e) {
    throw ResultFileError(path, e.what());
  }
}

}  // namespace bordersim
