// `run --trace N` and `explain`: the trace tells the same story as the results, changes
// none of them, is the same on any thread count, and `explain` reads it from the file.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/cli_run.h"
#include "../support/record_equality.h"
#include "bordersim/io/trace_file.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/trace_notes.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;
using testing::cli;
namespace fs = std::filesystem;

namespace {

// Every kind of sensor, two jurisdictions, teams and responding patrols: small and quick.
const std::string kScenario = BORDERSIM_SOURCE_DIR "/tests/regression/all-sensors/scenario.json";

BatchResult run(int threads, std::size_t traced, std::int64_t replications = 4) {
  ScenarioOverrides overrides;
  overrides.replications = replications;
  BatchOptions options;
  options.threads = threads;
  options.trace_replications = traced;
  return run_batch(load_scenario_file(kScenario, overrides), options);
}

std::vector<TraceRow> rows_of(const ReplicationRecord& r, std::uint32_t crosser) {
  std::vector<TraceRow> rows;
  for (const TraceRow& row : r.trace)
    if (row.crosser == crosser) rows.push_back(row);
  return rows;
}

}  // namespace

TEST_CASE("the trace agrees with the crossings' records, and tracing changes no result") {
  const BatchResult traced = run(2, 2);
  const BatchResult plain = run(2, 0);
  std::size_t detected = 0, intercepted = 0;
  for (std::size_t v = 0; v < traced.variants.size(); ++v) {
    const auto& reps = traced.variants[v].replications;
    for (std::size_t i = 0; i < reps.size(); ++i) {
      const ReplicationRecord& r = reps[i];
      const ReplicationRecord& p = plain.variants[v].replications[i];
      CHECK(testing::same_totals(r, p));
      REQUIRE(r.crossing_records.size() == p.crossing_records.size());
      for (std::size_t c = 0; c < r.crossing_records.size(); ++c)
        CHECK(testing::same(r.crossing_records[c], p.crossing_records[c]));
      CHECK(p.trace.empty());
      CHECK(r.trace.empty() == (r.replication >= 2));
      for (const CrossingRecord& crossing : r.crossing_records) {
        if (r.trace.empty()) break;
        INFO("variant " << traced.variants[v].name << ", crossing " << r.replication << ":"
                        << crossing.crosser);
        const auto rows = rows_of(r, crossing.crosser);
        // The first look that saw it is its first detection, by the same kind of sensor.
        const auto seen = std::find_if(rows.begin(), rows.end(), [](const TraceRow& row) {
          return row.event == TraceEvent::kLook && row.seen;
        });
        if (std::isnan(crossing.first_detection_s)) {
          CHECK(seen == rows.end());
        } else {
          ++detected;
          REQUIRE(seen != rows.end());
          CHECK(seen->time_s == crossing.first_detection_s);
          CHECK(seen->sensor == crossing.first_detector);
          CHECK((std::isnan(seen->p) || seen->p > 0.0));
        }
        // Its end, when it ended, says its outcome.
        for (const TraceRow& row : rows)
          if (row.event == TraceEvent::kEnd) CHECK(row.note == to_string(crossing.outcome));
        if (crossing.outcome != Outcome::kIntercepted) continue;
        // An interception: a dispatch planned to meet it then, before its goal, and the
        // responder's arrival at that time.
        ++intercepted;
        const auto dispatch = std::find_if(rows.begin(), rows.end(), [&](const TraceRow& row) {
          return row.event == TraceEvent::kDispatch && row.at_s == crossing.interception_s;
        });
        REQUIRE(dispatch != rows.end());
        CHECK(dispatch->at_s < dispatch->goal_s);
        CHECK(dispatch->sets_off_s >= dispatch->time_s);
        CHECK(dispatch->time_s >= crossing.first_report_s);
        const auto arrival = std::find_if(rows.begin(), rows.end(), [](const TraceRow& row) {
          return row.event == TraceEvent::kArrival && row.note == trace_note::kIntercepted;
        });
        REQUIRE(arrival != rows.end());
        CHECK(arrival->time_s == crossing.interception_s);
        CHECK(arrival->responder == crossing.interceptor);
      }
    }
  }
  // The test has something to check.
  CHECK(detected > 20);
  CHECK(intercepted > 3);
}

