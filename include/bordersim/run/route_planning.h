#pragma once
// Route planning shared by every replication of a variant: the cost surface, the fields
// crossers walk down (one per mover, risk aversion and goal depth in use) and the fields
// responders drive out on (one per base, one per responding patrol's road). Absent on
// flat ground, where the fastest way to a goal line parallel to the border is straight
// across and responders drive straight.
// The surface and fields are shared with the batch's other variants wherever they are
// built from the same inputs (route_field_cache.h).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bordersim/routes/cost_field.h"
#include "bordersim/routes/cost_surface.h"

namespace bordersim {

struct Model;
struct Scenario;
class RouteFieldCache;

struct RoutePlanning {
  struct CrosserField {
    routes::Mover mover;
    double aversion_s;  // 0: the fastest way
    double goal_m;
    std::shared_ptr<const routes::CostField> field;
  };
  // The surface is paced for a nominal speed of 1 m/s on foot and by vehicle: a route's
  // seconds are divided by the mover's own speed (obstacle crossings excepted).
  // Every field below refers to this surface.
  std::shared_ptr<const routes::CostSurface> surface;
  // Expected detections per second spent in each routing cell, from the towers' coverage:
  // what an informed crosser knows.
  std::vector<float> tower_hazard_per_s;
  std::vector<CrosserField> crosser_fields;
  // From each responder base, by vehicle, in qrf.bases_km order.
  std::vector<std::shared_ptr<const routes::CostField>> base_fields;
  // Per patrol (model order), for those whose vehicles respond: by vehicle from the
  // patrol's road, sources every half routing cell along it at arc lengths source_s.
  // A vehicle drives its road to the source that reaches the crosser soonest, then goes
  // by road and terrain (nullptr field: the patrol does not respond).
  struct PatrolRoadField {
    std::vector<double> source_s;
    std::shared_ptr<const routes::CostField> field;
  };
  std::vector<PatrolRoadField> patrol_fields;
  // The least vehicle pace (s/m at 1 m/s) of any cell of the surface: no vehicle route
  // is faster, which bounds a drive from below (sim/c2/dispatch_bounds.cpp). 0: none.
  double vehicle_min_pace = 0.0;

  // The field for a crosser; nullptr if none was built for it.
  const routes::CostField* field_for(routes::Mover mover, double aversion_s, double goal_m) const;
};

// Builds the surface and every field that the model's threats and responders need, or
// takes them from `cache` where it holds them (and stores there what it builds); `file`
// names the scenario in errors (a routing grid too large).
std::shared_ptr<const RoutePlanning> build_route_planning(const Model& model,
                                                          const Scenario& scenario,
                                                          const std::string& file,
                                                          RouteFieldCache* cache = nullptr);

}  // namespace bordersim
