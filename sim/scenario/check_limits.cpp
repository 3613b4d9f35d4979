#include "check_limits.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "bordersim/core/error.h"
#include "bordersim/scenario/limits.h"
#include "check_patrols.h"

namespace bordersim::detail {
namespace {

// A speed factor of 0.001 turns 1 m/s into the slowest speed allowed.
constexpr double kMinSpeedFactor = 1e-3;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

class LimitChecker {
 public:
  LimitChecker(const Scenario& s, const std::string& file) : s_(s), file_(file) {}

  void check() {
    by_suffix(scenario_to_json(s_), "");
    counts();
    arrivals();
    availability_windows();
    moving_sensors();
    spacings();
  }

 private:
  [[noreturn]] void fail(const std::string& ptr, const std::string& problem) const {
    throw InputError(file_, ptr, problem);
  }

  // Units by key name (every key whose value has a unit names it: _s, _m, _km, _deg, ...).
  void by_suffix(const Json& j, const std::string& ptr) {
    if (j.is_object()) {
      for (const auto& [key, value] : j.items()) {
        const std::string child = ptr + "/" + key;  // resolved keys hold no '/' or '~'
        if (value.is_number())
          number(key, value.get<double>(), child);
        else
          by_suffix(value, child);
        // A per-crossing distribution ({"family": ...}, scenario/distribution.h) holds
        // values of its key: they take the key's unit and limits.
        if (value.is_object() && value.contains("family")) {
          for (const char* param : {"value", "min", "max", "mean"}) {
            if (auto it = value.find(param); it != value.end() && it->is_number())
              number(key, it->get<double>(), child + "/" + param);
          }
        }
      }
    } else if (j.is_array()) {
      // Arrays of numbers take the unit of their key ([from, to] in km).
      for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string child = ptr + "/" + std::to_string(i);
        const std::string key = ptr.substr(ptr.rfind('/') + 1);
        if (j[i].is_number())
          number(key, j[i].get<double>(), child);
        else
          by_suffix(j[i], child);
      }
    }
  }

  void number(const std::string& key, double v, const std::string& ptr) const {
    const auto at_most = [&](double limit, const char* what) {
      if (std::abs(v) > limit)
        fail(ptr, fmt::format("{} is beyond the limit of {:g} {}", v, limit, what));
    };
    if (ends_with(key, "_per_s")) return;
    if (ends_with(key, "_per_day")) return at_most(limits::kMaxPerDay, "per day");
    if (ends_with(key, "_s"))
      return at_most(limits::kMaxSeconds, "s (the clock counts milliseconds)");
    if (ends_with(key, "_h"))
      return at_most(limits::kMaxHours, "h (the clock counts milliseconds)");
    if (ends_with(key, "_km"))
      return at_most(limits::kMaxDistanceKm, "km (half the earth's circumference)");
    if (ends_with(key, "_m"))
      return at_most(limits::kMaxDistanceM, "m (half the earth's circumference)");
    if (ends_with(key, "_mps") && v < limits::kMinSpeedMps)
      fail(ptr, fmt::format(
                    "{} m/s is slower than the limit of {:g} m/s (travel times would overflow the "
                    "millisecond clock)",
                    v, limits::kMinSpeedMps));
    // Factors and grades that divide a speed: a tiny one makes the same overflow (0 is
    // allowed where it means impassable).
    if ((ends_with(key, "speed_factor") && v != 0.0 && v < kMinSpeedFactor) ||
        (key == "vehicle_half_speed_grade" && v < kMinSpeedFactor))
      fail(ptr, fmt::format("{} is below the limit of {:g} (travel times would overflow the "
                            "millisecond clock)",
                            v, kMinSpeedFactor));
  }

  std::optional<double> length_m() const {
    if (s_.terrain.flat) return s_.terrain.flat->length_km * 1000.0;
    if (s_.terrain.synthetic) return s_.terrain.synthetic->length_km * 1000.0;
    return std::nullopt;  // read from a file: checked when the model is built
  }

  double duration_s() const { return s_.duration_h * 3600.0; }

  void count_at_most(double count, double limit, const std::string& ptr,
                     const std::string& what) const {
    if (count > limit)
      fail(ptr, fmt::format("this makes {:.0f} {}, over the limit of {:.0f}", count, what, limit));
  }

