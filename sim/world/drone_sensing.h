#pragma once
// Drones (drone_sensing.cpp): glimpses through the index of walking crossers' legs; a
// drone sleeps while no walking crosser's leg enters its reach. Event: kDroneGlimpse.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "../run/tracer.h"
#include "bordersim/run/segment_index.h"
#include "bordersim/sensors/motion.h"
#include "sensing.h"

namespace bordersim::detail {

class DroneSensing final : public Sensing {
 public:
  DroneSensing(Replica& replica, Tracer& tracer, Reports& post);
  void leg_starts(std::uint32_t c) override;
  void crossing_ends(std::uint32_t c) override;
  void glimpse(std::size_t d);
  bool on_station(std::size_t d, Time t) const { return drones_[d].schedule.on_station_at(t); }

 private:
  // A drone station in this replication: the phases drawn for it and whether its glimpses
  // are running.
  struct DroneState {
    sensors::StationSchedule schedule;
    double unfolded0_m = 0.0;  // "line": where on its back-and-forth cycle at t = 0
    std::optional<sensors::RandomTrack> track;  // "random"
    std::uint32_t walkers = 0;                  // walking crossers whose legs enter its reach
    bool awake = false;                         // a glimpse is scheduled
  };

  void wake(std::size_t d, Time from);  // its next glimpse at or after `from`
  Time next_glimpse(std::size_t d, Time from) const;
  MapPoint position(std::size_t d, Time t);

  Replica& rep_;
  Tracer& tracer_;
  Reports& post_;
  std::vector<DroneState> drones_;
  SegmentIndex walkers_;  // walking crossers' legs
  Time walkers_pruned_ = 0;
  std::vector<std::uint32_t> found_;  // scratch for index queries
};

}  // namespace bordersim::detail
