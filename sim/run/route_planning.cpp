#include "bordersim/run/route_planning.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "bordersim/run/model.h"
#include "bordersim/run/route_field_cache.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/camera.h"

namespace bordersim {
namespace {

// Expected detections per second in each routing cell from the towers that see its centre:
// their crews' hazards and their cameras' glimpse probabilities per scan, in the light at
// the scenario's start.
std::vector<float> tower_hazard(const Model& model, const terrain::GridGeometry& g) {
  std::vector<float> hazard(static_cast<std::size_t>(g.cell_count()), 0.0f);
  for (std::size_t t = 0; t < model.towers.size(); ++t) {
    const TowerSite& tower = model.towers[t];
    const auto lo = g.cell_of({tower.position.x - tower.range_m, tower.position.y + tower.range_m});
    const auto hi = g.cell_of({tower.position.x + tower.range_m, tower.position.y - tower.range_m});
    const int col0 = lo ? lo->col : 0, row0 = lo ? lo->row : 0;
    const int col1 = hi ? hi->col : g.cols - 1, row1 = hi ? hi->row : g.rows - 1;
    for (int row = row0; row <= row1; ++row) {
      for (int col = col0; col <= col1; ++col) {
        const MapPoint p = g.cell_centre({col, row});
        if (!model.tower_sees(t, p)) continue;
        // An "instant" crew sees a crosser in sight for certain; to a crosser planning its
        // way that is one sighting per re-sighting interval (crew_resighting_s).
        double h = !tower.crew ? 0.0 : tower.instant ? 1.0 / tower.resighting_s : tower.rate_per_s;
        const double range = std::hypot(p.x - tower.position.x, p.y - tower.position.y);
        for (const auto& camera : model.tower_cameras) {
          const double g_look =
              sensors::glimpse_probability(camera, range, model.concealment_at(p), model.sun_at(0));
          h += g_look / std::max(camera.scan_period_s, 1.0);
        }
        hazard[g.index({col, row})] += static_cast<float>(h);
      }
    }
  }
  return hazard;
}

}  // namespace

const routes::CostField* RoutePlanning::field_for(routes::Mover mover, double aversion_s,
                                                  double goal_m) const {
  for (const auto& f : crosser_fields) {
    if (f.mover == mover && f.aversion_s == aversion_s && f.goal_m == goal_m) return f.field.get();
  }
  return nullptr;
}

namespace {
constexpr double kSettleAtBuild = -1.0;  // nothing: see below
}  // namespace

std::shared_ptr<const RoutePlanning> build_route_planning(const Model& model, const Scenario& s,
                                                          const std::string& file,
                                                          RouteFieldCache* cache) {
  const Geography& geo = *model.geography;
  if (!geo.has_elevation()) return nullptr;
  // Without a batch's cache, a cache of this model's own (it still builds a field wanted
  // twice, two bases at one place, once).
  RouteFieldCache own;
  RouteFieldCache& fields = cache ? *cache : own;
  auto planning = std::make_shared<RoutePlanning>();

  // The surface comes from the geography (terrain and border), the land-cover table, the
  // obstacles and the routing keys (but not whether crossers plan at all).
  const Json json = scenario_to_json(s);
  Json routing = json["routing"];
  routing.erase("crossers");
  const std::string inputs = json["land_cover"].dump() + json["obstacles"].dump() + routing.dump();
  planning->surface = fields.surface(model.geography, inputs, [&] {
    routes::SurfaceOptions options;
    options.vehicle_half_speed_grade = s.routing.vehicle_half_speed_grade;
    options.vehicle_max_grade = s.routing.vehicle_max_grade;
    options.max_cells = s.routing.max_cells;
    options.file = file;
    return routes::CostSurface::build(geo.terrain, model.cover_table,
                                      routes::obstacle_costs(s.obstacles, geo.border),
                                      s.routing.cell_m, 1.0, 1.0, options);
  });
  const routes::CostSurface& surface = *planning->surface;

  // The fields the threats need: one per mover, aversion and goal depth.
  const bool straight = s.routing.crossers == "straight";  // once, for the model's variant
  const auto want = [&](routes::Mover mover, Knowledge knowledge, double aversion_s,
                        double goal_km) {
    if (straight) return;
    const double aversion = knowledge == Knowledge::kInformed ? aversion_s : 0.0;
    for (const auto& f : planning->crosser_fields)
      if (f.mover == mover && f.aversion_s == aversion && f.goal_m == goal_km * 1000.0) return;
    planning->crosser_fields.push_back({mover, aversion, goal_km * 1000.0, nullptr});
  };
  if (const auto& i = s.threats.infiltrators)
    want(routes::Mover::kFoot, model.crossers.infiltrators_knowledge, i->risk_aversion_s,
         i->goal_depth_km.expected());
  if (const auto& m = s.threats.smugglers) {
    if (m->vehicle_share < 1.0)
      want(routes::Mover::kFoot, model.crossers.smugglers_knowledge, m->risk_aversion_s,
           m->goal_depth_km.expected());
    if (m->vehicle_share > 0.0)
      want(routes::Mover::kVehicle, model.crossers.smugglers_knowledge, m->risk_aversion_s,
           m->goal_depth_km.expected());
  }
  // The post's projection (response.prediction, sim/c2/prediction.cpp): the fastest
  // routes, whatever the crossers know.
  if (model.command.prediction != PredictionRule::kExact) {
    if (const auto& i = s.threats.infiltrators)
      want(routes::Mover::kFoot, Knowledge::kNaive, 0.0, i->goal_depth_km.expected());
    if (const auto& m = s.threats.smugglers) {
      if (m->vehicle_share < 1.0)
        want(routes::Mover::kFoot, Knowledge::kNaive, 0.0, m->goal_depth_km.expected());
      if (m->vehicle_share > 0.0)
        want(routes::Mover::kVehicle, Knowledge::kNaive, 0.0, m->goal_depth_km.expected());
    }
  }
  const bool informed =
      std::any_of(planning->crosser_fields.begin(), planning->crosser_fields.end(),
                  [](const auto& f) { return f.aversion_s > 0.0; });
  if (informed) planning->tower_hazard_per_s = tower_hazard(model, surface.geometry());

  std::vector<MapPoint> bases;
  if (const auto& qrf = s.response.qrf) {
    for (double km : qrf->bases_km)
      bases.push_back(behind_border(geo.border, km * 1000.0, qrf->setback_m));
  }

  // Every field wanted: the crossers' first, then the bases', each taken from the cache
  // or built; a field wanted twice is built once.
  std::vector<RouteFieldCache::FieldKey> keys;
  for (const auto& f : planning->crosser_fields) {
    RouteFieldCache::FieldKey key;
    key.mover = f.mover;
    key.goal_m = f.goal_m;
    key.aversion_s = f.aversion_s;
    if (f.aversion_s > 0.0) key.hazard_per_s = planning->tower_hazard_per_s;
    keys.push_back(key);
  }
  for (const MapPoint& base : bases) {
    RouteFieldCache::FieldKey key;
    key.from_point = true;
    key.mover = routes::Mover::kVehicle;
    key.source = base;
    keys.push_back(key);
  }
  // Patrols' roads, for the vehicles that respond: sources every half routing cell.
  std::vector<std::vector<MapPoint>> road_points(model.patrols.size());
  planning->patrol_fields.resize(model.patrols.size());
  for (std::size_t p = 0; p < model.patrols.size(); ++p) {
    const PatrolSite& patrol = model.patrols[p];
    if (!patrol.responds) continue;
    auto& road = planning->patrol_fields[p];
    const double step = 0.5 * s.routing.cell_m;
    const auto n =
        static_cast<std::size_t>(std::ceil((patrol.route.to_m - patrol.route.from_m) / step));
    for (std::size_t i = 0; i <= n; ++i) {
      road.source_s.push_back(
          std::min(patrol.route.from_m + static_cast<double>(i) * step, patrol.route.to_m));
      road_points[p].push_back(lane_point(patrol.route, road.source_s.back()));
    }
    RouteFieldCache::FieldKey key;
    key.from_point = true;
    key.mover = routes::Mover::kVehicle;
    key.sources = road_points[p];
    keys.push_back(key);
  }

  std::vector<std::shared_ptr<const routes::CostField>> found(keys.size());
  std::vector<std::size_t> missing;  // the keys to build, by index, each once
  for (std::size_t k = 0; k < keys.size(); ++k) {
    found[k] = fields.find(surface, keys[k]);
    const auto twice = [&](std::size_t m) { return RouteFieldCache::same(keys[m], keys[k]); };
    if (!found[k] && std::none_of(missing.begin(), missing.end(), twice)) missing.push_back(k);
  }

  // Every field is its own Dijkstra: build them side by side, each into its own slot.
  const auto build = [&](const RouteFieldCache::FieldKey& key) {
    if (!key.sources.empty())
      return routes::CostField::from_points(surface, key.mover, key.sources);
    // A base's field settles nothing at the build: the replications settle it as far as
    // their questions need (a team's drive to where crossers are; far ones are answered
    // by a bound, ResponderPool::travel_s_or_more), exactly as the whole field would
    // answer (cost_field.h). On Iraq-Syria's grid a whole one is 3.8 million cells.
    if (key.from_point)
      return routes::CostField::from_point(surface, key.mover, key.source, kSettleAtBuild);
    if (key.aversion_s > 0.0)
      return routes::CostField::to_depth(surface, key.mover, geo.border, key.goal_m,
                                         key.hazard_per_s, key.aversion_s);
    return routes::CostField::to_depth(surface, key.mover, geo.border, key.goal_m);
  };
  std::vector<std::shared_ptr<const routes::CostField>> built(keys.size());
  tbb::parallel_for(std::size_t{0}, missing.size(), [&](std::size_t j) {
    built[missing[j]] = std::make_shared<const routes::CostField>(build(keys[missing[j]]));
  });
  for (std::size_t k : missing) fields.insert(surface, keys[k], built[k]);
  for (std::size_t k = 0; k < keys.size(); ++k)
    if (!found[k]) found[k] = fields.find(surface, keys[k]);

  for (std::size_t k = 0; k < planning->crosser_fields.size(); ++k)
    planning->crosser_fields[k].field = found[k];
  for (std::size_t b = 0; b < bases.size(); ++b) {
    planning->base_fields.push_back(found[planning->crosser_fields.size() + b]);
  }
  std::size_t k = planning->crosser_fields.size() + bases.size();
  for (auto& road : planning->patrol_fields)
    if (!road.source_s.empty()) road.field = found[k++];
  double min_pace = std::numeric_limits<double>::infinity();
  for (const float pace : surface.paces(routes::Mover::kVehicle))
    if (pace > 0.0f) min_pace = std::min(min_pace, static_cast<double>(pace));
  if (std::isfinite(min_pace)) planning->vehicle_min_pace = min_pace;
  return planning;
}

}  // namespace bordersim
