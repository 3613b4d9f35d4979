// Ground sensors.
//
// A ground sensor sees a crosser that passes through its disc, once per pass, with its
// detection probability, when the crosser enters the disc: the passes through every disc a
// leg crosses are solved when the leg starts.
#include "ground_sensing.h"

#include <algorithm>

#include "bordersim/run/sensor_service.h"

namespace bordersim::detail {

// The passes of the current leg through ground sensors' discs. A pass that began on an
// earlier leg was drawn then.
GroundSensing::GroundSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list)
    : Sensing(list), rep_(replica), tracer_(tracer), post_(post) {
  draws_.reserve(rep_.crossers.size());
  for (const CrosserState& crosser : rep_.crossers)
    draws_.push_back(rep_.crosser_draws(crosser, Purpose::kGroundDetection));
}

void GroundSensing::leg_starts(std::uint32_t c) {
  if (rep_.model.ground_sensors.empty()) return;
  const CrosserState& crosser = rep_.crossers[c];
  const Leg& leg = crosser.current_leg();
  const Time from = std::max(leg.t0, rep_.sim.now());
  for (const GroundSensorPass& pass : ground_sensor_passes(
           rep_.model, leg.at(from), time_to_seconds(from), leg.to, time_to_seconds(leg.t1))) {
    if (pass.starts_inside && crosser.leg != 0) continue;
    const Time at = std::max(from, seconds_to_time(pass.enter_s));
    rep_.sim.schedule(at, Phase::kSense, rep_.target(c), kind_of<kPass>(),
                      stamped(crosser.stamp, pass.sensor));
  }
}

void GroundSensing::pass(std::uint32_t c, std::size_t sensor) {
  const GroundSensorSite& site = rep_.model.ground_sensors[sensor];
  if (!rep_.service.up(EntityKind::kGroundSensor, sensor, rep_.sim.now())) {
    if (tracer_.on())
      tracer_.look(c, Detector::kGroundSensor, sensor, site.position, site.detection_probability,
                   false, false);
    return;
  }
  // Seismic and acoustic sensing does not care for cover: no concealment here.
  const bool hit = uniform01(draws_[c]) < site.detection_probability;
  if (tracer_.on())
    tracer_.look(c, Detector::kGroundSensor, sensor, site.position, site.detection_probability, hit,
                 true);
  if (hit) post_.detect(c, Detector::kGroundSensor, site.report_latency_s);
}

}  // namespace bordersim::detail
