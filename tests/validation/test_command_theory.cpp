// The simulator's command chain (detection -> report -> dispatch -> interception, and a
// pool of teams) against the closed forms of c2/ (issue 4, item 7): the interception
// race with an exponential dispatch delay, Erlang B for "drop", M/M/c for "queue", EASI
// for ground-sensor lines with a normal response time.
//
// Each test pins the situation down so that the closed form's assumptions hold exactly:
// flat ground (crossers walk straight along the border's normal), an "instant" tower on
// each crossing point with a range so short (30 m) that a crosser walking 1.2 m/s is in
// sight for 50 s, less than the crew's 60 s re-sighting interval: so each crosser is
// detected once, at a known place (30 m before the border), and reported once (one race
// case sees it for 1000 s on purpose, and EASI uses ground sensors instead). The
// crossers are hand-made plans (start times Poisson from a keyed stream), so arrivals are
// exactly Poisson and nothing else of the threat model is involved. No false alarms.
// Tolerances are 99 % intervals: binomial where crossers are independent, Student t over
// replications where they share a pool of teams (consecutive reports are correlated).
#include <doctest/doctest.h>

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "../support/proportions.h"
#include "bordersim/core/time.h"
#include "bordersim/random/stream.h"
#include "bordersim/run/model.h"
#include "bordersim/run/replication.h"
#include "bordersim/scenario/load.h"
#include "bordersim/stats/intervals.h"
#include "theory/easi.h"
#include "theory/interception_race.h"
#include "theory/queueing.h"

using namespace bordersim;

