// The team's search on arrival (c2/search.h): a stationary searcher with a definite-range
// disc against a walker at known speed, and the keys of command realism (issue 14).
#include <doctest/doctest.h>

#include <cmath>

#include "../support/scenario_errors.h"
#include "bordersim/c2/search.h"

using namespace bordersim;

namespace {

// A walker at `speed` along y = offset, from x = -L at time 0 to x = +L.
Movement walker(double offset, double length_m, double speed) {
  Movement m({-length_m, offset}, 0);
  m.go_to({length_m, offset}, 2.0 * length_m / speed);
  return m;
}

}  // namespace

TEST_CASE("search disc: a walker passing at offset d is found iff d <= R, when it enters") {
  constexpr double kR = 500.0, kL = 5000.0, kV = 1.25;
  for (double d : {0.0, 300.0, 499.0, 501.0, 900.0}) {
    const auto t = first_within_disc(walker(d, kL, kV), {0, 0}, kR, 0, seconds_to_time(1e5));
    if (d > kR) {
      CHECK_FALSE(t.has_value());
      continue;
    }
    // Closed form: it enters the disc sqrt(R² - d²) before the closest point, at L / v.
    const double enters_s = (kL - std::sqrt(kR * kR - d * d)) / kV;
    REQUIRE(t.has_value());
    CHECK(time_to_seconds(*t) == doctest::Approx(enters_s).epsilon(1e-6));
  }
}

TEST_CASE("search disc: a team arriving late or leaving early misses the walker") {
  constexpr double kR = 500.0, kL = 5000.0, kV = 1.25;
  const Movement m = walker(0.0, kL, kV);
  const double in_s = (kL - kR) / kV, out_s = (kL + kR) / kV;
  // Arriving while it is inside: found at once.
  CHECK(*first_within_disc(m, {0, 0}, kR, seconds_to_time(in_s + 10), seconds_to_time(1e5)) ==
        seconds_to_time(in_s + 10));
  // Arriving after it left, or searching only until before it comes: not found.
  CHECK_FALSE(first_within_disc(m, {0, 0}, kR, seconds_to_time(out_s + 1), seconds_to_time(1e5)));
  CHECK_FALSE(first_within_disc(m, {0, 0}, kR, 0, seconds_to_time(in_s - 1)));
}

TEST_CASE("command realism keys: bad values name their pointer") {
  using bordersim::testing::pointer_of_error;
  CHECK(pointer_of_error(R"({"response": {"prediction": "psychic"}})") == "/response/prediction");
  CHECK(pointer_of_error(R"({"response": {"search_radius_m": -1}})") ==
        "/response/search_radius_m");
  CHECK(pointer_of_error(R"({"response": {"assessment": "drone"}})") == "/response/assessment");
  CHECK(pointer_of_error(R"({"response": {"assessment_looks": 0}})") ==
        "/response/assessment_looks");
  CHECK(pointer_of_error(R"({"response": {"priority": "random"}})") == "/response/priority");
  CHECK(pointer_of_error(R"({"response": {"retask_from_false_alarms": 1}})") ==
        "/response/retask_from_false_alarms");
}
