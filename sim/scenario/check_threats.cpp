#include "check_threats.h"

#include <fmt/format.h>

#include <vector>

#include "bordersim/core/error.h"

namespace bordersim::detail {
namespace {

class ThreatChecks {
 public:
  ThreatChecks(double length_km, double depth_km, const std::string& file)
      : length_km_(length_km), depth_km_(depth_km), file_(file) {}

  // A goal within the corridor: a fixed depth, a uniform's max, the mean of the others
  // (whose draws beyond the corridor are clamped to it: movers/crosser_variety.h).
  void goal(const Distribution& depth_km, const std::string& ptr, bool planned_routes) const {
    const auto beyond = [&](double km, const std::string& at) {
      if (km > depth_km_) fail(at, "lies beyond the corridor's depth (/terrain/.../depth_km)");
    };
    switch (depth_km.family) {
      case DistributionFamily::kFixed:
        beyond(depth_km.value, ptr);
        break;
      case DistributionFamily::kUniform:
        beyond(depth_km.max, ptr + "/max");
        break;
      default:
        beyond(depth_km.mean, ptr + "/mean");
        break;
    }
    if (planned_routes && !depth_km.fixed())
      fail(ptr,
           "a goal depth that varies needs flat ground or routing.crossers \"straight\": "
           "planned routes follow a cost field built for one depth (a search over the "
           "whole corridor per depth). Instead, give one fixed depth per variant and "
           "weight the variants' results by the depths' probabilities");
  }

  // 24 hourly weights, not all zero, and not beside a night preference (either the sun
  // or the profile shapes the day).
  void arrival_timing(const NightPreference& night, const std::vector<double>& profile,
                      const std::string& ptr) const {
    if (profile.empty()) return;
    if (profile.size() != 24)
      fail(ptr + "/arrival_profile",
           fmt::format("expected 24 hourly weights, got {}", profile.size()));
    double sum = 0.0;
    for (double w : profile) sum += w;
    if (!(sum > 0.0)) fail(ptr + "/arrival_profile", "at least one weight must be > 0");
    if (night.written && night.share)
      fail(ptr + "/arrival_profile",
           "give night_preference or arrival_profile, not both (set night_preference to null)");
  }

  // Probabilities of exclusive reactions: what is left over carries on.
  void reactions(const ReactionsSpec& r, const std::string& ptr) const {
    const double sum = r.abort + r.hide + r.run;
    if (sum > 1.0 + 1e-12) fail(ptr, fmt::format("abort + hide + run = {} is more than 1", sum));
  }

  void origins(const std::vector<OriginSpec>& origins, const std::string& ptr) const {
    for (std::size_t i = 0; i < origins.size(); ++i) {
      const auto& km = origins[i].along_border_km;
      const std::string at = fmt::format("{}/{}/along_border_km", ptr, i);
      if (km.size() != 2) fail(at, "expected [from, to] in km along the border");
      if (!(km[0] < km[1])) fail(at + "/1", "must be greater than from");
      if (km[0] >= length_km_) fail(at + "/0", "lies beyond the end of the border");
      if (km[1] > length_km_) fail(at + "/1", "lies beyond the end of the border");
    }
  }

  [[noreturn]] void fail(const std::string& ptr, const std::string& problem) const {
    throw InputError(file_, ptr, problem);
  }

 private:
  double length_km_;
  double depth_km_;
  const std::string& file_;
};

}  // namespace

void check_threats(const ThreatsSpec& threats, double border_length_km, double corridor_depth_km,
                   bool planned_routes, const std::string& file) {
  const ThreatChecks check(border_length_km, corridor_depth_km, file);
  if (const auto& inf = threats.infiltrators) {
    const std::string ptr = "/threats/infiltrators";
    check.goal(inf->goal_depth_km, ptr + "/goal_depth_km", planned_routes);
    check.arrival_timing(inf->night_preference, inf->arrival_profile, ptr);
    check.reactions(inf->reactions, ptr + "/reactions");
    check.origins(inf->origins, ptr + "/origins");
  }
  if (const auto& smu = threats.smugglers) {
    const std::string ptr = "/threats/smugglers";
    check.goal(smu->goal_depth_km, ptr + "/goal_depth_km", planned_routes);
    check.arrival_timing(smu->night_preference, smu->arrival_profile, ptr);
    check.reactions(smu->reactions, ptr + "/reactions");
    check.origins(smu->origins, ptr + "/origins");
    const auto& weights = smu->organisation_weights;
    if (!weights.empty()) {
      if (weights.size() != static_cast<std::size_t>(smu->organisations))
        check.fail(ptr + "/organisation_weights",
                   fmt::format("expected {} weights, one per organisation", smu->organisations));
      double sum = 0.0;
      for (double w : weights) sum += w;
      if (!(sum > 0.0))
        check.fail(ptr + "/organisation_weights", "at least one weight must be > 0");
    }
    const CargoMixSpec& mix = smu->cargo;
    if (!(mix.drugs + mix.weapons + mix.people > 0.0))
      check.fail(ptr + "/cargo", "at least one share must be > 0");
  }
}

void settle_arrival_timing(ThreatsSpec& threats) {
  if (auto& inf = threats.infiltrators; inf && !inf->arrival_profile.empty())
    inf->night_preference = {};
  if (auto& smu = threats.smugglers; smu && !smu->arrival_profile.empty())
    smu->night_preference = {};
}

}  // namespace bordersim::detail