namespace {

using bordersim::testing::kZ99;
constexpr double kWalkMps = 1.2;
constexpr double kApproachM = 1000.0;
constexpr double kTowerRangeM = 30.0;
constexpr double kLatencyS = 60.0;

// Flat ground 100 km long; instant towers on the border line every `tower_spacing_m` from
// `first_tower_m`, seeing 30 m; a QRF whose keys the caller gives (JSON members).
Model command_model(double first_tower_m, double tower_spacing_m, const std::string& qrf,
                    const std::string& response, double tower_range_m = kTowerRangeM) {
  const std::string text =
      R"({
    "terrain": {"flat": {"length_km": 100}},
    "sensors": {"towers": {"along_border": {"spacing_m": )" +
      std::to_string(tower_spacing_m) + R"(, "offset_m": )" + std::to_string(first_tower_m) + R"(},
                           "range_m": )" +
      std::to_string(tower_range_m) + R"(,
                           "detection_rate_per_s": "instant",
                           "false_alarms_per_day": 0}},
    "response": {"qrf": {)" +
      qrf + R"(}, "report_latency_s": 60, "track_hold_s": 1e7, )" + response + R"(}})";
  return build_model(load_scenario_text(text, "command_theory.json").base);
}

CrosserPlan walker(std::uint32_t id, double start_s, double border_s, double goal_m) {
  CrosserPlan plan;
  plan.id = id;
  plan.key = plan.id;  // its streams: hand-made plans keep id and key equal
  plan.start = seconds_to_time(start_s);
  plan.border_s = border_s;
  plan.speed_mps = kWalkMps;
  plan.approach_m = kApproachM;
  plan.goal_m = goal_m;
  return plan;  // group of 1, no reaction
}

// Poisson start times at `rate_per_s` over [0, horizon_s), all crossing at `border_s`;
// from the replication's own keyed stream, as arrivals are.
std::vector<CrosserPlan> poisson_walkers(double rate_per_s, double horizon_s, double border_s,
                                         double goal_m, std::uint64_t seed,
                                         std::uint32_t replication) {
  Stream stream({seed, replication, {EntityKind::kThreatSource, 0}, Purpose::kArrivals});
  boost::random::exponential_distribution<double> gap_s(rate_per_s);
  std::vector<CrosserPlan> plans;
  for (double t = gap_s(stream); t < horizon_s; t += gap_s(stream))
    plans.push_back(walker(static_cast<std::uint32_t>(plans.size()), t, border_s, goal_m));
  return plans;
}

// The detection is where the closed forms put it: entering the tower's 30 m, once.
void check_known_detection(const CrossingRecord& row, double tower_range_m = kTowerRangeM) {
  const double detected_s = row.start_s + (kApproachM - tower_range_m) / kWalkMps;
  REQUIRE(std::abs(row.first_detection_s - detected_s) < 0.002);  // millisecond ticks
  REQUIRE(std::abs(row.first_report_s - (detected_s + kLatencyS)) < 0.002);
}

// Crossers cross at towers 30.25 .. 69.75 km along the border, each 300 s after the last;
// 100 teams wait 3 km behind the border at 50 km, so one is always free. A team drives
// 10 m/s, faster than the crosser walks, so it can meet the crosser before its goal G
// exactly when it can be at G first: report + D + |base - G|/v < t_goal. So with
// T = t_goal - first report and R = |base - G|/v the crosser is intercepted iff D < T - R.
// `when_busy` and the towers' range vary what happens after a first dispatch that fails.
void check_race(double tower_range_m, const char* when_busy) {
  constexpr double kGoalM = 4000.0, kDriveMps = 10.0, kMeanDelayS = 1500.0;
  const Model model =
      command_model(250.0, 500.0,
                    R"("bases_km": [50], "setback_m": 3000, "teams_per_base": 100,
                                       "speed_mps": 10, "on_scene_s": 0)",
                    std::string(R"("dispatch_delay_s": 1500, "dispatch_delay": "exponential",
                                                   "when_busy": ")") +
                        when_busy + "\"",
                    tower_range_m);
  const MapPoint base = model.responder_homes.at(0);
  double predicted = 0.0, variance = 0.0;
  std::size_t intercepted = 0, crossers = 0;
  for (std::uint32_t replication = 0; replication < 8; ++replication) {
    Stream places({11, replication, {EntityKind::kThreatSource, 0}, Purpose::kAttributes});
    boost::random::uniform_int_distribution<int> tower(60, 139);  // 30.25 .. 69.75 km
    std::vector<CrosserPlan> plans;
    for (std::uint32_t i = 0; i < 500; ++i)
      plans.push_back(walker(i, 300.0 * i, 250.0 + 500.0 * tower(places), kGoalM));
    const ReplicationRecord record = simulate_replication(model, plans, 11, replication);
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const CrossingRecord& row = record.crossing_records[i];
      check_known_detection(row, tower_range_m);
      const MapPoint goal = behind_border(model.geography->border, plans[i].border_s, kGoalM);
      const double goal_s = row.start_s + (kApproachM + kGoalM) / kWalkMps;
      const double response_s = std::hypot(goal.x - base.x, goal.y - base.y) / kDriveMps;
      const double p = c2::interception_probability_fixed_goal(1.0 / kMeanDelayS, response_s,
                                                               goal_s - row.first_report_s);
      predicted += p;
      variance += p * (1.0 - p);
      ++crossers;
      if (row.outcome == Outcome::kIntercepted) {
        ++intercepted;
        CHECK(row.interception_s < goal_s);
      } else {
        CHECK(row.outcome == Outcome::kDetectedNotIntercepted);
      }
    }
  }
  const double half_width = kZ99 * std::sqrt(variance);
  const auto n = static_cast<double>(crossers);
  MESSAGE("intercepted " << intercepted << " of " << crossers << ", predicted " << predicted
                         << " +- " << half_width);
  CHECK(predicted / n > 0.5);  // the geometry spreads p: T - R from about 1300 s
  CHECK(predicted / n < 0.9);  // to 3300 s
  CHECK(std::abs(static_cast<double>(intercepted) - predicted) < half_width);
}

}  // namespace

TEST_CASE("interception race: exponential dispatch delay gives 1 - exp(-(T - R)/d) per crosser") {
  // One report per crosser; a crosser whose delay is too long waits in the queue (other
  // teams are busy) and is tried again as teams come back: its delay must not be redrawn.
  SUBCASE("reported once and queued") { check_race(kTowerRangeM, "queue"); }
  // In sight of its tower for 1000 s: reported every 60 s, each report tries again.
  SUBCASE("reported again and again") { check_race(600.0, "drop"); }
}

