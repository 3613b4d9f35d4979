// summarize() and compare_to_baseline() on a batch small enough to count by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "../support/replication_rows.h"
#include "bordersim/results/summary.h"

using namespace bordersim;

namespace {

CrossingRecord crossing(std::uint16_t sector, Outcome outcome, bool detected) {
  CrossingRecord c;
  c.sector = sector;
  c.outcome = outcome;
  if (detected) c.first_detection_s = 100.0;
  if (outcome == Outcome::kIntercepted) c.interception_s = 400.0;
  return c;
}

// Totals derived from the rows, as the replication code is meant to tally them.
ReplicationRecord replication(std::uint32_t number, std::vector<CrossingRecord> rows,
                              std::uint64_t false_alarms, double busy_s) {
  ReplicationRecord r;
  r.replication = number;
  r.false_alarms = false_alarms;
  r.responder_busy_s = busy_s;
  testing::add_crossings(r, std::move(rows));
  return r;
}

VariantResult baseline() {
  VariantResult v;
  v.name = "baseline";
  v.sectors = {{.name = "S1", .jurisdiction = "kurdistan", .from_m = 0.0, .to_m = 180e3},
               {.name = "S2", .jurisdiction = "federal", .from_m = 180e3, .to_m = 610e3}};
  v.replications.push_back(replication(
      0,
      {crossing(0, Outcome::kIntercepted, true), crossing(1, Outcome::kUndetected, false),
       crossing(1, Outcome::kDetectedNotIntercepted, true), crossing(0, Outcome::kAborted, true)},
      2, 1000.0));
  v.replications.push_back(replication(
      1, {crossing(1, Outcome::kIntercepted, true), crossing(1, Outcome::kIntercepted, true)}, 5,
      3000.0));
  v.replications.push_back(replication(2, {}, 0, 0.0));
  return v;
}

// Same crossers (common random numbers), more of them detected and intercepted.
VariantResult more_towers() {
  VariantResult v = baseline();
  v.name = "more-towers";
  v.replications[0] =
      replication(0,
                  {crossing(0, Outcome::kIntercepted, true),
                   crossing(1, Outcome::kDetectedNotIntercepted, true),
                   crossing(1, Outcome::kIntercepted, true), crossing(0, Outcome::kAborted, true)},
                  2, 1500.0);
  return v;
}

const SummaryRow& find(const std::vector<SummaryRow>& rows, const std::string& metric) {
  for (const SummaryRow& r : rows) {
    if (r.metric == metric) return r;
  }
  FAIL("no summary row " << metric);
  throw std::logic_error("unreachable");
}

void check_row(const SummaryRow& row, const Interval& expected) {
  INFO(row.metric);
  CHECK(row.estimate == doctest::Approx(expected.estimate));
  CHECK(row.lower == doctest::Approx(expected.lower));
  CHECK(row.upper == doctest::Approx(expected.upper));
  CHECK(row.n == expected.n);
}

}  // namespace

