// The crossing's story for `run --trace N` (record.h, TraceRow): the handlers call these
// only while tracing, so an untraced replication pays one branch per hook. They read the
// world and append rows; they draw nothing and change nothing, so a traced replication's
// results are those of an untraced one.
#include <algorithm>
#include <cmath>

#include "bordersim/run/trace_notes.h"
#include "bordersim/terrain/segment_distance.h"
#include "world.h"

namespace bordersim::detail {
namespace {

double distance_m(MapPoint a, MapPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

double seconds_or_missing(Time t) { return t == kNever ? kMissing : time_to_seconds(t); }

}  // namespace

void World::name_responder(TraceRow& row, std::size_t r) const {
  const ResponderState& responder = responders_[r];
  row.responder = responder.vehicle ? Responder::kPatrol : Responder::kQuickReaction;
  row.responder_id = responder.vehicle ? responder.vehicle->patrol : static_cast<std::uint32_t>(r);
}

TraceRow& World::trace_row(std::uint32_t c, TraceEvent event) {
  TraceRow& row = record_.trace.emplace_back();
  row.replication = record_.replication;
  row.crosser = record_.crossing_records[c].crosser;
  row.time_s = time_to_seconds(sim_.now());
  row.event = event;
  if (!crossers_[c].movement.legs().empty())
    row.goal_s = time_to_seconds(crossers_[c].movement.end());
  return row;
}

void World::trace_look(std::uint32_t c, Detector by, std::size_t sensor, MapPoint sensor_at,
                       double p, bool seen, bool sensor_up, std::string note) {
  TraceRow& row = trace_row(c, TraceEvent::kLook);
  const MapPoint at = position(crossers_[c], sim_.now());
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
void World::trace_hidden(std::uint32_t c, std::size_t first_view, std::uint32_t tower,
                         bool in_range) {
  const CrosserState& crosser = crossers_[c];
  if (!in_range || crosser.views.size() > first_view) return;
  TraceRow& row = trace_row(c, TraceEvent::kHidden);
  const Leg& leg = crosser.current_leg();
  const TowerSite& site = model_.towers[tower];
  row.sensor = site.crew ? Detector::kTowerCrew : Detector::kCamera;
  row.sensor_id = tower;
  row.range_m = terrain::distance_to_segment_m(site.position, leg.from, leg.to);  // the closest
  row.los_blocked = true;
  row.at_s = time_to_seconds(leg.t1);
}

// A stretch in a tower's sight begins; p is the crew's chance of a sighting in it (an
// instant crew's is 1; NaN without a crew: the cameras' glimpses are rows of their own).
void World::trace_in_view(std::uint32_t c, std::size_t v) {
  const CrosserState& crosser = crossers_[c];
  const ViewInterval& view = crosser.views[v];
  const TowerSite& site = model_.towers[view.tower];
  TraceRow& row = trace_row(c, TraceEvent::kInView);
  const MapPoint at = position(crosser, sim_.now());
  row.sensor = site.crew ? Detector::kTowerCrew : Detector::kCamera;
  row.sensor_id = view.tower;
  row.range_m = distance_m(at, site.position);
  row.x_m = at.x;
  row.y_m = at.y;
  row.sensor_up = up(EntityKind::kTower, view.tower, sim_.now());
  row.at_s = time_to_seconds(view.t_out);
  if (site.crew) {
    const double rate = site.rate_per_s * crosser.current_leg().detect_factor;
    row.p = site.instant ? 1.0 : 1.0 - std::exp(-rate * time_to_seconds(view.t_out - sim_.now()));
  }
}

void World::trace_report(std::uint32_t c, Time seen_at, bool dismissed) {
  const CrosserState& crosser = crossers_[c];
  TraceRow& row = trace_row(c, TraceEvent::kReport);
  row.at_s = time_to_seconds(seen_at);
  if (dismissed)
    row.note = trace_note::kDismissed;
  else if (crosser.responder)
    row.note = "a responder is already on its way";
  else if (crosser.waiting)
    row.note = "waiting for a free responder";
  else if (crosser.assessing && !crosser.target)
    row.note = "being assessed by a tower camera";
  else
    row.note = crosser.target ? "a target already" : "taken for a real target";
}

// An assessment's outcome, as a report row: p is the chance the tower camera's looks had.
void World::trace_assessment(std::uint32_t c, double p, bool seen, bool dismissed) {
  TraceRow& row = trace_row(c, TraceEvent::kReport);
  row.p = p;
  row.seen = seen;
  row.note = seen        ? trace_note::kAssessedSeen
             : dismissed ? trace_note::kAssessedDismissed
                         : trace_note::kAssessedTaken;
}

// The post's choice: the responder sent, where from, when it leaves and when it meets the
// crosser; or why none was sent.
void World::trace_dispatch(std::uint32_t c, std::optional<std::size_t> r, Time leave, Time meet,
                           std::string note) {
  const CrosserState& crosser = crossers_[c];
  TraceRow& row = trace_row(c, r ? TraceEvent::kDispatch : TraceEvent::kNoDispatch);
  row.note = std::move(note);
  row.sets_off_s = seconds_or_missing(leave);
  if (!r) {
    const auto free = std::count_if(
        responders_.begin(), responders_.end(),
        [&, i = std::size_t{0}](const ResponderState&) mutable { return ready(i++); });
    if (responders_.empty())
      row.note = "no responders";
    else if (sim_.now() > crosser.track_until)
      row.note = "track lost before a responder could be sent";
    else if (free == 0)
      row.note = "no free responder (all " + std::to_string(responders_.size()) + " busy)";
    else if (free == 1)
      row.note = "the one free responder could not reach it before its goal";
    else
      row.note =
          "none of the " + std::to_string(free) + " free responders could reach it before its goal";
    return;
  }
  name_responder(row, *r);
  const MapPoint from = responder_at(*r);
  row.x_m = from.x;
  row.y_m = from.y;
  row.range_m = distance_m(from, position(crosser, sim_.now()));
  row.at_s = seconds_or_missing(meet);
}

void World::trace_arrival(std::uint32_t c, std::size_t r, bool intercepted) {
  const CrosserState& crosser = crossers_[c];
  TraceRow& row = trace_row(c, TraceEvent::kArrival);
  name_responder(row, r);
  row.at_s = time_to_seconds(crosser.track_until);
  if (intercepted)
    row.note = trace_note::kIntercepted;
  else if (crosser.finished)
    row.note = "arrived late: the crossing had ended";
  else
    row.note = "track lost: no report since the track expired";
}

void World::trace_search(std::uint32_t c, std::size_t r, Time until) {
  TraceRow& row = trace_row(c, TraceEvent::kArrival);
  name_responder(row, r);
  row.at_s = time_to_seconds(until);
  row.range_m = model_.command.search_radius_m;
  row.note = trace_note::kSearching;
}

void World::trace_end(std::uint32_t c, Outcome outcome) {
  TraceRow& row = trace_row(c, TraceEvent::kEnd);
  row.note = std::string(to_string(outcome));
  const MapPoint at = position(crossers_[c], sim_.now());
  row.x_m = at.x;
  row.y_m = at.y;
}

}  // namespace bordersim::detail
