#include "bordersim/movers/arrivals.h"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <cmath>
#include <tuple>

#include "bordersim/movers/arrival_timing.h"
#include "bordersim/movers/crosser_variety.h"
#include "bordersim/movers/night_table.h"
#include "bordersim/random/stream.h"

namespace bordersim {
namespace {

// What the two kinds share, read from either spec.
struct KindKeys {
  CrosserKind kind;
  double per_day;
  const GroupSizeDistribution& group_size;
  double approach_m;
  const Distribution& goal_depth_km;
  const NightPreference& night_preference;
  const std::vector<double>& arrival_profile;
  Knowledge knowledge;
  double risk_aversion_s;
  const ReactionsSpec& reactions;
  const std::vector<OriginSpec>& origins;
  double corridor_km;
};

// One origin area: a stretch of the border and its share of the kind's rate.
struct Source {
  std::uint64_t key;  // kind << 16 | origin
  std::uint16_t origin;
  double from_m, to_m;
  double rate_per_s;
};

// The areas of one kind, clipped to the border (a border read from a file is known only
// now; the loader has already refused stretches beyond a border whose length it knew).
std::vector<Source> sources(const KindKeys& keys, double border_length_m) {
  std::vector<OriginSpec> origins = keys.origins;
  if (origins.empty()) origins.push_back({{0.0, border_length_m / 1000.0}, 1.0});
  double weights = 0.0;
  for (const OriginSpec& o : origins) weights += o.weight;
  std::vector<Source> out;
  for (std::size_t i = 0; i < origins.size(); ++i) {
    const double from_m = std::clamp(origins[i].along_border_km[0] * 1000.0, 0.0, border_length_m);
    const double to_m = std::clamp(origins[i].along_border_km[1] * 1000.0, 0.0, border_length_m);
    const auto kind = static_cast<std::uint64_t>(keys.kind);
    out.push_back({kind << 16 | i, static_cast<std::uint16_t>(i), from_m, to_m,
                   keys.per_day / 86400.0 * origins[i].weight / weights});
  }
  return out;
}

// A draw among shares proportional to `weights` (not all zero) from u in [0, 1).
std::size_t pick(std::initializer_list<double> weights, double u) {
  double total = 0.0;
  for (double w : weights) total += w;
  double below = 0.0;
  std::size_t i = 0;
  for (double w : weights) {
    below += w;
    if (u * total < below) return i;
    ++i;
  }
  // u·total rounding up to total: the last positive share.
  for (i = weights.size(); i-- > 0;) {
    if (weights.begin()[i] > 0.0) return i;
  }
  return 0;
}

double lognormal_value(const CargoValueSpec& value, Stream& stream) {
  if (value.mean <= 0.0) return 0.0;
  if (value.cv <= 0.0) return value.mean;
  const double sigma2 = std::log1p(value.cv * value.cv);
  boost::random::lognormal_distribution<double> draw(std::log(value.mean) - sigma2 / 2.0,
                                                     std::sqrt(sigma2));
  return draw(stream);
}

void draw_smuggler(const SmugglersSpec& spec, Stream& attributes, CrosserPlan& plan) {
  const double u_organisation = uniform01(attributes);
  const double u_cargo = uniform01(attributes);
  const double u_vehicle = uniform01(attributes);
  const auto organisations = static_cast<std::size_t>(spec.organisations);
  std::size_t organisation = 0;
  if (spec.organisation_weights.empty()) {
    organisation =
        std::min(static_cast<std::size_t>(u_organisation * static_cast<double>(organisations)),
                 organisations - 1);
  } else {
    double total = 0.0;
    for (double w : spec.organisation_weights) total += w;
    double below = 0.0;
    organisation = organisations - 1;
    for (std::size_t k = 0; k < organisations; ++k) {
      below += spec.organisation_weights[k];
      if (u_organisation * total < below) {
        organisation = k;
        break;
      }
    }
  }
  plan.organisation = static_cast<std::uint16_t>(organisation + 1);
  const CargoMixSpec& mix = spec.cargo;
  constexpr CargoKind kCargo[] = {CargoKind::kDrugs, CargoKind::kWeapons, CargoKind::kPeople};
  plan.cargo = kCargo[pick({mix.drugs, mix.weapons, mix.people}, u_cargo)];
  plan.mover = u_vehicle < spec.vehicle_share ? Mover::kVehicle : Mover::kFoot;
  const CargoValuesSpec& values = spec.value_usd;
  const CargoValueSpec& value = plan.cargo == CargoKind::kDrugs     ? values.drugs
                                : plan.cargo == CargoKind::kWeapons ? values.weapons
                                                                    : values.people;
  plan.cargo_value_usd = lognormal_value(value, attributes);
}

void plan_kind(const CrossingParams& params, const KindKeys& keys, const SmugglersSpec* smugglers,
               const Distribution& speed_mps, std::uint64_t seed, std::uint32_t replication,
               std::vector<CrosserPlan>& plans, std::vector<std::uint64_t>& order_keys) {
  if (keys.per_day <= 0.0) return;
  const ArrivalTiming timing(keys.night_preference, keys.arrival_profile, params.nights,
                             params.start_utc, params.longitude_deg);
  const double corridor_m = params.corridor_m;
  for (const Source& source : sources(keys, params.border_length_m)) {
    if (!(source.to_m > source.from_m) || source.rate_per_s <= 0.0) continue;
    Stream arrivals(
        {seed, replication, {EntityKind::kThreatSource, source.key}, Purpose::kArrivals});
    // Thinning: candidates at the highest rate, each kept with probability rate(t) / max.
    boost::random::exponential_distribution<double> gap_s(source.rate_per_s * timing.max());
    std::uint32_t sequence = 0;
    for (double t_s = gap_s(arrivals);; t_s += gap_s(arrivals)) {
      const Time start = time_after(0, t_s);  // a tiny rate's first gap: kNever, past the end
      if (start >= params.duration) break;
      if (!(uniform01(arrivals) * timing.max() < timing.factor(start))) continue;

      CrosserPlan plan;
      plan.kind = keys.kind;
      plan.start = start;
      plan.origin = source.origin;
      const std::uint64_t crosser_key = source.key << 32 | sequence++;
      plan.key = crosser_key;
      Stream attributes(
          {seed, replication, {EntityKind::kCrosser, crosser_key}, Purpose::kAttributes});
      plan.border_s = source.from_m + uniform01(attributes) * (source.to_m - source.from_m);
      plan.origin_from_m = source.from_m;
      plan.origin_to_m = source.to_m;
      plan.corridor_m = keys.corridor_km * 1000.0;
      // Always one uniform here, whatever the family, so the draws after it stay put.
      plan.group_size = keys.group_size.size_at(uniform01(attributes));
      plan.reaction = draw_reaction(keys.reactions, uniform01(attributes));
      plan.hide_s = keys.reactions.hide_s;
      plan.run_speed_factor = keys.reactions.run_speed_factor;
      plan.hidden_detection_factor = keys.reactions.hidden_detection_factor;
      plan.knowledge = keys.knowledge;
      plan.risk_aversion_s = keys.risk_aversion_s;
      plan.approach_m = keys.approach_m;
      if (smugglers) draw_smuggler(*smugglers, attributes, plan);
      // Speed and goal depth last, each from its own stream (movers/crosser_variety.h).
      const CrosserIdentity who{seed, replication, crosser_key};
      const bool vehicle = smugglers && plan.mover == Mover::kVehicle;
      plan.speed_mps = draw_speed_mps(vehicle ? smugglers->vehicle_speed_mps : speed_mps, who);
      plan.goal_m = draw_goal_m(keys.goal_depth_km, corridor_m, who);
      plans.push_back(plan);
      order_keys.push_back(crosser_key);
    }
  }
}

}  // namespace

Reaction draw_reaction(const ReactionsSpec& r, double u) {
  if (u < r.abort) return Reaction::kAbort;
  if (u < r.abort + r.hide) return Reaction::kHide;
  if (u < r.abort + r.hide + r.run) return Reaction::kRun;
  return Reaction::kNone;
}

std::vector<CrosserPlan> plan_crossers(const CrossingParams& params, std::uint64_t seed,
                                       std::uint32_t replication) {
  std::vector<CrosserPlan> plans;
  std::vector<std::uint64_t> keys;  // (kind, origin, sequence): the tie-break after start
  const ThreatsSpec& threats = params.threats;
  if (!threats.infiltrators && !threats.smugglers) return plans;
  if (const auto& inf = threats.infiltrators) {
    const KindKeys k{CrosserKind::kInfiltrator,
                     inf->per_day,
                     inf->group_size,
                     inf->approach_m,
                     inf->goal_depth_km,
                     inf->night_preference,
                     inf->arrival_profile,
                     params.infiltrators_knowledge,
                     inf->risk_aversion_s,
                     inf->reactions,
                     inf->origins,
                     inf->corridor_km};
    plan_kind(params, k, nullptr, inf->speed_mps, seed, replication, plans, keys);
  }
  if (const auto& smu = threats.smugglers) {
    const KindKeys k{CrosserKind::kSmuggler, smu->per_day,
                     smu->group_size,        smu->approach_m,
                     smu->goal_depth_km,     smu->night_preference,
                     smu->arrival_profile,   params.smugglers_knowledge,
                     smu->risk_aversion_s,   smu->reactions,
                     smu->origins,           smu->corridor_km};
    plan_kind(params, k, &*smu, smu->foot_speed_mps, seed, replication, plans, keys);
  }
  std::vector<std::size_t> order(plans.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(plans[a].start, keys[a]) < std::tie(plans[b].start, keys[b]);
  });
  std::vector<CrosserPlan> sorted;
  sorted.reserve(plans.size());
  for (std::size_t i : order) {
    sorted.push_back(plans[i]);
    sorted.back().id = static_cast<std::uint32_t>(sorted.size() - 1);
  }
  return sorted;
}

std::string_view to_string(Knowledge knowledge) {
  switch (knowledge) {
    case Knowledge::kNaive:
      return "naive";
    case Knowledge::kInformed:
      return "informed";
    case Knowledge::kAdaptive:
      return "adaptive";
  }
  return "unknown";
}

Knowledge knowledge_named(std::string_view word) {
  if (word == "informed") return Knowledge::kInformed;
  if (word == "adaptive") return Knowledge::kAdaptive;
  return Knowledge::kNaive;
}

std::string_view to_string(Reaction reaction) {
  switch (reaction) {
    case Reaction::kNone:
      return "none";
    case Reaction::kAbort:
      return "abort";
    case Reaction::kHide:
      return "hide";
    case Reaction::kRun:
      return "run";
  }
  return "unknown";
}

}  // namespace bordersim
