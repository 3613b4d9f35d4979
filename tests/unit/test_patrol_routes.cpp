// Patrol routes of their own (sensors/patrol_cycle.h, run/patrol_routes.h): a vehicle's
// place on a loop and back and forth, the spreading of vehicles over the cycle, daily
// shifts, the lane laid along a polyline, and bad route keys naming the key to fix.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "../support/scenario_errors.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"
#include "bordersim/sensors/patrol_cycle.h"

using namespace bordersim;
using testing::pointer_of_error;

TEST_CASE("patrol cycle: position round a loop and back and forth") {
  const double length = 1000.0;
  CHECK(sensors::cycle_length(length, true) == 1000.0);
  CHECK(sensors::cycle_length(length, false) == 2000.0);
  // A loop wraps back to the start; a shuttle turns back at the end.
  CHECK(sensors::cycle_position(250.0, length, true) == doctest::Approx(250.0));
  CHECK(sensors::cycle_position(1250.0, length, true) == doctest::Approx(250.0));
  CHECK(sensors::cycle_position(1250.0, length, false) == doctest::Approx(750.0));
  CHECK(sensors::cycle_position(1999.0, length, false) == doctest::Approx(1.0));
  CHECK(sensors::cycle_position(1999.0, length, true) == doctest::Approx(999.0));
  CHECK(sensors::cycle_position(-100.0, length, true) == doctest::Approx(900.0));
  CHECK(sensors::cycle_position(-100.0, length, false) == doctest::Approx(100.0));
  CHECK_THROWS_AS(sensors::cycle_position(1.0, 0.0, true), std::invalid_argument);
}

TEST_CASE("patrol cycle: vehicles spread evenly over the cycle") {
  // 4 vehicles on a loop of 1000 m: 250 m apart; back and forth over 1000 m: 500 m apart
  // along the cycle of 2000 m, so vehicles 0 and 2 drive the same point in opposite ways.
  for (std::int64_t k = 0; k < 4; ++k) {
    CHECK(sensors::vehicle_offset(k, 4, 1000.0) == doctest::Approx(250.0 * static_cast<double>(k)));
    CHECK(sensors::vehicle_offset(k, 4, 2000.0) == doctest::Approx(500.0 * static_cast<double>(k)));
  }
  const double u0 = 100.0;
  CHECK(sensors::cycle_position(u0 + sensors::vehicle_offset(2, 4, 2000.0), 1000.0, false) ==
        doctest::Approx(900.0));
  CHECK(sensors::cycle_position(u0 + sensors::vehicle_offset(3, 4, 1000.0), 1000.0, true) ==
        doctest::Approx(850.0));
}

