#pragma once
// What the command post and its responders need of the scenario, resolved once when the
// model is built (resolve_command): the keys' words become enums here, so the event
// handlers (sim/c2/command_post.cpp and its neighbours) compare no strings and read no
// scenario. The keys' meanings are documented in scenarios/README.md and
// bordersim/scenario/response_keys.h (ResponseSpec, QrfSpec) and scenario.h (SectorsSpec).
#include <cstdint>
#include <optional>

#include "bordersim/scenario/scenario.h"

namespace bordersim {

// sectors.handoff: a report of another jurisdiction's sector is taken by its responders
// after handoff_delay_s, never ("never": refused), or at once (one command).
enum class Handoff : std::uint8_t { kDelayed, kRefused, kJoint };
// dispatch_delay and qrf.on_scene: a fixed time, an exponential one with that mean, or
// (dispatch_delay only) a normal one truncated at 0.
enum class DurationLaw : std::uint8_t { kFixed, kExponential, kNormal };
// response.prediction: where the post sends a team.
enum class PredictionRule : std::uint8_t { kExact, kLastSeen, kFastestRoute };
// response.priority: which waiting report a freed team takes.
enum class Priority : std::uint8_t { kFirstCome, kKind, kCargoValue };

// The mean speed and goal depth the post assumes for a kind of crosser.
struct KindMeans {
  double speed_mps = 1.0;
  double goal_m = 0.0;
};

struct CommandParams {
  bool queue_when_busy = true;  // when_busy "queue"; "drop": give up
  double track_hold_s = 900.0;
  double p_target_given_crosser = 1.0;
  double p_target_given_false_alarm = 0.5;
  DurationLaw dispatch_delay = DurationLaw::kFixed;
  double dispatch_delay_s = 0.0;
  double dispatch_delay_sd_s = 0.0;
  PredictionRule prediction = PredictionRule::kExact;
  double search_s = 1800.0;
  double search_radius_m = 500.0;
  double hold_after_escape_s = 43200.0;  // the post's picture after a projection ends
  bool assesses = false;                 // assessment "tower_camera"; "none": no assessment
  double assessment_s = 60.0;
  std::int64_t assessment_looks = 5;
  std::optional<double> max_response_margin_s;
  Priority priority = Priority::kFirstCome;
  bool retask_from_false_alarms = false;
  Handoff handoff = Handoff::kDelayed;
  double handoff_delay_s = 0.0;
  // Quick-reaction teams (their homes are the model's responder_homes).
  double qrf_speed_mps = 1.0;
  double on_scene_s = 0.0;
  DurationLaw on_scene = DurationLaw::kFixed;
  // The post's picture of the crossers (prediction.cpp): by kind and mover, the keys'
  // expected values; absent where the scenario has no such threat. A false alarm's
  // "crosser" walks as the first keyed kind on foot (infiltrators' defaults without any).
  std::optional<KindMeans> infiltrators;
  std::optional<KindMeans> smugglers_foot;
  std::optional<KindMeans> smugglers_vehicle;
  KindMeans alarm_walker;
};

// The scenario's words were checked when it was loaded (sim/scenario/load.cpp), so this
// throws nothing.
CommandParams resolve_command(const Scenario& scenario);

}  // namespace bordersim
