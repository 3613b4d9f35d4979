// Behavioural constants that used to be hard-coded are keys with their documented
// defaults, and reach the model.
#include <doctest/doctest.h>

#include <string>

#include "../support/scenario_errors.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"
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

}  // namespace
