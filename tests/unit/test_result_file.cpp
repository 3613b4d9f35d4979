// The HDF5 result file: everything written comes back, NaN included; writes are atomic.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/record_equality.h"
#include "../support/replication_rows.h"
#include "bordersim/io/result_file.h"
#include "bordersim/io/result_rasters.h"
#include "bordersim/version.h"

using namespace bordersim;
namespace fs = std::filesystem;

namespace {

// A fresh directory per test case, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() / ("bordersim-result-test-" + std::to_string(::getpid()) +
                                        "-" + std::to_string(++counter));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(path)) names.push_back(e.path().filename());
    return names;
  }
};

CrossingRecord crossing(std::uint32_t crosser, std::uint16_t sector, Outcome outcome) {
  CrossingRecord c;
  c.crosser = crosser;
  c.kind = crosser % 2 == 0 ? CrosserKind::kInfiltrator : CrosserKind::kSmuggler;
  c.group_size = static_cast<std::uint16_t>(2 + crosser % 7);
  c.sector = sector;
  c.start_s = 60.5 * crosser;
  if (outcome != Outcome::kUndetected) {
    c.first_detection_s = c.start_s + 321.25;
    c.first_detector = crosser == 0 ? Detector::kGroundSensor : Detector::kCamera;
    c.first_report_s = c.first_detection_s + 30.0;
    if (outcome == Outcome::kIntercepted) c.first_dispatch_s = c.first_report_s + 0.5;
  }
  if (outcome == Outcome::kIntercepted) c.interception_s = c.start_s + 999.0;
  c.outcome = outcome;
  c.border_x_m = 1000.0 * crosser + 0.125;
  c.border_y_m = -3.5;
  c.cargo_value_usd = c.kind == CrosserKind::kSmuggler ? 8000.0 + crosser : 0.0;
  c.mover = crosser == 3 ? Mover::kVehicle : Mover::kFoot;
  c.cargo = c.kind == CrosserKind::kSmuggler
                ? (crosser == 1 ? CargoKind::kPeople : CargoKind::kWeapons)
                : CargoKind::kNone;
  c.organisation = c.kind == CrosserKind::kSmuggler ? static_cast<std::uint16_t>(crosser) : 0;
  if (crosser != 2) c.seam_distance_m = 2500.25 * crosser;  // crosser 2: NaN, no seam
  return c;
}

ReplicationRecord replication(std::uint32_t number, std::vector<CrossingRecord> rows) {
  ReplicationRecord r;
  r.replication = number;
  r.false_alarms = 3 + number;
  r.responder_busy_s = 1234.5 * (number + 1);
  r.events = 100000 + number;
  r.responder_dispatches = 7 + number;
  r.false_alarm_dispatches = 2 + number;
  r.missed_arrivals = 1 + 2 * number;
  r.responder_available_s = 86400.0 * 8;
  r.value_seized_usd = 1000.5 * number;
  r.value_delivered_usd = 333.25 + number;
  r.assessments_confirmed = 4 + number;
  r.assessments_dismissed = 5 + number;
  r.assessments_unsettled = 6 + number;
  r.retaskings = 1 + number;
  testing::add_crossings(r, std::move(rows));
  return r;
}

BatchResult sample_batch() {
  BatchResult batch;
  batch.seed = 0x8000000000000005ULL;  // needs all 64 bits
  batch.replications = 2;
  VariantResult base;
  base.name = "baseline";
  base.sectors = {{.name = "S1", .jurisdiction = "kurdistan", .from_m = 0.0, .to_m = 180e3},
                  {.name = "Euphrates valley – south",
                   .jurisdiction = "federal",
                   .from_m = 180e3,
                   .to_m = 610e3}};
  base.replications.push_back(
      replication(0, {crossing(0, 0, Outcome::kIntercepted), crossing(1, 1, Outcome::kUndetected),
                      crossing(2, 1, Outcome::kDetectedNotIntercepted)}));
  base.replications.push_back(replication(1, {crossing(3, 0, Outcome::kAborted)}));
  batch.variants.push_back(base);

  // A variant whose replications saw no crossers at all: 0-row crossings table.
  VariantResult quiet;
  quiet.name = "closed-seam";
  quiet.sectors = base.sectors;
  quiet.replications = {replication(0, {}), replication(1, {})};
  batch.variants.push_back(quiet);

  // A variant with no replications at all.
  VariantResult none;
  none.name = "a-empty";  // sorts before the others: the file must keep batch order
  batch.variants.push_back(none);
  return batch;
}

