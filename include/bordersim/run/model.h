#pragma once
// The immutable part of a run: everything derived from one variant's scenario that no
// replication changes. Built once, shared read-only by every replication and thread.
#include <string>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/scenario/scenario.h"

namespace bordersim {

struct Point {
  double x = 0.0;  // along the border, m
  double y = 0.0;  // across it, m; > 0 behind the border
};

struct TowerSite {
  Point position;
  double range_m = 0.0;
  bool instant = true;         // cookie-cutter detection at range entry
  double rate_per_s = 0.0;     // hazard inside range otherwise
};

struct SectorInfo {
  std::string name;
  std::string jurisdiction;
  double from_m = 0.0;
  double to_m = 0.0;
};

struct Model {
  Scenario scenario;
  double border_length_m = 0.0;
  Time duration = 0;
  std::vector<SectorInfo> sectors;
  std::vector<TowerSite> towers;       // sorted by x
  std::vector<Point> responder_homes;  // one per team

  std::uint16_t sector_of(double x) const;
  // Index range [first, last) of towers whose x lies within [x_min, x_max].
  std::pair<std::size_t, std::size_t> towers_between(double x_min, double x_max) const;
};

Model build_model(const Scenario& scenario);

}  // namespace bordersim
