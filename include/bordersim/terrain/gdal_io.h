#pragma once
// Reading real geography through GDAL: DEM rasters (GeoTIFF, SRTM .hgt, anything GDAL
// reads), GeoJSON lines and points, all brought onto one metric map plane. Everything the
// simulator does with distances assumes metres, so geographic (lon/lat) inputs are
// reprojected on load. Every failure is an InputError naming the file.
// Only the drivers of kAllowedDrivers open a file, and only a regular file: no virtual file
// systems (/vsicurl/, /vsizip/...), no VRT indirection to other files or URLs, no network.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/terrain/grid.h"

namespace bordersim::terrain {

// The metric CRS to load into. Precedence: wkt, then epsg, then automatic.
struct TargetCrs {
  std::string wkt;  // e.g. a DEM's crs_wkt(), so that vectors land on its grid
  int epsg = 0;     // e.g. 32637 for UTM 37N
  // Neither given: a raster already in a projected metric CRS is kept as it is (no
  // resampling); anything else goes to the UTM zone of the data's centre.
};

struct DemReadOptions {
  TargetCrs crs;
  // Set: the DEM is resampled (bilinear) onto exactly this grid of the target CRS, which
  // must then be given (wkt or epsg); cells the DEM does not cover are NaN. Empty: the
  // DEM's own grid (reprojected at about its own resolution when the CRS changes).
  std::optional<GridGeometry> grid;
  int band = 1;
  std::int64_t max_cells = kDefaultMaxCells;  // checked before any cell is read
  std::string pointer;  // JSON pointer of the scenario field that named the file, for errors
};

// GDAL drivers a scenario's geodata may use: rasters GeoTIFF, SRTM .hgt and ESRI ASCII grids,
// vectors GeoJSON (README "Your own terrain").
inline constexpr const char* kAllowedDrivers[] = {"GTiff", "SRTMHGT", "AAIGrid", "GeoJSON",
                                                  nullptr};
// Vector files are parsed whole into memory; rasters are read window by window, their
// size capped by max_cells on the grid read.
inline constexpr std::uintmax_t kMaxVectorFileBytes = std::uintmax_t{512} << 20;

// Throws InputError at `pointer` of `file` unless EPSG:`epsg` is a CRS GDAL knows and
// projected in metres: checked before any geodata is read, so the error names the key that
// asked for the CRS rather than the file being read.
void check_metric_epsg(int epsg, const std::string& file, const std::string& pointer);

// EPSG code of the UTM zone holding (lon, lat) in degrees: 326zz north, 327zz south, with
// the Norway (32V) and Svalbard (31X–37X) exceptions.
int utm_epsg_for(double lon_deg, double lat_deg);

// Reads one band as float elevations; NoData becomes NaN. A reprojection resamples
// bilinearly at GDAL's suggested resolution (about the source's, in metres).
ElevationGrid read_dem(const std::filesystem::path& file, const DemReadOptions& options = {});

// One polyline on the map plane.
struct Polyline {
  std::vector<MapPoint> points;
};

struct LineSet {
  std::vector<Polyline> lines;  // every LineString and every part of a MultiLineString
  std::string crs_wkt;          // the CRS they were reprojected to
  int epsg = 0;                 // its EPSG code when it has one, else 0
};

// Reads every LineString/MultiLineString of every layer (other geometry kinds are skipped)
// and reprojects the points. A GeoJSON without a "crs" member is lon/lat (RFC 7946) and is
// read in that order whatever the CRS's official axis order says.
LineSet read_lines(const std::filesystem::path& file, const TargetCrs& crs = {},
                   const std::string& pointer = {});

// A WGS 84 lon/lat point on the map plane of `crs_wkt` (e.g. a LineSet's crs_wkt).
// Errors name `file` and `pointer`: the scenario key that gave the point.
MapPoint lonlat_to_map(double lon_deg, double lat_deg, const std::string& crs_wkt,
                       const std::string& file, const std::string& pointer);

struct Town;  // terrain.h

// The built-up density a town's disc is drawn at, by default (see town_radius_m).
inline constexpr double kTownPeoplePerKm2 = 10'000.0;

// Populated places: every Point and every part of a MultiPoint of every layer (other
// geometry kinds are skipped), reprojected like read_lines(). The name is the first
// non-empty string of the properties NAME, name, NAME_EN; the population the first
// positive number of POP_MAX (Natural Earth), population, pop. A town without a name is
// called "town N" (N: its feature's 0-based position in the file); its radius is
// town_radius_m(population), which knows what to do without one. The CRS is chosen as in
// read_lines().
std::vector<Town> read_towns(const std::filesystem::path& file, const TargetCrs& crs = {},
                             const std::string& pointer = {},
                             double people_per_km2 = kTownPeoplePerKm2);

// The radius of a town drawn as a disc of urban cover: the disc its people fill at
// people_per_km2, by default 10 000 per km² (the built-up density of Middle-Eastern
// cities, within a factor of two), r = √(population / (π · density)): 100 000 people →
// 1.8 km, 1 000 000 → 5.6 km. At least 300 m; 1 km when the population is unknown.
double town_radius_m(std::optional<double> population, double people_per_km2 = kTownPeoplePerKm2);

// Sum of the segment lengths on the map plane.
double length(const Polyline& line);

}  // namespace bordersim::terrain
