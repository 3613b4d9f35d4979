#include "bordersim/io/result_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bordersim/io/remove_on_signal.h"
#include "bordersim/version.h"
#include "design_table_io.h"
#include "hdf5_attribute.h"
#include "hdf5_handle.h"
#include "hdf5_table.h"
#include "layout_io.h"
#include "result_tables.h"
#include "trace_table.h"

namespace bordersim {
namespace {

using hdf5::checked;
using hdf5::Handle;

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// A variant name becomes an HDF5 group name: '/' would nest groups, '.' is the group itself.
void check_variant_name(const std::string& name) {
  if (name.empty() || name == "." || name.find('/') != std::string::npos) {
    throw std::runtime_error("variant name '" + name + "' cannot name an HDF5 group");
  }
}

Handle create_group(hid_t parent, const std::string& name, hid_t gcpl = H5P_DEFAULT) {
  return checked(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT), H5Gclose,
                 "cannot create group " + name);
}

void write_variant(hid_t variants, const VariantResult& variant, std::size_t trace_replications) {
  check_variant_name(variant.name);
  const Handle group = create_group(variants, variant.name);
  const std::vector<SectorTally> sectors = sector_tallies(variant);
  auto write = [&](const char* name, hdf5::Table table) {
    table.label = "/variants/" + variant.name + "/" + name;
    hdf5::write_table(group.get(), name, table);
  };
  write("replications",
        result_tables::from_replications(variant.replications, variant.weather_states));
  write("crossings", result_tables::from_crossings(variant.replications, sectors));
  write("sectors", result_tables::from_sectors(sectors));
  // The statistics are a convenience for readers; the raw rows above are the record.
  constexpr double kConfidence = 0.95;
  write("summary", result_tables::from_summary(summarize(variant, kConfidence)));
  const Handle summary =
      checked(H5Dopen2(group.get(), "summary", H5P_DEFAULT), H5Dclose, "cannot open summary");
  hdf5::write_attribute(summary.get(), "confidence", kConfidence);
  // The map needs no rerun: the layout as carried, rasters counted from the crossings.
  layout_io::write_layout(group.get(), variant.layout, "/variants/" + variant.name);
  layout_io::write_rasters(group.get(), variant.layout, variant.replications);
  // `run --trace N`: the traced replications' stories (io/trace_file.h); none otherwise, so
  // an untraced file is what it was before traces existed.
  if (trace_replications > 0) {
    write("trace", trace_table::from_replications(variant.replications));
    const Handle trace =
        checked(H5Dopen2(group.get(), "trace", H5P_DEFAULT), H5Dclose, "cannot open trace");
    hdf5::write_attribute(trace.get(), "replications",
                          static_cast<std::uint64_t>(trace_replications));
  }
}

void write_contents(hid_t file, const BatchResult& batch, const std::string& scenario) {
  hdf5::write_attribute(file, "filetype", std::string(kResultFileType));
  hdf5::write_attribute(file, "format_version", kResultFormatVersion);
  hdf5::write_attribute(file, "bordersim_version", std::string(kVersion));
  hdf5::write_attribute(file, "git_commit", std::string(kGitCommit));
  hdf5::write_attribute(file, "scenario", scenario);
  hdf5::write_attribute(file, "seed", batch.seed);
  hdf5::write_attribute(file, "replications", static_cast<std::uint64_t>(batch.replications));
  // Which replications the file holds: all of them, a shard's part (merge checks these),
  // or fewer where the stopping rule ended the batch early (stop_reason says which).
  const std::uint64_t held =
      batch.variants.empty() ? 0 : batch.variants.front().replications.size();
  hdf5::write_attribute(file, "first_replication", static_cast<std::uint64_t>(batch.held.first));
  hdf5::write_attribute(file, "replications_held", held);
  hdf5::write_attribute(file, "stop_reason", batch.stop_reason);
  hdf5::write_attribute(file, "created", utc_now_iso8601());

  // Groups list their members alphabetically; tracking creation order lets h5py show them
  // in batch order too, and the `order` attribute says it explicitly.
  const Handle gcpl = checked(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, "group properties");
  hdf5::check(H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
              "group creation order");
  const Handle variants = create_group(file, "variants", gcpl.get());
  std::vector<std::string> order;
  for (const VariantResult& v : batch.variants) order.push_back(v.name);
  hdf5::write_attribute(variants.get(), "order", order);
  for (const VariantResult& v : batch.variants)
    write_variant(variants.get(), v, batch.trace_replications);
  if (batch.design) design_table_io::write_design(file, *batch.design);
}

// Creates, fills and closes `path`; every HDF5 object is closed when this returns or throws.
void write_file(const std::string& path, const BatchResult& batch, const std::string& scenario) {
  Handle file = checked(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose,
                        "cannot create " + path);
  write_contents(file.get(), batch, scenario);
  hdf5::check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "cannot flush " + path);
  hdf5::check(file.close(), "cannot close " + path);
}

