// Patrols and air reconnaissance.
//
// Patrols and reconnaissance see with a definite range, and their motion is fixed in
// advance (patrol phases are drawn per replication, sorties keep a timetable). So when a
// crosser sets off, its first contact with each is solved leg by leg: each traversal of a
// straight lane piece near a leg of its path is a pair of straight-line movers, whose
// first approach within range is a quadratic (sensors::first_within). One detection
// event per leg is scheduled, never a poll.
#include "sweep_sensing.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "bordersim/sensors/glimpse_schedule.h"
#include "bordersim/sensors/motion.h"
#include "bordersim/sensors/patrol_cycle.h"

namespace bordersim::detail {
namespace {

// The arc lengths [q0, q1] of the piece that lie in the box [lo, hi] (Liang–Barsky).
std::optional<std::pair<double, double>> clip(const LanePiece& p, MapPoint lo, MapPoint hi) {
  double f0 = 0.0, f1 = p.s1 - p.s0;
  const auto slab = [&](double start, double d, double min, double max) {
    if (d == 0.0) return start >= min && start <= max;
    double a = (min - start) / d, b = (max - start) / d;
    if (a > b) std::swap(a, b);
    f0 = std::max(f0, a);
    f1 = std::min(f1, b);
    return f0 <= f1;
  };
  if (!slab(p.p0.x, p.dir.x, lo.x, hi.x) || !slab(p.p0.y, p.dir.y, lo.y, hi.y)) return std::nullopt;
  return std::make_pair(p.s0 + f0, p.s0 + f1);
}

// A crossing as a straight mover over the window it walks, and the box (grown by the
// sweeper's range) outside which no sweeper can see it.
struct Walk {
  MapPoint start;     // position at t0
  MapPoint velocity;  // m/s
  double t0 = 0.0;    // seconds
  double t1 = 0.0;
  MapPoint lo;
  MapPoint hi;
};

// Folds into `best` the first contact within `range` of a sweeper that is at `from` at
// time tm0 and moves at `velocity` until tm1.
void consider(const Walk& walk, double range, MapPoint from, double tm0, MapPoint velocity,
              double tm1, std::optional<double>& best) {
  const double ta = std::max(tm0, walk.t0);
  const double tb = std::min({tm1, walk.t1, best.value_or(tm1)});
  if (ta > tb) return;
  const MapPoint m{from.x + velocity.x * (ta - tm0), from.y + velocity.y * (ta - tm0)};
  const MapPoint c{walk.start.x + walk.velocity.x * (ta - walk.t0),
                   walk.start.y + walk.velocity.y * (ta - walk.t0)};
  const auto hit = sensors::first_within(
      {m.x - c.x, m.y - c.y}, {velocity.x - walk.velocity.x, velocity.y - walk.velocity.y}, range,
      ta, tb);
  if (hit && (!best || *hit < *best)) best = hit;
}

Walk grown(Walk walk, double range) {
  walk.lo = {walk.lo.x - range, walk.lo.y - range};
  walk.hi = {walk.hi.x + range, walk.hi.y + range};
  return walk;
}

// The part of the walk within [a, b] seconds (its box kept: still a bound).
Walk clipped(Walk walk, double a, double b) {
  const double t0 = std::max(walk.t0, a);
  walk.start = {walk.start.x + walk.velocity.x * (t0 - walk.t0),
                walk.start.y + walk.velocity.y * (t0 - walk.t0)};
  walk.t0 = t0;
  walk.t1 = std::min(walk.t1, b);
  return walk;
}

// Calls f(part, state) for the walk's parts under each weather spell, in time order, until
// f returns true (a contact found: later spells cannot come sooner).
template <class F>
void by_weather(const sensors::WeatherTimeline& weather, const Walk& walk, F f) {
  const auto spells = weather.spells();
  // A walk may start before the run (the clock holds no earlier time): the first spell.
  const Time from = seconds_to_time(std::max(0.0, walk.t0));
  for (std::size_t i = weather.spell_at(from); i < spells.size(); ++i) {
    const double a = time_to_seconds(spells[i].begin);
    if (a > walk.t1) return;
    const double b = spells[i].end == kNever ? walk.t1 : time_to_seconds(spells[i].end);
    if (b < walk.t0) continue;
    if (f(clipped(walk, a, b), spells[i].state)) return;
  }
}

// Vehicles pass a point of the lane going one way at times base + j·spacing: vehicle k's
// distance along its cycle C (2L back and forth, L round a loop) is unfolded0 + k·C/n + v·t,
// so together they pass every C/(n·v) seconds, pass j being vehicle (−j) mod n's. Each
// traversal of [q0, q1] is a straight leg, outbound only round a loop; only its parts within
// the patrol's shifts sense. Passes that `away(k, t)` says vehicle k is off its round for are
// skipped; `vehicle` is set to the best contact's.
template <class Away>
void patrol_contacts(const PatrolSite& site, double range, double unfolded0, const Walk& walk,
                     Away away, std::vector<std::uint32_t>& pieces, std::optional<double>& best,
                     std::uint32_t& vehicle) {
  const SweepRoute& route = site.route;
  const double length = route.to_m - route.from_m;
  const double v = site.speed_mps;
  const std::int64_t n = site.vehicles;
  const double spacing = site.cycle_m() / (v * static_cast<double>(n));
  route.index.near_box(walk.lo, walk.hi, 0.0, pieces);
  for (std::uint32_t i : pieces) {
    const LanePiece& piece = route.pieces[i];
    const auto span = clip(piece, walk.lo, walk.hi);
    if (!span) continue;
    const auto [q0, q1] = *span;
    const double crossing_s = (q1 - q0) / v;
    const auto pass = [&](double base, MapPoint from, MapPoint velocity) {
      const auto j0 = static_cast<std::int64_t>(std::ceil((walk.t0 - crossing_s - base) / spacing));
      const auto j1 = static_cast<std::int64_t>(std::floor((walk.t1 - base) / spacing));
      for (std::int64_t j = j0; j <= j1; ++j) {
        const double tm0 = base + static_cast<double>(j) * spacing;
        if (best && tm0 > *best) break;
        const auto k = static_cast<std::uint32_t>(((-j) % n + n) % n);
        if (away(k, tm0)) continue;
        const auto before = best;
        site.shifts.active_spans(tm0, tm0 + crossing_s, [&](double a, double b) {
          const MapPoint at =
              a == tm0 ? from
                       : MapPoint{from.x + velocity.x * (a - tm0), from.y + velocity.y * (a - tm0)};
          consider(walk, range, at, a, velocity, b, best);
        });
        if (best != before) vehicle = k;
      }
    };
    const MapPoint out{v * piece.dir.x, v * piece.dir.y};
    pass((q0 - route.from_m - unfolded0) / v, piece.at(q0), out);  // outbound, at q0
    if (!site.loop)
      pass((2.0 * length - (q1 - route.from_m) - unfolded0) / v, piece.at(q1), {-out.x, -out.y});
  }
}

// Lane m of a sortie is flown over [m·T_lane, (m+1)·T_lane) from its start, outbound when
// m is even; lanes go 0, 1, …, n−1, then back n−1, …, 0, and again.
std::uint32_t lane_of(std::int64_t m, std::size_t lanes) {
  const auto n = static_cast<std::int64_t>(lanes);
  const std::int64_t k = m % (2 * n);
  return static_cast<std::uint32_t>(k < n ? k : 2 * n - 1 - k);
}

void recon_contacts(const ReconSite& site, const Walk& walk, std::vector<std::uint32_t>& pieces,
                    std::optional<double>& best) {
  const double v = site.speed_mps;
  const auto k0 = std::max<std::int64_t>(
      0, static_cast<std::int64_t>(
             std::ceil((walk.t0 - site.first_s - site.duration_s) / site.every_s)));
  const auto k1 = static_cast<std::int64_t>(std::floor((walk.t1 - site.first_s) / site.every_s));
  for (std::int64_t k = k0; k <= k1; ++k) {
    const double start = site.first_s + static_cast<double>(k) * site.every_s;
    const double end = start + site.duration_s;
    for (const SweepRoute& route : site.sectors) {
      const double lane_s = (route.to_m - route.from_m) / v;
      const auto last = static_cast<std::int64_t>(std::ceil(site.duration_s / lane_s)) - 1;
      const auto m0 = std::max<std::int64_t>(
          0, static_cast<std::int64_t>(std::floor((walk.t0 - start) / lane_s)) - 1);
      const auto m1 =
          std::min(last, static_cast<std::int64_t>(std::floor((walk.t1 - start) / lane_s)));
      if (m0 > m1) continue;
      route.index.near_box(walk.lo, walk.hi, 0.0, pieces);
      for (std::uint32_t i : pieces) {
        const LanePiece& piece = route.pieces[i];
        const auto span = clip(piece, walk.lo, walk.hi);
        if (!span) continue;
        const auto [q0, q1] = *span;
        const MapPoint out{v * piece.dir.x, v * piece.dir.y};
        for (std::int64_t m = m0; m <= m1; ++m) {
          if (lane_of(m, route.lane_offsets_m.size()) != piece.lane) continue;
          const double lane_start = start + static_cast<double>(m) * lane_s;
          const bool outbound = m % 2 == 0;
          const double tm0 = lane_start + (outbound ? q0 - route.from_m : route.to_m - q1) / v;
          if (tm0 >= end) continue;
          consider(walk, site.range_m, piece.at(outbound ? q0 : q1), tm0,
                   outbound ? out : MapPoint{-out.x, -out.y}, std::min(tm0 + (q1 - q0) / v, end),
                   best);
        }
      }
    }
  }
}

}  // namespace

// The leg's first contact with patrols and reconnaissance is solved.
SweepSensing::SweepSensing(Replica& replica, Tracer& tracer, Reports& post, SensingList& list)
    : Sensing(list),
      rep_(replica),
      tracer_(tracer),
      post_(post),
      contacts_(replica.crossers.size()) {}

void SweepSensing::leg_starts(std::uint32_t c) {
  if (rep_.model.patrols.empty() && rep_.model.air_recon.empty()) return;
  contacts_[c] = {};
  schedule_contact(c);
}

// The crosser's first contact from now on its current leg with a patrol or a
// reconnaissance aircraft, as a detection event, unless one is due at that time already.
void SweepSensing::schedule_contact(std::uint32_t c) {
  const CrosserState& crosser = rep_.crossers[c];
  Contact& due = contacts_[c];
  const Leg& leg = crosser.current_leg();
  std::uint64_t by = 0;
  const auto hit = first_contact(leg, by);
  const Time at = hit ? std::max(rep_.sim.now(), seconds_to_time(*hit)) : kNever;
  if (at >= leg.t1) {
    due.at = kNever;
    return;
  }
  if (at == due.at) return;
  due.at = at;
  rep_.sim.schedule(at, Phase::kSense, rep_.target(c), kind_of<kContact>(),
                    stamped(crosser.stamp, by));
}

// A patrol's vehicle is back on its round: crossers whose leg's first contact has not come
// yet may meet it sooner than planned (or at all).
void SweepSensing::again() {
  for (std::uint32_t c = 0; c < rep_.crossers.size(); ++c) {
    const CrosserState& crosser = rep_.crossers[c];
    if (crosser.finished || contacts_[c].swept || crosser.movement.legs().empty()) continue;
    if (crosser.current_leg().t1 <= rep_.sim.now()) continue;
    schedule_contact(c);
  }
}

// The first time on this leg that a patrol or a reconnaissance aircraft comes within range,
// and which of them it is (sensor_payload: the vehicle's number for patrols). Whether a
// patrol is in service is checked when the contact comes: one that is down then does not
// look for a later contact on the leg. Vehicles off their round on a call are left out
// until they are known to be back (vehicle_away): a vehicle sent after the leg was
// planned is found out when its contact comes (detect_by), and when one comes back the
// legs whose contact has not come yet are solved again (sweep_again).
std::optional<double> SweepSensing::first_contact(const Leg& leg, std::uint64_t& by) const {
  const double t0 = time_to_seconds(std::max(leg.t0, rep_.sim.now()));
  const MapPoint a = leg.at(std::max(leg.t0, rep_.sim.now()));
  const MapPoint b = leg.to;
  const Walk walk{a,
                  leg.velocity(),
                  t0,
                  time_to_seconds(leg.t1),
                  {std::min(a.x, b.x), std::min(a.y, b.y)},
                  {std::max(a.x, b.x), std::max(a.y, b.y)}};
  std::optional<double> best;
  std::vector<std::uint32_t> pieces;
  for (std::size_t i = 0; i < rep_.model.patrols.size(); ++i) {
    const PatrolSite& site = rep_.model.patrols[i];
    const auto before = best;
    std::uint32_t vehicle = 0;
    // Pass times reach back before the run's start (the clock holds none): no vehicle is
    // away before it.
    const auto away = [&](std::uint32_t k, double t) {
      return post_.vehicle_away(i, k, seconds_to_time(std::max(0.0, t)));
    };
    if (rep_.weather && rep_.model.weather->changes_patrols()) {
      // The sweep width of each spell's weather, spell by spell.
      by_weather(*rep_.weather, walk, [&](const Walk& part, std::uint16_t state) {
        const double range =
            site.range_m * rep_.model.weather->states[state].patrol_sweep_width_factor;
        if (range > 0.0)
          patrol_contacts(site, range, rep_.rounds.unfolded0_m(i), grown(part, range), away, pieces,
                          best, vehicle);
        return best != before;
      });
    } else {
      patrol_contacts(site, site.range_m, rep_.rounds.unfolded0_m(i), grown(walk, site.range_m),
                      away, pieces, best, vehicle);
    }
    if (best != before) by = sensor_payload(Detector::kPatrol, site.first_vehicle + vehicle);
  }
  for (std::size_t i = 0; i < rep_.model.air_recon.size(); ++i) {
    const ReconSite& site = rep_.model.air_recon[i];
    const auto before = best;
    if (site.grounded) continue;
    if (rep_.weather && rep_.model.weather->grounds_air_recon()) {
      // Aircraft see nothing while the weather keeps them down; the timetable runs on.
      by_weather(*rep_.weather, walk, [&](const Walk& part, std::uint16_t state) {
        if (rep_.model.weather->states[state].air_recon_flies)
          recon_contacts(site, grown(part, site.range_m), pieces, best);
        return best != before;
      });
    } else {
      recon_contacts(site, grown(walk, site.range_m), pieces, best);
    }
    if (best != before) by = sensor_payload(Detector::kAirRecon, i);
  }
  return best;
}

// A patrol's or a reconnaissance sortie's contact, planned when the leg started: it counts
// if the patrol is in service now, and if the vehicle has not been sent away since (then
// the leg's next contact with the others is looked for).
void SweepSensing::contact(std::uint32_t c, std::uint64_t payload) {
  Contact& due = contacts_[c];
  if (rep_.sim.now() != due.at) return;  // replaced by a contact solved again
  due.at = kNever;
  due.swept = true;
  const auto by = static_cast<Detector>(payload >> 24);
  const std::uint32_t index = payload & 0xFF'FFFF;
  if (by != Detector::kPatrol) {
    if (tracer_.on()) tracer_.look(c, by, index, {kMissing, kMissing}, 1.0, true, true);
    return post_.detect(c, by, rep_.model.air_recon[index].report_latency_s);
  }
  const auto after = std::upper_bound(
      rep_.model.patrols.begin(), rep_.model.patrols.end(), index,
      [](std::uint32_t v, const PatrolSite& site) { return v < site.first_vehicle; });
  const auto p = static_cast<std::size_t>(after - rep_.model.patrols.begin()) - 1;
  const std::uint32_t k = index - rep_.model.patrols[p].first_vehicle;
  if (post_.vehicle_away(p, k, rep_.sim.now()) &&
      rep_.service.up(EntityKind::kPatrol, p, rep_.sim.now())) {
    due.swept = false;
    return schedule_contact(c);
  }
  const bool on = rep_.service.up(EntityKind::kPatrol, p, rep_.sim.now());
  if (tracer_.on())
    tracer_.look(c, by, index, rep_.rounds.vehicle_at(p, k, rep_.sim.now()), 1.0, on, on);
  if (on) post_.detect(c, by, rep_.model.patrols[p].report_latency_s);
}

}  // namespace bordersim::detail
