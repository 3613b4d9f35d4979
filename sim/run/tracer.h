#pragma once
// The crossing's story for `run --trace N` (record.h, TraceRow): one row per look, report,
// dispatch, arrival and end, appended to the replication's record. Components call it only
// while `on()`, so an untraced replication pays one branch per hook. It reads the shared
// state and draws nothing, so a traced replication's results are those of an untraced one.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "replica.h"

namespace bordersim::detail {

// A responder as the story names it: its kind, its number (a team's index among the
// responders, a vehicle's patrol) and where it sets off from.
struct TracedResponder {
  Responder kind = Responder::kQuickReaction;
  std::uint32_t id = 0;
  MapPoint from;
};

// The command post's view of a crosser when a report arrives, as the story tells it.
struct ReportPicture {
  bool on_its_way = false;  // a responder is on its way
  bool waiting = false;     // for a free responder
  bool assessing = false;   // by a tower camera
  bool target = false;      // already taken for a real target
};

class Tracer {
 public:
  Tracer(Replica& replica, bool on) : r_(replica), on_(on) {}
  bool on() const { return on_; }

  void look(std::uint32_t c, Detector by, std::size_t sensor, MapPoint sensor_at, double p,
            bool seen, bool sensor_up, std::string note = {});
  // A tower whose range the leg enters but whose sight it never does: terrain hides it.
  void hidden(std::uint32_t c, std::uint32_t tower);
  // The crosser enters a stretch of the tower's sight that lasts until t_out.
  void in_view(std::uint32_t c, std::uint32_t tower, Time t_out);
  void report(std::uint32_t c, Time seen_at, bool dismissed, const ReportPicture& post);
  // `note` "new goal": a report moved the goal of a team already on its way.
  void dispatch(std::uint32_t c, const TracedResponder& sent, Time leave, Time meet,
                std::string note = {});
  // None sent (kNever: the post did not get as far as a leave time): why, from how many
  // responders there are, how many were free and until when the post held the track.
  void no_dispatch(std::uint32_t c, Time leave, std::size_t responders, std::size_t free,
                   Time track_until);
  void arrival(std::uint32_t c, const TracedResponder& who, bool intercepted, Time track_until);
  // A search mode's team is there with the track held and searches until `until`.
  void search(std::uint32_t c, const TracedResponder& who, Time until);
  void end(std::uint32_t c, Outcome outcome);
  void assessment(std::uint32_t c, double p, bool seen, bool dismissed);

 private:
  TraceRow& row(std::uint32_t c, TraceEvent event);

  Replica& r_;
  const bool on_;
};

}  // namespace bordersim::detail
