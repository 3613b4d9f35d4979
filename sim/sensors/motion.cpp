#include "bordersim/sensors/motion.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace bordersim::sensors {
namespace {

constexpr double kPi = std::numbers::pi;

// ⌊a / b⌋ for b > 0.
Time floor_div(Time a, Time b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

std::optional<double> first_within(MapPoint d0, MapPoint w, double range_m, double t0, double t1) {
  if (t1 < t0) return std::nullopt;
  const double c = d0.x * d0.x + d0.y * d0.y - range_m * range_m;
  if (c <= 0.0) return t0;
  const double a = w.x * w.x + w.y * w.y;
  const double b = d0.x * w.x + d0.y * w.y;       // half the linear coefficient
  if (a == 0.0 || b >= 0.0) return std::nullopt;  // not closing in
  const double disc = b * b - a * c;
  if (disc < 0.0) return std::nullopt;  // passes by farther than the range
  // The smaller root, (−b − √disc)/a, written without cancellation.
  const double tau = c / (-b + std::sqrt(disc));
  if (t0 + tau > t1) return std::nullopt;
  return t0 + tau;
}

std::optional<std::pair<double, double>> window_within(MapPoint centre, double r, MapPoint a,
                                                       double ta, MapPoint b, double tb) {
  if (tb < ta || !(r >= 0.0)) return std::nullopt;
  const MapPoint d{a.x - centre.x, a.y - centre.y};  // the leg's start, from the centre
  const MapPoint v{b.x - a.x, b.y - a.y};            // the whole leg, u from 0 to 1
  const double c = d.x * d.x + d.y * d.y - r * r;
  const double qa = v.x * v.x + v.y * v.y;
  if (qa == 0.0 || tb == ta) {  // standing still
    if (c > 0.0) return std::nullopt;
    return std::pair{ta, tb};
  }
  const double qb = d.x * v.x + d.y * v.y;  // half the linear coefficient
  const double disc = qb * qb - qa * c;
  if (disc < 0.0) return std::nullopt;  // the line passes farther than r
  // Both roots without cancellation: q = −(qb + sign(qb)·√disc), u = q/qa and c/q.
  const double root = std::sqrt(disc);
  const double q = qb >= 0.0 ? -(qb + root) : -(qb - root);
  double u0 = 0.0, u1 = 0.0;
  if (q == 0.0) {  // qb = 0 and disc = 0: grazing at u = 0 with c = 0
    u0 = u1 = 0.0;
  } else {
    u0 = q / qa;
    u1 = c / q;
    if (u0 > u1) std::swap(u0, u1);
  }
  if (u1 < 0.0 || u0 > 1.0) return std::nullopt;  // the crossing lies outside the leg
  u0 = std::max(u0, 0.0);
  u1 = std::min(u1, 1.0);
  const double span = tb - ta;
  return std::pair{ta + u0 * span, ta + u1 * span};
}

double back_and_forth_position(double unfolded_m, double length_m) {
  if (!(length_m > 0))
    throw std::invalid_argument("back_and_forth_position: length must be positive");
  double w = std::fmod(unfolded_m, 2.0 * length_m);
  if (w < 0) w += 2.0 * length_m;
  return w <= length_m ? w : 2.0 * length_m - w;
}

Time StationSchedule::slot_start_for(Time t) const {
  const Time start = floor_div(t + phase, slot) * slot - phase;
  return t < start + on_station ? start : start + slot;
}

bool StationSchedule::on_station_at(Time t) const { return slot_start_for(t) <= t; }

double StationSchedule::fraction() const {
  return static_cast<double>(on_station) / static_cast<double>(slot);
}

StationSchedule station_schedule(double endurance_s, double turnaround_s, double transit_s,
                                 std::int64_t airframes) {
  if (!(airframes >= 1) || !(turnaround_s >= 0) || !(transit_s >= 0))
    throw std::invalid_argument(
        "station_schedule: need airframes >= 1 and turnaround, transit >= 0");
  // Compared before converting: a round trip longer than the endurance is no time at all.
  const double on_s = endurance_s - 2.0 * transit_s;
  if (!(on_s * static_cast<double>(kTicksPerSecond) >= 0.5))
    throw std::invalid_argument("station_schedule: the round trip takes the whole endurance");
  const Time on = seconds_to_time(on_s);
  const Time cycle = seconds_to_time(endurance_s + turnaround_s);
  StationSchedule s;
  s.on_station = on;
  s.slot = std::max(on, (cycle + airframes - 1) / airframes);  // rounded up: never early
  return s;
}

double station_fraction(double on_station_s, double turnaround_s, double round_trip_s,
                        std::int64_t airframes) {
  return std::min(1.0, static_cast<double>(airframes) * on_station_s /
                           (on_station_s + turnaround_s + round_trip_s));
}

RandomTrack::RandomTrack(TrackBox box, double speed_mps, double leg_m, Stream stream)
    : box_(box), speed_(speed_mps), leg_(leg_m), stream_(stream) {
  if (!(box.x1 > box.x0) || !(box.y1 > box.y0) || !(speed_mps > 0) || !(leg_m > 0))
    throw std::invalid_argument("RandomTrack: need a box of positive area, speed and leg > 0");
  p_ = {box.x0 + uniform01(stream_) * (box.x1 - box.x0),
        box.y0 + uniform01(stream_) * (box.y1 - box.y0)};
  new_heading();
  leg_left_ = uniform01(stream_) * leg_;
}

void RandomTrack::new_heading() {
  const double heading = 2.0 * kPi * uniform01(stream_);
  v_ = {speed_ * std::cos(heading), speed_ * std::sin(heading)};
}

MapPoint RandomTrack::at(double t_s) {
  const double inf = std::numeric_limits<double>::infinity();
  while (true) {
    // The next turn: an edge of the box or the end of the leg, whichever comes first.
    const double to_x =
        v_.x > 0 ? (box_.x1 - p_.x) / v_.x : (v_.x < 0 ? (box_.x0 - p_.x) / v_.x : inf);
    const double to_y =
        v_.y > 0 ? (box_.y1 - p_.y) / v_.y : (v_.y < 0 ? (box_.y0 - p_.y) / v_.y : inf);
    const double to_leg = leg_left_ / speed_;
    const double dt = std::max(0.0, std::min({to_x, to_y, to_leg}));
    if (t_ + dt > t_s) {
      const double step = std::max(0.0, t_s - t_);
      p_ = {p_.x + v_.x * step, p_.y + v_.y * step};
      leg_left_ -= speed_ * step;
      t_ = std::max(t_, t_s);
      return p_;
    }
    p_ = {p_.x + v_.x * dt, p_.y + v_.y * dt};
    leg_left_ -= speed_ * dt;
    t_ += dt;
    if (dt == to_x) {
      p_.x = v_.x > 0 ? box_.x1 : box_.x0;
      v_.x = -v_.x;
    }
    if (dt == to_y) {
      p_.y = v_.y > 0 ? box_.y1 : box_.y0;
      v_.y = -v_.y;
    }
    if (dt == to_leg) {
      new_heading();
      leg_left_ = leg_;
    }
  }
}

double inverse_cube_glimpse(double k_m2_per_s, double height_m, double ground_m, double period_s) {
  const double r2 = height_m * height_m + ground_m * ground_m;
  if (r2 == 0.0) return k_m2_per_s > 0 ? 1.0 : 0.0;
  return -std::expm1(-k_m2_per_s * height_m * period_s / (r2 * std::sqrt(r2)));
}

}  // namespace bordersim::sensors
