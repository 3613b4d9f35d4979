// The study benchmark: a 65-point NOLH over the study's five factors (tower spacing, camera
// kind, QRF teams per base, hand-off delay, drone airframes; the `sweep` of
// scenarios/study-nolh.json) on a scenario's ground, every point a variant, and where the
// time goes: geography, model builds (route fields apart from the rest, which is mostly the
// towers' viewsheds), replications; and peak memory (of this program, which holds the
// models twice: `bordersim run` on the --write file gives the CLI's).
//
// A NOLH of five factors has 17 points; the 65-point one is the 12-to-16-factor design
// (Cioppa & Lucas, m = 6), of which the points take the first five columns (still nearly
// orthogonal). Factors whose pointer the scenario lacks are left out, with a note.
//
// Usage: study_bench SCENARIO.json [--factors-from SWEEP.json] [--replications N]
//                    [--threads T] [--write OUT.json]
// --write saves the 65 variants as a scenario, for `bordersim run OUT.json -o ...` (which
// adds the output's time). Route fields: the models built twice, the second time with
// every surface and field in the cache; the difference is what the fields cost.

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "bench_support.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/geography.h"
#include "bordersim/run/model.h"
#include "bordersim/run/route_field_cache.h"
#include "bordersim/scenario/load.h"
#include "bordersim/scenario/sweep.h"

using namespace bordersim;
using bench::Clock;
using bench::peak_rss_mib;
using bench::seconds_since;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The scenario's text with 65 variants, one per design point, each a merge patch giving
// the changed top-level sections whole (arrays in a merge patch are replaced whole).
std::string study_text(const std::string& path, const std::string& factors_path, int replications) {
  Json file = Json::parse(read_text(path));
  const LoadedScenario plain = load_scenario_text(read_text(path), path);
  const Json resolved = scenario_to_json(plain.base);
  Json sweep = Json::parse(read_text(factors_path))["sweep"];
  Json kept = Json::array();
  for (const Json& f : sweep["factors"]) {
    if (resolved.contains(Json::json_pointer(f["pointer"].get<std::string>())))
      kept.push_back(f);
    else
      std::printf("note: %s has no %s: factor left out\n", path.c_str(),
                  f["pointer"].get<std::string>().c_str());
  }
  sweep["factors"] = kept;
  SweepSpec spec = read_sweep(sweep, resolved, factors_path);
  const std::size_t real = spec.factors.size();
  while (spec.factors.size() < 12) spec.factors.push_back(spec.factors.front());  // 65 points
  const DesignTable table = make_design(spec);

  Json variants = Json::object();
  for (std::size_t p = 0; p < table.variants.size(); ++p) {
    Json point = resolved;
    for (std::size_t f = 0; f < real; ++f) {
      const SweepFactor& factor = spec.factors[f];
      const Json::json_pointer ptr(factor.pointer);
      const double v = table.at(p, f);
      if (!factor.levels.empty())
        point[ptr] = factor.levels.at(static_cast<std::size_t>(v));
      else if (resolved[ptr].is_number_integer())
        point[ptr] = static_cast<std::int64_t>(std::llround(v));
      else
        point[ptr] = v;
    }
    Json patch = Json::object();
    for (const auto& [key, value] : point.items())
      if (resolved[key] != value) patch[key] = value;
    variants[table.variants[p]] = patch;
  }
  file.erase("sweep");
  file["variants"] = variants;
  file["batch"]["replications"] = replications;
  return file.dump(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path, factors_path = "scenarios/study-nolh.json", write;
  int replications = 200, threads = 2;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--replications" && i + 1 < argc)
      replications = std::stoi(argv[++i]);
    else if (arg == "--threads" && i + 1 < argc)
      threads = std::stoi(argv[++i]);
    else if (arg == "--factors-from" && i + 1 < argc)
      factors_path = argv[++i];
    else if (arg == "--write" && i + 1 < argc)
      write = argv[++i];
    else
      path = arg;
  }
  if (path.empty()) {
    std::fprintf(stderr,
                 "usage: study_bench SCENARIO.json [--factors-from SWEEP.json] "
                 "[--replications N] [--threads T] [--write OUT.json]\n");
    return 2;
  }
  const std::string text = study_text(path, factors_path, replications);
  if (!write.empty()) std::ofstream(write) << text;
  const LoadedScenario study = load_scenario_text(text, path);

  auto t0 = Clock::now();
  const auto geography = build_geography(study.base.terrain, study.file);
  const double t_geo = seconds_since(t0);
  RouteFieldCache cache;
  double t_cold = 0.0, t_warm = 0.0;
  t0 = Clock::now();
  for (const Variant& v : study.variants)
    (void)build_model(v.scenario, geography, study.file, &cache);
  t_cold = seconds_since(t0);
  t0 = Clock::now();
  for (const Variant& v : study.variants)
    (void)build_model(v.scenario, geography, study.file, &cache);
  t_warm = seconds_since(t0);

  // What a sweep pays: prepare_batch builds the geography and every point's model (with a
  // fresh cache); run_batch builds them again, then runs the replications.
  t0 = Clock::now();
  (void)prepare_batch(study);
  const double t_prepare = seconds_since(t0);
  t0 = Clock::now();
  const BatchResult batch = run_batch(study, threads);
  const double t_batch = seconds_since(t0);
  const double t_reps = t_batch - t_prepare;

  std::printf("%s: %zu points x %d replications, %d threads; %zu surfaces, %zu fields\n",
              path.c_str(), study.variants.size(), replications, threads, cache.surface_count(),
              cache.field_count());
  std::printf("geography                      %8.2f s\n", t_geo);
  std::printf("model builds (all points)      %8.2f s\n", t_cold);
  std::printf("  route surfaces and fields    %8.2f s  (cold minus warm cache)\n", t_cold - t_warm);
  std::printf("  viewsheds and the rest       %8.2f s  (models rebuilt, fields cached)\n", t_warm);
  std::printf("prepare_batch (geography and all models) %8.2f s\n", t_prepare);
  std::printf("run_batch                      %8.2f s\n", t_batch);
  std::printf("  replications (run_batch minus prepare_batch) %8.2f s\n", t_reps);
  std::printf("peak RSS %.0f MiB\n", peak_rss_mib());
  return batch.variants.size() == study.variants.size() ? 0 : 1;
}