TEST_CASE("patrol shifts: daily windows in local time, over midnight, clipped spans") {
  // The run starts at 18:00 local: simulated hour h is local hour (18 + h) mod 24.
  const double start = 18.0 * 3600.0;
  const sensors::DailyWindows day({{6.0, 14.0}}, start);
  CHECK_FALSE(day.always());
  CHECK_FALSE(day.active(0.0));               // 18:00
  CHECK(day.active(12.0 * 3600.0));           // 06:00 the next day
  CHECK(day.active(19.9 * 3600.0));           // 13:54
  CHECK_FALSE(day.active(20.0 * 3600.0));     // 14:00: the window is half-open
  CHECK(day.active((12.0 + 24.0) * 3600.0));  // a day later
  const sensors::DailyWindows night({{22.0, 6.0}}, start);
  CHECK_FALSE(night.active(3.9 * 3600.0));   // 21:54
  CHECK(night.active(4.0 * 3600.0));         // 22:00
  CHECK(night.active(6.5 * 3600.0));         // 00:30
  CHECK_FALSE(night.active(12.0 * 3600.0));  // 06:00
  // The parts of [0 h, 48 h] (18:00 to 18:00 two days later) within 06:00–14:00.
  std::vector<std::pair<double, double>> spans;
  day.active_spans(0.0, 48.0 * 3600.0, [&](double a, double b) { spans.emplace_back(a, b); });
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].first == doctest::Approx(12.0 * 3600.0));
  CHECK(spans[0].second == doctest::Approx(20.0 * 3600.0));
  CHECK(spans[1].first == doctest::Approx(36.0 * 3600.0));
  CHECK(spans[1].second == doctest::Approx(44.0 * 3600.0));
  // Out all the time: the interval itself, once.
  spans.clear();
  sensors::DailyWindows().active_spans(5.0, 7.0,
                                       [&](double a, double b) { spans.emplace_back(a, b); });
  REQUIRE(spans.size() == 1);
  CHECK(spans[0] == std::pair<double, double>{5.0, 7.0});
  CHECK_THROWS_AS(sensors::DailyWindows({{3.0, 3.0}}, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(sensors::DailyWindows({{3.0, 25.0}}, 0.0), std::invalid_argument);
}

TEST_CASE("patrol routes: a lane along [along_km, behind_m] points, closed round a loop") {
  const auto model_with =
      [](const std::string& drive) {
        return build_model(load_scenario_text(R"({"terrain": {"flat": {"length_km": 50}},
        "start": "2026-11-25T18:00:00",
        "sensors": {"patrols": [{"route_points": [[10, 0], [13, 0], [13, 4000]],
                                 "drive": ")" + drive +
                                                  R"(", "active_h": [[6, 14]], "vehicles": 2}]}})",
                                              "s.json")
                               .base);
      };
  const Model loop = model_with("loop");
  const PatrolSite& site = loop.patrols.at(0);
  CHECK(site.loop);
  CHECK_FALSE(site.on_border_road);
  REQUIRE(site.route.pieces.size() == 3);  // 3 km along, 4 km back, 5 km home
  CHECK(site.route.from_m == 0.0);
  CHECK(site.route.to_m == doctest::Approx(12000.0));
  CHECK(site.cycle_m() == doctest::Approx(12000.0));
  const auto at = [&](double s) { return lane_point(site.route, s); };
  const MapPoint start = behind_border(loop.geography->border, 10000.0, 0.0);
  const MapPoint corner = behind_border(loop.geography->border, 13000.0, 4000.0);
  CHECK(at(0.0).x == doctest::Approx(start.x));
  CHECK(at(7000.0).x == doctest::Approx(corner.x));
  CHECK(at(7000.0).y == doctest::Approx(corner.y));
  CHECK(at(9500.0).x == doctest::Approx(0.5 * (start.x + corner.x)));  // halfway home
  CHECK(at(9500.0).y == doctest::Approx(0.5 * (start.y + corner.y)));
  CHECK(site.shifts.active(12.0 * 3600.0));
  CHECK_FALSE(site.shifts.active(0.0));

  const Model shuttle = model_with("shuttle");
  CHECK_FALSE(shuttle.patrols.at(0).loop);
  CHECK(shuttle.patrols.at(0).route.to_m == doctest::Approx(7000.0));  // not closed
  CHECK(shuttle.patrols.at(0).cycle_m() == doctest::Approx(14000.0));
  CHECK(shuttle.patrols.at(0).route.pieces.size() == 2);

  // The border road stays as it was: arc length along the border, back and forth.
  const Model road = build_model(
      load_scenario_text(R"({"sensors": {"patrols": [{"along_border_km": [100, 200]}]}})", "s.json")
          .base);
  CHECK(road.patrols.at(0).on_border_road);
  CHECK_FALSE(road.patrols.at(0).loop);
  CHECK(road.patrols.at(0).route.from_m == 100000.0);
  CHECK(road.patrols.at(0).shifts.always());
}

