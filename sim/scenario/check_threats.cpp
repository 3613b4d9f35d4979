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

  void group_size(const std::vector<std::int64_t>& size, const std::string& ptr) const {
    if (size.size() != 2) fail(ptr, "expected [min, max]");
    if (size[0] > size[1]) fail(ptr, "min is greater than max");
  }

  void goal(double goal_depth_km, const std::string& ptr) const {
    if (goal_depth_km > depth_km_)
      fail(ptr, "lies beyond the corridor's depth (/terrain/.../depth_km)");
  }

  // Probabilities of exclusive reactions: what is left over carries on.
  void reactions(const ReactionsSpec& r, const std::string& ptr) const {
    const double sum = r.abort + r.hide + r.run;
    if (sum > 1.0 + 1e-12)
      fail(ptr, fmt::format("abort + hide + run = {} is more than 1", sum));
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
                   const std::string& file) {
  const ThreatChecks check(border_length_km, corridor_depth_km, file);
  if (const auto& inf = threats.infiltrators) {
    const std::string ptr = "/threats/infiltrators";
    check.group_size(inf->group_size, ptr + "/group_size");
    check.goal(inf->goal_depth_km, ptr + "/goal_depth_km");
    check.reactions(inf->reactions, ptr + "/reactions");
    check.origins(inf->origins, ptr + "/origins");
  }
  if (const auto& smu = threats.smugglers) {
    const std::string ptr = "/threats/smugglers";
    check.group_size(smu->group_size, ptr + "/group_size");
    check.goal(smu->goal_depth_km, ptr + "/goal_depth_km");
    check.reactions(smu->reactions, ptr + "/reactions");
    check.origins(smu->origins, ptr + "/origins");
    const auto& weights = smu->organisation_weights;
    if (!weights.empty()) {
      if (weights.size() != static_cast<std::size_t>(smu->organisations))
        check.fail(ptr + "/organisation_weights",
                   fmt::format("expected {} weights, one per organisation", smu->organisations));
      double sum = 0.0;
      for (double w : weights) sum += w;
      if (!(sum > 0.0)) check.fail(ptr + "/organisation_weights", "at least one weight must be > 0");
    }
    const CargoMixSpec& mix = smu->cargo;
    if (!(mix.drugs + mix.weapons + mix.people > 0.0))
      check.fail(ptr + "/cargo", "at least one share must be > 0");
  }
}

}  // namespace bordersim::detail