TEST_CASE("summarize: pooled rates and per-replication means and per-sector lines") {
  const std::vector<SummaryRow> rows = summarize(baseline());
  // 6 crossings: 5 detected, 3 intercepted, 1 aborted, 2 escaped.
  check_row(rows.at(0), wilson_interval(5, 6));
  CHECK(rows.at(0).metric == "detection_rate");
  CHECK(rows.at(0).estimate == doctest::Approx(5.0 / 6.0));
  check_row(find(rows, "interception_rate"), wilson_interval(3, 6));
  check_row(find(rows, "abort_rate"), wilson_interval(1, 6));
  check_row(find(rows, "escape_rate"), wilson_interval(2, 6));

  // Crossings per replication 4, 2, 0: mean 2, s = 2, t(0.975, 2) in closed form.
  const SummaryRow& per_rep = find(rows, "crossings_per_replication");
  const double t2 = 0.95 / std::sqrt(2.0 * 0.975 * 0.025);
  CHECK(per_rep.estimate == doctest::Approx(2.0));
  CHECK(per_rep.lower == doctest::Approx(2.0 - t2 * 2.0 / std::sqrt(3.0)));
  CHECK(per_rep.upper == doctest::Approx(2.0 + t2 * 2.0 / std::sqrt(3.0)));
  CHECK(per_rep.n == 3);
  const std::vector<double> alarms = {2, 5, 0}, busy = {1000, 3000, 0};
  check_row(find(rows, "false_alarms_per_replication"), t_interval(alarms));
  check_row(find(rows, "responder_busy_s_per_replication"), t_interval(busy));

  // S1: 2 crossings (both in replication 0), both detected, 1 intercepted.
  const std::vector<double> s1 = {2, 0, 0}, s2 = {2, 2, 0};
  check_row(find(rows, "sector/S1/crossings"), t_interval(s1));
  check_row(find(rows, "sector/S1/detection_rate"), wilson_interval(2, 2));
  check_row(find(rows, "sector/S1/interception_rate"), wilson_interval(1, 2));
  // S2: 4 crossings, 3 detected, 2 intercepted.
  check_row(find(rows, "sector/S2/crossings"), t_interval(s2));
  check_row(find(rows, "sector/S2/detection_rate"), wilson_interval(3, 4));
  check_row(find(rows, "sector/S2/interception_rate"), wilson_interval(2, 4));
  check_row(find(rows, "sector/S1/abort_rate"), wilson_interval(1, 2));
  check_row(find(rows, "sector/S2/abort_rate"), wilson_interval(0, 4));
  // No responders on duty, no seams: NaN rows with n = 0 rather than missing rows.
  CHECK(find(rows, "responder_utilisation").n == 0);
  CHECK(std::isnan(find(rows, "seam_penalty").estimate));
  CHECK(find(rows, "near_seam/interception_rate").n == 0);
  check_row(find(rows, "away_from_seam/interception_rate"), wilson_interval(3, 6));
  CHECK(rows.size() == 14 + 4 + kSensorKinds.size() + 1 + 4 + 4 * 2);
  CHECK(rows.back().metric == "sector/S2/abort_rate");
}

TEST_CASE("summarize: no crossings gives NaN rates and stray sector indices stay visible") {
  VariantResult empty;
  empty.name = "empty";
  empty.sectors = {{.name = "S1", .jurisdiction = "federal", .from_m = 0.0, .to_m = 1.0}};
  empty.replications.push_back(replication(0, {}, 0, 0.0));
  const std::vector<SummaryRow> rows = summarize(empty);
  CHECK(std::isnan(find(rows, "detection_rate").estimate));
  CHECK(find(rows, "detection_rate").n == 0);
  CHECK(std::isnan(find(rows, "sector/S1/interception_rate").lower));
  CHECK(find(rows, "crossings_per_replication").estimate == 0.0);

  VariantResult stray = baseline();
  stray.replications[1].crossing_records[0].sector = 2;  // beyond the model's two sectors
  const std::vector<SectorTally> tallies = sector_tallies(stray);
  REQUIRE(tallies.size() == 3);
  CHECK(tallies[2].name == "#2");
  CHECK(tallies[2].crossings == 1);
  CHECK(tallies[1].crossings == 3);
  CHECK(tallies[0].jurisdiction == "kurdistan");
  CHECK(find(summarize(stray), "sector/#2/detection_rate").n == 1);
}

