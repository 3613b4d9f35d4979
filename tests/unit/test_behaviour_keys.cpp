// Behavioural constants that used to be hard-coded are keys with their documented
// defaults, and reach the model.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "../support/scenario_errors.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/camera.h"
#include "bordersim/terrain/gdal_io.h"

namespace {

using namespace bordersim;

Model model_of(const std::string& towers) {
  const std::string text =
      R"({"terrain": {"flat": {"length_km": 20, "depth_km": 20}}, "sensors": {"towers": )" +
      towers + "}}";
  const auto loaded = load_scenario_text(text, "s.json");
  return build_model(loaded.variants.at(0).scenario, "s.json");
}

TEST_CASE(
    "behaviour keys: crew re-sighting, stare glimpse and thermal diurnal factors default as "
    "before") {
  const Model m = model_of(R"({"cameras": [{"kind": "thermal"}, {"kind": "visible"}]})");
  REQUIRE(!m.towers.empty());
  CHECK(m.towers[0].resighting_s == 60.0);
  REQUIRE(m.tower_cameras.size() == 2);
  CHECK(m.tower_cameras[0].stare_glimpse_s == 3.4);
  CHECK(m.tower_cameras[0].thermal.crossover_half_width_h == 1.0);
  CHECK(m.tower_cameras[0].thermal.crossover_factor == 0.5);
  CHECK(m.tower_cameras[0].thermal.noon_factor == 0.8);
}

TEST_CASE("behaviour keys: set values reach the towers and cameras") {
  const Model m = model_of(
      R"({"crew_resighting_s": 15, "cameras": [{"kind": "thermal", "stare_glimpse_s": 2,
          "crossover_half_width_h": 0.5, "crossover_factor": 0.25, "noon_factor": 1}]})");
  CHECK(m.towers[0].resighting_s == 15.0);
  CHECK(m.tower_cameras[0].stare_glimpse_s == 2.0);
  CHECK(m.tower_cameras[0].thermal.crossover_half_width_h == 0.5);
  CHECK(m.tower_cameras[0].thermal.crossover_factor == 0.25);
  CHECK(m.tower_cameras[0].thermal.noon_factor == 1.0);
}

TEST_CASE("behaviour keys: bad values and thermal keys on a visible camera name the key") {
  const std::string head = R"({"terrain": {"flat": {"length_km": 20}}, )";
  CHECK(testing::pointer_of_error(
            head + R"("sensors": {"towers": {"cameras": [{"crossover_factor": 0.3}]}}})") ==
        "/sensors/towers/cameras/0/crossover_factor");
  CHECK(testing::pointer_of_error(head + R"("sensors": {"towers": {"crew_resighting_s": 0}}})") ==
        "/sensors/towers/crew_resighting_s");
  CHECK(testing::pointer_of_error(
            head + R"("sensors": {"towers": {"cameras": [{"stare_glimpse_s": 0.001}]}}})") ==
        "/sensors/towers/cameras/0/stare_glimpse_s");
  CHECK(testing::pointer_of_error(
            head +
            R"("threats": {"infiltrators": {"reactions": {"hidden_detection_factor": 1.5}}}})") ==
        "/threats/infiltrators/reactions/hidden_detection_factor");
}

TEST_CASE("behaviour keys: the hidden crosser's detection factor defaults to 0.3 for both kinds") {
  const auto loaded = load_scenario_text(R"({"terrain": {"flat": {"length_km": 20}},
      "threats": {"infiltrators": {}, "smugglers": {"reactions": {"hidden_detection_factor": 0.1}}}})",
                                         "s.json");
  const Scenario& s = loaded.variants.at(0).scenario;
  CHECK(s.threats.infiltrators->reactions.hidden_detection_factor == 0.3);
  CHECK(s.threats.smugglers->reactions.hidden_detection_factor == 0.1);
}

TEST_CASE("behaviour keys: a town's disc holds its people at the given density") {
  // A quarter of the density: twice the radius.
  CHECK(terrain::town_radius_m(1e6, 2500.0) == doctest::Approx(2.0 * terrain::town_radius_m(1e6)));
  CHECK(terrain::town_radius_m(1e6) == doctest::Approx(5641.9).epsilon(1e-4));
}

