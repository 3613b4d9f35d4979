#pragma once
// Ground sensors (ground_sensing.cpp): a leg's passes through their discs, solved when it
// starts. Event: kGroundPass.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../run/tracer.h"
#include "sensing.h"

namespace bordersim::detail {

class GroundSensing final : public Sensing {
 public:
  GroundSensing(Replica& replica, Tracer& tracer, Reports& post);
  std::span<const EventKind> events() const override { return kEvents; }
  void handle(const Event& e) override {  // kGroundPass, planned for the crosser's leg
    if (rep_.current(e.target.entity, e.data)) pass(e.target.entity, payload_of(e.data));
  }
  void leg_starts(std::uint32_t c) override;
  void pass(std::uint32_t c, std::size_t sensor);  // crosser c enters the sensor's disc

 private:
  static constexpr std::array<EventKind, 1> kEvents = {kGroundPass};
  Replica& rep_;
  Tracer& tracer_;
  Reports& post_;
  std::vector<Stream> draws_;  // by crosser: its draws against ground sensors
};

}  // namespace bordersim::detail
