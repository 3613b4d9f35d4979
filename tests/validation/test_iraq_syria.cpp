// scenarios/iraq-syria.json: the real Iraq–Syria boundary, rivers and towns (Natural Earth,
// data/real/vector) on synthetic ground. The model is built on a 500 m grid instead of the
// file's 200 m (a million cells instead of six), so that the suite stays fast under ASan;
// nothing checked here depends on the cell size beyond the cells themselves.
#include <doctest/doctest.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/batch_threads.h"
#include "bordersim/core/error.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"
#include "bordersim/terrain/fingerprint.h"
#include "bordersim/terrain/gdal_io.h"

using namespace bordersim;
namespace bt = bordersim::terrain;

namespace {

const std::string kScenario = BORDERSIM_SOURCE_DIR "/scenarios/iraq-syria.json";

// The scenario file with `patch` merged in (RFC 7386), loaded as if it were the file.
LoadedScenario load_patched(const Json& patch) {
  std::ifstream in(kScenario);
  std::ostringstream text;
  text << in.rdbuf();
  Json document = Json::parse(text.str());
  document.merge_patch(patch);
  return load_scenario_text(document.dump(), kScenario);
}

const Json kCoarse = Json::parse(R"({"terrain": {"cell_m": 500}, "batch": {"replications": 2}})");

const Model& coarse_model() {
  static const Model model = build_model(load_patched(kCoarse).base, kScenario);
  return model;
}

}  // namespace

TEST_CASE("Iraq-Syria scenario: the file loads as written") {
  const LoadedScenario loaded = load_scenario_file(kScenario);
  const TerrainSpec& terrain = loaded.base.terrain;
  REQUIRE(terrain.files);
  CHECK(terrain.cell_m == 200.0);
  CHECK(terrain.files->dem.empty());
  CHECK_FALSE(terrain.files->rivers.empty());
  CHECK_FALSE(terrain.files->towns.empty());
  CHECK(loaded.variants.size() >= 2);
  CHECK(loaded.base.sectors.split_along_border_km == std::vector<double>{0, 180, 598.9});
}