TEST_CASE("the trace is the same on 1 and 2 threads") {
  const BatchResult one = run(1, 3);
  const BatchResult two = run(2, 3);
  for (std::size_t v = 0; v < one.variants.size(); ++v)
    for (std::size_t i = 0; i < one.variants[v].replications.size(); ++i) {
      const auto& a = one.variants[v].replications[i].trace;
      const auto& b = two.variants[v].replications[i].trace;
      REQUIRE(a.size() == b.size());
      for (std::size_t k = 0; k < a.size(); ++k) CHECK(testing::same(a[k], b[k]));
    }
}

TEST_CASE("explain tells a crossing's story from the result file") {
  const fs::path dir = testing::scratch_dir("trace", "explain");
  const std::string out = (dir / "out.h5").string();
  const std::string plain = (dir / "plain.h5").string();
  REQUIRE(cli({"run", kScenario, "-n", "2", "-j", "1", "-q", "--trace", "2", "-o", out}).status ==
          0);
  REQUIRE(cli({"run", kScenario, "-n", "2", "-j", "2", "-q", "-o", plain}).status == 0);

  // The trace is in the file: what ran, written and read back.
  const auto trace = read_trace(out, "delayed");
  REQUIRE(trace);
  CHECK(trace->replications == 2);
  CHECK(trace->rows.size() > 100);
  CHECK_FALSE(read_trace(plain, "delayed"));

  const auto story = cli({"explain", out, "--variant", "delayed", "--crossing", "0:20"});
  CHECK(story.status == 0);
  // Golden sentences: the story's opening, its command chain and its verdict.
  for (const char* line :
       {"Crossing 0:20: an infiltrator (a group of 8) on foot, set off at day 2 04:09 in "
        "sector n.\n",
        "Tower 1's range covered 2 of its legs (2.9 km at the nearest) but terrain hid them "
        "from it.\n",
        "Tower 1's thermal camera had 51 chances to see it from day 2 04:34 to day 2 05:12 at "
        "2.9 km to 2.7 km, p = 0.06 to 0.21 each; it saw it 2 times, first at day 2 04:47 with "
        "p = 0.06, 2.9 km away.\n",
        "A report reached the post at day 2 04:35 (seen at day 2 04:34): taken for a real "
        "target.\n",
        "At day 2 04:35 no responder was sent: the one free responder could not reach it "
        "before its goal.\n",
        "55 reports reached the post from day 2 04:35 to day 2 05:20: waiting for a free "
        "responder.\n",
        "A vehicle of patrol 0, 22.1 km away, was sent at day 2 05:21; it set off at day 2 "
        "05:21 to meet the crosser at day 2 06:01, before its goal at day 2 06:51.\n",
        "A vehicle of patrol 0 arrived at day 2 06:01 and found nobody: the track had expired "
        "at day 2 06:00.\n",
        "It reached its goal at day 2 06:51.\n",
        "Why it got through: a vehicle of patrol 0 arrived 1 min after the track was lost.\n"}) {
    INFO(story.out);
    CHECK(story.out.find(line) != std::string::npos);
  }

  const auto worst = cli({"explain", out, "--worst", "3"});
  CHECK(worst.status == 0);
  CHECK(worst.out ==
        "The 3 crossings of variant \"delayed\" (replications 0 to 1) that came closest to "
        "interception and got through (22 such):\n"
        "   1.     0:20  a vehicle of patrol 0 arrived 1 min after the track was lost\n"
        "   2.      0:8  a vehicle of patrol 0 arrived 7 min after the track was lost\n"
        "   3.     0:15  a vehicle of patrol 0 arrived 9 min after the track was lost\n");

  // Bad input: exit 2, naming the file and what is wrong.
  const auto untraced = cli({"explain", plain, "--crossing", "0:1"});
  CHECK(untraced.status == 2);
  CHECK(untraced.err == plain +
                            ": /variants/delayed/trace: the file has no trace: run with "
                            "--trace N to record the stories of replications 0 to N-1\n");
  const auto variant = cli({"explain", out, "--variant", "nope", "--crossing", "0:1"});
  CHECK(variant.status == 2);
  CHECK(variant.err.find("no variant named \"nope\"") != std::string::npos);
  const auto replication = cli({"explain", out, "--crossing", "2:0"});
  CHECK(replication.status == 2);
  CHECK(replication.err.find("replication 2 is not traced") != std::string::npos);
  const auto crosser = cli({"explain", out, "--crossing", "0:999"});
  CHECK(crosser.status == 2);
  CHECK(crosser.err.find("replication 0 has no crosser 999") != std::string::npos);
  CHECK(cli({"explain", out, "--crossing", "zero"}).status == 2);
  CHECK(cli({"explain", out}).status == 2);  // neither --crossing nor --worst

  // Paths that cannot carry a trace refuse it.
  const auto merged = cli({"merge", out, plain, "-o", (dir / "merged.h5").string()});
  CHECK(merged.status == 2);
  CHECK(merged.err.find("merge does not carry") != std::string::npos);
  const auto resumed = cli({"run", kScenario, "-n", "2", "-q", "--trace", "1", "--resume", "-o",
                            (dir / "resumed.h5").string()});
  CHECK(resumed.status == 2);
  CHECK(resumed.err.starts_with("--trace: /: cannot be combined with --resume"));
  fs::remove_all(dir);
}

