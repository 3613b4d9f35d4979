// A lower bound on when a drone on an along-border track can first be within range of a
// crosser.
//
// The drone is at F(s, n) = offset_at(s, n). On segment j of the border (vertex a_j at arc
// length s_j, unit tangent τ_j, left normal ν_j) that is a_j + (s − s_j)·τ_j + n·ν_j, and at
// an interior vertex (s = s_j exactly) a_j + n·b_j with b_j the bisecting normal. In the
// segment's frame the crosser's p0 is (α, β): α = s_j + (p0 − a_j)·τ_j, β = (p0 − a_j)·ν_j,
// so |p0 − F(s, n)| = hypot(α − s, β − n) >= max(|α − s|, |β − n|).
//
// At time t the drone's s lies within v·(t − t_ref) of s_ref and in the segment's part S of
// its stretch; the crosser lies within u·(t − now) of p0. Within range R at t therefore
// needs, for the segment (or vertex) the drone is on:
//   the drone can be on it:  dist(s_ref, S) <= v·(t − t_ref);
//   across:                  dist(β, [n_lo, n_hi]) <= R + u·(t − now);
//   along:                   |α − α_c| + max(0, |α_c − s_ref| − v·(t − t_ref)) <= R + u·(t − now),
// with α_c the point of S nearest α (the nearest place of S the drone can have reached is
// no nearer α than that). The earliest t meeting all three, over the pieces of the track,
// is the bound. Pieces are visited outward from s_ref, so the walk stops as soon as the
// drone cannot reach the next piece before the best time found.

#include "bordersim/sensors/drone_approach.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace bordersim::sensors {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Pieces visited on either side before the walk settles for the drone's travel time to the
// next one (a real border has thousands of vertices; a drone's bound needs the near ones).
constexpr std::size_t kMaxPieces = 512;

struct Solver {
  const AlongBorderTrack& track;
  double s_ref, t_ref, now, u, v, range;

  // The earliest t >= now with excess - u·(t − now) <= 0.
  double crosser_closes(double excess) const {
    if (excess <= 0.0) return now;
    return u > 0.0 ? now + excess / u : kInf;
  }
  // When the drone can first be sigma from s_ref along the border.
  double drone_reaches(double sigma) const {
    if (sigma <= 0.0) return t_ref;
    return v > 0.0 ? t_ref + sigma / v : kInf;
  }
  // The earliest t >= now with e_s + max(0, d_s − v·(t − t_ref)) − R − u·(t − now) <= 0.
  double along_closes(double e_s, double d_s) const {
    if (e_s + std::max(0.0, d_s - v * (now - t_ref)) - range <= 0.0) return now;
    const double t_c = v > 0.0 ? t_ref + d_s / v : kInf;  // after it the drone's part is 0
    if (t_c > now && u + v > 0.0) {
      const double t1 = (e_s + d_s - range + v * t_ref + u * now) / (u + v);
      if (t1 <= t_c) return std::max(t1, now);
    }
    return std::max(crosser_closes(e_s - range), t_c);
  }

  double segment(MapPoint a, MapPoint tangent, double s_a, double lo, double hi,
                 MapPoint p0) const {
    const double dx = p0.x - a.x, dy = p0.y - a.y;
    const double alpha = s_a + dx * tangent.x + dy * tangent.y;
    const double beta = tangent.x * dy - tangent.y * dx;
    const double alpha_c = std::clamp(alpha, lo, hi);
    const double sigma = s_ref < lo ? lo - s_ref : (s_ref > hi ? s_ref - hi : 0.0);
    const double e_n =
        beta < track.n_lo ? track.n_lo - beta : (beta > track.n_hi ? beta - track.n_hi : 0.0);
    return std::max({drone_reaches(sigma), crosser_closes(e_n - range),
                     along_closes(std::abs(alpha - alpha_c), std::abs(alpha_c - s_ref))});
  }

  double vertex(MapPoint a, MapPoint normal, double s_a, MapPoint p0) const {
    const double wx = p0.x - a.x, wy = p0.y - a.y;
    const double k = std::clamp(wx * normal.x + wy * normal.y, track.n_lo, track.n_hi);
    const double e = std::hypot(wx - k * normal.x, wy - k * normal.y);
    return std::max(drone_reaches(std::abs(s_a - s_ref)), crosser_closes(e - range));
  }
};

}  // namespace

double earliest_within(const terrain::BorderFrame& border, const AlongBorderTrack& track,
                       double s_ref, double t_ref_s, MapPoint p0, double now_s, double crosser_mps,
                       double range_m) {
  const auto& pts = border.vertices();
  const auto& s = border.vertex_s();
  const std::size_t segments = pts.size() - 1;
  // offset_at clamps s to the border; clamping is 1-Lipschitz, so speeds still bound it.
  const double lo = std::clamp(track.s_lo, 0.0, border.length());
  const double hi = std::clamp(track.s_hi, 0.0, border.length());
  const Solver solver{
      track,  std::clamp(s_ref, 0.0, border.length()), t_ref_s, now_s, crosser_mps, track.speed_mps,
      range_m};
  const double ref = solver.s_ref;
  const auto above = std::upper_bound(s.begin(), s.end(), ref);
  const std::size_t j0 = std::min<std::size_t>(
      static_cast<std::size_t>(std::max<std::ptrdiff_t>(above - s.begin() - 1, 0)), segments - 1);

  double best = kInf;
  // A piece: segment j's part of [lo, hi], and the interior vertex at its far end.
  const auto visit = [&](std::size_t j) {
    const double a = std::max(s[j], lo), b = std::min(s[j + 1], hi);
    if (a <= b)
      best = std::min(best, solver.segment(pts[j], border.tangent_at(s[j]), s[j], a, b, p0));
    if (j + 1 < segments && s[j + 1] >= lo && s[j + 1] <= hi)
      best = std::min(best, solver.vertex(pts[j + 1], border.normal_at(s[j + 1]), s[j + 1], p0));
  };
  for (std::size_t j = j0, n = 0; j < segments && s[j] <= hi; ++j, ++n) {  // outward, ahead
    const double reach = solver.drone_reaches(std::max(0.0, s[j] - ref));
    if (reach >= best) break;
    if (n == kMaxPieces) {
      best = reach;
      break;
    }
    visit(j);
  }
  for (std::size_t j = j0, n = 0; j-- > 0 && s[j + 1] >= lo; ++n) {  // outward, behind
    const double reach = solver.drone_reaches(std::max(0.0, ref - s[j + 1]));
    if (reach >= best) break;
    if (n == kMaxPieces) {
      best = reach;
      break;
    }
    visit(j);
  }
  return std::max(best, now_s);
}

}  // namespace bordersim::sensors
