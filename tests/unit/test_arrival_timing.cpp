// Time of day (issue 15, item 3): the night_preference null / "none" and arrival_profile
// keys, their errors and resolved form, and the solar hour they use. The statistics are
// in tests/validation/test_arrival_timing.cpp.
#include <doctest/doctest.h>

#include <string>

#include "../support/scenario_errors.h"
#include "bordersim/movers/arrival_timing.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/sun.h"

using namespace bordersim;

namespace {

std::string with_infiltrators(const std::string& members) {
  return R"({"threats": {"infiltrators": {"per_day": 10, )" + members + "}}}";
}

const std::string kFlat24 = "[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]";

}  // namespace

TEST_CASE("time of day: null, \"none\" and a profile load, and their resolved form reads back") {
  const auto off = load_scenario_text(with_infiltrators(R"("night_preference": null)"), "t.json");
  CHECK(!off.base.threats.infiltrators->night_preference.share);
  CHECK(off.resolved["threats"]["infiltrators"]["night_preference"].is_null());
  Json again = off.resolved;
  again.erase("variants");
  CHECK(!load_scenario_text(again.dump(), "again.json")
             .base.threats.infiltrators->night_preference.share);

  const auto profile =
      load_scenario_text(with_infiltrators(R"("arrival_profile": )" + kFlat24), "t.json");
  CHECK(profile.base.threats.infiltrators->arrival_profile.size() == 24);
  CHECK(profile.resolved["threats"]["infiltrators"]["night_preference"]
            .is_null());  // the profile rules
  again = profile.resolved;
  again.erase("variants");
  CHECK(load_scenario_text(again.dump(), "again.json")
            .base.threats.infiltrators->arrival_profile.size() == 24);

  // A merge patch's null deletes a key (RFC 7386): in a variant, "none" switches the sun
  // off, and null brings back the default.
  const auto variants = load_scenario_text(R"({"threats": {"smugglers": {"night_preference": 0.9}},
      "variants": {"sun": {}, "off": {"threats": {"smugglers": {"night_preference": "none"}}},
                   "default": {"threats": {"smugglers": {"night_preference": null}}},
                   "profile": {"threats": {"smugglers": {"night_preference": null, "arrival_profile": )" +
                                               kFlat24 + "}}}}}",
                                           "v.json");
  CHECK(*variants.variants[0].scenario.threats.smugglers->night_preference.share == 0.9);
  CHECK(!variants.variants[1].scenario.threats.smugglers->night_preference.share);
  CHECK(*variants.variants[2].scenario.threats.smugglers->night_preference.share == 0.8);
  CHECK(!variants.variants[3].scenario.threats.smugglers->night_preference.share);
}

TEST_CASE("time of day: bad profiles and both shapes at once are errors at their pointer") {
  const std::string at = "/threats/infiltrators/arrival_profile";
  CHECK(testing::pointer_of_error(with_infiltrators(R"("arrival_profile": [1, 2, 3])")) == at);
  CHECK(testing::pointer_of_error(with_infiltrators(
            R"("arrival_profile": [1,1,1,-1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1])")) ==
        at + "/3");
  CHECK(testing::pointer_of_error(with_infiltrators(
            R"("arrival_profile": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0])")) == at);
  CHECK(testing::pointer_of_error(
            with_infiltrators(R"("night_preference": 0.7, "arrival_profile": )" + kFlat24)) == at);
  CHECK(testing::pointer_of_error(with_infiltrators(R"("night_preference": "dusk")")) ==
        "/threats/infiltrators/night_preference");
  // A variant that adds a profile over a base's preference without removing it: the error
  // points into the variant.
  CHECK(testing::pointer_of_error(R"({"threats": {"infiltrators": {"night_preference": 0.6}},
      "variants": {"p": {"threats": {"infiltrators": {"arrival_profile": )" +
                                  kFlat24 + "}}}}}") ==
        "/variants/p/threats/infiltrators/arrival_profile");
}

TEST_CASE("time of day: the hour of local mean solar time runs longitude / 15 h ahead of UTC") {
  const sensors::UtcMs start = sensors::parse_local_time("2026-11-25T18:00:00", 3.0);  // 15:00 UTC
  CHECK(ArrivalTiming::solar_hour(start, 0, 0.0) == 15);
  CHECK(ArrivalTiming::solar_hour(start, 0, 45.0) == 18);
  CHECK(ArrivalTiming::solar_hour(start, 0, 41.0) == 17);                          // 17:44
  CHECK(ArrivalTiming::solar_hour(start, seconds_to_time(1000.0), 41.0) == 18);    // 18:00:40
  CHECK(ArrivalTiming::solar_hour(start, seconds_to_time(9 * 3600.0), 0.0) == 0);  // past midnight
  CHECK(ArrivalTiming::solar_hour(start, 0, -120.0) == 7);  // west: behind UTC
}
