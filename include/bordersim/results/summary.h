#pragma once
// Headline statistics of a batch: per variant (rates, per-replication means, per sector)
// and between variants (paired differences against a baseline).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bordersim/run/batch.h"
#include "bordersim/stats/intervals.h"
#include "bordersim/stats/ratio_difference.h"

namespace bordersim {

struct SummaryRow {
  std::string metric;
  double estimate = 0.0;
  double lower = 0.0;
  double upper = 0.0;
  std::uint64_t n = 0;
};

// Raw counts of one sector over all replications. A crossing counts as detected when it
// has a first-detection time, whatever happened next (so intercepted and aborted-after-
// detection crossings are detected too).
struct SectorTally {
  std::string name;
  std::string jurisdiction;
  double from_m = 0.0;
  double to_m = 0.0;
  std::uint64_t crossings = 0;
  std::uint64_t detected = 0;
  std::uint64_t intercepted = 0;
  std::uint64_t aborted = 0;
  double value_seized_usd = 0.0;     // cargo of its intercepted crossings
  double value_delivered_usd = 0.0;  // of its crossings that reached their goal
};

// Crossings near a seam and elsewhere, per replication in replication order: near means
// seam_distance_m ≤ the model's sectors.seam_band_km (a crossing with no seam distance is
// elsewhere). a = near, b = elsewhere; successes are interceptions.
std::vector<ClusterCounts> seam_counts(const VariantResult& variant);

// One tally per sector of the model, in model order; crossings whose sector index lies
// beyond the model's sectors get extra tallies named "#<index>" rather than vanishing.
std::vector<SectorTally> sector_tallies(const VariantResult& variant);

// Rows, in this order:
//   detection_rate, interception_rate, abort_rate, escape_rate: Wilson intervals over all
//     crossings of all replications pooled (n = crossings);
//   crossings_per_replication, false_alarms_per_replication,
//     responder_busy_s_per_replication, responder_dispatches_per_replication,
//     value_seized_usd_per_replication, value_delivered_usd_per_replication: t intervals
//     over replications (n = replications);
//   responder_utilisation: busy / (teams × duration) per replication, t interval over the
//     replications with responders on duty (NaN, n = 0, without any);
//   near_seam/interception_rate, away_from_seam/interception_rate: Wilson, pooled;
//   seam_penalty: near minus away, clustered_ratio_difference over replications (n =
//     replications; NaN when either side has no crossings, as without seams);
//   false_alarm_dispatches_per_replication, missed_arrivals_per_replication: t intervals
//     over replications;
//   detection_to_dispatch_s, detection_to_interception_s: t intervals over the crossings
//     that have both times (n = those crossings; NaN, n = 0, without any);
//   first_detector/<name>/share for each of kSensorKinds (core/sensor_kinds.h), in that
//     order: the share of detected crossings whose first detection was by that kind of
//     sensor (Wilson, n = detected crossings with a known first detector);
//   interceptor/patrol/share: the share of interceptions made by patrols' vehicles rather
//     than quick-reaction teams (Wilson, n = intercepted crossings);
//   assessments_confirmed_per_replication, assessments_dismissed_per_replication,
//     assessments_unsettled_per_replication, retaskings_per_replication: t intervals over
//     replications (ReplicationRecord);
//   per sector, in model order: "sector/<name>/crossings" (mean crossings of that sector
//     per replication, t interval, n = replications), "sector/<name>/detection_rate",
//     "sector/<name>/interception_rate" and "sector/<name>/abort_rate" (Wilson, n = the
//     sector's crossings).
// Rates with no crossings are NaN with n = 0.
std::vector<SummaryRow> summarize(const VariantResult& variant, double confidence = 0.95);

struct ComparisonRow {
  std::string variant;
  std::string baseline;
  std::string metric;   // one of paired_metric_names()
  Interval difference;  // variant - baseline; n = replication pairs used
};

// Paired differences (variant − baseline) of per-replication detection and interception
// rates, for every variant but the baseline, in batch order. Variants run on common random
// numbers, so replication i of one variant is paired with replication i of the other.
// Throws std::out_of_range for a bad baseline_index and std::invalid_argument when the
// replication numbers at one index differ.
std::vector<ComparisonRow> compare_to_baseline(const BatchResult& batch, std::size_t baseline_index,
                                               double confidence = 0.95);

// The metrics compare_to_baseline can pair, in this order: detection_rate,
// interception_rate, abort_rate, escape_rate (per-replication proportions of crossings;
// replications without crossings on either side are skipped), then per-replication values
// named as in summarize(): crossings_per_replication, false_alarms_per_replication,
// responder_busy_s_per_replication, responder_dispatches_per_replication,
// value_seized_usd_per_replication, value_delivered_usd_per_replication,
// false_alarm_dispatches_per_replication, missed_arrivals_per_replication.
std::vector<std::string> paired_metric_names();
// Whether `metric` is one of the rates (differences of proportions) above.
bool is_paired_rate(std::string_view metric);

// The same for the named metrics, variant by variant and metric by metric in the order
// given; std::invalid_argument for a name not in paired_metric_names().
std::vector<ComparisonRow> compare_to_baseline(const BatchResult& batch, std::size_t baseline_index,
                                               std::span<const std::string> metrics,
                                               double confidence = 0.95);

}  // namespace bordersim