namespace {

// c teams at the crossing point itself, driving 1000 m/s: a job holds a team for its time
// on scene (mean 1800 s, fixed or exponential) plus drives under 0.1 s each way. Reports
// arrive as a Poisson stream (start times Poisson, each crosser reported once, 1 h 20 min
// before its goal); one that finds every team busy is dropped and never dispatched.
void check_erlang_b(const char* on_scene) {
  constexpr int kTeams = 3;
  constexpr double kServiceS = 1800.0, kLoadErlang = 2.0, kWarmUpS = 5 * kServiceS;
  const Model model =
      command_model(50000.0, 100000.0,
                    std::string(R"("bases_km": [50], "setback_m": 0, "teams_per_base": 3,
                                                   "speed_mps": 1000, "on_scene_s": 1800,
                                                   "on_scene": ")") +
                        on_scene + "\"",
                    R"("when_busy": "drop")");
  REQUIRE(model.responder_homes.size() == kTeams);
  const double rate_per_s = kLoadErlang / kServiceS;
  std::vector<double> blocked_share;
  for (std::uint32_t replication = 0; replication < 40; ++replication) {
    const auto plans = poisson_walkers(rate_per_s, 200 * 3600.0, 50000.0, 4000.0, 21, replication);
    const ReplicationRecord record = simulate_replication(model, plans, 21, replication);
    std::size_t blocked = 0, reports = 0;
    for (const CrossingRecord& row : record.crossing_records) {
      check_known_detection(row);
      if (row.first_report_s < kWarmUpS) continue;  // the pool starts empty
      ++reports;
      if (std::isnan(row.first_dispatch_s)) {
        ++blocked;
        CHECK(row.outcome == Outcome::kDetectedNotIntercepted);
      } else {
        CHECK(row.first_dispatch_s == row.first_report_s);  // no delay: sent at once
        CHECK(row.outcome == Outcome::kIntercepted);
      }
    }
    blocked_share.push_back(static_cast<double>(blocked) / static_cast<double>(reports));
  }
  const Interval observed = t_interval(blocked_share, 0.99);
  const double expected = c2::erlang_b(kLoadErlang, kTeams);
  MESSAGE("blocked " << observed.estimate << " [" << observed.lower << ", " << observed.upper
                     << "], Erlang B " << expected);
  CHECK(observed.lower < expected);
  CHECK(expected < observed.upper);
  CHECK(observed.upper - observed.lower < 0.02);  // tight enough to tell B(2, 3) from B(2, 2)
}

}  // namespace

TEST_CASE("drop: the share of reports that find every team busy is Erlang B") {
  // Erlang B depends on the job time only through its mean (M/G/c/c, Sevastyanov).
  SUBCASE("fixed time on scene") { check_erlang_b("fixed"); }
  SUBCASE("exponential time on scene") { check_erlang_b("exponential"); }
}

