#pragma once
// The immutable part of a run: everything derived from one variant's scenario that no
// replication changes. Built once, shared read-only by every replication and thread.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/model/sectors.h"
#include "bordersim/movers/arrivals.h"
#include "bordersim/run/command_params.h"
#include "bordersim/run/geography.h"
#include "bordersim/run/point_index.h"
#include "bordersim/run/route_planning.h"
#include "bordersim/run/segment_index.h"
#include "bordersim/scenario/scenario.h"
#include "bordersim/sensors/availability.h"
#include "bordersim/sensors/camera.h"
#include "bordersim/sensors/patrol_cycle.h"
#include "bordersim/sensors/radar.h"
#include "bordersim/sensors/weather.h"
#include "bordersim/terrain/land_cover.h"
#include "bordersim/terrain/viewshed.h"

namespace bordersim {

using terrain::MapPoint;

struct TowerSite {
  MapPoint position;
  double facing_deg = 0.0;  // compass bearing of the foreign side: where cameras scan
  double range_m = 0.0;
  // The crew: cookie-cutter detection on entering sight within range, or a hazard while
  // in sight; neither when the scenario says "none" (cameras only).
  bool crew = true;
  bool instant = true;
  double rate_per_s = 0.0;
  double resighting_s = 60.0;  // an instant crew's next look at a crosser still in sight
  // Cells a target can be seen on, within range; empty where nothing blocks sight.
  std::optional<terrain::Viewshed> view;
  // Service (sensor_service.h): failures and maintenance of the whole tower, false alarms
  // at false_alarms_per_day × clutter (the mean over the cells it sees within range), and
  // the time from its detection to the report at the command post.
  sensors::AvailabilityParams availability;
  double clutter = 1.0;
  double false_alarms_per_s = 0.0;
  double report_latency_s = 0.0;
};

// The radar on every tower (sensors/radar.h): it shares the tower's place, facing, line of
// sight (the viewshed reaches the larger of the two ranges), service and report latency.
struct TowerRadar {
  sensors::RadarSpec spec;
  double report_interval_s = 60.0;  // between two reports of one crosser by one radar
  // By tower: false_alarms_per_day × the mean clutter of the radar's disc, in sight.
  std::vector<double> false_alarms_per_s;
};

// A line parallel to the border (offset behind it; before it when negative) over a
// stretch of arc length, cut into straight map pieces where the border bends: on a piece
// a mover's position at arc length s is p0 + (s − s0)·dir, so a mover at constant speed
// along the border moves in a straight line on the map.
struct LanePiece {
  std::uint32_t lane = 0;  // index into SweepRoute::lane_offsets_m
  double s0 = 0.0;         // arc length where the piece starts
  double s1 = 0.0;         // and ends
  MapPoint p0;             // the map position at s0
  MapPoint dir;            // unit, the border's direction on this piece

