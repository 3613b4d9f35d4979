#pragma once
// Private to sim/cli: a traced crossing's story in plain sentences, and how near it came
// to being intercepted (explain_command.h).
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bordersim/run/record.h"

namespace bordersim::cli {

// Times of the run as the clock on the wall shows them: "02:14", or "day 2 02:14" from the
// run's second calendar day on. `start_s`: the run's start, seconds after its midnight.
struct Clock {
  double start_s = 0.0;
  std::string operator()(double seconds) const;
};

// The crossing's story: one sentence per line, from its record and its trace rows (in
// event order); `sector` names its sector.
std::vector<std::string> tell_story(const CrossingRecord& crossing, std::span<const TraceRow> rows,
                                    const std::string& sector, const Clock& clock);

// A crossing that got through after the post knew of it: how it missed, and how narrowly.
struct NearMiss {
  int rank = 0;           // 0: a responder arrived too late; 1: none could be sent in time;
                          // 2: reports dismissed; 3: seen, but never reported in time
  double margin_s = 0.0;  // rank 0: how late it arrived; otherwise what the post had left
                          // (goal minus first report), larger is nearer
  std::string why;
};

// Empty for a crossing that was intercepted, turned back, or never seen.
std::optional<NearMiss> near_miss(const CrossingRecord& crossing, std::span<const TraceRow> rows,
                                  const Clock& clock);

}  // namespace bordersim::cli