// An assessment's verdict is told as such, at its time (it once read "seen at day
// -6405119470038037": the row has no sighting time).
TEST_CASE("explain tells a tower camera's assessment of a report") {
  const fs::path dir = testing::scratch_dir("trace", "assessment");
  std::ifstream in(kScenario);
  std::ostringstream text;
  text << in.rdbuf();
  Json scenario = Json::parse(text.str());
  scenario["response"]["assessment"] = "tower_camera";
  const std::string file = (dir / "assessed.json").string();
  std::ofstream(file) << scenario.dump();
  const std::string out = (dir / "out.h5").string();
  REQUIRE(cli({"run", file, "-n", "1", "-j", "1", "-q", "--trace", "1", "-o", out}).status == 0);
  const auto trace = read_trace(out, "delayed");
  REQUIRE(trace);
  const auto assessed = std::find_if(trace->rows.begin(), trace->rows.end(), [](const TraceRow& r) {
    return r.event == TraceEvent::kReport && std::isfinite(r.p);
  });
  REQUIRE(assessed != trace->rows.end());
  const std::string crossing =
      std::to_string(assessed->replication) + ":" + std::to_string(assessed->crosser);
  const auto story = cli({"explain", out, "--variant", "delayed", "--crossing", crossing});
  INFO(story.out);
  CHECK(story.status == 0);
  CHECK(story.out.find("The assessment ended at ") != std::string::npos);
  CHECK(story.out.find("to settle it): ") != std::string::npos);
  // The verdict's words come from the row: explain strips the prefix both sides share.
  REQUIRE(assessed->note.starts_with(trace_note::kAssessedPrefix));
  CHECK(story.out.find(assessed->note.substr(trace_note::kAssessedPrefix.size())) !=
        std::string::npos);
  CHECK(story.out.find("day -") == std::string::npos);
}

// In the search modes a team's arrival, its search, a find and a moved goal are traced
// too, so explain tells those crossings' ends (they once stopped at the dispatch).
TEST_CASE("explain tells a search mode's arrival, search and find") {
  const fs::path dir = testing::scratch_dir("trace", "search");
  std::ifstream in(kScenario);
  std::ostringstream text;
  text << in.rdbuf();
  Json scenario = Json::parse(text.str());
  scenario["response"]["prediction"] = "last_seen";
  const std::string file = (dir / "search.json").string();
  std::ofstream(file) << scenario.dump();
  const std::string out = (dir / "out.h5").string();
  REQUIRE(cli({"run", file, "-n", "1", "-j", "1", "-q", "--trace", "1", "-o", out}).status == 0);
  const auto trace = read_trace(out, "delayed");
  REQUIRE(trace);
  const auto& rows = trace->rows;
  const auto has = [&](const TraceRow& of, TraceEvent event, std::string_view note) {
    return std::any_of(rows.begin(), rows.end(), [&](const TraceRow& r) {
      return r.replication == of.replication && r.crosser == of.crosser && r.event == event &&
             r.note == note;
    });
  };
  std::size_t intercepted = 0;
  for (const TraceRow& row : rows) {
    if (row.event != TraceEvent::kEnd || row.note != to_string(Outcome::kIntercepted)) continue;
    ++intercepted;
    CHECK(has(row, TraceEvent::kArrival, trace_note::kSearching));
    CHECK(has(row, TraceEvent::kArrival, trace_note::kIntercepted));
  }
  CHECK(intercepted > 0);
  const auto searched = std::find_if(rows.begin(), rows.end(), [](const TraceRow& r) {
    return r.event == TraceEvent::kArrival && r.note == trace_note::kSearching;
  });
  REQUIRE(searched != rows.end());
  const std::string crossing =
      std::to_string(searched->replication) + ":" + std::to_string(searched->crosser);
  const auto story = cli({"explain", out, "--variant", "delayed", "--crossing", crossing});
  INFO(story.out);
  CHECK(story.status == 0);
  CHECK(story.out.find(" and searched within ") != std::string::npos);
}
