#pragma once
// The crossers (crossers.cpp): their states, created from the plans before any other
// component (which build their own per-crosser state from them), and their lives: the
// corridor an adaptive crosser chooses and what its group learns, the route, the legs one
// after another, the reaction to being seen, the end. Events: kLegStart, kMovementEnds.
#include <cstdint>
#include <map>
#include <span>
#include <tuple>
#include <vector>

#include "../run/replica.h"
#include "../run/tracer.h"

namespace bordersim::detail {

// What a crosser's life tells the other components (World forwards, in its order).
class CrosserNews {
 public:
  virtual void leg_starts(std::uint32_t c) = 0;     // its current leg has just started
  virtual void new_way(std::uint32_t c) = 0;        // it reacted: its way from now on is new
  virtual void crossing_ends(std::uint32_t c) = 0;  // its crossing is over

 protected:
  ~CrosserNews() = default;
};

class Crossers {
 public:
  // Fills rep.crossers and the record's crossing rows from the plans, and schedules each
  // crosser's start.
  Crossers(Replica& replica, Tracer& tracer, CrosserNews& news, std::span<const CrosserPlan> plans);

  // kLegStart: a crosser's first starts its crossing (it has no route yet), the next ones
  // each a leg of it; kMovementEnds: it has walked its last leg.
  bool started(std::uint32_t c) const { return !rep_.crossers[c].movement.legs().empty(); }
  void start_crossing(std::uint32_t c);
  void start_leg(std::uint32_t c, std::size_t leg);
  void end_movement(std::uint32_t c);
  void react(std::uint32_t c);  // it learns it has been seen (the command post's call)
  void finish(std::uint32_t c, Outcome outcome);

 private:
  double choose_corridor(CrosserState& crosser);
  void learn(const CrosserState& crosser, Outcome outcome);
  void plan_movement(CrosserState& crosser);

  Replica& rep_;
  Tracer& tracer_;
  CrosserNews& news_;
  // "adaptive" crossers learn per group (kind, organisation, origin area) and corridor how
  // many of their finished crossings got through and how many were stopped.
  struct CorridorTally {
    std::uint32_t through = 0;
    std::uint32_t stopped = 0;
  };
  std::map<std::tuple<CrosserKind, std::uint16_t, std::uint16_t>, std::vector<CorridorTally>>
      corridors_;
};

}  // namespace bordersim::detail
