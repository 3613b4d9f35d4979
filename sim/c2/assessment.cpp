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

#include "command_post.h"

namespace bordersim::detail {

double CommandPost::assessment_chance(MapPoint p) const {
  const Time now = rep_.sim.now();
  const auto& cameras = rep_.model.tower_cameras;
  if (cameras.empty()) return 0.0;
  const auto looks = static_cast<double>(rep_.model.command.assessment_looks);
  const double concealment = rep_.model.concealment_at(p);
  double best = 0.0;
  for (std::size_t t = 0; t < rep_.model.towers.size(); ++t) {
    const TowerSite& tower = rep_.model.towers[t];
    const double range = std::hypot(p.x - tower.position.x, p.y - tower.position.y);
    if (range > tower.range_m || !rep_.model.tower_sees(t, p) ||
        !rep_.service.up(EntityKind::kTower, t, now))
      continue;
    for (std::size_t k = 0; k < cameras.size(); ++k) {
      const sensors::CameraSpec& camera =
          rep_.weather
              ? rep_.model.weather_cameras[rep_.weather->state_at(now) * cameras.size() + k]
              : cameras[k];
      const double g =
          sensors::glimpse_probability(camera, range, concealment, rep_.model.sun_at(now));
      best = std::max(best, 1.0 - std::pow(1.0 - g, looks));
    }
  }
  return best;
}

// A crosser's report has been looked at: seen, it is a target; else the post's verdict.
void CommandPost::assessed(std::uint32_t c) {
  CrosserState& crosser = rep_.crossers[c];
  Track& track = tracks_[c];
  track.assessing = false;
  if (crosser.finished || track.target) return;
  const double q = assessment_chance(position(crosser, rep_.sim.now()));
  const bool seen = q > 0.0 && uniform01(assessment_draws_) < q;
  ++(seen ? rep_.record.assessments_confirmed : rep_.record.assessments_unsettled);
  const bool dismissed =
      !seen && uniform01(track.verdicts) >= rep_.model.command.p_target_given_crosser;
  if (tracer_.on()) tracer_.assessment(c, q, seen, dismissed);
  if (dismissed) return;
  track.target = true;
  act_on_report(c);
}

// A false alarm has been looked at: seen to be one, it sends nobody; else as without.
void CommandPost::alarm_assessed(std::size_t a) {
  const double q = assessment_chance(rep_.false_alarms[a].alarm.where);
  if (q > 0.0 && uniform01(assessment_draws_) < q) return void(++rep_.record.assessments_dismissed);
  ++rep_.record.assessments_unsettled;
  send_to_alarm(a);
}

}  // namespace bordersim::detail
