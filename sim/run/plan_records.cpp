#include "bordersim/run/plan_records.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "bordersim/stats/seams.h"

namespace bordersim {
namespace {

// Plans by id. plan_crossers gives ids 0, 1, ... in order; hand-made plans may not.
class PlanLookup {
 public:
  explicit PlanLookup(std::span<const CrosserPlan> plans) : plans_(plans) {
    dense_ = true;
    for (std::size_t i = 0; i < plans.size() && dense_; ++i) dense_ = plans[i].id == i;
    if (dense_) return;
    for (std::size_t i = 0; i < plans.size(); ++i) by_id_.emplace_back(plans[i].id, i);
    std::sort(by_id_.begin(), by_id_.end());
  }

  const CrosserPlan* find(std::uint32_t id) const {
    if (dense_) return id < plans_.size() ? &plans_[id] : nullptr;
    const auto it = std::lower_bound(by_id_.begin(), by_id_.end(), std::pair{id, std::size_t{0}});
    return it != by_id_.end() && it->first == id ? &plans_[it->second] : nullptr;
  }

 private:
  std::span<const CrosserPlan> plans_;
  bool dense_ = true;
  std::vector<std::pair<std::uint32_t, std::size_t>> by_id_;
};

bool reached_goal(Outcome outcome) {
  return outcome == Outcome::kUndetected || outcome == Outcome::kDetectedNotIntercepted;
}

}  // namespace

void record_plans(const Model& model, std::span<const CrosserPlan> plans,
                  ReplicationRecord& record) {
  const PlanLookup lookup(plans);
  const std::vector<double> seams = seam_positions_m(model.sectors);
  record.value_seized_usd = 0.0;
  record.value_delivered_usd = 0.0;
  for (CrossingRecord& row : record.crossing_records) {
    if (const CrosserPlan* plan = lookup.find(row.crosser)) {
      row.kind = plan->kind;
      row.mover = plan->mover;
      row.cargo = plan->cargo;
      row.organisation = plan->organisation;
      row.cargo_value_usd = plan->cargo_value_usd;
    }
    if (!seams.empty() && model.geography) {
      const double s = model.geography->border.project({row.border_x_m, row.border_y_m}).s;
      row.seam_distance_m = seam_distance_m(seams, s);
    }
    if (row.outcome == Outcome::kIntercepted) record.value_seized_usd += row.cargo_value_usd;
    if (reached_goal(row.outcome)) record.value_delivered_usd += row.cargo_value_usd;
  }
  record.responder_available_s =
      static_cast<double>(model.responder_count()) * time_to_seconds(model.duration);
}

}  // namespace bordersim