  MapPoint at(double s) const { return {p0.x + (s - s0) * dir.x, p0.y + (s - s0) * dir.y}; }
};

// The lanes a patrol or a reconnaissance aircraft drives or flies, with their pieces
// indexed so that "which pieces pass near this crossing" costs the cells it touches.
struct SweepRoute {
  double from_m = 0.0;  // the stretch along the border
  double to_m = 0.0;
  std::vector<double> lane_offsets_m;
  std::vector<LanePiece> pieces;
  SegmentIndex index;  // over pieces
};

// Where a route of one lane (a patrol's) is at arc length s along the border.
MapPoint lane_point(const SweepRoute& route, double s);

// Vehicles along one lane, back and forth or round a loop (sensors/patrol_cycle.h), spread
// evenly along their cycle (C = 2·length back and forth, length round a loop): vehicle k
// has covered u0 + k·C/vehicles + speed·t of its cycle at time t, where u0 = C × the first
// uniform of Stream(seed, replication, {kPatrol, index}, kSchedulePhase), drawn per
// replication. The lane's arc length is the border's on the border road (from_m to to_m);
// on a route of its own it is the distance along the route from its first point (0 to
// its length), the loop's closing piece included.
struct PatrolSite {
  SweepRoute route;
  bool loop = false;
  bool on_border_road = true;    // the lane's arc length is the border's
  sensors::DailyWindows shifts;  // out (sensing, responding) only within these
  double cycle_m() const { return sensors::cycle_length(route.to_m - route.from_m, loop); }
  std::int64_t vehicles = 1;
  double speed_mps = 1.0;
  double range_m = 0.0;                      // definite range: half the sweep width
  sensors::AvailabilityParams availability;  // of every vehicle at once
  double report_latency_s = 0.0;
  // Its vehicles are responders too: sent from wherever their round has taken them,
  // along their road, then by road and terrain at response_speed_mps (straight on flat
  // ground); off their round until back.
  bool responds = false;
  double response_speed_mps = 1.0;
  double on_scene_s = 0.0;
  // Vehicles of all patrols are numbered in order: this patrol's first one's number (a
  // patrol's detection names the vehicle, sensor_payload's 24 bits).
  std::uint32_t first_vehicle = 0;
};

// Sorties at first + k·every (k = 0, 1, ...), each flying its sector's lanes for `duration`:
// lane after lane, alternating direction, back through the lanes in reverse order once
// the last is done (0, 1, …, n−1, n−1, …, 0, 0, 1, …), one aircraft per sector.
struct ReconSite {
  std::vector<SweepRoute> sectors;
  double first_s = 0.0;
  double every_s = 1.0;
  double duration_s = 0.0;
  double speed_mps = 1.0;
  double range_m = 0.0;
  bool grounded = false;  // the cloud base is below its minimum
  double report_latency_s = 0.0;
};

enum class DroneLaw : std::uint8_t { kInverseCube, kDefinite };

// A drone station: where it searches, how it sees, and when an airframe is there. Per
// replication, Stream(seed, replication, {kDrone, index}, kSchedulePhase) gives the phase
// of the airframes' rotation (sensors::draw_scan_phase over `slot`) and then, for a line,
// where on its back-and-forth cycle the track is at t = 0 (a uniform × 2·length); a
// random track draws from the kRoute stream. Glimpses fall every glimpse_period from the
// start of each slot on station.
struct DroneSite {
  bool random_pattern = false;
  double from_m = 0.0;  // stretch along the border
  double to_m = 0.0;
  double offset_m = 0.0;    // the line, or the centre line of the random track's box
  double depth_m = 0.0;     // the random track's box, across the border
  double leg_m = 0.0;       // the random track's legs
  double altitude_m = 0.0;  // the scenario's, or the cloud base when lower
  double speed_mps = 1.0;
  DroneLaw law = DroneLaw::kInverseCube;
  double range_m = 0.0;
  double k_m2_per_s = 0.0;
  Time glimpse_period = 1;
  double transit_s = 0.0;  // base to the middle of the orbit, one way
  Time on_station = 0;     // per sortie (sensors::StationSchedule)
  Time slot = 1;
  bool grounded = false;  // the cloud base is below its minimum
  MapPoint reach_lo;      // a box holding every point within range of the drone's track
  MapPoint reach_hi;
  std::uint16_t sector = 0;  // of the orbit's middle: the glimpse events' sector
  // Service: failures of the station, false alarms on station at false_alarms_per_day ×
  // clutter (the mean over the reach box), the report latency.
  sensors::AvailabilityParams availability;
  double clutter = 1.0;
  double false_alarms_per_s = 0.0;
  double report_latency_s = 0.0;
};

// An unattended ground sensor (seismic, acoustic, PIR): it detects a crosser with
// probability `detection_probability` at the moment the crosser enters its disc
// (sensors::window_within), while it is up; land cover does not conceal from it.
struct GroundSensorSite {
  MapPoint position;
  double radius_m = 0.0;
  double detection_probability = 1.0;
  double clutter = 1.0;             // mean over its disc
  double false_alarms_per_s = 0.0;  // false_alarms_per_day × clutter / 86400
  double report_latency_s = 0.0;
  sensors::AvailabilityParams availability;
  std::uint64_t key = 0;  // entity index: (line << 32) | position in the line
  std::uint16_t sector = 0;
};

// Built from one variant's Scenario by build_model, the one place where its words become
// enums and its keys the parameters each part of the run needs; it keeps no Scenario.
struct Model {
  std::shared_ptr<const Geography> geography;
  double border_length_m = 0.0;
  Time duration = 0;
  std::vector<SectorInfo> sectors;
  std::vector<TowerSite> towers;
  PointIndex tower_index;                          // over tower positions
  std::vector<sensors::CameraSpec> tower_cameras;  // on every tower
  std::optional<TowerRadar> tower_radar;           // on every tower, when keyed
  // weather.states: the chain, and the tower cameras in each of its states (state i's
  // camera k at [i · tower_cameras.size() + k]). Absent: the same weather all run.
  std::optional<sensors::WeatherChain> weather;
  std::vector<sensors::CameraSpec> weather_cameras;
  terrain::CoverTable cover_table;
  sensors::UtcMs start_utc = 0;

