// The weather chain: its keys and their errors, the stationary distribution of small
// chains against their closed forms, timelines drawn from keyed streams, and drones that
// sense nothing while the weather keeps them on the ground.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "../support/scenario_errors.h"
#include "bordersim/io/result_file.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/sensor_service.h"
#include "bordersim/run/weather_model.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/weather.h"

using namespace bordersim;
using testing::pointer_of_error;

namespace {

constexpr Time kHour = 3600 * kTicksPerSecond;

// clear ⇄ dust: π_clear = m_clear / (m_clear + m_dust).
sensors::WeatherChain two_states(double clear_h, double dust_h) {
  sensors::WeatherChain chain;
  chain.states.push_back({"clear", clear_h * 3600.0, {0.0, 1.0}, {}, {}, true, true, 1.0});
  chain.states.push_back({"dust", dust_h * 3600.0, {1.0, 0.0}, 7.8, 3.0, false, false, 0.4});
  chain.stationary = sensors::stationary_distribution(chain);
  return chain;
}

std::string with_weather(const std::string& states) {
  return fmt::format(
      R"({{"terrain": {{"flat": {{"length_km": 50}}}}, "weather": {{"states": {}}}}})", states);
}

}  // namespace

TEST_CASE("weather keys: absent by default, read with their defaults, written back") {
  const auto none = load_scenario_text(R"({"weather": {"cloud_base_m": 900}})", "s.json");
  CHECK_FALSE(none.base.weather->states.has_value());
  CHECK_FALSE(build_model(none.base).weather.has_value());

  const auto loaded = load_scenario_text(
      with_weather(
          R"({"clear": {"to": {"dust": 1}}, "dust": {"mean_duration_h": 5, "to": {"clear": 2},
                       "visible_extinction_per_km": 7.8, "drones_fly": false}})"),
      "s.json");
  const auto& states = *loaded.base.weather->states;
  REQUIRE(states.size() == 2);
  const WeatherStateSpec& clear = states.at("clear");
  CHECK(clear.mean_duration_h == 24.0);
  CHECK_FALSE(clear.visible_extinction_per_km.has_value());
  CHECK_FALSE(clear.thermal_extinction_per_km.has_value());
  CHECK(clear.drones_fly);
  CHECK(clear.air_recon_flies);
  CHECK(clear.patrol_sweep_width_factor == 1.0);
  CHECK(states.at("dust").visible_extinction_per_km == 7.8);
  CHECK_FALSE(states.at("dust").drones_fly);
  // The resolved scenario carries the chain, and reads back the same.
  const std::string resolved = scenario_to_json(loaded.base).dump();
  CHECK(resolved.find("\"mean_duration_h\":5.0") != std::string::npos);
  const auto again = load_scenario_text(resolved, "again.json");
  CHECK(again.base.weather->states->at("dust").to.at("clear") == 2.0);

  const Model model = build_model(loaded.base);
  REQUIRE(model.weather.has_value());
  CHECK(model.weather->states[0].name == "clear");  // states in the order of their names
  CHECK(model.weather->states[1].next[0] == 1.0);   // weights normalised
  CHECK(model.weather->stationary[0] == doctest::Approx(24.0 / 29.0).epsilon(1e-12));
}

TEST_CASE("weather keys: bad chains are errors at the key to fix") {
  CHECK(pointer_of_error(with_weather(R"({"clear": {"mean_duration_h": -1, "to": {"dust": 1}},
                                          "dust": {"to": {"clear": 1}}})")) ==
        "/weather/states/clear/mean_duration_h");
  CHECK(pointer_of_error(with_weather(R"({"clear": {"mean_duration_h": 0}})")) ==
        "/weather/states/clear/mean_duration_h");
  CHECK(pointer_of_error(
            with_weather(R"({"clear": {"to": {"fog": 1}}, "dust": {"to": {"clear": 1}}})")) ==
        "/weather/states/clear/to/fog");
  CHECK(pointer_of_error(with_weather(
            R"({"clear": {"to": {"clear": 1, "dust": 1}}, "dust": {"to": {"clear": 1}}})")) ==
        "/weather/states/clear/to/clear");
  // A row without exits: dust would last for ever.
  CHECK(pointer_of_error(with_weather(R"({"clear": {"to": {"dust": 1}}, "dust": {}})")) ==
        "/weather/states/dust/to");
  CHECK(pointer_of_error(
            with_weather(R"({"clear": {"to": {"dust": 1}}, "dust": {"to": {"clear": 0}}})")) ==
        "/weather/states/dust/to");
  CHECK(pointer_of_error(
            with_weather(R"({"clear": {"to": {"dust": -1}}, "dust": {"to": {"clear": 1}}})")) ==
        "/weather/states/clear/to/dust");
  // Two closed sets: no unique stationary distribution.
  CHECK(pointer_of_error(with_weather(R"({"a": {"to": {"b": 1}}, "b": {"to": {"a": 1}},
                                          "c": {"to": {"d": 1}}, "d": {"to": {"c": 1}}})")) ==
        "/weather/states/c");
  CHECK(pointer_of_error(with_weather(
            R"({"a": {"to": {"b": 1}}, "b": {"to": {"c": 1}}, "c": {"to": {"b": 1}}})")) ==
        "/weather/states/b/to");
  CHECK(pointer_of_error(with_weather(R"({})")) == "/weather/states");
  CHECK(pointer_of_error(with_weather(R"([])")) == "/weather/states");
  CHECK(pointer_of_error(with_weather(R"({"dust": {"drones_fly": 0}})")) ==
        "/weather/states/dust/drones_fly");
  CHECK(pointer_of_error(with_weather(R"({"dust": {"patrol_sweep_width_factor": -0.5}})")) ==
        "/weather/states/dust/patrol_sweep_width_factor");
  CHECK(pointer_of_error(with_weather(R"({"dust": {"visible_extinction_per_km": -1}})")) ==
        "/weather/states/dust/visible_extinction_per_km");
  CHECK(pointer_of_error(with_weather(R"({"dust": {"fog": 1}})")) == "/weather/states/dust/fog");
  // Spells a replication would draw: bounded like any periodic event.
  CHECK(pointer_of_error(with_weather(
            R"({"a": {"mean_duration_h": 1e-6, "to": {"b": 1}}, "b": {"to": {"a": 1}}})")) ==
        "/weather/states/a/mean_duration_h");
  // A single state needs no exit: the same weather all run.
  CHECK_NOTHROW(
      load_scenario_text(with_weather(R"({"haze": {"visible_extinction_per_km": 1}})"), "s.json"));
}

