#pragma once
// The terrain a scenario runs on: rasters (elevation, land cover) and the linear features
// that movement and sensing need as geometry (border, roads, rivers, towns, the trench).
// Built once per scenario and then shared read-only by every replication and thread.
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bordersim/terrain/gdal_io.h"
#include "bordersim/terrain/grid.h"
#include "bordersim/terrain/land_cover.h"

namespace bordersim::terrain {

struct Town {
  std::string name;
  MapPoint position;
  double radius_m = 0.0;
};

struct Trench {
  Polyline line;
  // Intervals [from, to] of arc length along `line`, in metres, sorted and disjoint, where
  // there is no trench (crossing points, rivers).
  std::vector<std::pair<double, double>> gaps_m;
  double width_m = 3.0;
  double depth_m = 3.0;
};

// Length of trench actually dug: the line's length less its gaps.
double dug_length(const Trench& trench);
// Whether arc length s along the trench line falls in a gap (ends included).
bool in_gap(const Trench& trench, double s);

struct Terrain {
  ElevationGrid elevation;
  CoverGrid cover;  // same geometry as `elevation`
  // Oriented so that the home side is on the left when walking from the first vertex to
  // the last (see BorderFrame).
  Polyline border;
  std::vector<Polyline> roads;
  std::vector<Polyline> rivers;
  std::vector<Town> towns;
  std::optional<Trench> trench;
};

// The class of the cell holding p; empty off the grid.
std::optional<LandCover> cover_at(const Terrain& terrain, MapPoint p);

// Burns `cover` into every cell that a polyline passes through (so that a line narrower
// than a cell stays 4-connected) and every cell whose centre lies within width_m / 2 of it.
void rasterize_lines(CoverGrid& grid, std::span<const Polyline> lines, LandCover cover,
                     double width_m);

// Where a point lies relative to the border.
struct BorderPosition {
  double s = 0.0;       // arc length of the nearest border point from the first vertex, m
  double offset = 0.0;  // signed distance to it, m: > 0 on the home side, < 0 on the foreign
};

// Arc-length coordinates along the border.
//
// Convention: the home side is on the LEFT when walking along the polyline from its first
// vertex to its last (for a border running east along y = 0, home is north, y > 0).
// orient_border() reverses a polyline that runs the other way.
//
// normal_at(s) is the unit left normal of the segment holding s; at an interior vertex it
// is the bisector of the two segments' normals. project() returns the nearest border point
// (the first one in arc length on ties) and the signed distance to it, so that
// point_at(s) + offset·normal_at(s) gives the point back wherever its nearest border point
// is inside a segment. Where it is a vertex (outside a bend, or beyond either end), the
// offset is still the signed distance to that vertex, its sign taken from the normal there.
class BorderFrame {
 public:
  // Throws std::invalid_argument when the polyline has fewer than two distinct points.
  explicit BorderFrame(const Polyline& border);

  double length() const { return s_.back(); }
  // s is clamped to [0, length()].
  MapPoint point_at(double s) const;
  MapPoint tangent_at(double s) const;  // unit, in the direction of walking
  MapPoint normal_at(double s) const;   // unit, towards the home side
  // point_at(s) + offset·normal_at(s), bit for bit, with one search for the segment
  // (drones place themselves by it at every look).
  MapPoint offset_at(double s, double offset) const;
  BorderPosition project(MapPoint p) const;

  // The vertices with consecutive duplicates removed, and their arc lengths.
  const std::vector<MapPoint>& vertices() const { return pts_; }
  const std::vector<double>& vertex_s() const { return s_; }

 private:
  std::size_t segment_at(double s) const;
  MapPoint vertex_normal(std::size_t vertex) const;

  // Segments in fixed runs with their bounding boxes: project() skips every run whose box
  // is farther than the best distance found so far.
  struct Run {
    double min_x, min_y, max_x, max_y;
    std::size_t first, last;  // segment indices, last exclusive
  };

  std::vector<MapPoint> pts_;
  std::vector<double> s_;           // arc length at each vertex
  std::vector<MapPoint> tangents_;  // unit, per segment
  std::vector<Run> runs_;
};

// `border`, reversed if needed so that `home_point` lies on its home (left) side. Throws
// std::invalid_argument for a degenerate polyline or a point on the border itself.
Polyline orient_border(Polyline border, MapPoint home_point);

}  // namespace bordersim::terrain