// Bit-exact: HDF5 stores doubles as they are, NaN included.
void check_same(const CrossingRecord& a, const CrossingRecord& b) {
  INFO("crossing " << b.crosser << " of replication " << b.replication);
  CHECK(testing::same(a, b));
}

void check_same(const ReplicationRecord& a, const ReplicationRecord& b) {
  INFO("replication " << b.replication);
  CHECK(testing::same_totals(a, b));
}

void check_same(const std::vector<SummaryRow>& a, const std::vector<SummaryRow>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(b[i].metric);
    CHECK(a[i].metric == b[i].metric);
    for (auto [x, y] : {std::pair{a[i].estimate, b[i].estimate},
                        {a[i].lower, b[i].lower},
                        {a[i].upper, b[i].upper}}) {
      CHECK(std::isnan(x) == std::isnan(y));
      if (!std::isnan(y)) CHECK(x == y);
    }
    CHECK(a[i].n == b[i].n);
  }
}

}  // namespace

TEST_CASE("result file: everything written is read back") {
  TempDir dir;
  const std::string path = (dir.path / "out.h5").string();
  const BatchResult batch = sample_batch();
  // Longer than HDF5's 64 KiB compact attribute limit, and not ASCII.
  const std::string scenario =
      "{\"name\": \"Tigris–Euphrates\", \"pad\": \"" + std::string(100000, 'x') + "\"}";
  write_result_file(path, batch, scenario);
  CHECK(dir.entries() == std::vector<std::string>{"out.h5"});  // no temporary left behind

  const ResultFile file = read_result_file(path);
  CHECK(file.filetype == "bordersim-result");
  CHECK(file.format_version == 1);
  CHECK(file.bordersim_version == kVersion);
  CHECK(file.scenario == scenario);
  CHECK(file.seed == batch.seed);
  CHECK(file.replications == 2);
  // ISO-8601 UTC, e.g. 2026-11-25T18:00:00Z
  REQUIRE(file.created.size() == 20);
  CHECK(file.created[4] == '-');
  CHECK(file.created[10] == 'T');
  CHECK(file.created.back() == 'Z');

  REQUIRE(file.variants.size() == 3);
  CHECK(file.variants[0].name == "baseline");
  CHECK(file.variants[1].name == "closed-seam");
  CHECK(file.variants[2].name == "a-empty");

  const ResultVariant& base = file.variants[0];
  REQUIRE(base.replications.size() == 2);
  for (std::size_t i = 0; i < 2; ++i)
    check_same(base.replications[i], batch.variants[0].replications[i]);
  REQUIRE(base.crossings.size() == 4);
  check_same(base.crossings[0], batch.variants[0].replications[0].crossing_records[0]);
  check_same(base.crossings[1], batch.variants[0].replications[0].crossing_records[1]);
  check_same(base.crossings[2], batch.variants[0].replications[0].crossing_records[2]);
  check_same(base.crossings[3], batch.variants[0].replications[1].crossing_records[0]);
  CHECK(std::isnan(base.crossings[1].first_detection_s));
  CHECK(std::isnan(base.crossings[2].interception_s));
  check_same(base.summary, summarize(batch.variants[0]));

  REQUIRE(base.sectors.size() == 2);
  CHECK(base.sectors[1].name == "Euphrates valley – south");
  CHECK(base.sectors[1].jurisdiction == "federal");
  CHECK(base.sectors[1].from_m == 180e3);
  CHECK(base.sectors[1].to_m == 610e3);
  CHECK(base.sectors[1].crossings == 2);
  CHECK(base.sectors[1].detected == 1);
  CHECK(base.sectors[0].intercepted == 1);
  CHECK(base.sectors[0].aborted == 1);
  CHECK(base.sectors[1].value_delivered_usd == 8001.0);
  CHECK(base.sectors[0].value_seized_usd == 0.0);  // the intercepted one carried nothing
  CHECK(base.crossings[3].mover == Mover::kVehicle);
  CHECK(base.crossings[1].cargo == CargoKind::kPeople);
  CHECK(base.crossings[3].organisation == 3);
  CHECK(std::isnan(base.crossings[2].seam_distance_m));

  const ResultVariant& quiet = file.variants[1];
  CHECK(quiet.replications.size() == 2);
  CHECK(quiet.crossings.empty());
  check_same(quiet.summary, summarize(batch.variants[1]));
  CHECK(std::isnan(quiet.summary[0].estimate));

  const ResultVariant& none = file.variants[2];
  CHECK(none.replications.empty());
  CHECK(none.crossings.empty());
  CHECK(none.sectors.empty());
  check_same(none.summary, summarize(batch.variants[2]));

  // Back to a batch: the statistics are the same as those of the batch written.
  const BatchResult again = to_batch_result(file);
  REQUIRE(again.variants.size() == 3);
  CHECK(again.seed == batch.seed);
  CHECK(again.variants[0].replications[0].crossing_records.size() == 3);
  CHECK(again.variants[0].sectors[0].jurisdiction == "kurdistan");
  for (std::size_t v = 0; v < 3; ++v) {
    check_same(summarize(again.variants[v]), summarize(batch.variants[v]));
  }
}