  void counts() const {
    count_at_most(static_cast<double>(s_.jurisdictions.size()), limits::kMaxJurisdictions,
                  "/jurisdictions", "jurisdictions");
    const auto& split = s_.sectors.split_along_border_km;
    if (!split.empty())
      count_at_most(static_cast<double>(split.size() - 1), limits::kMaxSectors,
                    "/sectors/split_along_border_km", "sectors");
    if (const auto& i = s_.threats.infiltrators)
      count_at_most(static_cast<double>(i->origins.size()), limits::kMaxOrigins,
                    "/threats/infiltrators/origins", "origin areas");
    if (const auto& m = s_.threats.smugglers)
      count_at_most(static_cast<double>(m->origins.size()), limits::kMaxOrigins,
                    "/threats/smugglers/origins", "origin areas");
    double airframes = 0.0;
    for (std::size_t i = 0; i < s_.sensors.drones.size(); ++i) {
      airframes += static_cast<double>(s_.sensors.drones[i].airframes);
      count_at_most(airframes, limits::kMaxDrones, fmt::format("/sensors/drones/{}/airframes", i),
                    "airframes in all drone stations");
    }
    if (const auto& t = s_.sensors.towers)
      count_at_most(static_cast<double>(t->cameras.size()), limits::kMaxCamerasPerTower,
                    "/sensors/towers/cameras", "cameras on each tower");
    double responders = 0.0;
    if (s_.response.qrf) {
      responders = static_cast<double>(s_.response.qrf->bases_km.size()) *
                   static_cast<double>(s_.response.qrf->teams_per_base);
      count_at_most(responders, limits::kMaxResponders, "/response/qrf/teams_per_base",
                    "QRF teams");
    }
    for (std::size_t i = 0; i < s_.sensors.patrols.size(); ++i) {
      responders += static_cast<double>(s_.sensors.patrols[i].vehicles);
      count_at_most(responders, limits::kMaxResponders,
                    fmt::format("/sensors/patrols/{}/vehicles", i),
                    "responders (QRF teams and patrol vehicles)");
    }
    const auto len = length_m();
    if (!len) return;
    if (const auto& t = s_.sensors.towers)
      count_at_most(std::floor((*len - t->along_border.offset_m) / t->along_border.spacing_m) + 1,
                    limits::kMaxTowers, "/sensors/towers/along_border/spacing_m", "towers");
    double sensors = 0.0;
    for (std::size_t i = 0; i < s_.sensors.ground_sensors.size(); ++i) {
      const auto& g = s_.sensors.ground_sensors[i];
      const double stretch = g.along_border_km.size() == 2
                                 ? (g.along_border_km[1] - g.along_border_km[0]) * 1000.0
                                 : *len;
      sensors += std::floor(stretch / g.spacing_m) + 1;
      count_at_most(sensors, limits::kMaxGroundSensors,
                    fmt::format("/sensors/ground_sensors/{}/spacing_m", i),
                    "ground sensors in all lines");
    }
  }

  // Every crosser's plan is drawn before the replication runs.
  void arrivals() const {
    double per_day = 0.0;
    if (s_.threats.infiltrators) per_day += s_.threats.infiltrators->per_day;
    if (s_.threats.smugglers) per_day += s_.threats.smugglers->per_day;
    const double mean = per_day * s_.duration_h / 24.0;
    if (mean > limits::kMaxArrivalsPerReplication)
      fail(s_.threats.infiltrators && s_.threats.infiltrators->per_day > 0
               ? "/threats/infiltrators/per_day"
               : "/threats/smugglers/per_day",
           fmt::format("{:.0f} crossers a replication on average (per_day x duration_h / 24), over "
                       "the limit "
                       "of {:.0f}",
                       mean, limits::kMaxArrivalsPerReplication));
  }

  void availability(const AvailabilitySpec& a, const std::string& ptr) const {
    if (a.mtbf_h > 0.0) {
      const double failures = s_.duration_h / (a.mtbf_h + a.mttr_h);
      if (failures > limits::kMaxWindowsPerSensor)
        fail(ptr + "/mtbf_h",
             fmt::format("{:.0f} failures per sensor and replication, over the limit of {:.0f}",
                         failures, limits::kMaxWindowsPerSensor));
    }
    for (std::size_t k = 0; k < a.downtime.size(); ++k) {
      const DowntimeSpec& d = a.downtime[k];
      if (d.every_h <= 0.0) continue;
      const double windows = (s_.duration_h - d.first_at_h) / d.every_h;
      if (windows > limits::kMaxWindowsPerSensor)
        fail(fmt::format("{}/downtime/{}/every_h", ptr, k),
             fmt::format(
                 "{:.0f} maintenance windows per sensor and replication, over the limit of {:.0f}",
                 windows, limits::kMaxWindowsPerSensor));
    }
  }

