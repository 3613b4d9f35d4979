#pragma once
// Drones (drone_sensing.cpp): glimpses at the crossers whose legs entered a drone's reach;
// a drone sleeps while no crosser's leg enters its reach, and passes over the glimpses
// that cannot find anyone (sensors/drone_approach.h). Its event: kGlimpse.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "../run/tracer.h"
#include "bordersim/sensors/motion.h"
#include "sensing.h"

namespace bordersim::detail {

class DroneSensing final : public Sensing {
 public:
  enum Own : std::uint16_t { kGlimpse };  // its own event; target: the drone

  DroneSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list);
  void handle(std::uint16_t /*own*/, const Event& e) override { glimpse(e.target.entity); }
  void leg_starts(std::uint32_t c) override;
  void crossing_ends(std::uint32_t c) override;
  void glimpse(std::size_t d);
  bool on_station(std::size_t d, Time t) const { return drones_[d].schedule.on_station_at(t); }
  // A drone's false alarms count only while an airframe is on station.
  bool watching(EntityKind kind, std::size_t d, Time t) const override {
    return kind != EntityKind::kDrone || on_station(d, t);
  }

 private:
  // A drone station in this replication: the phases drawn for it and whether its glimpses
  // are running.
  struct DroneState {
    sensors::StationSchedule schedule;
    double unfolded0_m = 0.0;  // "line": where on its back-and-forth cycle at t = 0
    std::optional<sensors::RandomTrack> track;  // "random"
    // Crossers (ascending) whose legs have entered its reach, until their crossing ends:
    // the only ones it can see, since its whole track's range lies in its reach.
    std::vector<std::uint32_t> walkers;
    // Per walker (same order): no glimpse before it can find that walker. Good until the
    // walker's next leg starts, when it is worked out again.
    std::vector<Time> quiet;
    Time quiet_until = 0;  // the least of `quiet`: no glimpse before it finds anyone
    // A random track's last place along the border, and when (its places are asked for
    // only at glimpses, in order, as the track steps from one to the next).
    double s_seen = 0.0;
    Time t_seen = -1;        // none yet
    bool awake = false;      // a glimpse is scheduled
    std::uint32_t lane = 0;  // of the event queue, for its glimpses
    Time period = 1;         // between glimpses
    // The last glimpse time worked out and the end of its slot on station: the next one
    // after it is a period on, without the divisions, while that stays in the slot.
    mutable Time last_glimpse = -2;
    mutable Time last_slot_end = 0;
  };

  void wake(std::size_t d, Time from);  // its next glimpse at or after `from`
  Time next_glimpse(std::size_t d, Time from) const;
  // next_glimpse for the simulator's quiet repeats (Simulator::set_lane_quiet).
  static Time repeat_glimpse(const void* drone, Time from);
  void publish_quiet(std::size_t d);               // tells the simulator which glimpses are quiet
  MapPoint position(std::size_t d, Time t);        // a random track steps to t
  double line_along(std::size_t d, Time t) const;  // a "line" drone's place along the border
  // The earliest glimpse time that could find walker c, at p now on its current leg.
  Time quiet_for(std::size_t d, std::uint32_t c, MapPoint p, Time now) const;
  void set_quiet(std::size_t d, std::uint32_t c, Time quiet);

  Replica& rep_;
  Tracer& tracer_;
  Reports& post_;
  // What the drones know of one crosser.
  struct Walker {
    explicit Walker(Stream draws) : air(draws) {}
    Stream air;  // its draws against drones' glimpses, apart so drones shift no other draw
    std::vector<std::uint16_t> drones;  // drones whose reach its legs have entered
  };

  std::vector<DroneState> drones_;
  std::vector<Walker> crossers_;      // by crosser
  std::vector<std::uint32_t> found_;  // scratch: a glimpse's walkers
};

}  // namespace bordersim::detail
