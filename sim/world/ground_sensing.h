#pragma once
// Ground sensors (ground_sensing.cpp): a leg's passes through their discs, solved when it
// starts. Its event: kPass.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../run/tracer.h"
#include "sensing.h"

namespace bordersim::detail {

class GroundSensing final : public Sensing {
 public:
  // Its own event, planned for a crosser's leg: data the stamped ground sensor index.
  enum Own : std::uint16_t { kPass };

  GroundSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list);
  void handle(std::uint16_t /*own*/, const Event& e) override {
    if (rep_.current(e.target.entity, e.data)) pass(e.target.entity, payload_of(e.data));
  }
  void leg_starts(std::uint32_t c) override;
  void pass(std::uint32_t c, std::size_t sensor);  // crosser c enters the sensor's disc

 private:
  Replica& rep_;
  Tracer& tracer_;
  Reports& post_;
  std::vector<Stream> draws_;  // by crosser: its draws against ground sensors
};

}  // namespace bordersim::detail