TEST_CASE("queue with exponential time on scene: the wait for a team is M/M/c") {
  // As above, with the time on scene exponential (mean 1800 s) and reports waiting, oldest
  // first, for a free team. Goals are 300 km away, so no waiting crosser gets away (a
  // finished crosser leaves the queue). The crosser walks on while it waits: the drives
  // there and back add 2.4 ms per second waited to the job, 0.1 % of a mean job.
  // Wait = first dispatch - first report; P(wait > 0) = Erlang C, E[wait] = C/(cμ − λ),
  // and a waiting report waits an exponential time: P(wait > t) = C·exp(−(cμ − λ)·t).
  constexpr int kTeams = 3;
  constexpr double kServiceS = 1800.0, kLoadErlang = 1.8, kWarmUpS = 10 * kServiceS;
  const Model model = command_model(50000.0, 100000.0,
                                    R"("bases_km": [50], "setback_m": 0, "teams_per_base": 3,
                                       "speed_mps": 1000, "on_scene_s": 1800,
                                       "on_scene": "exponential")",
                                    R"("when_busy": "queue")");
  const c2::ResponderPool pool{kLoadErlang / kServiceS, 1.0 / kServiceS, kTeams};
  const double tail_at_s = 1.0 / (kTeams / kServiceS - pool.arrival_rate_per_s);  // 1500 s
  std::vector<double> waited_share, tail_share, mean_wait_s;
  for (std::uint32_t replication = 0; replication < 240; ++replication) {
    const auto plans =
        poisson_walkers(pool.arrival_rate_per_s, 200 * 3600.0, 50000.0, 300000.0, 31, replication);
    const ReplicationRecord record = simulate_replication(model, plans, 31, replication);
    std::size_t waited = 0, waited_long = 0, reports = 0;
    double wait_sum_s = 0.0;
    for (const CrossingRecord& row : record.crossing_records) {
      check_known_detection(row);
      if (row.first_report_s < kWarmUpS) continue;
      REQUIRE(std::isfinite(row.first_dispatch_s));  // everyone is served in the end
      ++reports;
      const double wait_s = row.first_dispatch_s - row.first_report_s;
      wait_sum_s += wait_s;
      waited += wait_s > 0.0 ? 1 : 0;
      waited_long += wait_s > tail_at_s ? 1 : 0;
    }
    waited_share.push_back(static_cast<double>(waited) / static_cast<double>(reports));
    tail_share.push_back(static_cast<double>(waited_long) / static_cast<double>(reports));
    mean_wait_s.push_back(wait_sum_s / static_cast<double>(reports));
  }
  const Interval p_wait = t_interval(waited_share, 0.99);
  const Interval wait = t_interval(mean_wait_s, 0.99);
  const Interval tail = t_interval(tail_share, 0.99);
  const double tail_expected = c2::wait_exceeds(pool, tail_at_s);
  const double erlang_c = c2::probability_of_waiting(pool);
  const double wq_s = c2::mean_wait_in_queue_s(pool);
  MESSAGE("P(wait > 0) " << p_wait.estimate << " [" << p_wait.lower << ", " << p_wait.upper
                         << "], Erlang C " << erlang_c);
  MESSAGE("mean wait " << wait.estimate << " s [" << wait.lower << ", " << wait.upper << "], W_q "
                       << wq_s << " s");
  CHECK(p_wait.lower < erlang_c);
  CHECK(erlang_c < p_wait.upper);
  CHECK(wait.lower < wq_s);
  CHECK(wq_s < wait.upper);
  CHECK(wait.upper - wait.lower < 0.25 * wq_s);
  MESSAGE("P(wait > " << tail_at_s << " s) " << tail.estimate << " [" << tail.lower << ", "
                      << tail.upper << "], C·exp(−1) " << tail_expected);
  CHECK(tail.lower < tail_expected);
  CHECK(tail_expected < tail.upper);
}

