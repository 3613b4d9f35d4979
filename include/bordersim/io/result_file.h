#pragma once
// The HDF5 result file of a batch (layout below; README.md, "Reading the results", for users):
// written atomically, read back by `compare`, `report`, `merge`, tests and Python (h5py, pandas).
//
//   /                      attributes filetype = "bordersim-result", format_version = 1,
//                          bordersim_version, git_commit, scenario (resolved JSON), seed,
//                          replications, first_replication, replications_held,
//                          stop_reason ("replications" or "halfwidth"),
//                          created (ISO-8601 UTC)
//   /variants              attribute order: the variant names in batch order
//   /variants/NAME/replications  one row per replication (ReplicationRecord's counts)
//   /variants/NAME/crossings     one row per crossing; kind, sector_name, outcome are
//                                fixed-length strings; missing times are NaN
//   /variants/NAME/sectors       per sector: name, jurisdiction, from_m, to_m and raw
//                                counts (crossings, detected, intercepted)
//   /variants/NAME/summary       summarize()'s rows; attribute confidence
//   /variants/NAME/layout        the map: border, sectors, sensors, bases, coarse ground
//                                (sim/io/layout_io.h has its members)
//   /variants/NAME/rasters/{crossings,detections,interceptions}  uint32 counts on the
//                                layout's grid (io/result_rasters.h), computed on writing
//   /variants/NAME/trace         only with `run --trace N` (io/trace_file.h): one row per
//                                event of the stories of replications 0 .. N-1's crossings;
//                                attribute replications = N
//   /design                      a sweep's design matrix (absent otherwise): one row per
//                                point, `variant` then a float64 column per factor named
//                                by its JSON pointer; attributes design, factors (JSON)
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bordersim/results/summary.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/layout.h"
#include "bordersim/run/record.h"

namespace bordersim {

inline constexpr const char* kResultFileType = "bordersim-result";
inline constexpr std::uint64_t kResultFormatVersion = 1;

// Writes `batch` to `path` through a temporary file in the same directory
// (path + ".tmp.<pid>") renamed into place, so `path` is either the old file or the
// complete new one. Throws std::runtime_error naming the path and the problem; the
// temporary file is removed on failure.
void write_result_file(const std::string& path, const BatchResult& batch,
                       const std::string& resolved_scenario_json);

struct ResultVariant {
  std::string name;
  std::vector<ReplicationRecord> replications;  // crossing_records left empty: see crossings
  std::vector<CrossingRecord> crossings;
  std::vector<SectorTally> sectors;
  std::vector<SummaryRow> summary;
  Layout layout;  // empty in files written before layouts were
  // Names of the weather states whose time the replications table holds (weather_NAME_s
  // columns, in order); empty without weather.states.
  std::vector<std::string> weather_states;
};

struct ResultFile {
  std::string filetype;
  std::uint64_t format_version = 0;
  std::string bordersim_version;
  std::string git_commit;  // of the build that wrote it; "unknown" outside git, "" in older files
  std::string scenario;    // the resolved scenario JSON text
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;       // the batch's count (batch.replications)
  std::uint64_t first_replication = 0;  // the rows hold first_replication, ... (a shard's part)
  std::string stop_reason = kStopReplications;
  std::string created;
  std::vector<ResultVariant> variants;  // in batch order
  std::optional<DesignTable> design;    // a sweep's /design table
};

// A file that cannot be read as a result file: what() is "cannot read result file 'PATH':
// PROBLEM"; path() and problem() give the parts (the CLI's "FILE: /: PROBLEM", exit 2).
class ResultFileError : public std::runtime_error {
 public:
  ResultFileError(std::string path, std::string problem)
      : std::runtime_error("cannot read result file '" + path + "': " + problem),
        path_(std::move(path)),
        problem_(std::move(problem)) {}
  const std::string& path() const { return path_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string path_;
  std::string problem_;
};

// Throws ResultFileError naming the path when the file is missing, not a bordersim
// result file, of a newer format, or damaged.
ResultFile read_result_file(const std::string& path);

// The batch a file holds, so that summarize(), compare_to_baseline() and print_results()
// run on it: crossing records go back into their replications, and each model carries
// only its sectors (names, jurisdictions, extents).
BatchResult to_batch_result(const ResultFile& file);

}  // namespace bordersim
