// ResponderPool::meeting_time and nearest_free (sim/c2/meeting.cpp) ask a team's base field
// only as far as their question needs: CostField::seconds_to_or_more answers "at least this
// long" from a field built in part, and a drive known to be too long is not settled further.
// Their answers must be those of fields settled whole, to the tick: the same meeting (or
// none) for every responder, the same responder sent to a place. Two copies of the default
// scenario's model, one with its base fields as built (in part) and one with them settled
// whole before any question, asked the same random questions (fixed seed): crossers' walks
// (half of them within 20 km of a responder), delays before setting off, places and posts at
// four moments of the day in two replications. nearest_free is also checked against a plain
// search over every responder's exact drive. Most questions must find a part-built field
// still in part, or the bound would not have been exercised (questions all over the
// corridor settle the fields farther and farther; a replication's crossers do not).
#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <random>
#include <set>
#include <vector>

#include "../support/responder_questions.h"

using namespace bordersim;
using namespace bordersim::detail;
using responder_test::NoUpcalls;

namespace {

// One replication's pool at a time of day, on one model.
struct Asker {
  NoUpcalls calls;
  Replica replica;
  ResponderPool pool;
  Asker(const Model& model, std::uint32_t replication)
      : replica(model, 5, replication, calls), pool((init_rounds(replica), replica)) {}
  static void init_rounds(Replica& replica) {  // as World sets it up
    replica.rounds = PatrolRounds(replica.model, 5, replica.replication());
  }
  void run_until(Time t) {
    replica.sim.run_until(t, [](Simulator&, const Event&) {});
  }
};

// The plain search nearest_free must agree with: every ready responder of the post (any,
// when command is joint), the shortest exact drive, the lowest index on ties.
std::optional<std::size_t> plain_nearest(const ResponderPool& pool, const Model& model,
                                         MapPoint where, std::uint16_t post) {
  std::optional<std::size_t> best;
  double best_s = INFINITY;
  for (std::size_t r = 0; r < pool.size(); ++r) {
    if (!pool.ready(r)) continue;
    if (pool.jurisdiction(r) != post && model.command.handoff != Handoff::kJoint) continue;
    if (const double drive_s = pool.travel_s(r, where); drive_s < best_s) {
      best_s = drive_s;
      best = r;
    }
  }
  return best;
}

}  // namespace

TEST_CASE("meeting_time and nearest_free: fields built in part answer as fields settled whole") {
  const Model whole = responder_test::default_model();
  REQUIRE(whole.routing);
  REQUIRE_FALSE(whole.routing->base_fields.empty());
  for (const auto& field : whole.routing->base_fields) {
    (void)field->costs();  // settles it whole
    REQUIRE(field->complete());
  }
  std::set<std::uint16_t> posts;
  for (const auto& sector : whole.sectors) posts.insert(sector.jurisdiction_index);
  const std::vector<std::uint16_t> post_list(posts.begin(), posts.end());

  const terrain::GridGeometry& g = whole.routing->surface->geometry();
  std::mt19937_64 rng(20261206);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  int meetings = 0, asked = 0, sent = 0, places = 0, asked_in_part = 0;
  for (std::uint32_t replication = 0; replication < 2; ++replication) {
    // A model of its own per replication: the questions settle its fields farther.
    const Model part = responder_test::default_model();
    const auto in_part = [&] {
      for (const auto& field : part.routing->base_fields)
        if (!field->complete()) return true;
      return false;
    };
    REQUIRE(in_part());
    Asker a(part, replication), b(whole, replication);
    REQUIRE(a.pool.size() == b.pool.size());
    const auto somewhere = [&] {  // half of them within 20 km of a responder
      if (u(rng) < 0.5) return responder_test::random_place(rng, g);
      const MapPoint near =
          a.pool.at(static_cast<std::size_t>(u(rng) * static_cast<double>(a.pool.size())));
      return MapPoint{near.x + 40000.0 * (u(rng) - 0.5), near.y + 40000.0 * (u(rng) - 0.5)};
    };
    for (int step = 0; step < 4; ++step) {
      a.run_until(seconds_to_time(5400.0 * step));
      b.run_until(seconds_to_time(5400.0 * step));
      const Time now = a.replica.now();
      for (int k = 0; k < 60; ++k) {
        CAPTURE(replication);
        CAPTURE(step);
        CAPTURE(k);
        asked_in_part += in_part();
        const Movement path = responder_test::random_walk(rng, somewhere(), now);
        const Time leave = now + seconds_to_time(900.0 * u(rng));
        for (std::size_t r = 0; r < a.pool.size(); ++r) {
          CAPTURE(r);
          const auto got = a.pool.meeting_time(r, path, leave);
          CHECK(got == b.pool.meeting_time(r, path, leave));
          ++asked;
          meetings += got.has_value();
        }
        // A third of the places between two responders, where their drives compete.
        MapPoint where = somewhere();
        if (u(rng) < 0.35) {
          const MapPoint p =
              a.pool.at(static_cast<std::size_t>(u(rng) * static_cast<double>(a.pool.size())));
          const MapPoint q =
              a.pool.at(static_cast<std::size_t>(u(rng) * static_cast<double>(a.pool.size())));
          where = {0.5 * (p.x + q.x) + 6000.0 * (u(rng) - 0.5),
                   0.5 * (p.y + q.y) + 6000.0 * (u(rng) - 0.5)};
        }
        const auto post =
            post_list[static_cast<std::size_t>(u(rng) * static_cast<double>(post_list.size()))];
        const auto got = a.pool.nearest_free(where, post);
        CHECK(got == b.pool.nearest_free(where, post));
        CHECK(got == plain_nearest(b.pool, whole, where, post));
        ++places;
        sent += got.has_value();
      }
    }
  }
  MESSAGE(asked << " meetings asked, " << meetings << " found; " << places << " places, " << sent
                << " with a responder; " << asked_in_part
                << " rounds of questions began with a base field in part");
  CHECK(meetings > asked / 20);
  CHECK(asked - meetings > asked / 4);
  CHECK(sent > places / 4);
  CHECK(asked_in_part > places / 2);
}