  void availability_windows() const {
    if (s_.sensors.towers)
      availability(s_.sensors.towers->availability, "/sensors/towers/availability");
    for (std::size_t i = 0; i < s_.sensors.drones.size(); ++i)
      availability(s_.sensors.drones[i].availability,
                   fmt::format("/sensors/drones/{}/availability", i));
    for (std::size_t i = 0; i < s_.sensors.patrols.size(); ++i)
      availability(s_.sensors.patrols[i].availability,
                   fmt::format("/sensors/patrols/{}/availability", i));
    for (std::size_t i = 0; i < s_.sensors.ground_sensors.size(); ++i)
      availability(s_.sensors.ground_sensors[i].availability,
                   fmt::format("/sensors/ground_sensors/{}/availability", i));
  }

  // Sorties, patrol laps and drone glimpses are events of their own, so their number per
  // replication follows from the duration over the key's interval.
  void moving_sensors() const {
    const double steps_limit = limits::kMaxPeriodicSteps;
    for (std::size_t i = 0; i < s_.sensors.air_recon.size(); ++i) {
      const double sorties = s_.duration_h / s_.sensors.air_recon[i].every_h;
      if (sorties > steps_limit)
        fail(fmt::format("/sensors/air_recon/{}/every_h", i),
             fmt::format("{:.0f} sorties per replication, over the limit of {:.0f}", sorties,
                         steps_limit));
    }
    for (std::size_t i = 0; i < s_.sensors.drones.size(); ++i) {
      const DroneSpec& d = s_.sensors.drones[i];
      const double glimpses =
          duration_s() / d.sensor.glimpse_period_s * static_cast<double>(d.airframes);
      if (glimpses > steps_limit)
        fail(fmt::format("/sensors/drones/{}/sensor/glimpse_period_s", i),
             fmt::format("{:.0f} glimpses per replication (duration / glimpse_period_s x "
                         "airframes), over the "
                         "limit of {:.0f}",
                         glimpses, steps_limit));
    }
    const auto len = length_m();
    for (std::size_t i = 0; i < s_.sensors.patrols.size(); ++i) {
      const PatrolSpec& p = s_.sensors.patrols[i];
      double stretch = len.value_or(0.0);
      if (p.along_border_km.size() == 2)
        stretch = (p.along_border_km[1] - p.along_border_km[0]) * 1000.0;
      if (p.route_points)
        stretch = detail::offset_route_length_m(*p.route_points, p.drive == "loop");
      if (p.route_lonlat || p.route_file) stretch = 0.0;  // measured on the map, later
      if (stretch <= 0.0) continue;  // a border from a file: its length is known later
      const double laps = duration_s() * p.speed_mps / stretch * static_cast<double>(p.vehicles);
      if (laps > steps_limit)
        fail(fmt::format("/sensors/patrols/{}/{}", i,
                         p.route_points              ? "route_points"
                         : p.along_border_km.empty() ? "speed_mps"
                                                     : "along_border_km"),
             fmt::format("{:.0f} legs of the round per replication (duration x speed / length x "
                         "vehicles), over "
                         "the limit of {:.0f}",
                         laps, steps_limit));
    }
  }

  void spacings() const {
    const auto fine = [&](double km, const char* ptr) {
      if (km > 0.0 && km < limits::kMinSpacingKm)
        fail(ptr, fmt::format("{} km is finer than the limit of {} km (the smallest routing cell)",
                              km, limits::kMinSpacingKm));
    };
    fine(s_.obstacles.rivers.ford_every_km, "/obstacles/rivers/ford_every_km");
    if (s_.obstacles.fence) fine(s_.obstacles.fence->gap_every_km, "/obstacles/fence/gap_every_km");
  }

  const Scenario& s_;
  const std::string& file_;
};

}  // namespace

void check_limits(const Scenario& s, const std::string& file) { LimitChecker(s, file).check(); }

}  // namespace bordersim::detail
