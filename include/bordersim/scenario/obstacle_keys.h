#pragma once
// Linear obstacles (routes/obstacles.h has the reasons for each default). The trench and
// rivers come with the terrain; the fence, when given, runs along the border. Each struct's
// members are its keys' defaults; its visit_fields, next to it, their JSON names, valid
// ranges and printing order (scenario.h has the conventions and the one list of keys;
// scenarios/README.md documents every key).
#include <optional>

#include "bordersim/scenario/field_rules.h"

namespace bordersim {

struct TrenchObstacleSpec {
  double crossing_time_s = 240.0;  // on foot; vehicles only through the gaps
  double detection_factor = 2.0;   // multiplies the detection hazard while crossing
};

template <class V>
void visit_fields(V& v, TrenchObstacleSpec& t) {
  v.field("crossing_time_s", t.crossing_time_s, Range::non_negative());
  v.field("detection_factor", t.detection_factor, Range::non_negative());
}

struct RiverObstacleSpec {
  double crossing_time_s = 600.0;       // on foot, wading or swimming; vehicles: bridges, fords
  double ford_crossing_time_s = 120.0;  // either mover, at a ford
  double ford_every_km = 0.0;           // a ford every so far along each river; 0: none
  double detection_factor = 2.0;
};

template <class V>
void visit_fields(V& v, RiverObstacleSpec& r) {
  v.field("crossing_time_s", r.crossing_time_s, Range::non_negative());
  v.field("ford_crossing_time_s", r.ford_crossing_time_s, Range::non_negative());
  v.field("ford_every_km", r.ford_every_km, Range::non_negative());
  v.field("detection_factor", r.detection_factor, Range::non_negative());
}

struct FenceObstacleSpec {
  double from_km = 0.0;  // along the border
  double to_km = 0.0;    // 0: to the border's end
  double setback_m = 100.0;
  double gap_every_km = 0.0;  // 0: no gaps
  double gap_m = 50.0;
  double crossing_time_s = 300.0;  // cutting or climbing, on foot; vehicles only at gaps
  double detection_factor = 2.0;
};

template <class V>
void visit_fields(V& v, FenceObstacleSpec& f) {
  v.field("from_km", f.from_km, Range::non_negative());
  v.field("to_km", f.to_km, Range::non_negative());
  v.field("setback_m", f.setback_m, Range::any());
  v.field("gap_every_km", f.gap_every_km, Range::non_negative());
  v.field("gap_m", f.gap_m, Range::non_negative());
  v.field("crossing_time_s", f.crossing_time_s, Range::non_negative());
  v.field("detection_factor", f.detection_factor, Range::non_negative());
}

struct ObstaclesSpec {
  TrenchObstacleSpec trench;
  RiverObstacleSpec rivers;
  std::optional<FenceObstacleSpec> fence;
};

template <class V>
void visit_fields(V& v, ObstaclesSpec& o) {
  v.field("trench", o.trench);
  v.field("rivers", o.rivers);
  v.field("fence", o.fence);
}

}  // namespace bordersim
