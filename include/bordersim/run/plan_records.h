#pragma once
// What a replication's record keeps of its crossers' plans. The world tracks movement,
// sensing and response; the plans know the rest (mover, cargo, organisation), and the
// model knows where the seams are. Called once a replication has run (run/replication.cpp).
#include <span>

#include "bordersim/movers/arrivals.h"
#include "bordersim/run/model.h"
#include "bordersim/run/record.h"

namespace bordersim {

// For every crossing row, by crosser id: kind, mover, cargo, organisation and cargo value
// from its plan; seam_distance_m from where it crossed (border_x/y_m projected onto the
// border). Then the replication's value seized (cargo of intercepted crossings) and
// delivered (of crossings that reached their goal, detected or not) and its responders'
// team-seconds on duty (teams × duration). A row whose crosser has no plan keeps its
// values. Throws nothing.
void record_plans(const Model& model, std::span<const CrosserPlan> plans,
                  ReplicationRecord& record);

}  // namespace bordersim
