#include "bordersim/movers/arrivals.h"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "bordersim/random/stream.h"

namespace bordersim {

std::vector<CrosserPlan> plan_crossers(const Model& model, std::uint64_t seed,
                                       std::uint32_t replication) {
  std::vector<CrosserPlan> plans;
  const auto& spec = model.scenario.threats.infiltrators;
  if (!spec || spec->per_day <= 0.0) return plans;

  Stream arrivals({seed, replication, {EntityKind::kThreatSource, 0}, Purpose::kArrivals});
  boost::random::exponential_distribution<double> gap_s(spec->per_day / 86400.0);
  for (double t_s = gap_s(arrivals); seconds_to_time(t_s) < model.duration; t_s += gap_s(arrivals)) {
    CrosserPlan plan;
    plan.id = static_cast<std::uint32_t>(plans.size());
    Stream attributes({seed, replication, {EntityKind::kCrosser, plan.id}, Purpose::kAttributes});
    plan.start = seconds_to_time(t_s);
    plan.border_s = uniform01(attributes) * model.border_length_m;
    boost::random::uniform_int_distribution<std::int64_t> group(spec->group_size[0],
                                                                spec->group_size[1]);
    plan.group_size = static_cast<std::uint16_t>(group(attributes));
    plan.speed_mps = spec->speed_mps;
    plan.approach_m = spec->approach_m;
    plan.goal_m = spec->goal_depth_km * 1000.0;
    plans.push_back(plan);
  }
  return plans;
}

}  // namespace bordersim
