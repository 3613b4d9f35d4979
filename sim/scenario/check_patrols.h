#pragma once
// Checks of a patrol's route and shifts that involve more than one key (patrol_keys.h
// checks each key alone), and the route file's place on disk. Private to sim/scenario:
// load.cpp calls them with the rest of its checks.
#include <filesystem>
#include <string>

#include "bordersim/scenario/scenario.h"

namespace bordersim::detail {

// Every patrol's route_file made absolute (relative to the scenario's folder); a file that
// is not there is an InputError at its key, before any work.
void resolve_patrol_routes(SensorsSpec& sensors, const std::filesystem::path& scenario_dir,
                           const std::string& file);

// `real_ground`: the border comes from a file (routes in lon/lat), else flat or synthetic
// (routes in [along_km, behind_m]); `border_length_km` is +inf on real ground. Routes in
// lon/lat are measured only when the model is built (run/patrol_routes.h). Throws
// InputError pointing at the key to fix.
void check_patrol_routes(const SensorsSpec& sensors, bool real_ground, double border_length_km,
                         const std::string& file);

// The length in metres of a route given as [along_km, behind_m] points over a straight
// border (flat and synthetic ground), closed back to the first point when `loop`.
double offset_route_length_m(const std::vector<std::vector<double>>& points, bool loop);

}  // namespace bordersim::detail
