#pragma once
// The immutable part of a run: everything derived from one variant's scenario that no
// replication changes. Built once, shared read-only by every replication and thread.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/run/geography.h"
#include "bordersim/run/point_index.h"
#include "bordersim/scenario/scenario.h"
#include "bordersim/sensors/camera.h"
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
  // Cells a target can be seen on, within range; empty where nothing blocks sight.
  std::optional<terrain::Viewshed> view;
};

struct SectorInfo {
  std::string name;
  std::string jurisdiction;
  double from_m = 0.0;  // arc length along the border
  double to_m = 0.0;
};

struct Model {
  Scenario scenario;
  std::shared_ptr<const Geography> geography;
  double border_length_m = 0.0;
  Time duration = 0;
  std::vector<SectorInfo> sectors;
  std::vector<TowerSite> towers;
  PointIndex tower_index;  // over tower positions
  std::vector<sensors::CameraSpec> tower_cameras;  // on every tower
  terrain::CoverTable cover_table;
  sensors::UtcMs start_utc = 0;

  // The sun over the run, in steps of kLightStep from the start: cameras look it up
  // rather than solve the sun's position at every glimpse.
  static constexpr Time kLightStep = 10 * 60 * kTicksPerSecond;
  std::vector<sensors::SunState> light;
  std::vector<MapPoint> responder_homes;  // one per team

  // The sector holding arc length s along the border.
  std::uint16_t sector_of(double border_s) const;
  // Whether tower `t` can see a target at p: within range and, on terrain, in its viewshed.
  bool tower_sees(std::size_t t, MapPoint p) const;
  const sensors::SunState& sun_at(Time t) const;
  // How much the land cover at p hides a target: 0 on flat ground.
  double concealment_at(MapPoint p) const;
};

// `file` names the scenario in errors found while building (a tower off the terrain
// grid, sectors that do not fit a border read from a file).
Model build_model(const Scenario& scenario, std::shared_ptr<const Geography> geography,
                  const std::string& file);
// Builds its own geography: for tests and single-variant tools.
Model build_model(const Scenario& scenario, const std::string& file = "<scenario>");

}  // namespace bordersim