TEST_CASE("weather chain: stationary distribution against closed forms") {
  const auto two = two_states(30.0, 6.0);
  CHECK(two.stationary[0] == doctest::Approx(30.0 / 36.0).epsilon(1e-12));
  CHECK(two.stationary[1] == doctest::Approx(6.0 / 36.0).epsilon(1e-12));
  // Three states: π_i ∝ m_i ν_i with ν the jump chain's stationary vector. clear → haze 2/3,
  // dust 1/3; haze → clear 3/4, dust 1/4; dust → haze: ν = (0.75, 1, 0.5).
  sensors::WeatherChain three;
  three.states.push_back({"clear", 24.0, {0.0, 2.0 / 3.0, 1.0 / 3.0}, {}, {}, true, true, 1.0});
  three.states.push_back({"haze", 12.0, {0.75, 0.0, 0.25}, {}, {}, true, true, 1.0});
  three.states.push_back({"dust", 5.0, {0.0, 1.0, 0.0}, {}, {}, false, false, 1.0});
  const auto pi = sensors::stationary_distribution(three);
  const double total = 0.75 * 24.0 + 1.0 * 12.0 + 0.5 * 5.0;
  CHECK(pi[0] == doctest::Approx(0.75 * 24.0 / total).epsilon(1e-12));
  CHECK(pi[1] == doctest::Approx(12.0 / total).epsilon(1e-12));
  CHECK(pi[2] == doctest::Approx(0.5 * 5.0 / total).epsilon(1e-12));
  // One state: it is the weather.
  sensors::WeatherChain one;
  one.states.push_back({"haze", 3600.0, {0.0}, 1.0, {}, true, true, 1.0});
  CHECK(sensors::stationary_distribution(one) == std::vector<double>{1.0});
}

TEST_CASE("weather timeline: spells tile the time, are drawn from the keyed stream only") {
  const auto chain = two_states(30.0, 6.0);
  const auto stream = [](std::uint64_t replication) {
    return Stream({5, replication, {EntityKind::kWeather, 0}, Purpose::kWeather});
  };
  const sensors::WeatherTimeline a(chain, 500 * kHour, stream(0));
  const sensors::WeatherTimeline b(chain, 500 * kHour, stream(0));
  const sensors::WeatherTimeline c(chain, 500 * kHour, stream(1));
  const auto spells = a.spells();
  REQUIRE(spells.size() > 5);
  CHECK(spells.front().begin == 0);
  CHECK(spells.back().end == kNever);
  for (std::size_t i = 0; i + 1 < spells.size(); ++i) {
    CHECK(spells[i].end == spells[i + 1].begin);
    CHECK(spells[i].state != spells[i + 1].state);  // a jump always changes the state
    CHECK(a.state_at(spells[i].begin) == spells[i].state);
    CHECK(a.state_at(spells[i].end - 1) == spells[i].state);
  }
  CHECK(spells.back().begin < 500 * kHour);
  REQUIRE(b.spells().size() == spells.size());
  for (std::size_t i = 0; i < spells.size(); ++i) CHECK(b.spells()[i].end == spells[i].end);
  CHECK(c.spells()[0].end != spells[0].end);
  const auto shares = a.time_in_states(0, 500 * kHour, 2);
  CHECK(shares[0] + shares[1] == 500 * kHour);
  // Grounded stretches: exactly the dust spells, clipped to the horizon.
  const auto down =
      a.intervals_without([&](std::uint16_t s) { return chain.states[s].drones_fly; }, 500 * kHour);
  Time in_dust = 0;
  for (const auto& i : down) {
    CHECK(a.state_at(i.begin) == 1);
    in_dust += i.end - i.begin;
  }
  CHECK(in_dust == shares[1]);
}

