#include "bordersim/run/route_field_cache.h"

#include <algorithm>
#include <cstring>

#include "bordersim/run/geography.h"

namespace bordersim {
namespace {

// Bit for bit: a field weighs the raster's values exactly as they are.
bool same_raster(std::span<const float> a, std::span<const float> b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size_bytes()) == 0);
}

bool same_points(std::span<const terrain::MapPoint> a, std::span<const terrain::MapPoint> b) {
  return std::equal(
      a.begin(), a.end(), b.begin(), b.end(),
      [](terrain::MapPoint p, terrain::MapPoint q) { return p.x == q.x && p.y == q.y; });
}

}  // namespace

bool RouteFieldCache::same(const FieldKey& a, const FieldKey& b) {
  if (a.from_point != b.from_point || a.mover != b.mover) return false;
  if (a.from_point)
    return a.source.x == b.source.x && a.source.y == b.source.y &&
           same_points(a.sources, b.sources);
  return a.goal_m == b.goal_m && a.aversion_s == b.aversion_s &&
         same_raster(a.hazard_per_s, b.hazard_per_s);
}

std::shared_ptr<const routes::CostSurface> RouteFieldCache::surface(
    const std::shared_ptr<const Geography>& geography, const std::string& inputs,
    const std::function<routes::CostSurface()>& build) {
  const auto stored = [&]() -> std::shared_ptr<const routes::CostSurface> {
    for (const SurfaceEntry& e : surfaces_)
      if (e.geography == geography && e.inputs == inputs) return e.surface;
    return nullptr;
  };
  {
    const std::lock_guard lock(mutex_);
    if (auto s = stored()) return s;
  }
  auto built = std::make_shared<const routes::CostSurface>(build());
  const std::lock_guard lock(mutex_);
  if (auto s = stored()) return s;
  surfaces_.push_back({geography, inputs, built});
  return built;
}

std::shared_ptr<const routes::CostField> RouteFieldCache::find_locked(
    const routes::CostSurface& surface, const FieldKey& key) const {
  for (const FieldEntry& e : fields_) {
    if (e.surface != &surface) continue;
    FieldKey stored = e.key;
    stored.hazard_per_s = e.hazard;
    stored.sources = e.sources;
    if (same(stored, key)) return e.field;
  }
  return nullptr;
}

std::shared_ptr<const routes::CostField> RouteFieldCache::find(const routes::CostSurface& surface,
                                                               const FieldKey& key) const {
  const std::lock_guard lock(mutex_);
  return find_locked(surface, key);
}

std::shared_ptr<const routes::CostField> RouteFieldCache::insert(
    const routes::CostSurface& surface, const FieldKey& key,
    std::shared_ptr<const routes::CostField> field) {
  const std::lock_guard lock(mutex_);
  if (auto stored = find_locked(surface, key)) return stored;
  FieldEntry entry{&surface,
                   key,
                   {key.hazard_per_s.begin(), key.hazard_per_s.end()},
                   {key.sources.begin(), key.sources.end()},
                   field};
  entry.key.hazard_per_s = {};
  entry.key.sources = {};
  fields_.push_back(std::move(entry));
  return field;
}

std::size_t RouteFieldCache::surface_count() const {
  const std::lock_guard lock(mutex_);
  return surfaces_.size();
}

std::size_t RouteFieldCache::field_count() const {
  const std::lock_guard lock(mutex_);
  return fields_.size();
}

}  // namespace bordersim