TEST_CASE("EASI: layered ground sensors and a normal response time give P(interruption)") {
  // Three lines of ground sensors 0, 1000 and 2000 m behind the border (one sensor every
  // 500 m, 30 m discs, on the crossers' paths at 50 km), detecting with 0.5, 0.4, 0.6 as a
  // crosser enters the disc; reports take no time. The goal is 3000 m behind the border.
  // The first detection sends a team (1000 at a base 1500 m behind the border, driving
  // 1000 m/s, so one is always free and the drive to the goal takes 1.5 s); later
  // detections change nothing: the team is on its way, or the delay, one draw per
  // crosser, is already too long. The dispatch delay is normal, mean 1500 s, sd 400 s
  // (truncation at 0 is 3.75 sd away: P < 1e-4). As in the race above, the team interrupts
  // iff delay + drive to the goal < remaining time T_i: EASI with fixed layer delays
  // (walking times between detection points, detection at the beginning of each layer)
  // and R ~ N(1500 + 1.5, 400²).
  constexpr double kGoalM = 3000.0, kDelayS = 1500.0, kDelaySdS = 400.0;
  constexpr double kSetbacksM[] = {0.0, 1000.0, 2000.0};
  constexpr double kDetect[] = {0.5, 0.4, 0.6};
  const std::string line = R"("spacing_m": 500, "radius_m": 30, "report_latency_s": 0,
                               "false_alarms_per_day": 0, )";
  std::string lines;
  for (int i = 0; i < 3; ++i)
    lines += (i ? ", {" : "{") + line + R"("setback_m": )" + std::to_string(kSetbacksM[i]) +
             R"(, "detection_probability": )" + std::to_string(kDetect[i]) + "}";
  const Model model = build_model(load_scenario_text(R"({
    "terrain": {"flat": {"length_km": 100}},
    "sensors": {"ground_sensors": [)" + lines + R"(]},
    "response": {"qrf": {"bases_km": [50], "setback_m": 1500, "teams_per_base": 1000,
                         "speed_mps": 1000, "on_scene_s": 0},
                 "track_hold_s": 1e7, "dispatch_delay": "normal",
                 "dispatch_delay_s": 1500, "dispatch_delay_sd_s": 400}})",
                                                     "easi.json")
                                      .base);
  // EASI's layers: layer i runs from entering line i's disc to entering the next (the
  // goal after the last), walked at 1.2 m/s with no spread.
  std::vector<c2::EasiLayer> path;
  for (int i = 0; i < 3; ++i) {
    const double from_m = kSetbacksM[i] - kTowerRangeM;  // discs of 30 m, as the towers'
    const double to_m = i < 2 ? kSetbacksM[i + 1] - kTowerRangeM : kGoalM;
    path.push_back({kDetect[i], c2::DetectionPoint::kBeginning, (to_m - from_m) / kWalkMps, 0.0});
  }
  const MapPoint base = model.responder_homes.at(0);
  const MapPoint goal = behind_border(model.geography->border, 50000.0, kGoalM);
  const double drive_s = std::hypot(goal.x - base.x, goal.y - base.y) / 1000.0;
  const c2::EasiResponse response{kDelayS + drive_s, kDelaySdS, 1.0};
  const double expected = c2::easi_interruption_probability(path, response);

  std::size_t interrupted = 0, undetected = 0, crossers = 0;
  for (std::uint32_t replication = 0; replication < 10; ++replication) {
    std::vector<CrosserPlan> plans;
    for (std::uint32_t i = 0; i < 1000; ++i) plans.push_back(walker(i, 600.0 * i, 50000.0, kGoalM));
    const ReplicationRecord record = simulate_replication(model, plans, 41, replication);
    for (const CrossingRecord& row : record.crossing_records) {
      ++crossers;
      interrupted += row.outcome == Outcome::kIntercepted ? 1 : 0;
      undetected += std::isnan(row.first_detection_s) ? 1 : 0;
    }
  }
  const auto n = static_cast<double>(crossers);
  const double half_width = kZ99 * std::sqrt(expected * (1.0 - expected) / n);
  const double miss = (1.0 - kDetect[0]) * (1.0 - kDetect[1]) * (1.0 - kDetect[2]);
  MESSAGE("interrupted " << static_cast<double>(interrupted) / n << ", EASI " << expected << " +- "
                         << half_width << "; undetected " << static_cast<double>(undetected) / n
                         << ", expected " << miss);
  // The normal response time matters in every layer: Φ(2.56), Φ(0.47), Φ(−1.61), P(I) =
  // 0.64; a fixed delay of 1500 s would give 0.70, outside the interval.
  CHECK(std::abs(expected - 0.70) > 2.0 * half_width);
  CHECK(std::abs(static_cast<double>(interrupted) / n - expected) < half_width);
  CHECK(std::abs(static_cast<double>(undetected) / n - miss) <
        kZ99 * std::sqrt(miss * (1.0 - miss) / n));
}

TEST_CASE("a normal dispatch delay is truncated at 0: mean 0 and sd 100 s give the half-normal") {
  // The team waits at the crossing point and drives 100 km/s: the interception comes the
  // delay (plus under 0.01 s) after the report. Half-normal: mean σ√(2/π), no negative.
  constexpr double kSdS = 100.0;
  const Model model = command_model(50000.0, 100000.0,
                                    R"("bases_km": [50], "setback_m": 0, "teams_per_base": 10,
                                       "speed_mps": 100000, "on_scene_s": 0)",
                                    R"("dispatch_delay": "normal", "dispatch_delay_s": 0,
                                       "dispatch_delay_sd_s": 100)");
  std::vector<CrosserPlan> plans;
  for (std::uint32_t i = 0; i < 4000; ++i) plans.push_back(walker(i, 600.0 * i, 50000.0, 4000.0));
  const ReplicationRecord record = simulate_replication(model, plans, 51, 0);
  std::vector<double> delays_s;
  for (const CrossingRecord& row : record.crossing_records) {
    REQUIRE(row.outcome == Outcome::kIntercepted);
    delays_s.push_back(row.interception_s - row.first_report_s);
  }
  const Interval mean = t_interval(delays_s, 0.99);
  const double expected = kSdS * std::sqrt(2.0 / 3.141592653589793);
  MESSAGE("mean delay " << mean.estimate << " s [" << mean.lower << ", " << mean.upper
                        << "], half-normal " << expected);
  CHECK(*std::min_element(delays_s.begin(), delays_s.end()) >= 0.0);
  CHECK(mean.lower < expected);
  CHECK(expected < mean.upper);
}
