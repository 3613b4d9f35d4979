#include "bordersim/terrain/terrain.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace bordersim::terrain {
namespace {

constexpr std::size_t kSegmentsPerRun = 16;

MapPoint sub(MapPoint a, MapPoint b) { return {a.x - b.x, a.y - b.y}; }
double dot(MapPoint a, MapPoint b) { return a.x * b.x + a.y * b.y; }
double cross(MapPoint a, MapPoint b) { return a.x * b.y - a.y * b.x; }
MapPoint left_normal(MapPoint t) { return {-t.y, t.x}; }

// Squared distance from p to the box; 0 inside.
double box_distance2(MapPoint p, double min_x, double min_y, double max_x, double max_y) {
  const double dx = std::max({min_x - p.x, 0.0, p.x - max_x});
  const double dy = std::max({min_y - p.y, 0.0, p.y - max_y});
  return dx * dx + dy * dy;
}

// Burns one segment (see rasterize_lines).
void burn_segment(CoverGrid& grid, MapPoint a, MapPoint b, LandCover cover, double half_width) {
  const GridGeometry& g = grid.geometry();
  const double ex = g.cell_w / 2.0;
  const double ey = g.cell_h / 2.0;
  const double reach_x = std::max(half_width, ex);
  const double reach_y = std::max(half_width, ey);
  // Cells whose centres can qualify, clamped to the grid.
  const MapPoint lo = g.to_grid({std::min(a.x, b.x) - reach_x, std::max(a.y, b.y) + reach_y});
  const MapPoint hi = g.to_grid({std::max(a.x, b.x) + reach_x, std::min(a.y, b.y) - reach_y});
  const int c0 = static_cast<int>(std::clamp(std::floor(lo.x), 0.0, g.cols - 1.0));
  const int c1 = static_cast<int>(std::clamp(std::ceil(hi.x), 0.0, g.cols - 1.0));
  const int r0 = static_cast<int>(std::clamp(std::floor(lo.y), 0.0, g.rows - 1.0));
  const int r1 = static_cast<int>(std::clamp(std::ceil(hi.y), 0.0, g.rows - 1.0));
  if (lo.x > g.cols - 0.5 || hi.x < -0.5 || lo.y > g.rows - 0.5 || hi.y < -0.5) return;

  const MapPoint d = sub(b, a);
  const double len2 = dot(d, d);
  const MapPoint mid{(a.x + b.x) / 2.0, (a.y + b.y) / 2.0};
  const double hw2 = half_width * half_width;
  for (int r = r0; r <= r1; ++r) {
    for (int c = c0; c <= c1; ++c) {
      const MapPoint p = g.cell_centre({c, r});
      // Within half the width of the segment?
      const double t = len2 > 0.0 ? std::clamp(dot(sub(p, a), d) / len2, 0.0, 1.0) : 0.0;
      const MapPoint q{a.x + t * d.x - p.x, a.y + t * d.y - p.y};
      bool hit = half_width > 0.0 && dot(q, q) <= hw2;
      // Does the segment pass through the cell? Separating axes: x, y and the segment's
      // normal. Boundaries count as touching, so a line along a cell edge burns both sides.
      if (!hit) {
        hit = std::abs(p.x - mid.x) <= ex + std::abs(d.x) / 2.0 &&
              std::abs(p.y - mid.y) <= ey + std::abs(d.y) / 2.0 &&
              std::abs(cross(d, sub(p, a))) <= ex * std::abs(d.y) + ey * std::abs(d.x);
      }
      if (hit) grid.at({c, r}) = cover;
    }
  }
}

}  // namespace

double dug_length(const Trench& trench) {
  double dug = length(trench.line);
  for (const auto& [from, to] : trench.gaps_m) dug -= to - from;
  return dug;
}

bool in_gap(const Trench& trench, double s) {
  return std::any_of(trench.gaps_m.begin(), trench.gaps_m.end(),
                     [s](const auto& gap) { return s >= gap.first && s <= gap.second; });
}

std::optional<LandCover> cover_at(const Terrain& terrain, MapPoint p) {
  return terrain.cover.cover_at(p);
}

void rasterize_lines(CoverGrid& grid, std::span<const Polyline> lines, LandCover cover,
                     double width_m) {
  if (grid.cell_count() == 0) return;
  const double half_width = std::max(width_m, 0.0) / 2.0;
  for (const Polyline& line : lines) {
    if (line.points.size() == 1)
      burn_segment(grid, line.points[0], line.points[0], cover, half_width);
    for (std::size_t i = 1; i < line.points.size(); ++i) {
      burn_segment(grid, line.points[i - 1], line.points[i], cover, half_width);
    }
  }
}