TEST_CASE("result file: large tables are chunked and still read back") {
  TempDir dir;
  const std::string path = (dir.path / "big.h5").string();
  BatchResult batch;
  batch.replications = 50;
  VariantResult v;
  v.name = "baseline";
  v.sectors = {{.name = "S1", .jurisdiction = "federal", .from_m = 0.0, .to_m = 1.0}};
  for (std::uint32_t r = 0; r < 50; ++r) {
    std::vector<CrossingRecord> rows;
    for (std::uint32_t i = 0; i < 200; ++i) {
      rows.push_back(crossing(i, 0, i % 3 == 0 ? Outcome::kUndetected : Outcome::kIntercepted));
    }
    v.replications.push_back(replication(r, std::move(rows)));
  }
  batch.variants.push_back(v);
  write_result_file(path, batch, "{}");
  const ResultFile file = read_result_file(path);
  REQUIRE(file.variants.at(0).crossings.size() == 10000);
  check_same(file.variants[0].crossings[9999], v.replications[49].crossing_records[199]);
  check_same(file.variants[0].crossings[4321], v.replications[21].crossing_records[121]);
}

TEST_CASE("result file: a failed write throws and leaves no temporary and keeps the old file") {
  TempDir dir;
  const std::string missing_dir = (dir.path / "no-such-dir" / "out.h5").string();
  try {
    write_result_file(missing_dir, sample_batch(), "{}");
    FAIL("writing into a missing directory should throw");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    CHECK(message.find(missing_dir) != std::string::npos);
    CHECK(message.find("does not exist") != std::string::npos);
  }
  CHECK(dir.entries().empty());

  // A failure half-way through (a variant name HDF5 cannot take) must not damage the file
  // already there.
  const std::string path = (dir.path / "out.h5").string();
  write_result_file(path, sample_batch(), "{\"first\": true}");
  BatchResult bad = sample_batch();
  bad.variants[1].name = "north/south";
  CHECK_THROWS_AS(write_result_file(path, bad, "{\"second\": true}"), std::runtime_error);
  CHECK(dir.entries() == std::vector<std::string>{"out.h5"});
  CHECK(read_result_file(path).scenario == "{\"first\": true}");

  // Writing again replaces it.
  write_result_file(path, sample_batch(), "{\"third\": true}");
  CHECK(read_result_file(path).scenario == "{\"third\": true}");
  CHECK(dir.entries() == std::vector<std::string>{"out.h5"});
}

