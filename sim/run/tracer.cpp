// The crossing's story (tracer.h): each hook fills one TraceRow from the shared state.
#include "tracer.h"

#include <algorithm>
#include <cmath>

#include "bordersim/run/trace_notes.h"
#include "bordersim/terrain/segment_distance.h"

namespace bordersim::detail {
namespace {

double distance_m(MapPoint a, MapPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

double seconds_or_missing(Time t) { return t == kNever ? kMissing : time_to_seconds(t); }

}  // namespace

TraceRow& Tracer::row(std::uint32_t c, TraceEvent event) {
  TraceRow& row = r_.record.trace.emplace_back();
  row.replication = r_.record.replication;
  row.crosser = r_.record.crossing_records[c].crosser;
  row.time_s = time_to_seconds(r_.now());
  row.event = event;
  if (!r_.crossers[c].movement.legs().empty())
    row.goal_s = time_to_seconds(r_.crossers[c].movement.end());
  return row;
}

void Tracer::look(std::uint32_t c, Detector by, std::size_t sensor, MapPoint sensor_at, double p,
                  bool seen, bool sensor_up, std::string note) {
  TraceRow& row = this->row(c, TraceEvent::kLook);
  const MapPoint at = r_.position(c, r_.now());
  row.sensor = by;
  row.sensor_id = static_cast<std::uint32_t>(sensor);
  row.range_m = distance_m(at, sensor_at);  // NaN where the sensor's place is not tracked
  row.p = p;
  row.seen = seen;
  row.sensor_up = sensor_up;
  row.x_m = at.x;
  row.y_m = at.y;
  row.note = std::move(note);
}

// A tower whose range the leg enters but whose sight it never does: terrain hides it.
void Tracer::hidden(std::uint32_t c, std::uint32_t tower) {
  const CrosserState& crosser = r_.crossers[c];
  TraceRow& row = this->row(c, TraceEvent::kHidden);
  const Leg& leg = crosser.current_leg();
  const TowerSite& site = r_.model.towers[tower];
  row.sensor = site.crew ? Detector::kTowerCrew : Detector::kCamera;
  row.sensor_id = tower;
  row.range_m = terrain::distance_to_segment_m(site.position, leg.from, leg.to);  // the closest
  row.los_blocked = true;
  row.at_s = time_to_seconds(leg.t1);
}

// A stretch in a tower's sight begins; p is the crew's chance of a sighting in it (an
// instant crew's is 1; NaN without a crew: the cameras' glimpses are rows of their own).
void Tracer::in_view(std::uint32_t c, std::uint32_t tower, Time t_out) {
  const CrosserState& crosser = r_.crossers[c];
  const TowerSite& site = r_.model.towers[tower];
  TraceRow& row = this->row(c, TraceEvent::kInView);
  const MapPoint at = r_.position(c, r_.now());
  row.sensor = site.crew ? Detector::kTowerCrew : Detector::kCamera;
  row.sensor_id = tower;
  row.range_m = distance_m(at, site.position);
  row.x_m = at.x;
  row.y_m = at.y;
  row.sensor_up = r_.service.up(EntityKind::kTower, tower, r_.now());
  row.at_s = time_to_seconds(t_out);
  if (site.crew) {
    const double rate = site.rate_per_s * crosser.current_leg().detect_factor;
    row.p = site.instant ? 1.0 : 1.0 - std::exp(-rate * time_to_seconds(t_out - r_.now()));
  }
}

void Tracer::report(std::uint32_t c, Time seen_at, bool dismissed, const ReportPicture& post) {
  TraceRow& row = this->row(c, TraceEvent::kReport);
  row.at_s = time_to_seconds(seen_at);
  if (dismissed)
    row.note = trace_note::kDismissed;
  else if (post.on_its_way)
    row.note = "a responder is already on its way";
  else if (post.waiting)
    row.note = "waiting for a free responder";
  else if (post.assessing && !post.target)
    row.note = "being assessed by a tower camera";
  else
    row.note = post.target ? "a target already" : "taken for a real target";
}

// An assessment's outcome, as a report row: p is the chance the tower camera's looks had.
void Tracer::assessment(std::uint32_t c, double p, bool seen, bool dismissed) {
  TraceRow& row = this->row(c, TraceEvent::kReport);
  row.p = p;
  row.seen = seen;
  row.note = seen        ? trace_note::kAssessedSeen
             : dismissed ? trace_note::kAssessedDismissed
                         : trace_note::kAssessedTaken;
}

// The post's choice: the responder sent, where from, when it leaves and when it meets the
// crosser.
void Tracer::dispatch(std::uint32_t c, const TracedResponder& sent, Time leave, Time meet,
                      std::string note) {
  TraceRow& row = this->row(c, TraceEvent::kDispatch);
  row.note = std::move(note);
  row.sets_off_s = seconds_or_missing(leave);
  row.responder = sent.kind;
  row.responder_id = sent.id;
  row.x_m = sent.from.x;
  row.y_m = sent.from.y;
  row.range_m = distance_m(sent.from, r_.position(c, r_.now()));
  row.at_s = seconds_or_missing(meet);
}

// Or why none was sent.
void Tracer::no_dispatch(std::uint32_t c, Time leave, std::size_t responders, std::size_t free,
                         Time track_until) {
  TraceRow& row = this->row(c, TraceEvent::kNoDispatch);
  row.sets_off_s = seconds_or_missing(leave);
  if (responders == 0)
    row.note = "no responders";
  else if (r_.now() > track_until)
    row.note = "track lost before a responder could be sent";
  else if (free == 0)
    row.note = "no free responder (all " + std::to_string(responders) + " busy)";
  else if (free == 1)
    row.note = "the one free responder could not reach it before its goal";
  else
    row.note =
        "none of the " + std::to_string(free) + " free responders could reach it before its goal";
}

void Tracer::arrival(std::uint32_t c, const TracedResponder& who, bool intercepted,
                     Time track_until) {
  const CrosserState& crosser = r_.crossers[c];
  TraceRow& row = this->row(c, TraceEvent::kArrival);
  row.responder = who.kind;
  row.responder_id = who.id;
  row.at_s = time_to_seconds(track_until);
  if (intercepted)
    row.note = trace_note::kIntercepted;
  else if (crosser.finished)
    row.note = "arrived late: the crossing had ended";
  else
    row.note = "track lost: no report since the track expired";
}

void Tracer::search(std::uint32_t c, const TracedResponder& who, Time until) {
  TraceRow& row = this->row(c, TraceEvent::kArrival);
  row.responder = who.kind;
  row.responder_id = who.id;
  row.at_s = time_to_seconds(until);
  row.range_m = r_.model.command.search_radius_m;
  row.note = trace_note::kSearching;
}

void Tracer::end(std::uint32_t c, Outcome outcome) {
  TraceRow& row = this->row(c, TraceEvent::kEnd);
  row.note = std::string(to_string(outcome));
  const MapPoint at = r_.position(c, r_.now());
  row.x_m = at.x;
  row.y_m = at.y;
}

}  // namespace bordersim::detail