// HDF5 leaves the bytes to the OS; without fsync a crash just after the rename could leave
// a complete-looking name on an incomplete file.
void sync_to_disk(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw std::runtime_error("cannot reopen " + path + ": " + std::strerror(errno));
  const int status = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (status != 0) throw std::runtime_error("cannot sync " + path + ": " + std::strerror(error));
}

ResultVariant read_variant(hid_t variants, const std::string& name) {
  const Handle group = checked(H5Gopen2(variants, name.c_str(), H5P_DEFAULT), H5Gclose,
                               "cannot open group /variants/" + name);
  auto read = [&](const char* table_name) {
    hdf5::Table table = hdf5::read_table(group.get(), table_name);
    table.label = "/variants/" + name + "/" + table_name;
    return table;
  };
  ResultVariant v;
  v.name = name;
  const hdf5::Table replications = read("replications");
  v.replications = result_tables::to_replications(replications);
  v.weather_states = result_tables::weather_states(replications);
  v.crossings = result_tables::to_crossings(read("crossings"));
  v.sectors = result_tables::to_sectors(read("sectors"));
  v.summary = result_tables::to_summary(read("summary"));
  v.layout = layout_io::read_layout(group.get(), "/variants/" + name);
  return v;
}

ResultFile read_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw std::runtime_error("no such file");
  if (H5Fis_hdf5(path.c_str()) <= 0) throw std::runtime_error("not an HDF5 file");
  const Handle file =
      checked(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "cannot open");
  ResultFile r;
  // A file without a `filetype` is some other program's HDF5 file: say so, not "missing".
  if (H5Aexists(file.get(), "filetype") <= 0 ||
      (r.filetype = hdf5::read_string_attribute(file.get(), "filetype")) != kResultFileType) {
    throw std::runtime_error("not a bordersim result file (no filetype \"" +
                             std::string(kResultFileType) + "\")");
  }
  r.format_version = hdf5::read_uint_attribute(file.get(), "format_version");
  if (r.format_version > kResultFormatVersion) {
    throw std::runtime_error("format_version " + std::to_string(r.format_version) +
                             " is newer than this bordersim reads (" +
                             std::to_string(kResultFormatVersion) + ")");
  }
  r.bordersim_version = hdf5::read_string_attribute(file.get(), "bordersim_version");
  if (H5Aexists(file.get(), "git_commit") > 0)
    r.git_commit = hdf5::read_string_attribute(file.get(), "git_commit");
  r.scenario = hdf5::read_string_attribute(file.get(), "scenario");
  r.seed = hdf5::read_uint_attribute(file.get(), "seed");
  r.replications = hdf5::read_uint_attribute(file.get(), "replications");
  r.created = hdf5::read_string_attribute(file.get(), "created");
  // Files written before shards existed hold every replication from 0.
  if (H5Aexists(file.get(), "first_replication") > 0) {
    r.first_replication = hdf5::read_uint_attribute(file.get(), "first_replication");
  }
  if (H5Aexists(file.get(), "stop_reason") > 0) {
    r.stop_reason = hdf5::read_string_attribute(file.get(), "stop_reason");
  }
  const Handle variants = checked(H5Gopen2(file.get(), "variants", H5P_DEFAULT), H5Gclose,
                                  "cannot open group /variants");
  for (const std::string& name : hdf5::read_string_list_attribute(variants.get(), "order")) {
    r.variants.push_back(read_variant(variants.get(), name));
  }
  r.design = design_table_io::read_design(file.get());
  return r;
}

}  // namespace

