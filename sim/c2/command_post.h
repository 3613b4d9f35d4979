#pragma once
// The command post, a component of one replication (private to the library): reports,
// tracks, classification, the waiting queue, dispatch and interception. Its files:
//   command_post.cpp    reports, tracks, classification, dispatch, interception
// (when and which responder can be somewhere soonest: the pool's meeting.cpp)
//   prediction.cpp      where the post thinks a crosser is going; the team's search there
//   assessment.cpp      tower cameras looking at a report's place before the post acts
//   dispatch_rules.cpp  maximum response time, priorities, re-tasking
// The sensing reports to it through one call, detect(); the World routes it the events of
// the post (kReportArrives, kInterception, kFalseAlarm, kResponderFree, kAssessed,
// kAlarmAssessed, kFound). It sends responders of the ResponderPool and calls the crossers
// (react, finish) and the sweeps (sweep_again) through the Replica's Upcalls.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "../run/replica.h"
#include "../run/tracer.h"
#include "responder_pool.h"

namespace bordersim::detail {

// Where the post thinks a crosser goes from its last detection: `path` (ending with a
// long stop where the projection ends) and when it would be gone.
struct Prediction {
  Movement path;
  Time escape = 0;
};

// The post's view of one crosser.
struct Track {
  explicit Track(Stream verdict_draws) : verdicts(verdict_draws) {}
  Time track_until = -1;                   // the track is held until then
  bool target = false;                     // a report of it was taken for a real target
  bool waiting = false;                    // in the queue for a free team
  std::uint64_t cannot_meet = 0;           // bit r: responder r cannot meet it before it gets away
  std::optional<std::uint32_t> responder;  // the team on its way
  bool assessing = false;                  // a tower camera is looking at its report's place
  // Outside "exact": the detection the post last heard of, and the team's goal (a new
  // report changes the goal and bumps `trip`, voiding the arrival planned before).
  Time seen_at = -1;
  std::uint32_t trip = 0;
  MapPoint goal;
  Time team_leaves = 0;
  Stream verdicts;  // the post's verdicts on its reports (a real target or not)
};

class CommandPost {
 public:
  // One track per crosser of the replica, which must hold them all already.
  CommandPost(Replica& replica, Tracer& tracer, ResponderPool& pool);

  // A sensor has seen crosser c: its report reaches the post after report_latency_s.
  void detect(std::uint32_t c, Detector by, double report_latency_s);

  // The post's events (World::handle).
  void receive_report(std::uint32_t c, Time seen_at);        // kReportArrives
  void arrive(std::uint32_t c, std::uint64_t data);          // kInterception
  void receive_false_alarm(std::size_t a);                   // kFalseAlarm
  void free_responder(std::uint32_t r, std::uint64_t trip);  // kResponderFree
  void assessed(std::uint32_t c);                            // kAssessed
  void alarm_assessed(std::size_t a);                        // kAlarmAssessed
  void found(std::uint32_t c, std::uint64_t data);           // kFound

  // Crosser c has a new way (a reaction): teams that could not meet it may now.
  void new_way(std::uint32_t c) { tracks_[c].cannot_meet = 0; }

 private:
  // command_post.cpp
  void send_to_alarm(std::size_t a);
  void act_on_report(std::uint32_t c);
  bool dispatch(std::uint32_t c);
  void intercept(std::uint32_t c, std::size_t r);
  void return_to_base(std::size_t r, MapPoint from, double on_scene_s);
  double draw_on_scene_s(std::size_t r);
  // The tracer's dispatch row, or why none was sent.
  void trace_dispatch(std::uint32_t c, std::optional<std::size_t> r, Time leave, Time meet,
                      std::string note = {});

  // prediction.cpp
  bool exact_prediction() const { return rep_.model.command.prediction == PredictionRule::kExact; }
  Prediction predict(std::uint32_t c) const;
  double escape_s_from(MapPoint where) const;  // a foot crosser's, straight to its goal depth
  void retarget(std::uint32_t c);
  void search(std::uint32_t c, std::size_t r);

  // assessment.cpp
  bool assesses() const { return rep_.model.command.assesses; }
  double assessment_chance(MapPoint p) const;  // that a look at p now settles the matter

  // dispatch_rules.cpp
  Time latest_arrival(Time escape) const;  // kNever: no maximum response time
  bool retaskable(std::size_t r) const;
  std::size_t next_waiting() const;  // index into waiting_ of the report a freed team takes

  MapPoint position(const CrosserState& crosser, Time t) const { return crosser.movement.at(t); }

  Replica& rep_;
  Tracer& tracer_;
  ResponderPool& pool_;
  const bool when_busy_queue_;
  std::vector<Track> tracks_;          // by crosser index
  Stream dispatch_draws_;              // times on scene, in order of dispatch (delays: per crosser)
  std::deque<std::uint32_t> waiting_;  // reports waiting for a free team, oldest first
  Stream alarm_verdicts_;              // the post's verdicts on false alarms
  Stream assessment_draws_;            // whether each assessment settles its report, in event order
};

}  // namespace bordersim::detail
