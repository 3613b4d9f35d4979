// The dispatch search's lower bound on a drive (sim/c2/dispatch_bounds.cpp): a responder is
// skipped only when it provably cannot reach the crosser in time. Checked against the route
// fields themselves on the default scenario (QRF teams over the generated ground, patrol
// vehicles that respond from wherever their round has taken them): a crosser standing at p
// can be met by responder r at travel_s(r, p), so cannot_meet_by(r, p, by then) must be
// false, for random p, times and replications. It can fail: with the teams' bound speed 10 %
// too low (a bound 10 % too tight), 1120 of its 12,967 checks fail. It also counts how many
// far responders the bound skips at a quarter of their drive, so that it is not vacuous.
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <string>

#include "../../sim/c2/responder_pool.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/default_scenario.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;
using namespace bordersim::detail;

namespace {

// The pool reaches nothing upward; a replica needs someone to call.
struct NoUpcalls final : Upcalls {
  void react(std::uint32_t) override {}
  void finish(std::uint32_t, Outcome) override {}
  void sweep_again() override {}
  void schedule_sweep_contact(std::uint32_t) override {}
};

}  // namespace

TEST_CASE("dispatch bound: never skips a responder that could meet the crosser in time") {
  const Model model =
      build_model(load_scenario_text(std::string(default_scenario_json()), "default.json").base);
  REQUIRE(model.routing);
  const terrain::GridGeometry& g = model.routing->surface->geometry();
  std::mt19937_64 rng(20261204);
  std::uniform_real_distribution<double> x_of(g.west, g.west + g.cols * g.cell_w);
  std::uniform_real_distribution<double> y_of(g.north - g.rows * g.cell_h, g.north);

  int checked = 0, vehicles_checked = 0, skipped_when_late = 0;
  for (std::uint32_t replication = 0; replication < 3; ++replication) {
    NoUpcalls calls;
    Replica replica(model, 7, replication, calls);
    replica.rounds = PatrolRounds(model, 7, replication);  // as World sets it up
    const ResponderPool pool(replica);
    REQUIRE(pool.size() > 0);
    for (int step = 0; step < 4; ++step) {
      // Patrol vehicles move along their rounds: look at several moments of the day.
      replica.sim.run_until(seconds_to_time(5400.0 * step), [](Simulator&, const Event&) {});
      for (int k = 0; k < 60; ++k) {
        const MapPoint p{x_of(rng), y_of(rng)};
        const Movement standing(p, replica.now());
        for (std::size_t r = 0; r < pool.size(); ++r) {
          const double drive_s = pool.travel_s(r, p);
          if (!std::isfinite(drive_s)) continue;
          const Time reached = replica.now() + seconds_to_time(drive_s);
          CHECK_FALSE(pool.cannot_meet_by(r, standing, replica.now(), reached));
          ++checked;
          if (pool[r].vehicle) ++vehicles_checked;
          // Not vacuous: well short of the drive, a far responder is skipped.
          if (drive_s > 600.0 &&
              pool.cannot_meet_by(r, standing, replica.now(),
                                  replica.now() + seconds_to_time(0.25 * drive_s)))
            ++skipped_when_late;
        }
      }
    }
  }
  MESSAGE(checked << " pairs, " << vehicles_checked << " of them patrol vehicles; "
                  << skipped_when_late << " skipped at a quarter of their drive");
  CHECK(checked > 1000);
  CHECK(vehicles_checked > 100);
  CHECK(skipped_when_late > checked / 4);
}
