#pragma once
// The coordinate reference systems files are read in and loaded into, shared by the
// raster (gdal_io.cpp), vector (gdal_vectors.cpp) and land-cover (cover_io.cpp) readers.
// Axes are always (east, north): lon/lat in that order whatever the authority says.
// Private to sim/terrain.
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <functional>
#include <string>

#include "bordersim/terrain/gdal_io.h"
#include "gdal_access.h"

namespace bordersim::terrain::gdal_access {

// Tools and files hand over lon/lat (x = east); keep that order whatever the CRS's
// authority says, so that (x, y) always means (east, north).
void traditional_order(OGRSpatialReference& srs);

bool is_metric_projected(const OGRSpatialReference& srs);

// p, in `from`, as WGS 84 lon/lat.
MapPoint to_lonlat(const OGRSpatialReference& from, MapPoint p, const Source& src);

// The CRS to load into (see TargetCrs). `centre` gives the data's centre in the source CRS
// and is only evaluated when the UTM zone has to be chosen.
OGRSpatialReference choose_target(const TargetCrs& want, const OGRSpatialReference& source,
                                  const std::function<MapPoint()>& centre, const Source& src);

std::string to_wkt(const OGRSpatialReference& srs);

int epsg_of(const OGRSpatialReference& srs);

// A vector layer's CRS; RFC 7946: a GeoJSON layer without one is WGS 84 lon/lat.
OGRSpatialReference layer_srs(OGRLayer& layer);

}  // namespace bordersim::terrain::gdal_access
