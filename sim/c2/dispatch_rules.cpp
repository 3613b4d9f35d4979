// The post's dispatch rules beyond "the free team that gets there soonest":
//   response.max_response_margin_s  no team is sent that cannot be there before the
//                                   predicted escape plus this margin;
//   response.priority               which waiting report a freed team takes;
//   response.retask_from_false_alarms  a team on its way to a false alarm may be turned
//                                   onto a confirmed target (command_post.cpp, dispatch).
#include <algorithm>

#include "command_post.h"

namespace bordersim::detail {

Time CommandPost::latest_arrival(Time escape) const {
  const auto& margin_s = rep_.model.command.max_response_margin_s;
  if (!margin_s || escape == kNever) return kNever;
  return std::max<Time>(0, escape + seconds_to_time(*margin_s));
}

// Only quick-reaction teams (a patrol's vehicle has its round to go back to), and only
// before they reach the alarm.
bool CommandPost::retaskable(std::size_t r) const {
  const ResponderState& responder = pool_[r];
  return responder.busy && !responder.vehicle && responder.alarm_reached != kNever &&
         rep_.sim.now() < responder.alarm_reached;
}

namespace {

// "kind": vehicles and armed groups (infiltrators) first, foot smugglers after.
int kind_rank(const CrosserPlan& p) {
  return p.kind == CrosserKind::kInfiltrator || p.mover == Mover::kVehicle ? 0 : 1;
}

}  // namespace

// The first of the waiting reports in order of priority; ties go to the oldest.
std::size_t CommandPost::next_waiting() const {
  const Priority priority = rep_.model.command.priority;
  if (priority == Priority::kFirstCome) return 0;
  std::size_t best = 0;
  for (std::size_t i = 1; i < waiting_.size(); ++i) {
    const CrosserPlan& a = *rep_.crossers[waiting_[i]].plan;
    const CrosserPlan& b = *rep_.crossers[waiting_[best]].plan;
    const bool before = priority == Priority::kKind ? kind_rank(a) < kind_rank(b)
                                                    : a.cargo_value_usd > b.cargo_value_usd;
    if (before) best = i;
  }
  return best;
}

}  // namespace bordersim::detail
