#pragma once
// What the variants of one batch share of their route planning (route_planning.h): one
// cost surface per geography and routing inputs (land cover, obstacles, routing keys),
// and on each surface one field per distinct (mover, goal depth, risk aversion, hazard
// raster), base point or patrol road. Fields are deterministic, so a shared field is bit
// for bit the one a variant would have built alone; sharing only saves the Dijkstra runs
// and memory.
// Most variants change sensors or command, not the ground: the default's five build one
// surface and twelve fields (two of them patrol roads) instead of five surfaces and 53.
//
// One cache per batch, passed to build_model; thread-safe: lookups and inserts are under
// a lock, builds are not (a build runs TBB tasks, and a worker waiting on them may pick
// up another build), so two threads missing the same surface or field both build it and
// the first insert wins. Entries live as long as the cache; models hold their own.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "bordersim/routes/cost_field.h"
#include "bordersim/routes/cost_surface.h"
#include "bordersim/terrain/grid.h"

namespace bordersim {

struct Geography;

class RouteFieldCache {
 public:
  // What a field is built from, besides its surface. A crosser's field (to_depth):
  // mover, goal depth, aversion and the hazard raster it weighs (empty when aversion is
  // 0). A base's field (from_point): mover and source. A patrol road's (from_points):
  // mover and sources.
  struct FieldKey {
    bool from_point = false;
    routes::Mover mover = routes::Mover::kFoot;
    double goal_m = 0.0;
    double aversion_s = 0.0;
    std::span<const float> hazard_per_s;  // the caller's; copied when the field is stored
    terrain::MapPoint source;
    std::span<const terrain::MapPoint> sources;  // likewise; non-empty: from_points
  };

  // Whether two keys name the same field (on one surface): doubles by value, the hazard
  // rasters bit for bit.
  static bool same(const FieldKey& a, const FieldKey& b);

  // The surface built from `geography` and `inputs` (a text that names everything else
  // the surface is built from); `build` makes it when none is stored.
  std::shared_ptr<const routes::CostSurface> surface(
      const std::shared_ptr<const Geography>& geography, const std::string& inputs,
      const std::function<routes::CostSurface()>& build);

  // The field on `surface` (one this cache returned) for `key`; null if none is stored yet.
  std::shared_ptr<const routes::CostField> find(const routes::CostSurface& surface,
                                                const FieldKey& key) const;
  // Stores a field built for `key` and returns the stored one: `field`, or the one another
  // thread stored first for an equal key.
  std::shared_ptr<const routes::CostField> insert(const routes::CostSurface& surface,
                                                  const FieldKey& key,
                                                  std::shared_ptr<const routes::CostField> field);

  // What is stored: distinct surfaces and fields (for tests and benches).
  std::size_t surface_count() const;
  std::size_t field_count() const;

 private:
  struct SurfaceEntry {
    std::shared_ptr<const Geography> geography;  // kept alive: its address is part of the key
    std::string inputs;
    std::shared_ptr<const routes::CostSurface> surface;
  };
  struct FieldEntry {
    const routes::CostSurface* surface = nullptr;  // owned by a SurfaceEntry
    FieldKey key;                                  // hazard_per_s empty: see `hazard`
    std::vector<float> hazard;
    std::vector<terrain::MapPoint> sources;
    std::shared_ptr<const routes::CostField> field;
  };
  std::shared_ptr<const routes::CostField> find_locked(const routes::CostSurface& surface,
                                                       const FieldKey& key) const;

  mutable std::mutex mutex_;
  std::vector<SurfaceEntry> surfaces_;
  std::vector<FieldEntry> fields_;
};

}  // namespace bordersim
