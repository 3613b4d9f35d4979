#pragma once
// Towers (tower_sensing.cpp): the stretches of a leg each tower sees, its crew's sightings
// and its cameras' glimpses. Its events: kEnterView, kCrewSighting, kGlimpse.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "../run/tracer.h"
#include "bordersim/scenario/limits.h"
#include "sensing.h"

namespace bordersim::detail {

// A stretch [t_in, t_out] of the current leg during which a tower sees the crosser.
struct ViewInterval {
  std::uint32_t tower;
  Time t_in;
  Time t_out;
};

class TowerSensing final : public Sensing {
 public:
  // Its own events, planned for a crosser's leg (data: stamped; see handle()).
  enum Own : std::uint16_t { kEnterView, kCrewSighting, kGlimpse };

  TowerSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list);
  void handle(std::uint16_t own, const Event& e) override;
  void leg_starts(std::uint32_t c) override;
  void enter_view(std::uint32_t c, std::size_t v);
  void crew_sighting(std::uint32_t c, std::size_t v);
  void glimpse(std::uint32_t c, std::size_t v, std::size_t k);

 private:
  // A glimpse's payload is view × kMaxCameras + camera, and a camera's scan-phase stream
  // tower × kMaxCameras + camera: the scenario's limit keeps cameras below it.
  static constexpr std::uint64_t kMaxCameras = limits::kMaxCamerasPerTower;
  // What the towers know of one crosser.
  struct Watch {
    explicit Watch(Stream draws) : detection(draws) {}
    std::vector<ViewInterval> views;  // of its current leg; kEnterView's payload indexes them
    Stream detection;                 // its hazard and glimpse draws, whatever the towers
  };

  bool add_views(const CrosserState& crosser, std::uint32_t t,
                 std::vector<ViewInterval>& views) const;  // false: out of range
  bool crew_sees_through_weather(std::uint32_t c, std::uint32_t t);
  void schedule_crew(std::uint32_t c, std::size_t v);
  std::optional<Time> next_look(const CrosserState& crosser, const ViewInterval& view,
                                std::size_t k, Time from);
  void schedule_glimpse(std::uint32_t c, std::size_t v, std::size_t k, Time from);
  Time scan_phase(std::uint32_t tower, std::size_t k, Time period);

  Replica& rep_;
  Tracer& tracer_;
  Reports& post_;
  // Weather that changes the crews' sighting, and its largest factor (1 without).
  const bool crew_weather_;
  const double crew_ceiling_;
  std::vector<Watch> watches_;  // by crosser
  // Each camera's scan phase once drawn (tower × camera; -1: not yet): every look asks for
  // it, and keying a stream and drawing cost more than the rest of the look.
  std::vector<Time> scan_phases_;
};

}  // namespace bordersim::detail
