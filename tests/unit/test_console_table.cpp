// The console table shows the numbers a planner needs, computed by hand for a small batch.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "../support/replication_rows.h"
#include "bordersim/io/console_table.h"

using namespace bordersim;

namespace {

CrossingRecord crossing(std::uint16_t sector, Outcome outcome, bool detected,
                        double cargo_usd = 0.0) {
  CrossingRecord c;
  c.sector = sector;
  c.outcome = outcome;
  if (detected) c.first_detection_s = 100.0;
  if (outcome == Outcome::kIntercepted) c.interception_s = 400.0;
  c.cargo_value_usd = cargo_usd;
  return c;
}

ReplicationRecord replication(std::uint32_t number, std::vector<CrossingRecord> rows) {
  ReplicationRecord r;
  r.replication = number;
  r.false_alarms = 2 * number;
  testing::add_crossings(r, std::move(rows));
  return r;
}

// 6 crossings over 3 replications: 5 detected, 3 intercepted, 1 aborted, 2 escaped.
// S1 (kurdistan): 2 crossings, 2 detected, 1 intercepted; S2 (federal): 4, 3, 2.
BatchResult sample_batch() {
  VariantResult base;
  base.name = "baseline";
  base.sectors = {{.name = "S1", .jurisdiction = "kurdistan", .from_m = 0.0, .to_m = 180e3},
                  {.name = "S2", .jurisdiction = "federal", .from_m = 180e3, .to_m = 610e3}};
  base.replications.push_back(replication(0, {crossing(0, Outcome::kIntercepted, true, 8000.0),
                                              crossing(1, Outcome::kUndetected, false, 2000.0),
                                              crossing(1, Outcome::kDetectedNotIntercepted, true),
                                              crossing(0, Outcome::kAborted, true)}));
  base.replications.push_back(replication(
      1, {crossing(1, Outcome::kIntercepted, true), crossing(1, Outcome::kIntercepted, true)}));
  base.replications.push_back(replication(2, {}));

  VariantResult more = base;
  more.name = "more-towers";
  more.replications[0] = replication(
      0, {crossing(0, Outcome::kIntercepted, true),
          crossing(1, Outcome::kDetectedNotIntercepted, true),
          crossing(1, Outcome::kIntercepted, true), crossing(0, Outcome::kAborted, true)});
  BatchResult batch;
  batch.replications = 3;
  batch.variants = {base, more};
  return batch;
}

std::string line_with(const std::string& text, const std::string& start) {
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(start) != std::string::npos) return line;
  }
  return "";
}

}  // namespace

TEST_CASE("console table: rates and intervals and counts per variant and per sector") {
  std::ostringstream out;
  print_results(out, sample_batch());
  const std::string text = out.str();
  INFO(text);
  // Crossings per replication 4, 2, 0: mean 2, t interval 2 ± 4.303·2/√3.
  CHECK(text.find("Variant \"baseline\": 3 replications, 6 crossings (2.0 [-3.0, 7.0] per "
                  "replication)") != std::string::npos);
  // Wilson 95% for 5/6 is [43.6%, 97.0%], for 3/6 [18.8%, 81.2%].
  const std::string detected = line_with(text, "detected ");
  CHECK(detected.find("83.3%") != std::string::npos);
  CHECK(detected.find("[ 43.6%,  97.0%]") != std::string::npos);
  CHECK(detected.find("5 / 6") != std::string::npos);
  const std::string intercepted = line_with(text, "intercepted ");
  CHECK(intercepted.find("50.0%") != std::string::npos);
  CHECK(intercepted.find("[ 18.8%,  81.2%]") != std::string::npos);
  CHECK(intercepted.find("3 / 6") != std::string::npos);
  CHECK(line_with(text, "aborted ").find("1 / 6") != std::string::npos);
  CHECK(line_with(text, "escaped ").find("2 / 6") != std::string::npos);
  // False alarms 0, 2, 4 per replication.
  CHECK(line_with(text, "False alarms per replication").find("2.0 [") != std::string::npos);
  // Cargo: 8000 seized and 2000 delivered, over 3 replications: t intervals of 8000, 0, 0
  // (mean 2667, s = 4619, half-width 4.303·4619/√3 = 11474) and of 2000, 0, 0.
  const std::string cargo = line_with(text, "Cargo value per replication");
  CHECK(cargo.find("seized 2667 [-8807, 14140] USD") != std::string::npos);
  CHECK(cargo.find("delivered 667 [-2202, 3535] USD") != std::string::npos);
  // No responders on duty and no seams in this batch: neither line.
  CHECK(text.find("Responders:") == std::string::npos);
  CHECK(text.find("Seam penalty") == std::string::npos);

  // S1: 2/2 detected [34.2%, 100.0%], 1/2 intercepted [9.5%, 90.5%].
  const std::string s1 = line_with(text, "S1 ");
  CHECK(s1.find("kurdistan") != std::string::npos);
  CHECK(s1.find(" 2 ") != std::string::npos);
  CHECK(s1.find("100.0%  [ 34.2%, 100.0%]") != std::string::npos);
  CHECK(s1.find("50.0%  [  9.5%,  90.5%]") != std::string::npos);
  CHECK(s1.substr(s1.size() - 1) == "1");  // aborted
  // S2: 3/4 detected [30.1%, 95.4%], 2/4 intercepted [15.0%, 85.0%].
  const std::string s2 = line_with(text, "S2 ");
  CHECK(s2.find("federal") != std::string::npos);
  CHECK(s2.find("75.0%  [ 30.1%,  95.4%]") != std::string::npos);
  CHECK(s2.find("50.0%  [ 15.0%,  85.0%]") != std::string::npos);

  // Columns line up: every sector line has its first interval at the same column.
  CHECK(s1.find('[') == s2.find('['));

  // Paired differences: replication 0 gains 25 points, replication 1 none, replication 2 has
  // no crossings and is skipped: +12.5 points over 2 pairs.
  CHECK(text.find("Against \"baseline\"") != std::string::npos);
  const std::string detection = line_with(text, "more-towers  detection rate");
  CHECK(detection.find("+12.5") != std::string::npos);
  CHECK(detection.substr(detection.size() - 1) == "2");
}