TEST_CASE("compare_to_baseline: paired by replication with empty replications skipped") {
  BatchResult batch;
  batch.seed = 1;
  batch.replications = 3;
  batch.variants = {baseline(), more_towers()};
  const std::vector<ComparisonRow> rows = compare_to_baseline(batch, 0);
  REQUIRE(rows.size() == 2);
  // Replication 0: detection 4/4 vs 3/4, interception 2/4 vs 1/4; replication 1: equal;
  // replication 2 has no crossings on either side and is skipped.
  const std::vector<double> detection_a = {1.0, 1.0}, detection_b = {0.75, 1.0};
  CHECK(rows[0].variant == "more-towers");
  CHECK(rows[0].baseline == "baseline");
  CHECK(rows[0].metric == "detection_rate");
  CHECK(rows[0].difference.estimate == doctest::Approx(0.125));
  CHECK(rows[0].difference.n == 2);
  CHECK(rows[0].difference.lower ==
        doctest::Approx(paired_difference(detection_a, detection_b).lower));
  const std::vector<double> interception_a = {0.5, 1.0}, interception_b = {0.25, 1.0};
  CHECK(rows[1].metric == "interception_rate");
  CHECK(rows[1].difference.estimate == doctest::Approx(0.125));
  CHECK(rows[1].difference.upper ==
        doctest::Approx(paired_difference(interception_a, interception_b).upper));

  // Another baseline: the rows are the other way round.
  const std::vector<ComparisonRow> reversed = compare_to_baseline(batch, 1);
  REQUIRE(reversed.size() == 2);
  CHECK(reversed[0].variant == "baseline");
  CHECK(reversed[0].difference.estimate == doctest::Approx(-0.125));

  CHECK_THROWS_AS(compare_to_baseline(batch, 2), std::out_of_range);
  batch.variants[1].replications[1].replication = 7;
  CHECK_THROWS_AS(compare_to_baseline(batch, 0), std::invalid_argument);
}

TEST_CASE("summarize: cargo value and responder utilisation per replication") {
  VariantResult v = baseline();
  // Replication 0: 8000 seized (intercepted), 2000 + 500 delivered (undetected, detected).
  v.replications[0].crossing_records[0].cargo_value_usd = 8000.0;
  v.replications[0].crossing_records[1].cargo_value_usd = 2000.0;
  v.replications[0].crossing_records[2].cargo_value_usd = 500.0;
  v.replications[0].crossing_records[3].cargo_value_usd = 9999.0;  // aborted: neither
  for (ReplicationRecord& r : v.replications) r.responder_available_s = 10000.0;
  v.replications[2].responder_available_s = 0.0;  // no teams: left out of utilisation
  const std::vector<SummaryRow> rows = summarize(v);
  const std::vector<double> seized = {8000, 0, 0}, delivered = {2500, 0, 0};
  check_row(find(rows, "value_seized_usd_per_replication"), t_interval(seized));
  check_row(find(rows, "value_delivered_usd_per_replication"), t_interval(delivered));
  const std::vector<double> utilisation = {0.1, 0.3};  // busy 1000 and 3000 of 10000
  check_row(find(rows, "responder_utilisation"), t_interval(utilisation));
}

TEST_CASE("summarize: the seam penalty is near minus elsewhere with a clustered interval") {
  VariantResult v = baseline();
  v.seam_band_km = 10.0;
  // Replication 0: S1 crossings 5 km from the seam (near), S2 crossings 50 km away.
  // Replication 1: both 9.999 km (near). Near: 1 of 2 + 2 of 2; elsewhere: 0 of 2.
  for (CrossingRecord& c : v.replications[0].crossing_records)
    c.seam_distance_m = c.sector == 0 ? 5e3 : 50e3;
  for (CrossingRecord& c : v.replications[1].crossing_records) c.seam_distance_m = 9999.0;
  const std::vector<SummaryRow> rows = summarize(v);
  check_row(find(rows, "near_seam/interception_rate"), wilson_interval(3, 4));
  check_row(find(rows, "away_from_seam/interception_rate"), wilson_interval(0, 2));
  const std::vector<ClusterCounts> counts = seam_counts(v);
  REQUIRE(counts.size() == 3);
  CHECK(counts[0].trials_a == 2);
  CHECK(counts[0].successes_a == 1);
  CHECK(counts[0].trials_b == 2);
  CHECK(counts[1].successes_a == 2);
  check_row(find(rows, "seam_penalty"), clustered_ratio_difference(counts));
  CHECK(find(rows, "seam_penalty").estimate == doctest::Approx(0.75));
  // A wider band moves the S2 crossings near too.
  v.seam_band_km = 50.0;
  CHECK(find(summarize(v), "near_seam/interception_rate").n == 6);
}

