// The command chain: a detection becomes a report at the post after the sensor's latency;
// the post keeps a track while reports keep coming, takes a report for a real target (or
// not), and sends the free responder that can meet the crosser soonest. The responder
// intercepts if, when it gets there, the post still holds the track.
#include "command_post.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

namespace bordersim::detail {
namespace {

// A fixed time, or an exponential one with that mean.
double draw_duration_s(double mean_s, bool exponential, Stream& stream) {
  if (!exponential || mean_s <= 0.0) return mean_s;
  return boost::random::exponential_distribution<double>(1.0 / mean_s)(stream);
}

// The post's delay before a team sets off: fixed, exponential, or normal truncated at 0
// (drawn again while negative, i.e. the normal conditioned on being non-negative).
double draw_dispatch_delay_s(const CommandParams& response, Stream& stream) {
  if (response.dispatch_delay != DurationLaw::kNormal || response.dispatch_delay_sd_s <= 0.0)
    return draw_duration_s(response.dispatch_delay_s,
                           response.dispatch_delay == DurationLaw::kExponential, stream);
  boost::random::normal_distribution<double> delay_s(response.dispatch_delay_s,
                                                     response.dispatch_delay_sd_s);
  for (;;)
    if (const double d = delay_s(stream); d >= 0.0) return d;
}

// What the story says of a report: whether a team is on its way, the report waits, ...
ReportPicture picture(const Track& track) {
  return {track.responder.has_value(), track.waiting, track.assessing, track.target};
}

}  // namespace

CommandPost::CommandPost(Replica& replica, Tracer& tracer, ResponderPool& pool)
    : rep_(replica),
      tracer_(tracer),
      pool_(pool),
      when_busy_queue_(replica.model.command.queue_when_busy),
      dispatch_draws_(
          {replica.seed, replica.replication(), {EntityKind::kCommand, 0}, Purpose::kDispatch}),
      alarm_verdicts_({replica.seed,
                       replica.replication(),
                       {EntityKind::kCommand, 1},
                       Purpose::kClassification}),
      assessment_draws_(
          {replica.seed, replica.replication(), {EntityKind::kCommand, 0}, Purpose::kAssessment}) {
  tracks_.reserve(rep_.crossers.size());
  for (const CrosserState& crosser : rep_.crossers)
    tracks_.emplace_back(rep_.crosser_draws(crosser, Purpose::kClassification));
}

void CommandPost::detect(std::uint32_t c, Detector by, double report_latency_s) {
  CrosserState& crosser = rep_.crossers[c];
  if (crosser.finished) return;
  if (!crosser.detected) {
    crosser.detected = true;
    auto& row = rep_.record.crossing_records[c];
    row.first_detection_s = time_to_seconds(rep_.sim.now());
    row.first_detector = by;
    const MapPoint at = position(crosser, rep_.sim.now());
    row.detection_x_m = at.x;
    row.detection_y_m = at.y;
    rep_.calls.react(c);
  }
  rep_.sim.schedule_in(seconds_to_time(report_latency_s), Phase::kReport, rep_.target(c),
                       kReportArrives, static_cast<std::uint64_t>(rep_.sim.now()));
}

// A false alarm reaches the post: assessed first (if the post does), or taken for a
// target or not.
void CommandPost::receive_false_alarm(std::size_t a) {
  if (assesses())
    return void(rep_.sim.schedule_in(
        seconds_to_time(rep_.model.command.assessment_s), Phase::kDecide,
        {static_cast<std::uint32_t>(a), rep_.false_alarms[a].sector}, kAlarmAssessed));
  send_to_alarm(a);
}

// Taken for a target, a false alarm sends the nearest free responder to where it was
// raised (if it can be there in time), who finds nothing there and drives back.
void CommandPost::send_to_alarm(std::size_t a) {
  const CommandParams& response = rep_.model.command;
  if (uniform01(alarm_verdicts_) >= response.p_target_given_false_alarm) return;
  const PendingAlarm& pending = rep_.false_alarms[a];
  const auto r = pool_.nearest_free(pending.alarm.where,
                                    rep_.model.sectors[pending.sector].jurisdiction_index);
  if (!r) return;
  const double drive_s = pool_.travel_s(*r, pending.alarm.where);
  const Time latest =
      latest_arrival(pending.alarm.at + seconds_to_time(escape_s_from(pending.alarm.where)));
  if (latest != kNever && time_after(rep_.sim.now(), drive_s) > latest) return;
  pool_.send(*r);
  ++rep_.record.false_alarm_dispatches;
  const double on_scene_s = draw_on_scene_s(*r);
  ResponderState& responder = pool_[*r];
  responder.alarm_reached = rep_.sim.now() + seconds_to_time(drive_s);
  responder.back_at = rep_.sim.now() + seconds_to_time(2.0 * drive_s + on_scene_s);
  rep_.sim.schedule(responder.back_at, Phase::kDecide,
                    {static_cast<std::uint32_t>(*r), responder.sector}, kResponderFree,
                    responder.trip);
}

void CommandPost::receive_report(std::uint32_t c, Time seen_at) {
  CrosserState& crosser = rep_.crossers[c];
  Track& track = tracks_[c];
  if (crosser.finished) return;
  const CommandParams& response = rep_.model.command;
  track.track_until = std::max(track.track_until, seen_at + seconds_to_time(response.track_hold_s));
  track.seen_at = std::max(track.seen_at, seen_at);
  auto& row = rep_.record.crossing_records[c];
  if (std::isnan(row.first_report_s)) row.first_report_s = time_to_seconds(rep_.sim.now());
  if (!track.target && assesses()) {
    if (!track.assessing)
      rep_.sim.schedule_in(seconds_to_time(response.assessment_s), Phase::kDecide, rep_.target(c),
                           kAssessed);
    track.assessing = true;
    if (tracer_.on()) tracer_.report(c, seen_at, false, picture(track));
    return;
  }
  const bool dismissed =
      !track.target && uniform01(track.verdicts) >= response.p_target_given_crosser;
  if (tracer_.on()) tracer_.report(c, seen_at, dismissed, picture(track));
  if (dismissed) return;
  track.target = true;
  if (track.responder && !exact_prediction()) return retarget(c);
  act_on_report(c);
}

// A report taken for a target: a team goes, or the report waits for one.
void CommandPost::act_on_report(std::uint32_t c) {
  Track& track = tracks_[c];
  if (track.responder || track.waiting) return;
  if (dispatch(c)) return;
  if (when_busy_queue_ && pool_.any_busy()) {
    waiting_.push_back(c);
    track.waiting = true;
  }
}

// Sends the free responder that can meet the crosser soonest, if any can before its
// movement ends. Responders of another jurisdiction than the post's wait for the hand-off.
bool CommandPost::dispatch(std::uint32_t c) {
  CrosserState& crosser = rep_.crossers[c];
  Track& track = tracks_[c];
  const Time now = rep_.sim.now();
  if (pool_.empty() || now > track.track_until) {
    if (tracer_.on()) trace_dispatch(c, std::nullopt, kNever, kNever);
    return false;
  }
  const CommandParams& response = rep_.model.command;
  // The post's delay in acting on this crosser is one draw from the crosser's own stream,
  // the same at every attempt: redrawn, a report that found no team able to make it in
  // time would get a new chance at every later report or returning team, as if the post
  // knew each delay before choosing (and exponential delays would be beaten by the
  // shortest of many draws; tests/validation/test_command_theory.cpp).
  Stream delay_draw({rep_.seed,
                     rep_.record.replication,
                     {EntityKind::kCrosser, crosser.plan->key},
                     Purpose::kDispatch});
  const Time leave = now + seconds_to_time(draw_dispatch_delay_s(response, delay_draw));
  const auto& border = rep_.model.geography->border;
  const std::uint16_t post =
      rep_.model.sectors[rep_.model.sector_of(border.project(position(crosser, now)).s)]
          .jurisdiction_index;
  // Exact: the crosser's own route, to be met strictly before it gets away. Otherwise the
  // post's prediction, met before the predicted escape (+ the margin) or, without a
  // maximum response time, whenever.
  const bool exact = exact_prediction();
  Prediction predicted;
  if (!exact) predicted = predict(c);
  const Movement& path = exact ? crosser.movement : predicted.path;
  Time best_time = exact ? crosser.movement.end() : path.end();
  if (const Time latest = latest_arrival(exact ? crosser.movement.end() : predicted.escape);
      latest != kNever)
    best_time = std::min(best_time, latest + 1);  // meet at the latest then
  std::optional<std::size_t> best;
  bool best_retasked = false;
  const bool retask = response.retask_from_false_alarms && track.target;
  // The nearest first (by a bound on the drive), so that the others can be skipped; the
  // team sent is the same as in index order: the earliest meeting, the lowest index on ties.
  for (const auto& [bound, r] : pool_.order_for_dispatch(position(crosser, now))) {
    const bool retasked = retask && retaskable(r);
    if (!pool_.ready(r) && !retasked) continue;
    Time sets_off = leave;
    // A team on its way to a false alarm turns back: at worst it is where it set off from
    // after as long again as it has driven.
    if (retasked) sets_off += now - pool_[r].busy_since;
    if (pool_.jurisdiction(r) != post && response.handoff != Handoff::kJoint) {
      if (response.handoff == Handoff::kRefused) continue;
      sets_off += seconds_to_time(response.handoff_delay_s);
    }
    // A team that could not meet the crosser leaving its base earlier cannot leaving later
    // (it could have waited): don't search again. A patrol's vehicle starts from elsewhere
    // each time.
    // A prediction changes with every report: nothing is remembered then.
    const bool remembered = exact && !retasked && r < 64 && !pool_[r].vehicle;
    if (remembered && (track.cannot_meet >> r & 1U)) continue;
    // Skip one that cannot meet the crosser before the best so far; one whose failure is
    // remembered, only when it cannot meet it at all (and then it is remembered).
    if (pool_.cannot_meet_by(r, path, sets_off, remembered ? path.end() : best_time)) {
      if (remembered) track.cannot_meet |= std::uint64_t{1} << r;
      continue;
    }
    const auto meet = pool_.meeting_time(r, path, sets_off);
    if (!meet && remembered) track.cannot_meet |= std::uint64_t{1} << r;
    if (meet && (*meet < best_time || (best && *meet == best_time && r < *best))) {
      best_time = *meet;
      best = r;
      best_retasked = retasked;
      track.team_leaves = sets_off;
    }
  }
  if (tracer_.on()) trace_dispatch(c, best, leave, best_time);
  if (!best) return false;
  if (best_retasked) {  // still busy since it set off for the alarm; its return is void
    ResponderState& responder = pool_[*best];
    ++responder.trip;
    responder.alarm_reached = kNever;
    responder.back_at = kNever;
    ++rep_.record.responder_dispatches;
    ++rep_.record.retaskings;
  } else {
    pool_.send(*best);
  }
  track.responder = static_cast<std::uint32_t>(*best);
  auto& row = rep_.record.crossing_records[c];
  if (std::isnan(row.first_dispatch_s)) row.first_dispatch_s = time_to_seconds(now);
  if (!exact) track.goal = path.at(best_time);
  rep_.sim.schedule(best_time, Phase::kDecide, rep_.target(c), kInterception,
                    exact ? *best : stamped(track.trip, *best));
  return true;
}

// The tracer's dispatch row, or why none was sent: how many responders were free.
void CommandPost::trace_dispatch(std::uint32_t c, std::optional<std::size_t> r, Time leave,
                                 Time meet, std::string note) {
  if (r) return tracer_.dispatch(c, pool_.traced(*r), leave, meet, std::move(note));
  tracer_.no_dispatch(c, leave, pool_.size(), pool_.free_count(), tracks_[c].track_until);
}

// Time at an interception: a team's `qrf.on_scene_s` (fixed or exponential), a patrol
// vehicle's `on_scene_s`.
double CommandPost::draw_on_scene_s(std::size_t r) {
  if (const auto& vehicle = pool_[r].vehicle) return rep_.model.patrols[vehicle->patrol].on_scene_s;
  const CommandParams& qrf = rep_.model.command;
  return draw_duration_s(qrf.on_scene_s, qrf.on_scene == DurationLaw::kExponential,
                         dispatch_draws_);
}

// The responder is where it was sent. Exact: it intercepts if the post still holds the
// track; otherwise it finds nobody and goes back, and a later report may send a team again.
// Otherwise it searches there (prediction.cpp).
void CommandPost::arrive(std::uint32_t c, std::uint64_t data) {
  CrosserState& crosser = rep_.crossers[c];
  Track& track = tracks_[c];
  if (!exact_prediction()) {
    if (stamp_of(data) != track.trip) return;  // its goal has changed since
    return search(c, payload_of(data));
  }
  const auto r = static_cast<std::size_t>(data);
  track.responder.reset();
  const MapPoint at = position(crosser, rep_.sim.now());
  const bool missed = crosser.finished || rep_.sim.now() > track.track_until;
  if (tracer_.on()) tracer_.arrival(c, pool_.traced(r), !missed, track.track_until);
  if (missed) {
    ++rep_.record.missed_arrivals;
    return return_to_base(r, at, 0.0);
  }
  intercept(c, r);
}

void CommandPost::intercept(std::uint32_t c, std::size_t r) {
  const MapPoint at = position(rep_.crossers[c], rep_.sim.now());
  rep_.calls.finish(c, Outcome::kIntercepted);
  auto& row = rep_.record.crossing_records[c];
  row.interception_s = time_to_seconds(rep_.sim.now());
  row.interception_x_m = at.x;
  row.interception_y_m = at.y;
  row.interceptor = pool_[r].vehicle ? Responder::kPatrol : Responder::kQuickReaction;
  return_to_base(r, at, draw_on_scene_s(r));
}

// Back to base, or (a patrol's vehicle) to where its round would have taken it by now.
void CommandPost::return_to_base(std::size_t r, MapPoint from, double on_scene_s) {
  double back_s = pool_.travel_s(r, from);
  if (!std::isfinite(back_s)) {  // left where the crosser went: straight back at speed
    const MapPoint home = pool_.at(r);
    back_s = std::hypot(from.x - home.x, from.y - home.y) / pool_.speed_mps(r);
  }
  ResponderState& responder = pool_[r];
  responder.back_at = rep_.sim.now() + seconds_to_time(on_scene_s + back_s);
  rep_.sim.schedule(responder.back_at, Phase::kDecide,
                    {static_cast<std::uint32_t>(r), responder.sector}, kResponderFree,
                    responder.trip);
}

void CommandPost::free_responder(std::uint32_t r, std::uint64_t trip) {
  ResponderState& responder = pool_[r];
  if (trip != responder.trip) return;  // re-tasked since this return was planned
  responder.busy = false;
  responder.back_at = kNever;
  if (responder.vehicle) rep_.calls.sweep_again();
  // Busy time within the run's duration, as the time on duty it is a share of (a team
  // sent far to a false alarm late in the run is busy long after it).
  const Time end = rep_.model.duration;
  rep_.record.responder_busy_s +=
      time_to_seconds(std::min(rep_.sim.now(), end) - std::min(responder.busy_since, end));
  // Oldest report first (or as response.priority says); a crosser no free team can reach
  // in time is given up.
  while (!waiting_.empty() && !responder.busy) {
    const auto next = waiting_.begin() + static_cast<std::ptrdiff_t>(next_waiting());
    const std::uint32_t c = *next;
    waiting_.erase(next);
    tracks_[c].waiting = false;
    if (!rep_.crossers[c].finished) dispatch(c);
  }
}

}  // namespace bordersim::detail
