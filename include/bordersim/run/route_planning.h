#pragma once
// Route planning shared by every replication of a variant: the cost surface, the fields
// crossers walk down (one per mover, risk aversion and goal depth in use) and the fields
// responders drive out on (one per base). Absent on flat ground, where the fastest way to
// a goal line parallel to the border is straight across and responders drive straight.
#include <cstdint>
#include <memory>
#include <vector>

#include "bordersim/routes/cost_field.h"
#include "bordersim/routes/cost_surface.h"

namespace bordersim {

struct Model;

struct RoutePlanning {
  struct CrosserField {
    routes::Mover mover;
    double aversion_s;  // 0: the fastest way
    double goal_m;
    routes::CostField field;
  };
  // The surface is paced for a nominal speed of 1 m/s on foot and by vehicle: a route's
  // seconds are divided by the mover's own speed (obstacle crossings excepted).
  std::unique_ptr<routes::CostSurface> surface;
  // Expected detections per second spent in each routing cell, from the towers' coverage:
  // what an informed crosser knows.
  std::vector<float> tower_hazard_per_s;
  std::vector<CrosserField> crosser_fields;
  std::vector<routes::CostField> base_fields;  // from each responder base, by vehicle

  // The field for a crosser; nullptr if none was built for it.
  const routes::CostField* field_for(routes::Mover mover, double aversion_s, double goal_m) const;
};

// Builds the surface and every field that the model's threats and responders need; `file`
// names the scenario in errors (a routing grid too large).
std::shared_ptr<const RoutePlanning> build_route_planning(const Model& model,
                                                          const std::string& file);

}  // namespace bordersim