TEST_CASE("console table: one variant has no comparison and the level follows the confidence") {
  BatchResult batch = sample_batch();
  batch.variants.resize(1);
  std::ostringstream out;
  print_results(out, batch, 0.90);
  const std::string text = out.str();
  INFO(text);
  CHECK(text.find("Against") == std::string::npos);
  CHECK(text.find("90% interval") != std::string::npos);
  // Wilson 90% for 5/6: [49.8%, 96.2%].
  CHECK(line_with(text, "detected ").find("[ 49.8%,  96.2%]") != std::string::npos);
}

TEST_CASE("console table: a variant without crossings prints n/a rather than NaN") {
  BatchResult batch;
  VariantResult empty;
  empty.name = "empty";
  empty.replications.push_back(replication(0, {}));
  batch.variants.push_back(empty);
  std::ostringstream out;
  print_results(out, batch);
  const std::string text = out.str();
  INFO(text);
  CHECK(text.find("nan") == std::string::npos);
  CHECK(line_with(text, "detected ").find("n/a") != std::string::npos);
  CHECK(line_with(text, "detected ").find("0 / 0") != std::string::npos);
}

TEST_CASE("console table: seam penalty and responder lines when the batch has them") {
  BatchResult batch = sample_batch();
  batch.variants.resize(1);
  VariantResult& v = batch.variants[0];
  v.seam_band_km = 10.0;
  for (ReplicationRecord& r : v.replications) {
    r.responder_available_s = 10000.0;
    r.responder_busy_s = 1000.0;
    r.responder_dispatches = 2;
    r.false_alarm_dispatches = 1;
    for (CrossingRecord& c : r.crossing_records) {
      c.seam_distance_m = c.sector == 0 ? 1000.0 : 90e3;
      if (!std::isnan(c.first_detection_s)) {
        c.first_detector = c.sector == 0 ? Detector::kGroundSensor : Detector::kCamera;
      }
    }
  }
  std::ostringstream out;
  print_results(out, batch);
  const std::string text = out.str();
  INFO(text);
  // Utilisation 10% in every replication: no spread, a zero-width interval.
  CHECK(line_with(text, "Responders:")
            .find("2.0 [2.0, 2.0] dispatches per replication, "
                  "utilisation 10.0% [ 10.0%,  10.0%]") != std::string::npos);
  // Near (S1): 1 of 2 intercepted; elsewhere (S2): 2 of 4.
  const std::string seam = line_with(text, "Seam penalty");
  CHECK(seam.find("within 10 km of a seam") != std::string::npos);
  CHECK(seam.find("(50.0% of 2 near, 50.0% of 4 elsewhere)") != std::string::npos);
  // One false-alarm dispatch in every replication; detected: 2 in S1, 3 in S2.
  CHECK(line_with(text, "Command chain:").find("1.0 [1.0, 1.0] dispatches to false alarms") !=
        std::string::npos);
  CHECK(line_with(text, "First detections by:") ==
        "  First detections by: camera 60.0%, ground sensor 40.0%");
}
