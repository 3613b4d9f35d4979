// The variants of a batch share route surfaces and fields wherever their inputs are equal
// (run/route_field_cache.h): a variant that changes nothing the routes depend on takes
// every one of its fields from the first variant, other tower cameras give informed
// crossers a field of their own, other obstacles a surface and fields of their own; and
// models built with the cache run exactly as models built without it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "../support/batch_equality.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/replication.h"
#include "bordersim/run/route_field_cache.h"

using namespace bordersim;

namespace {

// A 40 km synthetic corridor: informed walkers, adaptive smugglers on foot and by vehicle,
// towers with a camera, three QRF bases.
LoadedScenario sharing_scenario() {
  return load_scenario_text(R"({
    "seed": 5, "duration_h": 24,
    "terrain": {"synthetic": {"length_km": 40, "depth_km": 12, "foreign_depth_km": 5, "seed": 3}, "cell_m": 100},
    "sensors": {"towers": {"along_border": {"spacing_m": 5000, "offset_m": 2500, "setback_m": 300},
                           "height_m": 12, "range_m": 3000, "detection_rate_per_s": 0.0003,
                           "cameras": [{"kind": "visible"}]}},
    "threats": {"infiltrators": {"per_day": 20, "goal_depth_km": 5, "knowledge": "informed"},
                "smugglers": {"per_day": 20, "vehicle_share": 0.5, "goal_depth_km": 6,
                              "knowledge": "adaptive"}},
    "response": {"qrf": {"bases_km": [5, 20, 35], "setback_m": 6000}},
    "batch": {"replications": 3},
    "variants": {
      "base": {},
      "faster-qrf": {"response": {"qrf": {"speed_mps": 20}}},
      "thermal": {"sensors": {"towers": {"cameras": [{"kind": "thermal"}]}}},
      "slow-trench": {"obstacles": {"trench": {"crossing_time_s": 900}}}
    }})",
                            "sharing.json");
}

// Every field of a model, crossers' then bases'.
std::vector<const routes::CostField*> fields_of(const Model& model) {
  std::vector<const routes::CostField*> out;
  for (const auto& f : model.routing->crosser_fields) out.push_back(f.field.get());
  for (const auto& f : model.routing->base_fields) out.push_back(f.get());
  return out;
}

bool same_costs(const routes::CostField& a, const routes::CostField& b) {
  const auto x = a.costs(), y = b.costs();
  return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size_bytes()) == 0;
}

}  // namespace

TEST_CASE("route_field_cache: variants share the surfaces and fields whose inputs are equal") {
  const LoadedScenario loaded = sharing_scenario();
  REQUIRE(loaded.variants.size() == 4);
  const auto geography = build_geography(loaded.base.terrain, loaded.file);
  RouteFieldCache cache;
  std::map<std::string, Model> cached, alone;
  for (const Variant& v : loaded.variants) {
    cached.emplace(v.name, build_model(v.scenario, geography, loaded.file, &cache));
    alone.emplace(v.name, build_model(v.scenario, geography, loaded.file));
  }
  const Model& base = cached.at("base");
  REQUIRE(base.routing);
  // Informed walkers, adaptive walkers and drivers; three bases.
  REQUIRE(base.routing->crosser_fields.size() == 3);
  REQUIRE(base.routing->base_fields.size() == 3);
  const auto informed =
      std::find_if(base.routing->crosser_fields.begin(), base.routing->crosser_fields.end(),
                   [](const auto& f) { return f.aversion_s > 0.0; }) -
      base.routing->crosser_fields.begin();
  REQUIRE(informed < 3);

  // Nothing the routes depend on changes: the same surface and field objects.
  const Model& faster = cached.at("faster-qrf");
  CHECK(faster.routing->surface == base.routing->surface);
  CHECK(fields_of(faster) == fields_of(base));

  // Other cameras: another tower hazard, so the informed walkers' field is its own; the
  // surface, the adaptive crossers' fields and the bases' fields are shared.
  const Model& thermal = cached.at("thermal");
  CHECK(thermal.routing->surface == base.routing->surface);
  CHECK(thermal.routing->tower_hazard_per_s != base.routing->tower_hazard_per_s);
  const auto thermal_fields = fields_of(thermal), base_fields = fields_of(base);
  for (std::size_t k = 0; k < base_fields.size(); ++k) {
    CAPTURE(k);
    if (k == static_cast<std::size_t>(informed))
      CHECK(thermal_fields[k] != base_fields[k]);
    else
      CHECK(thermal_fields[k] == base_fields[k]);
  }

  // Other obstacles: another surface, and every field on it its own.
  const Model& trench = cached.at("slow-trench");
  CHECK(trench.routing->surface != base.routing->surface);
  for (const auto* f : fields_of(trench)) {
    CHECK(&f->surface() == trench.routing->surface.get());
    CHECK(std::find(base_fields.begin(), base_fields.end(), f) == base_fields.end());
  }
  // Two surfaces; 6 fields on the first (+1 for thermal's informed walkers), 6 on the second.
  CHECK(cache.surface_count() == 2);
  CHECK(cache.field_count() == 13);

  // Sharing changes no value: each field equals the one its variant builds alone, and
  // replications run identically.
  for (const Variant& v : loaded.variants) {
    CAPTURE(v.name);
    const auto with = fields_of(cached.at(v.name)), without = fields_of(alone.at(v.name));
    REQUIRE(with.size() == without.size());
    for (std::size_t k = 0; k < with.size(); ++k) CHECK(same_costs(*with[k], *without[k]));
    for (std::uint32_t r = 0; r < 2; ++r) {
      const ReplicationRecord a = run_replication(cached.at(v.name), loaded.base.seed, r);
      const ReplicationRecord b = run_replication(alone.at(v.name), loaded.base.seed, r);
      testing::check_same_replication(a, b);
    }
  }
}

TEST_CASE("route_field_cache: a batch builds each distinct field once") {
  const LoadedScenario loaded = sharing_scenario();
  const std::vector<Model> models = build_models(loaded);  // as run_batch builds them
  REQUIRE(models.size() == 4);
  const Model& base = models[0];
  const Model& faster = models[1];
  CHECK(faster.routing->surface == base.routing->surface);
  CHECK(fields_of(faster) == fields_of(base));
  CHECK(models[3].routing->surface != base.routing->surface);
}