TEST_CASE("patrol routes: bad routes and shifts name the key to fix") {
  const auto patrol = [](const std::string& fields) {
    return R"({"sensors": {"patrols": [{)" + fields + "}]}}";
  };
  CHECK(pointer_of_error(patrol(R"("route_points": [[10, 0]])")) ==
        "/sensors/patrols/0/route_points");
  CHECK(pointer_of_error(patrol(R"("route_points": [[10, 0], [20]])")) ==
        "/sensors/patrols/0/route_points/1");
  CHECK(pointer_of_error(patrol(R"("route_points": [[10, 0], [10, 0]], "drive": "loop")")) ==
        "/sensors/patrols/0/route_points");
  CHECK(pointer_of_error(patrol(R"("route_points": [[10, 0], [700, 0]])")) ==
        "/sensors/patrols/0/route_points/1/0");
  CHECK(pointer_of_error(patrol(R"("route_points": [[10, 0], [20, 0]], "drive": "circle")")) ==
        "/sensors/patrols/0/drive");
  CHECK(pointer_of_error(patrol(R"("drive": "loop")")) == "/sensors/patrols/0/drive");
  CHECK(pointer_of_error(
            patrol(R"("route_points": [[10, 0], [20, 0]], "along_border_km": [0, 5])")) ==
        "/sensors/patrols/0/along_border_km");
  CHECK(pointer_of_error(patrol(R"("route_lonlat": [[41, 34], [41.1, 34]])")) ==
        "/sensors/patrols/0/route_lonlat");
  CHECK(pointer_of_error(patrol(R"("active_h": [[6, 25]])")) == "/sensors/patrols/0/active_h/0/1");
  CHECK(pointer_of_error(patrol(R"("active_h": [[-1, 6]])")) == "/sensors/patrols/0/active_h/0/0");
  CHECK(pointer_of_error(patrol(R"("active_h": [[6, 6]])")) == "/sensors/patrols/0/active_h/0/1");
  CHECK(pointer_of_error(patrol(R"("active_h": [[6]])")) == "/sensors/patrols/0/active_h/0");
  CHECK(pointer_of_error(patrol(R"("active_h": [])")) == "/sensors/patrols/0/active_h");
  // On real ground: a route file that is not there, points in the wrong form.
  const std::string real = R"({"terrain": {"files": {"border": ")" BORDERSIM_SOURCE_DIR
                           R"(/data/real/vector/iraq_syria_boundary_ne10m_line.geojson",
                           "home_point_lonlat": [43.0, 35.0]}, "cell_m": 2000},
                           "sensors": {"patrols": [{)";
  CHECK(pointer_of_error(real + R"("route_file": "no_such_route.geojson"}]}})") ==
        "/sensors/patrols/0/route_file");
  CHECK(pointer_of_error(real + R"("route_points": [[10, 0], [20, 0]]}]}})") ==
        "/sensors/patrols/0/route_points");
  CHECK(pointer_of_error(real +
                         R"("route_lonlat": [[41.5, 35.0], [41.5, 35.0]], "drive": "loop"}]}})") ==
        "/sensors/patrols/0/route_lonlat");
}

TEST_CASE("patrol routes: on real ground from lon/lat points and from a GeoJSON LineString") {
  const auto dir = std::filesystem::temp_directory_path() / "bordersim_patrol_routes";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "route.geojson");
    out << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
      "geometry": {"type": "LineString", "coordinates": [[41.5, 35.0], [41.6, 35.0], [41.6, 35.05]]}}]})";
  }
  const std::string head = R"({"terrain": {"files": {"border": ")" BORDERSIM_SOURCE_DIR
                           R"(/data/real/vector/iraq_syria_boundary_ne10m_line.geojson",
                           "home_point_lonlat": [43.0, 35.0], "depth_km": 10, "foreign_depth_km": 5},
                           "cell_m": 5000},
                           "sensors": {"patrols": [{"respond": false, )";
  const std::string file = (dir / "s.json").string();
  const Model from_points = build_model(
      load_scenario_text(
          head + R"("route_lonlat": [[41.5, 35.0], [41.6, 35.0], [41.6, 35.05]]}]}})", file)
          .base,
      file);
  const Model from_file = build_model(
      load_scenario_text(head + R"("route_file": "route.geojson", "drive": "loop"}]}})", file).base,
      file);
  // 0.1° of longitude at 35° N is about 9.1 km, 0.05° of latitude about 5.5 km.
  const SweepRoute& open = from_points.patrols.at(0).route;
  CHECK(open.to_m == doctest::Approx(9130.0 + 5550.0).epsilon(0.01));
  const SweepRoute& closed = from_file.patrols.at(0).route;
  CHECK(from_file.patrols.at(0).loop);
  REQUIRE(closed.pieces.size() == 3);
  CHECK(closed.to_m > open.to_m + 10000.0);  // the hypotenuse home closes the loop
  CHECK(closed.pieces[1].p0.x == doctest::Approx(open.pieces[1].p0.x));
  CHECK(closed.pieces[1].p0.y == doctest::Approx(open.pieces[1].p0.y));
}

TEST_CASE("patrol routes: documented defaults, written back by the resolved scenario") {
  const auto loaded = load_scenario_text(R"({"sensors": {"patrols": [{},
      {"route_points": [[1, 0], [2, 500]], "drive": "loop", "active_h": [[22, 6]]}]}})",
                                         "s.json");
  const PatrolSpec& p = loaded.base.sensors.patrols.at(0);
  CHECK(p.drive == "shuttle");
  CHECK_FALSE(p.route_points);
  CHECK_FALSE(p.route_lonlat);
  CHECK_FALSE(p.route_file);
  CHECK_FALSE(p.active_h);
  const Json& written = loaded.resolved["sensors"]["patrols"];
  CHECK(written[0]["drive"] == "shuttle");
  CHECK_FALSE(written[0].contains("route_points"));
  CHECK(written[1]["drive"] == "loop");
  CHECK(written[1]["active_h"] == Json::parse("[[22.0, 6.0]]"));
  const auto again = load_scenario_text(loaded.resolved.dump(), "s.json");
  CHECK(again.resolved == loaded.resolved);
}

TEST_CASE("patrol routes: a lon/lat loop too short for the run is refused when measured") {
  // Two points 1 cm apart: 2 cm round, at 10 m/s over 24 h far beyond the limit on legs.
  CHECK(pointer_of_error(R"({"terrain": {"files": {"border": ")" BORDERSIM_SOURCE_DIR
                         R"(/data/real/vector/iraq_syria_boundary_ne10m_line.geojson",
                         "home_point_lonlat": [43.0, 35.0], "depth_km": 10, "foreign_depth_km": 5},
                         "cell_m": 5000},
                         "sensors": {"patrols": [{"respond": false, "drive": "loop",
                           "route_lonlat": [[41.5, 35.0], [41.5000001, 35.0]]}]}})") ==
        "/sensors/patrols/0/route_lonlat");
}