BorderFrame::BorderFrame(const Polyline& border) {
  for (const MapPoint& p : border.points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      throw std::invalid_argument("border polyline has a non-finite vertex");
    }
    if (pts_.empty() || p.x != pts_.back().x || p.y != pts_.back().y) pts_.push_back(p);
  }
  if (pts_.size() < 2) {
    throw std::invalid_argument("border polyline needs at least two distinct points");
  }
  s_.reserve(pts_.size());
  s_.push_back(0.0);
  for (std::size_t i = 1; i < pts_.size(); ++i) {
    const MapPoint d = sub(pts_[i], pts_[i - 1]);
    const double len = std::hypot(d.x, d.y);
    s_.push_back(s_.back() + len);
    tangents_.push_back({d.x / len, d.y / len});
  }
  const std::size_t segments = tangents_.size();
  for (std::size_t first = 0; first < segments; first += kSegmentsPerRun) {
    Run run{std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::infinity(),
            -std::numeric_limits<double>::infinity(),
            -std::numeric_limits<double>::infinity(),
            first,
            std::min(first + kSegmentsPerRun, segments)};
    for (std::size_t v = run.first; v <= run.last; ++v) {
      run.min_x = std::min(run.min_x, pts_[v].x);
      run.min_y = std::min(run.min_y, pts_[v].y);
      run.max_x = std::max(run.max_x, pts_[v].x);
      run.max_y = std::max(run.max_y, pts_[v].y);
    }
    runs_.push_back(run);
  }
}

std::size_t BorderFrame::segment_at(double s) const {
  // The segment whose [s_i, s_i+1) holds s; the last one also holds length().
  const auto it = std::upper_bound(s_.begin(), s_.end(), s);
  const auto i = static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - s_.begin() - 1, 0));
  return std::min(i, tangents_.size() - 1);
}

MapPoint BorderFrame::vertex_normal(std::size_t v) const {
  if (v == 0) return left_normal(tangents_.front());
  if (v >= tangents_.size()) return left_normal(tangents_.back());
  const MapPoint a = left_normal(tangents_[v - 1]);
  const MapPoint b = left_normal(tangents_[v]);
  const MapPoint sum{a.x + b.x, a.y + b.y};
  const double n = std::hypot(sum.x, sum.y);
  if (n < 1e-12) return b;  // the border doubles back on itself: no bisector
  return {sum.x / n, sum.y / n};
}

MapPoint BorderFrame::point_at(double s) const {
  s = std::clamp(s, 0.0, length());
  const std::size_t i = segment_at(s);
  const double along = s - s_[i];
  return {pts_[i].x + along * tangents_[i].x, pts_[i].y + along * tangents_[i].y};
}

MapPoint BorderFrame::tangent_at(double s) const {
  return tangents_[segment_at(std::clamp(s, 0.0, length()))];
}

MapPoint BorderFrame::normal_at(double s) const {
  s = std::clamp(s, 0.0, length());
  const std::size_t i = segment_at(s);
  if (s == s_[i] && i > 0) return vertex_normal(i);
  return left_normal(tangents_[i]);
}

MapPoint BorderFrame::offset_at(double s, double offset) const {
  s = std::clamp(s, 0.0, length());
  const std::size_t i = segment_at(s);
  const double along = s - s_[i];
  const MapPoint p{pts_[i].x + along * tangents_[i].x, pts_[i].y + along * tangents_[i].y};
  const MapPoint n = s == s_[i] && i > 0 ? vertex_normal(i) : left_normal(tangents_[i]);
  return {p.x + offset * n.x, p.y + offset * n.y};
}

BorderPosition BorderFrame::project(MapPoint p) const {
  double best_d2 = std::numeric_limits<double>::infinity();
  std::size_t best_seg = 0;
  double best_t = 0.0;  // metres along the best segment
  for (const Run& run : runs_) {
    if (box_distance2(p, run.min_x, run.min_y, run.max_x, run.max_y) > best_d2) continue;
    for (std::size_t i = run.first; i < run.last; ++i) {
      const double seg_len = s_[i + 1] - s_[i];
      const double t = std::clamp(dot(sub(p, pts_[i]), tangents_[i]), 0.0, seg_len);
      const MapPoint q{pts_[i].x + t * tangents_[i].x - p.x, pts_[i].y + t * tangents_[i].y - p.y};
      const double d2 = dot(q, q);
      if (d2 < best_d2) {  // strict: the first segment in arc length wins ties
        best_d2 = d2;
        best_seg = i;
        best_t = t;
      }
    }
  }
  const double seg_len = s_[best_seg + 1] - s_[best_seg];
  BorderPosition out;
  out.s = s_[best_seg] + best_t;
  if (best_t > 0.0 && best_t < seg_len) {
    // Inside the segment: the perpendicular distance, signed by the side.
    out.offset = cross(tangents_[best_seg], sub(p, pts_[best_seg]));
    return out;
  }
  const std::size_t v = best_t <= 0.0 ? best_seg : best_seg + 1;
  out.s = s_[v];
  const MapPoint d = sub(p, pts_[v]);
  const double dist = std::hypot(d.x, d.y);
  const double side = dot(d, vertex_normal(v));
  out.offset = side < 0.0 ? -dist : dist;
  return out;
}

Polyline orient_border(Polyline border, MapPoint home_point) {
  const BorderFrame frame(border);
  const double offset = frame.project(home_point).offset;
  if (offset == 0.0) throw std::invalid_argument("the home point lies on the border");
  if (offset < 0.0) std::reverse(border.points.begin(), border.points.end());
  return border;
}

}  // namespace bordersim::terrain
