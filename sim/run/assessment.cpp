// Assessment of a report before the post acts on it (response.assessment "tower_camera"):
// the camera of a tower in service that sees the place slews onto it and looks
// assessment_looks times during assessment_s. Each look settles the matter with the
// probability a glimpse of a target there has (sensors/camera.h: range, light, weather,
// concealment), for the best camera of the best tower: a real crosser is then seen and
// confirmed as a target, a false alarm is seen to be one and sends nobody. Unsettled (no
// tower sees the place, or every look failed), the post decides as it would without
// assessment. So assessment thins the false alarms that send a team by 1 - q, q the chance
// that the looks settle one (tests/validation/test_command_realism.cpp).
#include <algorithm>
#include <cmath>

#include "world.h"

namespace bordersim::detail {

double World::assessment_chance(MapPoint p) const {
  const Time now = sim_.now();
  const auto& cameras = model_.tower_cameras;
  if (cameras.empty()) return 0.0;
  const auto looks = static_cast<double>(model_.command.assessment_looks);
  const double concealment = model_.concealment_at(p);
  double best = 0.0;
  for (std::size_t t = 0; t < model_.towers.size(); ++t) {
    const TowerSite& tower = model_.towers[t];
    const double range = std::hypot(p.x - tower.position.x, p.y - tower.position.y);
    if (range > tower.range_m || !model_.tower_sees(t, p) || !up(EntityKind::kTower, t, now))
      continue;
    for (std::size_t k = 0; k < cameras.size(); ++k) {
      const sensors::CameraSpec& camera =
          weather_ ? model_.weather_cameras[weather_->state_at(now) * cameras.size() + k]
                   : cameras[k];
      const double g = sensors::glimpse_probability(camera, range, concealment, model_.sun_at(now));
      best = std::max(best, 1.0 - std::pow(1.0 - g, looks));
    }
  }
  return best;
}

// A crosser's report has been looked at: seen, it is a target; else the post's verdict.
void World::assessed(std::uint32_t c) {
  CrosserState& crosser = crossers_[c];
  crosser.assessing = false;
  if (crosser.finished || crosser.target) return;
  const double q = assessment_chance(position(crosser, sim_.now()));
  const bool seen = q > 0.0 && uniform01(assessment_draws_) < q;
  ++(seen ? record_.assessments_confirmed : record_.assessments_unsettled);
  const bool dismissed =
      !seen && uniform01(crosser.command) >= model_.command.p_target_given_crosser;
  if (tracing_) trace_assessment(c, q, seen, dismissed);
  if (dismissed) return;
  crosser.target = true;
  act_on_report(c);
}

// A false alarm has been looked at: seen to be one, it sends nobody; else as without.
void World::alarm_assessed(std::size_t a) {
  const double q = assessment_chance(false_alarms_[a].alarm.where);
  if (q > 0.0 && uniform01(assessment_draws_) < q) return void(++record_.assessments_dismissed);
  ++record_.assessments_unsettled;
  send_to_alarm(a);
}

}  // namespace bordersim::detail
