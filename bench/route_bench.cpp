// Route planning cost on the default synthetic corridor (610 km x 70 km at 100 m): build
// time of the cost surface (routing grid of --cell metres), of one cost field per kind
// (walkers to 5 km depth, naive and with a risk band; vehicles to depth; vehicles from a
// base), and of routes walked down a field.
// Usage: route_bench [--length-km L] [--cell M] [--repeat N] [--routes N] [--verify]
// --verify builds everything twice and exits 1 unless the fields are bit-identical.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench_support.h"
#include "bordersim/routes/cost_field.h"
#include "bordersim/routes/cost_surface.h"
#include "bordersim/terrain/synthetic.h"

using namespace bordersim;
using bench::Clock;
using bench::peak_rss_mib;
using bench::seconds_since;

namespace {

template <class F>
double best_of(int repeat, F&& f) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const auto t0 = Clock::now();
    f();
    best = std::min(best, seconds_since(t0));
  }
  return best;
}

bool same(const routes::CostField& a, const routes::CostField& b) {
  return a.costs().size() == b.costs().size() &&
         std::memcmp(a.costs().data(), b.costs().data(), a.costs().size_bytes()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  double length_km = 610.0, cell_m = 250.0;
  int repeat = 3, n_routes = 1000;
  bool verify = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto next = [&] { return i + 1 < argc ? std::stod(argv[++i]) : 0.0; };
    if (arg == "--length-km")
      length_km = next();
    else if (arg == "--cell")
      cell_m = next();
    else if (arg == "--repeat")
      repeat = static_cast<int>(next());
    else if (arg == "--routes")
      n_routes = static_cast<int>(next());
    else if (arg == "--verify")
      verify = true;
    else {
      std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
      return 2;
    }
  }
  terrain::SyntheticTerrainSpec spec;
  spec.length_km = length_km;
  const terrain::Terrain ground = terrain::generate_synthetic_terrain(spec);
  const terrain::BorderFrame border(ground.border);
  routes::ObstacleCosts obstacles;
  obstacles.ford_every_km = 50.0;
  const terrain::CoverTable table = terrain::default_cover_table();

  routes::CostSurface surface;
  const double t_surface = best_of(repeat, [&] {
    surface = routes::CostSurface::build(ground, table, obstacles, cell_m, 1.2, 15.0);
  });
  const terrain::GridGeometry& g = surface.geometry();
  // A 3 km band of risk (one expected detection per 100 s) along the border's first half.
  std::vector<float> risk(static_cast<std::size_t>(g.cell_count()), 0.0f);
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < g.cols; ++c) {
      const terrain::MapPoint p = g.cell_centre({c, r});
      if (p.x < 1000.0 * length_km / 2.0 && p.y > -1500.0 && p.y < 1500.0)
        risk[g.index({c, r})] = 0.01f;
    }
  }
  using routes::CostField;
  using routes::Mover;
  CostField foot, informed, vehicle, base;
  const double t_foot =
      best_of(repeat, [&] { foot = CostField::to_depth(surface, Mover::kFoot, border, 5000.0); });
  const double t_informed = best_of(repeat, [&] {
    informed = CostField::to_depth(surface, Mover::kFoot, border, 5000.0, risk, 300.0);
  });
  const double t_vehicle = best_of(
      repeat, [&] { vehicle = CostField::to_depth(surface, Mover::kVehicle, border, 5000.0); });
  const terrain::MapPoint base_point{1000.0 * length_km / 2.0, 10000.0};
  const double t_base =
      best_of(repeat, [&] { base = CostField::from_point(surface, Mover::kVehicle, base_point); });

  std::size_t legs = 0;
  double route_seconds = 0.0;
  const auto t0 = Clock::now();
  for (int k = 0; k < n_routes; ++k) {
    const terrain::MapPoint p{(k + 0.5) * 1000.0 * length_km / n_routes, -3000.0};
    const routes::Route r = foot.route_from(p);
    legs += r.legs.size();
    route_seconds += r.seconds();
  }
  const double t_routes = seconds_since(t0);
  // What the routes meet: obstacle legs of walkers, and vehicles that find a way at all.
  int trench = 0, river = 0, driven = 0, vehicle_river = 0;
  for (int k = 0; k < n_routes; ++k) {
    const terrain::MapPoint p{(k + 0.5) * 1000.0 * length_km / n_routes, -3000.0};
    for (const routes::RouteLeg& leg : foot.route_from(p).legs) {
      trench += leg.obstacle == routes::Obstacle::kTrench ? 1 : 0;
      river += leg.obstacle == routes::Obstacle::kRiver ? 1 : 0;
    }
    const routes::Route v = vehicle.route_from(p);
    driven += v.empty() ? 0 : 1;
    for (const routes::RouteLeg& leg : v.legs)
      vehicle_river += leg.obstacle == routes::Obstacle::kRiver ? 1 : 0;
  }

  std::printf(
      "corridor %.0f km, terrain grid %d x %d at %.0f m; routing grid %d x %d = %lld cells at %.0f "
      "m\n",
      length_km, ground.cover.cols(), ground.cover.rows(), ground.cover.geometry().cell_w, g.cols,
      g.rows, static_cast<long long>(g.cell_count()), cell_m);
  std::printf("cost surface build      %8.3f s\n", t_surface);
  std::printf("field foot to depth     %8.3f s  (%lld cells reachable)\n", t_foot,
              static_cast<long long>(foot.reachable_cells()));
  std::printf("field foot, risk band   %8.3f s\n", t_informed);
  std::printf("field vehicle to depth  %8.3f s  (%lld cells reachable)\n", t_vehicle,
              static_cast<long long>(vehicle.reachable_cells()));
  std::printf("field vehicle from base %8.3f s  (%lld cells reachable)\n", t_base,
              static_cast<long long>(base.reachable_cells()));
  std::printf("%d foot routes          %8.3f s  (%.1f legs, %.0f s of travel on average)\n",
              n_routes, t_routes, static_cast<double>(legs) / n_routes, route_seconds / n_routes);
  std::printf(
      "walkers: %d trench and %d river crossings in %d routes; vehicles: %d of %d routes found, %d "
      "ford crossings\n",
      trench, river, n_routes, driven, n_routes, vehicle_river);
  std::printf("best of %d; peak RSS %.0f MiB\n", repeat, peak_rss_mib());

  if (verify) {
    const routes::CostSurface again =
        routes::CostSurface::build(ground, table, obstacles, cell_m, 1.2, 15.0);
    const bool ok =
        same(foot, CostField::to_depth(again, Mover::kFoot, border, 5000.0)) &&
        same(informed, CostField::to_depth(again, Mover::kFoot, border, 5000.0, risk, 300.0)) &&
        same(vehicle, CostField::to_depth(again, Mover::kVehicle, border, 5000.0)) &&
        same(base, CostField::from_point(again, Mover::kVehicle, base_point));
    std::printf("rebuilt fields identical: %s\n", ok ? "yes" : "NO");
    if (!ok) return 1;
  }
  return 0;
}