TEST_CASE("clustered_ratio_difference: equal cluster sizes give the paired t interval") {
  // 4 replications with 10 near and 20 elsewhere crossings each.
  const std::vector<ClusterCounts> clusters = {
      {3, 10, 10, 20}, {5, 10, 8, 20}, {2, 10, 12, 20}, {6, 10, 9, 20}};
  std::vector<double> near, away;
  for (const ClusterCounts& c : clusters) {
    near.push_back(static_cast<double>(c.successes_a) / 10.0);
    away.push_back(static_cast<double>(c.successes_b) / 20.0);
  }
  const Interval expected = paired_difference(near, away);
  const Interval got = clustered_ratio_difference(clusters);
  CHECK(got.estimate == doctest::Approx(expected.estimate));
  CHECK(got.lower == doctest::Approx(expected.lower));
  CHECK(got.upper == doctest::Approx(expected.upper));
  CHECK(got.n == 4);
  // Without trials on one side there is no estimate; one cluster has no interval.
  CHECK(std::isnan(clustered_ratio_difference(std::vector<ClusterCounts>{{1, 2, 0, 0}}).estimate));
  const Interval one = clustered_ratio_difference(std::vector<ClusterCounts>{{1, 2, 1, 4}});
  CHECK(one.estimate == doctest::Approx(0.25));
  CHECK(std::isnan(one.lower));
}

TEST_CASE("summarize: command chain delays, false-alarm dispatches and first detectors") {
  VariantResult v = baseline();
  // Replication 0: intercepted (camera, dispatched 50 s after detection), detected not
  // intercepted (ground sensor, no dispatch), aborted (camera). Replication 1: two
  // intercepted, both first seen by the tower crew, dispatched after 20 s and 80 s.
  auto& r0 = v.replications[0].crossing_records;
  r0[0].first_detector = Detector::kCamera;
  r0[0].first_dispatch_s = 150.0;
  r0[0].interception_s = 700.0;  // 600 s after detection
  r0[2].first_detector = Detector::kGroundSensor;
  r0[3].first_detector = Detector::kCamera;
  auto& r1 = v.replications[1].crossing_records;
  r1[0].first_detector = Detector::kTowerCrew;
  r1[0].first_dispatch_s = 120.0;
  r1[1].first_detector = Detector::kTowerCrew;
  r1[1].first_dispatch_s = 180.0;
  v.replications[0].false_alarm_dispatches = 3;
  v.replications[1].missed_arrivals = 2;
  r0[0].interceptor = Responder::kPatrol;
  r1[0].interceptor = Responder::kQuickReaction;
  r1[1].interceptor = Responder::kQuickReaction;

  const std::vector<SummaryRow> rows = summarize(v);
  check_row(find(rows, "false_alarm_dispatches_per_replication"),
            t_interval(std::vector<double>{3, 0, 0}));
  check_row(find(rows, "missed_arrivals_per_replication"),
            t_interval(std::vector<double>{0, 2, 0}));
  check_row(find(rows, "detection_to_dispatch_s"), t_interval(std::vector<double>{50, 20, 80}));
  check_row(find(rows, "detection_to_interception_s"),
            t_interval(std::vector<double>{600, 300, 300}));
  // 5 detected crossings, all attributed: camera 2, ground sensor 1, tower crew 2.
  check_row(find(rows, "first_detector/camera/share"), wilson_interval(2, 5));
  check_row(find(rows, "first_detector/tower_crew/share"), wilson_interval(2, 5));
  check_row(find(rows, "first_detector/ground_sensor/share"), wilson_interval(1, 5));
  check_row(find(rows, "first_detector/drone/share"), wilson_interval(0, 5));
  // 3 interceptions, 1 by a patrol's vehicle.
  check_row(find(rows, "interceptor/patrol/share"), wilson_interval(1, 3));

  // Without attributions (records from before the column): NaN shares with n = 0.
  const std::vector<SummaryRow> plain = summarize(baseline());
  CHECK(find(plain, "first_detector/camera/share").n == 0);
  CHECK(std::isnan(find(plain, "first_detector/camera/share").estimate));
  CHECK(find(plain, "detection_to_dispatch_s").n == 0);
}
