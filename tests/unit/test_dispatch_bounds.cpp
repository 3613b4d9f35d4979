// The dispatch search's lower bound on a drive (sim/c2/dispatch_bounds.cpp): a responder is
// skipped only when it provably cannot reach the crosser in time. Checked against the route
// fields themselves on the default scenario (QRF teams over the generated ground, patrol
// vehicles that respond from wherever their round has taken them): a crosser standing at p
// can be met by responder r at travel_s(r, p), so cannot_meet_by(r, p, by then) must be
// false, for random p, times and replications. It can fail: with the teams' bound speed 10 %
// too low (a bound 10 % too tight), 1120 of its 12,967 checks fail. It also counts how many
// far responders the bound skips at a quarter of their drive, so that it is not vacuous.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <vector>

#include "../support/responder_questions.h"

using namespace bordersim;
using namespace bordersim::detail;

using responder_test::NoUpcalls;

TEST_CASE("dispatch bound: never skips a responder that could meet the crosser in time") {
  const Model model = responder_test::default_model();
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

// The dispatch search (CommandPost::dispatch) asks the responders nearest by the bound first
// and skips each that cannot_meet_by the best meeting found so far: the team it finds must be
// the plain search's, the earliest meeting over every responder (the lowest index on ties)
// before the cap, and at the same time. Random crossers' walks, moments of the day, delays
// before setting off, hand-off delays for a third of the responders (so that the order by
// the bound is not the order of setting off) and caps (a maximum response time, or none).
// The skipping must give the plain answer in any order; asked in the dispatch's order the
// best is mostly found first and a wrong skip seldom shows, so the search is also run in a
// shuffled order, where a better team often comes after a worse one has set the bar.
TEST_CASE("dispatch bound: the search with skipping sends the team the plain search sends") {
  const Model model = responder_test::default_model();
  REQUIRE(model.routing);
  const terrain::GridGeometry& g = model.routing->surface->geometry();
  std::mt19937_64 rng(20261205);
  std::uniform_real_distribution<double> u(0.0, 1.0);

  int cases = 0, sent = 0, skipped = 0, asked = 0;
  for (std::uint32_t replication = 0; replication < 2; ++replication) {
    NoUpcalls calls;
    Replica replica(model, 11, replication, calls);
    replica.rounds = PatrolRounds(model, 11, replication);
    ResponderPool pool(replica);
    for (int step = 0; step < 4; ++step) {
      replica.sim.run_until(seconds_to_time(5400.0 * step), [](Simulator&, const Event&) {});
      for (int k = 0; k < 80; ++k) {
        const Time now = replica.now();
        // Half of them start within 20 km of a responder, where teams compete.
        MapPoint start = responder_test::random_place(rng, g);
        if (u(rng) < 0.5) {
          const MapPoint near =
              pool.at(static_cast<std::size_t>(u(rng) * static_cast<double>(pool.size())));
          start = {near.x + 40000.0 * (u(rng) - 0.5), near.y + 40000.0 * (u(rng) - 0.5)};
        }
        const Movement path = responder_test::random_walk(rng, start, now);
        const Time leave = now + seconds_to_time(600.0 * u(rng));
        const Time handoff = seconds_to_time(1800.0 * u(rng));
        const auto sets_off = [&](std::size_t r) { return leave + (r % 3 == 1 ? handoff : 0); };
        const Time cap = u(rng) < 0.5
                             ? path.end()
                             : std::min(path.end(), now + seconds_to_time(900.0 + 5400.0 * u(rng)));
        CAPTURE(replication);
        CAPTURE(step);
        CAPTURE(k);

        std::optional<std::size_t> plain;
        Time plain_time = cap;
        for (std::size_t r = 0; r < pool.size(); ++r)
          if (const auto meet = pool.meeting_time(r, path, sets_off(r));
              meet && *meet < plain_time) {
            plain_time = *meet;
            plain = r;
          }

        std::vector<std::size_t> order;
        for (const auto& [bound, r] : pool.order_for_dispatch(path.at(now))) order.push_back(r);
        std::vector<std::size_t> shuffled = order;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        for (const auto* in : {&order, &shuffled}) {
          CAPTURE(in == &shuffled);
          std::optional<std::size_t> best;
          Time best_time = cap;
          for (const std::size_t r : *in) {
            if (pool.cannot_meet_by(r, path, sets_off(r), best_time)) {
              ++skipped;
              continue;
            }
            ++asked;
            const auto meet = pool.meeting_time(r, path, sets_off(r));
            if (meet && (*meet < best_time || (best && *meet == best_time && r < *best))) {
              best_time = *meet;
              best = r;
            }
          }
          CHECK(best == plain);
          CHECK(best_time == plain_time);
        }
        ++cases;
        if (plain) ++sent;
      }
    }
  }
  MESSAGE(cases << " searches, " << sent << " of them sending a team; " << skipped
                << " responders skipped, " << asked << " asked (both orders)");
  CHECK(sent > cases / 4);
  CHECK(cases - sent > cases / 20);
  CHECK(skipped > asked);
}
