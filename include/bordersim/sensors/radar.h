#pragma once
// A ground surveillance radar on a tower or mast: a pulse-Doppler set that scans an azimuth
// sector and reports moving targets. Pure functions of a RadarSpec and the geometry; the
// world schedules the scans (run/radar_sensing.cpp).
//
// Detection opportunities: one per scan. The antenna sweeps its sector once every
// scan_period_s; every target inside the sector, within range and in line of sight is
// illuminated once per scan. The looks of one radar fall at phase + k·scan_period_s for
// every target, the phase uniform in [0, period) per radar and replication: the offset of
// a bearing within the sweep is folded into that phase (a walker's bearing moves by a
// fraction of a degree per scan, so each target keeps a fixed offset to within a few ms).
//
// Probability of detection per scan at ground range r (the mast's height is a few tens of
// metres, small against ranges of kilometres), for a target of radar cross-section σ:
//   Pd(r) = pd0                          for r ≤ r0
//   Pd(r) = pd0 ^ ((r / r0) ^ n)         for r0 < r ≤ range_m
//   Pd(r) = 0                            beyond range_m
// This is the Swerling I law Pd = Pfa^(1 / (1 + SNR)) at high signal to noise, where
// ln Pd ≈ ln Pfa / SNR, with the radar equation's SNR ∝ σ / r⁴ (n = 4): ln Pd scales as
// r⁴, so Pd(r) = Pd(r0)^((r/r0)^4) (Skolnik, "Introduction to Radar Systems", 3rd ed.,
// 2001, §2.8 and §2.7 for the radar equation). Below r0 a fixed pd0 caps it: processing
// losses, the operator and the tracker's confirmation keep real sets short of 1. r0 is
// the range at which a target is detected with pd0 per scan; a vehicle's larger σ gives it
// a longer r0 (σ^(1/4): ten times the cross-section, 1.78 times the range).
//
// Land-cover clutter: a target in a cell of class c is detected with Pd(r) × factor[c]
// (ground clutter masks slow movers among buildings, trees and rough ground).
// The pulse-Doppler processor rejects targets that do not move: a crosser standing still
// (a leg of zero length: waiting, hiding) is never detected.
#include <array>

#include "bordersim/terrain/land_cover.h"

namespace bordersim::sensors {

enum class RadarTarget { kWalker, kVehicle };

// Clutter factors by land cover, in terrain::LandCover order. Desert, steppe, water and
// road: open ground, 1. Farmland 0.8 (crops, orchards), urban 0.3 (buildings, traffic),
// mountain 0.6 (rock and relief clutter), swamp 0.7 (reeds). Engineering assumptions, to
// be overridden where a set's clutter maps are known.
inline constexpr std::array<double, terrain::kLandCoverCount> kRadarCoverFactors = {
    1.0, 1.0, 0.8, 0.3, 0.6, 0.7, 1.0, 1.0};

// Defaults: a mid-range border surveillance radar, assumptions of the order of the
// datasheets of such sets (people at about 5 km, vehicles at about 10 km with Pd 0.9).
struct RadarSpec {
  double range_m = 12000.0;         // instrumented range: nothing beyond
  double sector_centre_deg = 0.0;   // bearing of the sector's centre from the mast's facing
  double sector_width_deg = 360.0;  // 360: all round
  double scan_period_s = 4.0;       // one look at each target per scan
  double pd0 = 0.9;                 // per scan, at ranges up to r0
  double walker_r0_m = 5000.0;      // a walker (σ ≈ 1 m²) detected with pd0 out to here
  double vehicle_r0_m = 9000.0;     // a vehicle (σ ≈ 10 m²): 1.78 × the walker's
  double falloff_exponent = 4.0;    // n above: 4, the radar equation's r⁴
  // Per land-cover class (terrain::LandCover order): the factor on Pd for a target there.
  std::array<double, terrain::kLandCoverCount> cover_factor = kRadarCoverFactors;
};

// Pd(r) before clutter, as above; 0 for r > range_m.
double radar_pd(const RadarSpec& radar, RadarTarget target, double range_m);

// Whether compass bearing `bearing_deg` lies in the sector of a radar whose mast faces
// `facing_deg` (both degrees, any real value); the edges belong to the sector.
bool in_radar_sector(const RadarSpec& radar, double facing_deg, double bearing_deg);

// Whether a target dx_m east and dy_m north of the mast is where the radar looks: within
// range_m (the edge included) and in its sector. Line of sight is the terrain's question.
bool in_radar_coverage(const RadarSpec& radar, double facing_deg, double dx_m, double dy_m);

// Pd per scan of a target at `range_m` standing on land cover `cover`: Pd(r) × factor.
double radar_scan_probability(const RadarSpec& radar, RadarTarget target, double range_m,
                              terrain::LandCover cover);

}  // namespace bordersim::sensors