  // The sun over the run, in steps of kLightStep from the start: cameras look it up
  // rather than solve the sun's position at every glimpse.
  static constexpr Time kLightStep = 10 * 60 * kTicksPerSecond;
  std::vector<sensors::SunState> light;
  std::vector<MapPoint> responder_homes;      // one per team
  std::vector<std::uint16_t> responder_base;  // per team: its base, in qrf.bases_km order
  // Routes of crossers and responders over the terrain; null on flat ground.
  std::shared_ptr<const RoutePlanning> routing;

  std::vector<DroneSite> drones;
  std::vector<PatrolSite> patrols;
  std::vector<ReconSite> air_recon;
  std::vector<GroundSensorSite> ground_sensors;
  PointIndex ground_sensor_index;      // over ground sensor positions, bucket ≥ largest radius
  double tower_range_m = 0.0;          // sensors.towers.range_m: every tower's
  double ground_sensor_reach_m = 0.0;  // the largest radius of any ground sensor line

  CommandParams command;    // the command post and its responders (command_params.h)
  CrossingParams crossers;  // who crosses, where and when (movers/arrivals.h)
  // The scenario's seed: it keys the sensors' service streams (sensor_service.h).
  std::uint64_t seed = 0;
  std::uint64_t max_events_per_replication = 0;  // batch.max_events_per_replication
  double seam_band_km = 10.0;                    // sectors.seam_band_km

  // Quick-reaction teams and the vehicles of patrols that respond.
  std::size_t responder_count() const;
  // The sector holding arc length s along the border.
  std::uint16_t sector_of(double border_s) const;
  // Whether tower `t` can see a target at p: within range and, on terrain, in its viewshed.
  bool tower_sees(std::size_t t, MapPoint p) const;
  // Whether p is in tower `t`'s line of sight, at any range: on terrain, in its viewshed
  // (which reaches as far as the farthest sensor on the tower looks); always on flat ground.
  bool in_tower_sight(std::size_t t, MapPoint p) const;
  const sensors::SunState& sun_at(Time t) const;
  // How much the land cover at p hides a target: 0 on flat ground.
  double concealment_at(MapPoint p) const;
};

// A point `setback` behind the border at arc length s (in front of it when negative).
MapPoint behind_border(const terrain::BorderFrame& border, double s, double setback);

// `file` names the scenario in errors found while building (a tower off the terrain
// grid, sectors that do not fit a border read from a file). With `route_fields`, the
// route surface and fields are shared with the other models built with that cache
// wherever they are built from the same inputs (the variants of a batch).
Model build_model(const Scenario& scenario, std::shared_ptr<const Geography> geography,
                  const std::string& file, RouteFieldCache* route_fields = nullptr);
// Builds its own geography: for tests and single-variant tools.
Model build_model(const Scenario& scenario, const std::string& file = "<scenario>");

}  // namespace bordersim
