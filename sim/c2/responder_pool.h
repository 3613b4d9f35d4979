#pragma once
// The responder pool, a component of one replication (private to the library): who may be
// sent, from where, how fast, and lower bounds on a drive.
//   responder_pool.cpp   the teams and patrol vehicles, where they are, their drives
//   dispatch_bounds.cpp  lower bounds on a drive, to skip responders that cannot win
//   meeting.cpp          how soon a responder meets a crosser; the free one soonest at a place
// The command post (command_post.h) chooses whom to send and marks them busy; the sweeps
// ask whether a patrol's vehicle is off its round (vehicle_away).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "../run/replica.h"
#include "../run/tracer.h"

namespace bordersim::detail {

// A patrol's vehicle that responds: which patrol, which of its vehicles.
struct PatrolVehicle {
  std::uint32_t patrol = 0;
  std::uint32_t index = 0;
};

// A quick-reaction team (from its base, by road and terrain) or a patrol's vehicle (from
// wherever its round has taken it, along its road and then by road and terrain; off its
// round while busy).
struct ResponderState {
  MapPoint home;             // a team's base
  std::uint16_t sector = 0;  // a team's base's; a vehicle's stretch's middle
  std::uint16_t jurisdiction = 0;
  std::optional<PatrolVehicle> vehicle;
  bool busy = false;
  Time busy_since = 0;
  Time back_at = kNever;        // busy: when it is back on duty, once known
  std::uint32_t trip = 0;       // bumped when re-tasked: the return planned before is void
  Time alarm_reached = kNever;  // on its way to a false alarm: when it gets there
};

class ResponderPool {
 public:
  // The teams at model.responder_homes, then each responding patrol's vehicles.
  explicit ResponderPool(Replica& replica);

  std::size_t size() const { return responders_.size(); }
  bool empty() const { return responders_.empty(); }
  ResponderState& operator[](std::size_t r) { return responders_[r]; }
  const ResponderState& operator[](std::size_t r) const { return responders_[r]; }
  bool any_busy() const;
  std::size_t free_count() const;  // how many are ready now

  bool ready(std::size_t r) const;   // free, and its patrol (if any) in service
  MapPoint at(std::size_t r) const;  // a team's base; a vehicle's place now
  std::uint16_t jurisdiction(std::size_t r) const;
  bool drives_straight(std::size_t r) const;
  double speed_mps(std::size_t r) const;
  double travel_s(std::size_t r, MapPoint to) const;  // from where it is now
  // travel_s(r, to) where it is below enough_s; elsewhere possibly a lower bound of it,
  // itself at least enough_s (a team's base field answers without settling farther).
  double travel_s_or_more(std::size_t r, MapPoint to, double enough_s) const;
  TracedResponder traced(std::size_t r) const;  // as the crossing's story names it
  // Whether vehicle k of patrol p is off its round on a call at t.
  bool vehicle_away(std::size_t p, std::size_t k, Time t) const;
  // Marks r busy from now on (the post has sent it) and counts the dispatch.
  void send(std::size_t r);

  // dispatch_bounds.cpp
  bool cannot_meet_by(std::size_t r, const Movement& path, Time leave, Time until) const;
  // The responders as (bound, index), those that may be soonest at `crosser_at` first.
  const std::vector<std::pair<double, std::size_t>>& order_for_dispatch(MapPoint crosser_at);

  // meeting.cpp
  // The earliest time at which responder r, setting off from where it is now at `leave`,
  // can be where the crosser is, along the crosser's remaining movement `path`.
  std::optional<Time> meeting_time(std::size_t r, const Movement& path, Time leave) const;
  // The free responder of jurisdiction `post` (any, when command is joint) that gets to
  // `where` soonest, the lowest index on ties.
  std::optional<std::size_t> nearest_free(MapPoint where, std::uint16_t post);

 private:
  struct DriveBound {
    MapPoint from;
    double max_speed_mps;
    double slack_s;
  };
  void init_drive_bounds();
  std::optional<DriveBound> drive_bound(std::size_t r) const;

  Replica& rep_;
  std::vector<ResponderState> responders_;
  std::vector<std::size_t> patrol_responders_;  // per responding patrol: its vehicle 0's index
  std::vector<double> patrol_jumps_m_;          // per patrol: J of dispatch_bounds.cpp
  std::vector<std::pair<double, std::size_t>> dispatch_order_;  // (bound, responder)
};

}  // namespace bordersim::detail
