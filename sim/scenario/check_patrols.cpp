#include "check_patrols.h"

#include <fmt/format.h>

#include <cmath>

#include "bordersim/core/error.h"

namespace bordersim::detail {
namespace {

// A polyline key: at least two points of two numbers each.
void check_points(const std::vector<std::vector<double>>& points, const std::string& ptr,
                  const char* shape, const std::string& file) {
  for (std::size_t j = 0; j < points.size(); ++j) {
    if (points[j].size() != 2)
      throw InputError(file, fmt::format("{}/{}", ptr, j), fmt::format("expected {}", shape));
  }
  if (points.size() < 2)
    throw InputError(file, ptr,
                     fmt::format("a route needs at least 2 points, got {}", points.size()));
}

void check_shifts(const std::vector<std::vector<double>>& windows, const std::string& ptr,
                  const std::string& file) {
  if (windows.empty())
    throw InputError(file, ptr, "expected at least one window [from_h, to_h] (absent: always out)");
  for (std::size_t j = 0; j < windows.size(); ++j) {
    const std::string at = fmt::format("{}/{}", ptr, j);
    if (windows[j].size() != 2) throw InputError(file, at, "expected [from_h, to_h]");
    if (windows[j][0] == windows[j][1])
      throw InputError(file, at + "/1", "a window of zero length (from_h equals to_h)");
  }
}

}  // namespace

double offset_route_length_m(const std::vector<std::vector<double>>& points, bool loop) {
  double length = 0.0;
  const std::size_t n = points.size();
  for (std::size_t j = 0; j + 1 < n + (loop ? 1 : 0); ++j) {
    const auto& a = points[j];
    const auto& b = points[(j + 1) % n];
    length += std::hypot((b[0] - a[0]) * 1000.0, b[1] - a[1]);
  }
  return length;
}

void resolve_patrol_routes(SensorsSpec& sensors, const std::filesystem::path& scenario_dir,
                           const std::string& file) {
  for (std::size_t i = 0; i < sensors.patrols.size(); ++i) {
    auto& route_file = sensors.patrols[i].route_file;
    if (!route_file) continue;
    std::filesystem::path p(*route_file);
    if (p.is_relative()) p = scenario_dir / p;
    if (!std::filesystem::is_regular_file(p))
      throw InputError(file, fmt::format("/sensors/patrols/{}/route_file", i),
                       "cannot open \"" + p.string() + "\"");
    *route_file = p.lexically_normal().string();
  }
}

void check_patrol_routes(const SensorsSpec& sensors, bool real_ground, double border_length_km,
                         const std::string& file) {
  for (std::size_t i = 0; i < sensors.patrols.size(); ++i) {
    const PatrolSpec& p = sensors.patrols[i];
    const std::string ptr = fmt::format("/sensors/patrols/{}", i);
    const int given = (p.route_points ? 1 : 0) + (p.route_lonlat ? 1 : 0) + (p.route_file ? 1 : 0);
    if (given > 1)
      throw InputError(file, ptr + (p.route_file ? "/route_file" : "/route_lonlat"),
                       "give one of route_points, route_lonlat and route_file");
    if (p.active_h) check_shifts(*p.active_h, ptr + "/active_h", file);
    if (given == 0) {
      if (p.drive == "loop")
        throw InputError(file, ptr + "/drive",
                         "a loop needs a route of its own (route_points, route_lonlat or "
                         "route_file); the border road is driven back and forth");
      continue;
    }
    if (!p.along_border_km.empty())
      throw InputError(file, ptr + "/along_border_km",
                       "does not apply to a patrol with a route of its own");
    if (p.route_points) {
      const std::string at = ptr + "/route_points";
      if (real_ground)
        throw InputError(file, at,
                         "[along_km, behind_m] points are for flat and synthetic ground; on real "
                         "ground give route_lonlat or route_file");
      check_points(*p.route_points, at, "[along_km, behind_m]", file);
      for (std::size_t j = 0; j < p.route_points->size(); ++j) {
        const double along = (*p.route_points)[j][0];
        if (along < 0.0 || along > border_length_km)
          throw InputError(
              file, fmt::format("{}/{}/0", at, j),
              fmt::format("{} km lies off the border (0 to {} km)", along, border_length_km));
      }
      if (!(offset_route_length_m(*p.route_points, p.drive == "loop") > 0.0))
        throw InputError(file, at, "a route of zero length (all its points coincide)");
    } else if (!real_ground) {
      throw InputError(file, ptr + (p.route_file ? "/route_file" : "/route_lonlat"),
                       "only on real ground (terrain.files); on flat and synthetic ground give "
                       "route_points [along_km, behind_m]");
    } else if (p.route_lonlat) {
      check_points(*p.route_lonlat, ptr + "/route_lonlat", "[lon, lat]", file);
    }
  }
}

}  // namespace bordersim::detail