TEST_CASE(
    "Iraq-Syria scenario: the border runs 598.9 km from the Turkish tripoint with Iraq on the "
    "left") {
  const Model& model = coarse_model();
  const auto& border = model.geography->border;
  CHECK(model.border_length_m == doctest::Approx(598'889.0).epsilon(0.005));
  // Arc length 0 is the Turkey–Iraq–Syria tripoint: the file's first vertex, kept first
  // because walking N→S puts Iraq (the home point) on the left.
  const auto& crs = model.geography->terrain.elevation.crs_wkt();
  const bt::MapPoint tripoint = bt::lonlat_to_map(42.3572384, 37.109984, crs, kScenario, "");
  CHECK(std::hypot(border.point_at(0).x - tripoint.x, border.point_at(0).y - tripoint.y) < 1.0);
  const bt::MapPoint jordan = bt::lonlat_to_map(38.7745114, 33.3716851, crs, kScenario, "");
  const bt::MapPoint end = border.point_at(border.length());
  CHECK(std::hypot(end.x - jordan.x, end.y - jordan.y) < 1.0);
  CHECK(border.normal_at(border.length() / 2).x > 0.5);  // home (Iraq) lies east
  REQUIRE(model.sectors.size() == 2);
  CHECK(model.sectors[0].jurisdiction == "kurdistan");
  CHECK(model.sectors[0].to_m == 180'000.0);
  CHECK(model.sectors[1].to_m == model.border_length_m);
}

TEST_CASE("Iraq-Syria scenario: the grid covers the corridor with real ground on every cell") {
  const Model& model = coarse_model();
  const auto& border = model.geography->border;
  const bt::ElevationGrid& dem = model.geography->terrain.elevation;
  CHECK(dem.geometry().cell_w == 500.0);
  const auto files = *load_patched(kCoarse).base.terrain.files;
  for (double s = 0; s <= border.length(); s += 2000.0) {
    for (const double off : {-1000.0 * files.foreign_depth_km, 0.0, 1000.0 * files.depth_km}) {
      const bt::MapPoint p{border.point_at(s).x + off * border.normal_at(s).x,
                           border.point_at(s).y + off * border.normal_at(s).y};
      REQUIRE(dem.cell_of(p));
    }
  }
  CHECK(std::all_of(dem.values().begin(), dem.values().end(),
                    [](float z) { return std::isfinite(z); }));
  CHECK(model.towers.size() == 200);  // every 3 km from 1.5 km: all on the grid
}

TEST_CASE("Iraq-Syria scenario: towns are urban, rivers water, and the ground varies") {
  const bt::Terrain& t = coarse_model().geography->terrain;
  // Natural Earth's 15 places in the box less Ar Ramadi and Mosul, beyond the corridor's
  // bounding box (Mosul by 11 km).
  CHECK(t.towns.size() == 13);
  for (const bt::Town& town : t.towns) {
    CAPTURE(town.name);
    const auto lc = t.cover.cover_at(town.position);
    REQUIRE(lc);
    CHECK((*lc == bt::LandCover::kUrban || *lc == bt::LandCover::kWater));
  }
  // Euphrates (Al Furat in Syria) and Tigris (Dicle in Turkey), clipped to the grid.
  REQUIRE(t.rivers.size() >= 2);
  for (const bt::Polyline& river : t.rivers) {
    for (const bt::MapPoint p : river.points) {
      const auto lc = t.cover.cover_at(p);
      if (lc) CHECK(*lc == bt::LandCover::kWater);  // a clipped end may sit on the outer edge
    }
  }
  const auto range = t.elevation.elevation_range();
  REQUIRE(range);
  CHECK(range->second - range->first > 300.0f);
  const auto histogram = t.cover.histogram();
  for (const bt::LandCover lc :
       {bt::LandCover::kDesert, bt::LandCover::kSteppe, bt::LandCover::kFarmland,
        bt::LandCover::kUrban, bt::LandCover::kMountain, bt::LandCover::kWater}) {
    CAPTURE(to_string(lc));
    CHECK(histogram[static_cast<std::size_t>(lc)] > 0);
  }
}

// scenarios/iraq-syria-assessment.json (the README's figures with and without assessment)
// is this scenario with other variants: it must not drift from it.
TEST_CASE("Iraq-Syria scenario: the assessment study is the same scenario with other variants") {
  const auto read = [](const std::string& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    Json document = Json::parse(text.str());
    document.erase("name");
    document.erase("variants");
    return document;
  };
  const std::string study = BORDERSIM_SOURCE_DIR "/scenarios/iraq-syria-assessment.json";
  CHECK(read(study) == read(kScenario));
  CHECK(load_scenario_file(study).variants.size() == 3);
}

TEST_CASE("Iraq-Syria scenario: the same seed builds the same ground on any thread count") {
  // 1 km cells: three builds here cost less than one at 500 m.
  const TerrainSpec spec =
      load_patched(Json::parse(R"({"terrain": {"cell_m": 1000}})")).base.terrain;
  std::uint64_t one = 0;
  tbb::task_arena(1).execute(
      [&] { one = bt::fingerprint(build_geography(spec, kScenario)->terrain); });
  CHECK(one == bt::fingerprint(build_geography(spec, kScenario)->terrain));
  TerrainSpec reseeded = spec;
  REQUIRE(reseeded.files);
  reseeded.files->seed = spec.files->seed + 1;
  CHECK(bt::fingerprint(build_geography(reseeded, kScenario)->terrain) != one);
}

TEST_CASE("Iraq-Syria scenario: a short batch runs and every crossing lies on the border") {
  const LoadedScenario loaded = load_patched(kCoarse);
  const std::vector<Model> models = build_models(loaded);
  const BatchResult batch = run_batch(loaded, models, testing::on_threads(2));
  REQUIRE(batch.variants.size() == 3);
  for (std::size_t v = 0; v < batch.variants.size(); ++v) {
    const VariantResult& variant = batch.variants[v];
    CAPTURE(variant.name);
    REQUIRE(variant.replications.size() == 2);
    std::size_t crossings = 0;
    for (const ReplicationRecord& rep : variant.replications) {
      for (const auto& row : rep.crossing_records) {
        const auto where = models[v].geography->border.project({row.border_x_m, row.border_y_m});
        CHECK(std::abs(where.offset) < 1e-6);
        CHECK(row.sector == (where.s < 180'000.0 ? 0 : 1));
        ++crossings;
      }
    }
    CHECK(crossings > 10);  // 24 a day for a day, twice
  }
}

TEST_CASE("Iraq-Syria scenario: a grid over max_cells is an input error at /terrain/cell_m") {
  const LoadedScenario loaded = load_patched(Json::parse(R"({"terrain": {"max_cells": 1000000}})"));
  try {
    (void)build_model(loaded.base, kScenario);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.pointer() == "/terrain/cell_m");
    CHECK(e.problem().find("use cells of 490 m or more") != std::string::npos);
  }
}
