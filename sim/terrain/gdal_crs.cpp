#include "gdal_crs.h"

#include <fmt/format.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "bordersim/terrain/gdal_io.h"

namespace bordersim::terrain::gdal_access {

void traditional_order(OGRSpatialReference& srs) {
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}

bool is_metric_projected(const OGRSpatialReference& srs) {
  return srs.IsProjected() && std::abs(srs.GetLinearUnits() - 1.0) < 1e-12;
}

MapPoint to_lonlat(const OGRSpatialReference& from, MapPoint p, const Source& src) {
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  traditional_order(wgs84);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &wgs84));
  if (!ct || !ct->Transform(1, &p.x, &p.y)) {
    src.fail("cannot relate the file's CRS to WGS 84 lon/lat" + QuietGdalErrors::last_message());
  }
  return p;
}

OGRSpatialReference choose_target(const TargetCrs& want, const OGRSpatialReference& source,
                                  const std::function<MapPoint()>& centre, const Source& src) {
  OGRSpatialReference target;
  if (!want.wkt.empty()) {
    if (target.SetFromUserInput(want.wkt.c_str()) != OGRERR_NONE) {
      src.fail("the requested CRS is not one GDAL understands");
    }
  } else if (want.epsg > 0) {
    if (target.importFromEPSG(want.epsg) != OGRERR_NONE) {
      src.fail(fmt::format("EPSG:{} is not a CRS GDAL knows", want.epsg));
    }
  } else if (is_metric_projected(source)) {
    target = source;
  } else {
    const MapPoint ll = to_lonlat(source, centre(), src);
    if (!(std::abs(ll.y) <= 84.0)) {
      src.fail(
          fmt::format("centre latitude {:.3f} is outside UTM's range; give an EPSG code", ll.y));
    }
    target.importFromEPSG(utm_epsg_for(ll.x, ll.y));
  }
  if (!is_metric_projected(target)) {
    src.fail("the target CRS is not a projected CRS in metres");
  }
  traditional_order(target);
  return target;
}

std::string to_wkt(const OGRSpatialReference& srs) {
  char* raw = nullptr;
  const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
  srs.exportToWkt(&raw, options);
  std::string wkt = raw != nullptr ? raw : "";
  CPLFree(raw);
  return wkt;
}

int epsg_of(const OGRSpatialReference& srs) {
  const char* code = srs.GetAuthorityCode(nullptr);
  return code != nullptr ? std::atoi(code) : 0;
}

OGRSpatialReference layer_srs(OGRLayer& layer) {
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  const OGRSpatialReference* s = layer.GetSpatialRef();
  OGRSpatialReference srs = (s != nullptr && !s->IsEmpty()) ? *s : wgs84;
  traditional_order(srs);
  return srs;
}

}  // namespace bordersim::terrain::gdal_access
