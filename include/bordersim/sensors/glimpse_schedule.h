#pragma once
// When a camera looks at a bearing, and when it first detects what stands there — by
// arithmetic on the scan's phase, never by stepping through scan periods: a target that
// stays in view for an hour under a 10 s scan costs one draw, not 360 events.
//
// Scan model. A scanning camera's view centre sweeps the sector clockwise at constant
// rate, once per period, and flies back instantly (a sawtooth): at time t it points at
//   start + sector · frac((t − phase) / period),   start = centre − sector / 2.
// A bearing in the sector is glimpsed once per period, at the instant the view centre
// crosses it, so its glimpses form an arithmetic train offset + k·period. Bearings within
// hfov/2 outside the sector's edges are glimpsed when the centre is at the nearer edge.
// A back-and-forth pan revisits a bearing twice per cycle at uneven intervals; describe it
// by its mean revisit (period = half the back-and-forth cycle). A staring camera glimpses
// every bearing inside ±hfov/2 of its pointing direction every stare_glimpse_s.
//
// The phase is drawn once per replication per camera (draw_scan_phase), from a stream
// keyed by the camera, so it does not depend on what else the replication draws.
#include <cstdint>
#include <optional>

#include "bordersim/core/time.h"
#include "bordersim/random/stream.h"
#include "bordersim/sensors/camera.h"

namespace bordersim::sensors {

struct ScanPattern {
  Time period = 0;          // revisit time of a bearing, > 0
  double hfov_deg = 30.0;   // field of view
  double centre_deg = 0.0;  // centre of the scan sector, or the staring direction
  double sector_deg = 0.0;  // span the view centre sweeps (360 = full circle); 0 = staring
};

// The pattern of a camera pointing (or centred) at `pointing_deg`.
ScanPattern scan_pattern(const CameraSpec& camera, double pointing_deg);

// Glimpse instants offset + k·period, k any integer, with 0 <= offset < period.
struct GlimpseTrain {
  Time offset = 0;
  Time period = 1;
};

// A scan phase uniform on the integer milliseconds [0, period): with it, the number of
// glimpses in any window of length T is floor(T/τ) or one more, the latter with
// probability exactly frac(T/τ) (detection_laws.h, scanning_detection).
Time draw_scan_phase(Stream& stream, Time period);

// The glimpses of `bearing_deg` for a scan with the given phase; nullopt if the bearing is
// never in view.
std::optional<GlimpseTrain> glimpse_train(const ScanPattern& pattern, Time phase,
                                          double bearing_deg);

// The first glimpse at or after t.
Time first_glimpse_at_or_after(const GlimpseTrain& train, Time t);

// How many glimpses fall in [t0, t1) (0 when t1 <= t0).
std::int64_t glimpse_count(const GlimpseTrain& train, Time t0, Time t1);

// The first glimpse in [t0, t1) that detects a target seen with probability g per
// glimpse, glimpses independent; kNever if none does. Draws the number of failed glimpses
// before the first success from a geometric law by inversion, F = ⌊ln(1 − U) / ln(1 − g)⌋
// with one uniform U from the stream (log1p keeps small g exact; Boost's
// geometric_distribution uses log(1 − g) and casts unbounded values to an integer). One
// draw when the window holds a glimpse and 0 < g < 1; no draw otherwise. By the geometric
// law's lack of memory, splitting a stay in view into several windows, each with its own
// call, gives the same distribution as one call over the whole stay.
Time first_detection(const GlimpseTrain& train, Time t0, Time t1, double g, Stream& stream);

}  // namespace bordersim::sensors