TEST_CASE("result file: reading something else fails clearly") {
  TempDir dir;
  const std::string missing = (dir.path / "missing.h5").string();
  CHECK_THROWS_WITH_AS(read_result_file(missing), doctest::Contains("missing.h5': no such file"),
                       std::runtime_error);
  const std::string text = (dir.path / "text.h5").string();
  std::ofstream(text) << "not hdf5\n";
  CHECK_THROWS_WITH_AS(read_result_file(text), doctest::Contains("not an HDF5 file"),
                       std::runtime_error);
}

TEST_CASE("result file: the layout comes back exactly and the rasters count every crossing") {
  const TempDir dir;
  BatchResult batch = sample_batch();
  Layout& layout = batch.variants[0].layout;
  layout.crs = "LOCAL_CS[\"test plane\"]";
  layout.grid = {
      .cols = 3, .rows = 2, .west = -500.0, .north = 1000.0, .cell_w = 1000.0, .cell_h = 1000.0};
  layout.border.points = {{0.0, 0.0}, {1200.5, 3.25}, {2500.0, 0.0}};
  layout.sectors = {{"S1", "kurdistan", 0.0, 1000.0},
                    {"Euphrates valley – south", "federal", 1000.0, 2500.0}};
  layout.towers = {{.x_m = 100.0, .y_m = 50.0, .radius_m = 1500.0},
                   {.x_m = 2100.0, .y_m = 50.0, .radius_m = 1500.0}};
  layout.qrf_bases = {{.x_m = 1000.0, .y_m = 300.0, .count = 2}};
  layout.ground_sensors = {{.x_m = 5.0, .y_m = 6.0, .radius_m = 30.0}};
  layout.towns = {{.x_m = 1.0, .y_m = 2.0, .radius_m = 300.0, .name = "Rabia"}};
  layout.patrol_roads = {{{{0.0, 100.0}, {2500.0, 100.0}}}};
  layout.drone_orbits = {{{{0.0, 200.0}, {1000.0, 200.0}}},
                         {{{0.0, 300.0}, {1.0, 301.0}, {0.0, 300.0}}}};
  layout.land_cover = {0, 1, 2, 3, 6, 7};
  layout.elevation = {1.5f, std::nanf(""), 3.0f, 4.0f, 5.0f, 6.0f};
  // Crossings cross at x = 1000·crosser + 0.125, y = −3.5 (sample_batch): crosser 3 is east
  // of the grid. Places of a detection and an interception in the top-left cell.
  auto& first = batch.variants[0].replications[0].crossing_records[0];
  first.detection_x_m = -400.0;
  first.detection_y_m = 900.0;
  first.interception_x_m = 1999.0;
  first.interception_y_m = -999.0;

  const std::string path = (dir.path / "out.h5").string();
  write_result_file(path, batch, "{}");
  const ResultFile file = read_result_file(path);
  CHECK(file.git_commit == kGitCommit);
  CHECK(file.variants[0].layout == layout);
  CHECK(file.variants[0].layout.elevation.size() == 6);
  CHECK(file.variants[1].layout == Layout{});  // none carried: an empty one, written and read
  CHECK(file.variants[0].crossings[0].detection_x_m == -400.0);
  CHECK(file.variants[0].crossings[0].interception_y_m == -999.0);
  CHECK(std::isnan(file.variants[0].crossings[1].detection_x_m));
  // Read, then written again: the same layout (what `merge` relies on).
  const BatchResult again = to_batch_result(file);
  CHECK(again.variants[0].layout == layout);
  write_result_file((dir.path / "again.h5").string(), again, file.scenario);
  CHECK(read_result_file((dir.path / "again.h5").string()).variants[0].layout == layout);

  const ResultRasters rasters = count_rasters(layout.grid, batch.variants[0].replications);
  CHECK(rasters.crossings.counts == std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1});
  CHECK(rasters.crossings.outside == 1);
  CHECK(rasters.crossings.total() == 4);  // every crossing of the variant, on or off the grid
  CHECK(rasters.detections.counts == std::vector<std::uint32_t>{1, 0, 0, 0, 0, 0});
  CHECK(rasters.detections.total() == 1);  // places NaN in the others
  CHECK(rasters.interceptions.counts == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 1});
  // No grid: everything is outside, nothing is lost.
  CHECK(count_rasters({}, batch.variants[0].replications).crossings.total() == 4);
}
