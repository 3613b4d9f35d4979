#pragma once
// Kinematics of moving sensors, as pure functions of their parameters: when two
// straight-line movers first come within a range (patrols and reconnaissance find their
// detections this way, leg by leg, rather than by polling), where a back-and-forth mover
// is, when a station held by rotating airframes is covered, a pseudo-random search track,
// and a drone's per-glimpse detection probability under the inverse-cube law.
#include <cstdint>
#include <optional>
#include <utility>

#include "bordersim/core/time.h"
#include "bordersim/random/stream.h"
#include "bordersim/terrain/grid.h"

namespace bordersim::sensors {

using terrain::MapPoint;

// The first instant in [t0, t1] (seconds) at which |d0 + w·(t − t0)| <= range: d0 is the
// relative position of two straight-line movers at t0 and w their constant relative
// velocity. |d(t)|² = R² is the quadratic |w|²τ² + 2(d0·w)τ + |d0|² − R² = 0 in τ = t − t0;
// the answer is t0 when they start within range, else t0 + its smaller root if that root
// lies in the window; nullopt when they do not come that close in [t0, t1].
std::optional<double> first_within(MapPoint d0, MapPoint w, double range_m, double t0, double t1);

// The time window [t_in, t_out] within [ta, tb] (seconds) during which a mover going
// straight from a (at ta) to b (at tb) at constant speed is within r of `centre`
// (boundary included): the roots of |a − c + (b − a)·u|² = r², u = (t − ta)/(tb − ta),
// clipped to the leg. nullopt when the leg passes farther than r. A leg with tb == ta is a
// point: its window is [ta, ta] when a lies within r. Ground sensors detect at t_in.
std::optional<std::pair<double, double>> window_within(MapPoint centre, double r, MapPoint a,
                                                       double ta, MapPoint b, double tb);

// Where a mover going back and forth along [0, L] at constant speed is, given the
// distance it has covered since it was at 0 heading out (any real: the motion is periodic
// with period 2L, out from 0 to L over [0, L] and back over [L, 2L]).
double back_and_forth_position(double unfolded_m, double length_m);

// Relief on station. An airframe flies `endurance` per sortie, of which 2 × transit goes
// to and from the station, and stays `turnaround` on the ground: one airframe's cycle is
// C = endurance + turnaround, its time on station E = endurance − 2·transit. Airframes
// arrive on station one after another every Δ = max(E, C / airframes): when
// airframes·E >= C each arrives as the one before leaves (continuous coverage), else
// gaps of Δ − E open. Slot j covers [j·Δ − phase, j·Δ − phase + E); the phase, uniform on
// [0, Δ) per replication, makes coverage stationary from the start.
struct StationSchedule {
  Time on_station = 0;  // E
  Time slot = 1;        // Δ
  Time phase = 0;

  // The start of the slot covering t, or of the next slot when t falls in a gap.
  Time slot_start_for(Time t) const;
  bool on_station_at(Time t) const;
  // The long-run fraction of time on station, E/Δ.
  double fraction() const;
};

// Throws std::invalid_argument unless the endurance exceeds the round trip (E > 0).
StationSchedule station_schedule(double endurance_s, double turnaround_s, double transit_s,
                                 std::int64_t airframes);

// min(1, airframes·E / (E + turnaround + round_trip)): the fraction of time a station is
// held, with E the time on station per sortie and round_trip = 2 × transit.
double station_fraction(double on_station_s, double turnaround_s, double round_trip_s,
                        std::int64_t airframes);

// A pseudo-random search track over the box [x0, x1] × [y0, y1]: straight legs of length
// `leg_m` with headings uniform on the circle, reflected like a billiard ball at the box's
// edges. Uniform positions and headings are invariant under both rules, and the start is
// drawn from them (with the first leg's remaining length uniform on [0, leg]), so the
// track covers the box uniformly at every instant: the "random search" of Koopman.
struct TrackBox {
  double x0 = 0.0, x1 = 0.0, y0 = 0.0, y1 = 0.0;
};

class RandomTrack {
 public:
  RandomTrack(TrackBox box, double speed_mps, double leg_m, Stream stream);
  // The position at time t_s (seconds); t_s must not decrease from call to call.
  MapPoint at(double t_s);

 private:
  void new_heading();

  TrackBox box_;
  double speed_;
  double leg_;
  Stream stream_;
  double t_ = 0.0;
  MapPoint p_;
  MapPoint v_;  // velocity, m/s
  double leg_left_ = 0.0;
};

// Koopman's inverse-cube law in discrete glimpses: an observer at height h with glimpse
// rate γ = k·h / r³ (r the slant range √(h² + ground²)) sampled every τ seconds detects in
// one glimpse with probability 1 − exp(−k·h·τ / r³). Over a straight pass the glimpses'
// summed rate tends to ∫γ dt, so the lateral range curve is detection_laws.h's
// inverse_cube_lateral_range_slant as τ·speed becomes small against the lateral distance.
double inverse_cube_glimpse(double k_m2_per_s, double height_m, double ground_m, double period_s);

}  // namespace bordersim::sensors
