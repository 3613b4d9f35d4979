#pragma once
// Patrols and air reconnaissance (sweep_sensing.cpp): a leg's first contact with any of
// them, solved when it starts and again when a patrol vehicle comes back on its round.
// Its event: kContact.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "../run/tracer.h"
#include "sensing.h"

namespace bordersim::detail {

class SweepSensing final : public Sensing {
 public:
  // Its own event, planned for a crosser's leg: target the crosser, data stamped
  // sensor_payload (replica.h).
  enum Own : std::uint16_t { kContact };

  SweepSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list);
  void handle(std::uint16_t /*own*/, const Event& e) override {
    if (rep_.current(e.target.entity, e.data)) contact(e.target.entity, payload_of(e.data));
  }
  void leg_starts(std::uint32_t c) override;
  void contact(std::uint32_t c, std::uint64_t payload);  // the contact planned has come
  void schedule_contact(std::uint32_t c);  // the first one from now on its current leg
  void again();                            // a patrol vehicle is back on its round

 private:
  std::optional<double> first_contact(const Leg& leg, std::uint64_t& by) const;

  Replica& rep_;
  Tracer& tracer_;
  Reports& post_;
  // Each crosser's first contact on its current leg with a patrol or reconnaissance
  // aircraft: when it is due (kNever: none), and whether it has come. A contact solved
  // again (a vehicle sent away, or back) replaces the one due; the replaced event is
  // dropped when it comes.
  struct Contact {
    Time at = kNever;
    bool swept = false;
  };
  std::vector<Contact> contacts_;  // by crosser
};

}  // namespace bordersim::detail