TEST_CASE("weather: drones sense nothing while grounded, and do while flying") {
  // Drones only; dust grounds them. Every drone detection falls in a spell where drones fly,
  // found by drawing the replication's weather again from its key.
  const auto scenario = [](const char* dust_drones_fly) {
    return load_scenario_text(fmt::format(R"({{
      "seed": 31, "duration_h": 48,
      "terrain": {{"flat": {{"length_km": 60}}}},
      "weather": {{"states": {{"clear": {{"mean_duration_h": 6, "to": {{"dust": 1}}}},
                               "dust": {{"mean_duration_h": 6, "to": {{"clear": 1}}, "drones_fly": {}}}}}}},
      "sensors": {{"drones": [{{"base_km": 30, "orbit": {{"along_border_km": [0, 60]}}, "airframes": 6,
                                "endurance_h": 14, "turnaround_h": 1, "false_alarms_per_day": 0,
                                "sensor": {{"law": "definite", "range_m": 3000}}}}]}},
      "threats": {{"infiltrators": {{"per_day": 300, "night_preference": 0.5}}}},
      "batch": {{"replications": 3}}}})",
                                          dust_drones_fly),
                              "drones.json");
  };
  const auto count = [&](const char* flag) {
    const auto loaded = scenario(flag);
    const BatchResult batch = run_batch(loaded, 1);
    const Model model = build_model(loaded.variants[0].scenario);
    std::size_t in_dust = 0, detected = 0;
    for (const auto& rep : batch.variants[0].replications) {
      const sensors::WeatherTimeline weather(
          *model.weather, service_horizon(model),
          Stream({31, rep.replication, {EntityKind::kWeather, 0}, Purpose::kWeather}));
      for (const auto& row : rep.crossing_records) {
        if (std::isnan(row.first_detection_s)) continue;
        ++detected;
        CHECK(row.first_detector == Detector::kDrone);
        if (weather.state_at(seconds_to_time(row.first_detection_s)) == 1) ++in_dust;
      }
    }
    MESSAGE(fmt::format("drones_fly {}: {} detections, {} in dust", flag, detected, in_dust));
    CHECK(detected > 50);
    return in_dust;
  };
  CHECK(count("false") == 0);
  CHECK(count("true") > 20);  // the same spells with drones up: many detections there
}

TEST_CASE("weather: each replication's time per state goes to the result file and back") {
  const auto loaded = load_scenario_text(R"({
    "seed": 8, "duration_h": 30,
    "terrain": {"flat": {"length_km": 20}},
    "weather": {"states": {"clear": {"mean_duration_h": 4, "to": {"dust": 1}},
                           "dust": {"mean_duration_h": 2, "to": {"clear": 1}}}},
    "threats": {"infiltrators": {"per_day": 10}},
    "batch": {"replications": 5},
    "variants": {"weather": {}, "calm": {"weather": null},
                 "towers": {"sensors": {"towers": {"along_border": {"spacing_m": 5000}}}}}})",
                                         "shares.json");
  const BatchResult batch = run_batch(loaded, 2);
  const auto& reps = batch.variants.at(0).replications;
  REQUIRE(reps.size() == 5);
  for (const auto& rep : reps) {
    REQUIRE(rep.weather_s.size() == 2);
    CHECK(rep.weather_s[0] + rep.weather_s[1] == doctest::Approx(30 * 3600.0));
    // As drawn again from the replication's key.
    const Model model = build_model(loaded.variants[0].scenario);
    const sensors::WeatherTimeline weather(
        *model.weather, service_horizon(model),
        Stream({8, rep.replication, {EntityKind::kWeather, 0}, Purpose::kWeather}));
    CHECK(rep.weather_s[1] == time_to_seconds(weather.time_in_states(0, 30 * kHour, 2)[1]));
  }
  CHECK(reps[0].weather_s != reps[1].weather_s);
  CHECK(batch.variants.at(1).replications.at(0).weather_s.empty());
  // Common random numbers: another layout meets the same weather, replication by replication.
  for (std::size_t r = 0; r < 5; ++r)
    CHECK(batch.variants.at(2).replications.at(r).weather_s == reps[r].weather_s);

  const std::string path =
      (std::filesystem::temp_directory_path() / fmt::format("bordersim-weather-{}.h5", ::getpid()))
          .string();
  write_result_file(path, batch, loaded.resolved.dump(2));
  const ResultFile file = read_result_file(path);
  std::filesystem::remove(path);
  const auto& back = file.variants.at(0).replications;
  REQUIRE(back.size() == 5);
  for (std::size_t r = 0; r < 5; ++r) CHECK(back[r].weather_s == reps[r].weather_s);
  CHECK(file.variants.at(1).replications.at(0).weather_s.empty());
  CHECK(file.variants.at(0).weather_states == std::vector<std::string>{"clear", "dust"});
  CHECK(file.variants.at(1).weather_states.empty());
}