void write_result_file(const std::string& path, const BatchResult& batch,
                       const std::string& resolved_scenario_json) {
  const std::lock_guard lock(hdf5::library_mutex());
  const hdf5::QuietErrors quiet;
  // Same directory as the target, so that the rename stays on one filesystem and is atomic.
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  try {
    const std::filesystem::path directory = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!directory.empty() && !std::filesystem::is_directory(directory, ec)) {
      throw std::runtime_error("directory '" + directory.string() + "' does not exist");
    }
    const RemoveOnSignal remove_on_signal(temporary);  // a SIGINT or SIGTERM that ends us now
    write_file(temporary, batch, resolved_scenario_json);
    sync_to_disk(temporary);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
      throw std::runtime_error("cannot rename " + temporary + ": " + std::strerror(errno));
    }
  } catch (const std::exception& e) {
    std::remove(temporary.c_str());  // may not exist yet; nothing to report then
    throw std::runtime_error("cannot write result file '" + path + "': " + e.what());
  }
}

ResultFile read_result_file(const std::string& path) {
  const std::lock_guard lock(hdf5::library_mutex());
  const hdf5::QuietErrors quiet;
  try {
    return read_file(path);
  } catch (const std::exception& e) {
    throw ResultFileError(path, e.what());
  }
}

BatchResult to_batch_result(const ResultFile& file) {
  BatchResult batch;
  batch.seed = file.seed;
  batch.design = file.design;
  batch.replications = static_cast<std::size_t>(file.replications);
  batch.stop_reason = file.stop_reason;
  batch.held = {static_cast<std::size_t>(file.first_replication),
                file.variants.empty() ? 0 : file.variants.front().replications.size()};
  // The seam penalty's band is the one setting summaries need beyond the tables.
  double seam_band_km = SectorsSpec{}.seam_band_km;
  const auto scenario = nlohmann::json::parse(file.scenario, nullptr, false);
  const nlohmann::json::json_pointer band("/sectors/seam_band_km");
  if (scenario.is_object() && scenario.contains(band) && scenario[band].is_number()) {
    seam_band_km = scenario[band].get<double>();
  }
  for (const ResultVariant& rv : file.variants) {
    VariantResult v;
    v.name = rv.name;
    for (const SectorTally& s : rv.sectors) {
      v.sectors.push_back(SectorInfo{
          .name = s.name, .jurisdiction = s.jurisdiction, .from_m = s.from_m, .to_m = s.to_m});
    }
    v.seam_band_km = seam_band_km;
    v.weather_states = rv.weather_states;
    v.replications = rv.replications;
    v.layout = rv.layout;
    // Rows are written replication by replication; look each one's slot up by number,
    // since a merged file need not hold replications 0..n-1.
    std::vector<std::size_t> slots(rv.replications.size());
    for (std::size_t i = 0; i < slots.size(); ++i) slots[i] = i;
    std::sort(slots.begin(), slots.end(), [&](std::size_t a, std::size_t b) {
      return rv.replications[a].replication < rv.replications[b].replication;
    });
    for (const CrossingRecord& c : rv.crossings) {
      const auto it = std::lower_bound(slots.begin(), slots.end(), c.replication,
                                       [&](std::size_t slot, std::uint32_t number) {
                                         return rv.replications[slot].replication < number;
                                       });
      if (it == slots.end() || rv.replications[*it].replication != c.replication) {
        throw std::runtime_error("variant '" + rv.name + "': a crossing names replication " +
                                 std::to_string(c.replication) + ", which has no row");
      }
      v.replications[*it].crossing_records.push_back(c);
    }
    batch.variants.push_back(std::move(v));
  }
  return batch;
}

}  // namespace bordersim
