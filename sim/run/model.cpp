#include "bordersim/run/model.h"

#include <algorithm>
#include <fmt/format.h>

namespace bordersim {

std::uint16_t Model::sector_of(double x) const {
  // Sectors are few and sorted; the first whose end lies beyond x holds it.
  for (std::size_t i = 0; i + 1 < sectors.size(); ++i) {
    if (x < sectors[i].to_m) return static_cast<std::uint16_t>(i);
  }
  return static_cast<std::uint16_t>(sectors.size() - 1);
}

std::pair<std::size_t, std::size_t> Model::towers_between(double x_min, double x_max) const {
  const auto by_x = [](const TowerSite& t, double x) { return t.position.x < x; };
  const auto first = std::lower_bound(towers.begin(), towers.end(), x_min, by_x);
  const auto last = std::upper_bound(towers.begin(), towers.end(), x_max,
                                     [](double x, const TowerSite& t) { return x < t.position.x; });
  return {static_cast<std::size_t>(first - towers.begin()),
          static_cast<std::size_t>(std::max(first, last) - towers.begin())};
}

namespace {

std::vector<SectorInfo> build_sectors(const Scenario& s, double length_m) {
  std::vector<double> split_km = s.sectors.split_along_border_km;
  if (split_km.empty()) split_km = {0.0, s.terrain.flat.length_km};
  std::vector<SectorInfo> sectors;
  for (std::size_t i = 0; i + 1 < split_km.size(); ++i) {
    SectorInfo info;
    info.name = s.sectors.names.empty() ? fmt::format("S{}", i + 1) : s.sectors.names[i];
    info.jurisdiction =
        s.sectors.jurisdiction.empty() ? s.jurisdictions.front().name : s.sectors.jurisdiction[i];
    info.from_m = split_km[i] * 1000.0;
    info.to_m = i + 2 == split_km.size() ? length_m : split_km[i + 1] * 1000.0;
    sectors.push_back(info);
  }
  return sectors;
}

std::vector<TowerSite> build_towers(const TowersSpec& spec, double length_m) {
  std::vector<TowerSite> towers;
  const auto& along = spec.along_border;
  // Positions from an index, not a running sum, so that rounding does not drift.
  const auto count = static_cast<std::size_t>((length_m - along.offset_m) / along.spacing_m) + 1;
  for (std::size_t i = 0; i < count; ++i) {
    const double x = along.offset_m + static_cast<double>(i) * along.spacing_m;
    towers.push_back({{x, along.setback_m},
                      spec.range_m,
                      spec.detection_rate_per_s.instant,
                      spec.detection_rate_per_s.per_s});
  }
  return towers;
}

}  // namespace

Model build_model(const Scenario& scenario) {
  Model model;
  model.scenario = scenario;
  model.border_length_m = scenario.terrain.flat.length_km * 1000.0;
  model.duration = seconds_to_time(scenario.duration_h * 3600.0);
  model.sectors = build_sectors(scenario, model.border_length_m);
  if (scenario.sensors.towers) model.towers = build_towers(*scenario.sensors.towers, model.border_length_m);
  if (const auto& qrf = scenario.response.qrf) {
    for (double base_km : qrf->bases_km) {
      for (std::int64_t team = 0; team < qrf->teams_per_base; ++team)
        model.responder_homes.push_back({base_km * 1000.0, qrf->setback_m});
    }
  }
  return model;
}

}  // namespace bordersim