TEST_CASE("behaviour keys: camera contrast and darkness default to the kind's values") {
  const Model m = model_of(R"({"cameras": [{"kind": "thermal"}, {"kind": "visible"}]})");
  REQUIRE(m.tower_cameras.size() == 2);
  CHECK(m.tower_cameras[0].target_contrast == 2.0);
  CHECK(m.tower_cameras[0].threshold_contrast == 0.1);
  CHECK(m.tower_cameras[1].target_contrast == 0.3);
  CHECK(m.tower_cameras[1].threshold_contrast == 0.02);
  CHECK(m.tower_cameras[1].darkness_elevation_deg == -6.0);
  const Model set = model_of(
      R"({"cameras": [{"kind": "thermal", "target_contrast": 4, "threshold_contrast": 0.05},
                      {"kind": "visible", "darkness_elevation_deg": -12}]})");
  CHECK(set.tower_cameras[0].target_contrast == 4.0);
  CHECK(set.tower_cameras[0].threshold_contrast == 0.05);
  CHECK(set.tower_cameras[1].darkness_elevation_deg == -12.0);
  // A camera set to see in the dark sees at −9° where the default one is blind.
  sensors::SunState dusk;
  dusk.elevation_deg = -9.0;
  CHECK(sensors::light_factor(m.tower_cameras[1], dusk) == 0.0);
  CHECK(sensors::light_factor(set.tower_cameras[1], dusk) > 0.0);
}

TEST_CASE("behaviour keys: bad camera contrast and darkness values name the key") {
  const std::string head = R"({"terrain": {"flat": {"length_km": 20}}, "sensors": {"towers": )";
  CHECK(testing::load_error_of(head + R"({"cameras": [{"target_contrast": 0}]}}})").first ==
        "/sensors/towers/cameras/0/target_contrast");
  CHECK(testing::load_error_of(head + R"({"cameras": [{"threshold_contrast": -1}]}}})").first ==
        "/sensors/towers/cameras/0/threshold_contrast");
  CHECK(
      testing::load_error_of(head + R"({"cameras": [{"darkness_elevation_deg": -30}]}}})").first ==
      "/sensors/towers/cameras/0/darkness_elevation_deg");
  const auto thermal_dark = testing::load_error_of(
      head + R"({"cameras": [{"kind": "thermal", "darkness_elevation_deg": -12}]}}})");
  CHECK(thermal_dark.first == "/sensors/towers/cameras/0/darkness_elevation_deg");
  CHECK(thermal_dark.second.find("visible cameras only") != std::string::npos);
  // The kind's default threshold (visible 0.02) above the target set: the target is named.
  const auto blind = testing::load_error_of(head + R"({"cameras": [{"target_contrast": 0.01}]}}})");
  CHECK(blind.first == "/sensors/towers/cameras/0/target_contrast");
  CHECK(blind.second.find("must exceed the camera's threshold") != std::string::npos);
  CHECK(testing::load_error_of(head +
                               R"({"cameras": [{"kind": "thermal", "threshold_contrast": 3}]}}})")
            .first == "/sensors/towers/cameras/0/threshold_contrast");
}

// Informed crossers plan around "instant" crews as one sighting per re-sighting interval:
// a quarter of the interval, four times the hazard in every cell a crew sees.
TEST_CASE(
    "behaviour keys: informed crossers' hazard from an instant crew follows crew_resighting_s") {
  const auto hazard_of = [](const std::string& resighting) {
    const std::string text = R"({"terrain": {"synthetic": {"length_km": 20, "depth_km": 8,
        "foreign_depth_km": 2, "seed": 3}, "cell_m": 200},
        "sensors": {"towers": {"along_border": {"spacing_m": 10000, "offset_m": 5000},
                               "range_m": 3000, "detection_rate_per_s": "instant")" +
                             resighting + R"(}},
        "threats": {"infiltrators": {"per_day": 10, "knowledge": "informed"}}})";
    const auto loaded = load_scenario_text(text, "s.json");
    const Model model = build_model(loaded.variants.at(0).scenario, "s.json");
    REQUIRE(model.routing);
    return model.routing->tower_hazard_per_s;
  };
  const auto every_minute = hazard_of(""), every_15_s = hazard_of(R"(, "crew_resighting_s": 15)");
  REQUIRE(every_minute.size() == every_15_s.size());
  float most = 0.0f;
  for (std::size_t i = 0; i < every_minute.size(); ++i) {
    most = std::max(most, every_minute[i]);
    CHECK(every_15_s[i] == doctest::Approx(4.0 * every_minute[i]));
  }
  CHECK(most == doctest::Approx(1.0 / 60.0));  // towers 10 km apart: one crew per cell
}

}  // namespace
