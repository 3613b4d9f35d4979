#pragma once
// The map points of a patrol's route of its own (PatrolSpec::route_points, route_lonlat or
// route_file). Private to sim/run; moving_sites.cpp lays the patrol's lane along them.
#include <string>
#include <vector>

#include "bordersim/run/model.h"

namespace bordersim {

// The route's points on the map plane, in order, as given (not closed). [along_km,
// behind_m] points are placed behind the border; lon/lat points and the GeoJSON file's
// LineString are projected onto the map plane of the terrain's grids. Throws InputError
// naming `file` and the patrol's key (a GeoJSON that is not one LineString of at least two
// points, a point GDAL cannot project).
std::vector<MapPoint> patrol_route_points(const Model& model, const PatrolSpec& spec,
                                          std::size_t index, const std::string& file);

}  // namespace bordersim
