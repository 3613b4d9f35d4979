#pragma once
// Radars on towers (radar_sensing.cpp): their looks along a leg, drawn when it starts, the
// first detection scheduled. Its event: kContact.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "../run/tracer.h"
#include "sensing.h"

namespace bordersim::detail {

class RadarSensing final : public Sensing {
 public:
  // Its own event, planned for a crosser's leg: data the stamped tower index (its radar).
  enum Own : std::uint16_t { kContact };

  RadarSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list);
  void handle(std::uint16_t /*own*/, const Event& e) override {
    if (rep_.current(e.target.entity, e.data))
      contact(e.target.entity, static_cast<std::uint32_t>(payload_of(e.data)));
  }
  void leg_starts(std::uint32_t c) override;
  void contact(std::uint32_t c, std::uint32_t t);  // tower t's radar reports crosser c

 private:
  Time phase(std::uint32_t tower) const;
  double look(const CrosserState& crosser, std::uint32_t t, Time at) const;
  void schedule_contact(std::uint32_t c, std::uint32_t t, Time from);

  Replica& rep_;
  Tracer& tracer_;
  Reports& post_;
  // What the radars know of one crosser.
  struct Track {
    explicit Track(Stream draws) : radar(draws) {}
    Stream radar;  // its draws against radars' looks
    // Radars that have reported it: (tower, earliest time of its next report), across legs.
    std::vector<std::pair<std::uint32_t, Time>> quiet;
  };
  std::vector<Track> tracks_;  // by crosser
};

}  // namespace bordersim::detail
