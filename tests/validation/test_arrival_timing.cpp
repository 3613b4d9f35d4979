// Time of day of arrivals (issue 15, item 3) against closed forms: with night_preference
// null the arrivals are a homogeneous Poisson process at any site and date (a chi-square
// over the hours of the run), and with an arrival_profile each hour of local mean solar
// time gets its weight's share. Fixed seeds; the chi-square is judged at its 0.999
// quantile, and a sun-thinned control must fail the same test.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "bordersim/movers/arrivals.h"
#include "bordersim/run/model.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

// 0.999 quantiles of the chi-square distribution (tables; e.g. NIST/SEMATECH e-Handbook).
constexpr double kChi2Df23 = 49.728;
constexpr double kChi2Df21 = 46.797;

std::vector<CrosserPlan> plans_of(const std::string& json, std::uint32_t replications) {
  const auto loaded = load_scenario_text(json, "timing.json");
  const Model model = build_model(loaded.base);
  std::vector<CrosserPlan> all;
  for (std::uint32_t r = 0; r < replications; ++r) {
    const auto plans = plan_crossers(model.crossers, 41, r);
    all.insert(all.end(), plans.begin(), plans.end());
  }
  return all;
}

// Pearson's statistic of counts against expected shares (cells with share 0 skipped).
double chi_square(const std::vector<double>& counts, const std::vector<double>& shares) {
  double n = 0.0, total_share = 0.0, x2 = 0.0;
  for (double c : counts) n += c;
  for (double s : shares) total_share += s;
  for (std::size_t h = 0; h < counts.size(); ++h) {
    if (shares[h] <= 0.0) continue;
    const double expected = n * shares[h] / total_share;
    x2 += (counts[h] - expected) * (counts[h] - expected) / expected;
  }
  return x2;
}

// Infiltrators at 600 a day for 10 whole days at a site and start; `timing` members.
std::string scenario(const char* site, const char* start, const std::string& timing) {
  return std::string(R"({"duration_h": 240, "site": )") + site + R"(, "start": ")" + start +
         R"(", "threats": {"infiltrators": {"per_day": 600, )" + timing + "}}}";
}

}  // namespace

TEST_CASE("time of day: night_preference null gives homogeneous arrivals at any site and date") {
  struct Site {
    const char* site;
    const char* start;
  };
  // Iraq in late November (14 h of night), southern Finland at midsummer (hardly any),
  // Patagonia in midwinter (16 h of night), each starting at a different hour.
  const Site sites[] = {
      {R"({"latitude_deg": 34.5, "longitude_deg": 41, "utc_offset_h": 3})", "2026-11-25T18:00:00"},
      {R"({"latitude_deg": 60.2, "longitude_deg": 25, "utc_offset_h": 3})", "2026-06-21T07:00:00"},
      {R"({"latitude_deg": -51.6, "longitude_deg": -69.2, "utc_offset_h": -3})",
       "2026-06-21T13:30:00"}};
  std::vector<Time> first_site_starts;
  for (const Site& s : sites) {
    const std::string where = s.site;
    CAPTURE(where);
    std::vector<double> counts(24, 0.0), sun_counts(24, 0.0);
    std::vector<Time> starts;
    for (const CrosserPlan& p :
         plans_of(scenario(s.site, s.start, R"("night_preference": null)"), 4)) {
      counts[static_cast<std::size_t>(time_to_seconds(p.start) / 3600.0) % 24] += 1.0;
      starts.push_back(p.start);
    }
    // Without thinning the sun plays no part: every site and date gets the same times.
    if (first_site_starts.empty()) first_site_starts = starts;
    CHECK(starts == first_site_starts);
    const double x2 = chi_square(counts, std::vector<double>(24, 1.0));
    MESSAGE("null: chi-square over the 24 hours of the run " << x2 << " (df 23, 0.999 quantile "
                                                             << kChi2Df23 << ")");
    CHECK(x2 < kChi2Df23);
    // The same test fails with the sun's thinning where the site has both day and night.
    if (std::string(s.site).find("60.2") != std::string::npos) continue;
    for (const CrosserPlan& p :
         plans_of(scenario(s.site, s.start, R"("night_preference": 0.9)"), 4))
      sun_counts[static_cast<std::size_t>(time_to_seconds(p.start) / 3600.0) % 24] += 1.0;
    const double thinned = chi_square(sun_counts, std::vector<double>(24, 1.0));
    MESSAGE("0.9: chi-square " << thinned);
    CHECK(thinned > 10.0 * kChi2Df23);
  }
}

TEST_CASE("time of day: an arrival_profile gives each hour of local mean solar time its share") {
  // Weights peaking before dawn and after dusk, two hours without crossers.
  const std::vector<double> weights = {4,   5,   6,   6,   5, 3, 1, 0.5, 0.5, 0.5, 0.5, 0.5,
                                       0.5, 0.5, 0.5, 0.5, 1, 2, 4, 6,   8,   0,   0,   3};
  std::string profile = R"("arrival_profile": [)";
  for (std::size_t h = 0; h < weights.size(); ++h)
    profile += (h ? ", " : "") + std::to_string(weights[h]);
  profile += "]";
  // Local 18:00 at UTC+3 is 15:00 UTC; 41° E runs 41/15 h ahead of UTC in mean solar time.
  const double start_solar_h = 15.0 + 41.0 / 15.0;
  const auto plans =
      plans_of(scenario(R"({"latitude_deg": 34.5, "longitude_deg": 41, "utc_offset_h": 3})",
                        "2026-11-25T18:00:00", profile),
               4);
  std::vector<double> counts(24, 0.0);
  for (const CrosserPlan& p : plans) {
    const double solar_h = std::fmod(start_solar_h + time_to_seconds(p.start) / 3600.0, 24.0);
    counts[static_cast<std::size_t>(solar_h)] += 1.0;
  }
  const double n = static_cast<double>(plans.size());
  // Ten whole days: per_day × 10 × 4 replications on average.
  CHECK(std::abs(n - 24000.0) < 3.29 * std::sqrt(24000.0));
  CHECK(counts[21] == 0.0);
  CHECK(counts[22] == 0.0);
  const double x2 = chi_square(counts, weights);
  MESSAGE("profile: chi-square " << x2 << " over 22 hours (df 21, 0.999 quantile " << kChi2Df21
                                 << ")");
  CHECK(x2 < kChi2Df21);
  // Each hour alone within its 99.9 % binomial interval.
  double total = 0.0;
  for (double w : weights) total += w;
  for (std::size_t h = 0; h < 24; ++h) {
    const double share = weights[h] / total;
    CAPTURE(h);
    CHECK(std::abs(counts[h] / n - share) <= 3.29 * std::sqrt(share * (1.0 - share) / n) + 1e-12);
  }
}

TEST_CASE("time of day: with night_preference null the gaps between arrivals are exponential") {
  // A homogeneous Poisson process at 600 a day: gaps exponential with mean 144 s, so
  // P(gap > k · mean) = e^-k; judged at k = 0.5, 1, 3 within 99.9 % binomial intervals.
  const auto loaded = load_scenario_text(
      scenario(R"({"latitude_deg": 34.5, "longitude_deg": 41, "utc_offset_h": 3})",
               "2026-11-25T18:00:00", R"("night_preference": null)"),
      "gaps.json");
  const Model model = build_model(loaded.base);
  const double mean_s = 86400.0 / 600.0;
  std::vector<double> gaps;
  for (std::uint32_t r = 0; r < 4; ++r) {
    const auto plans = plan_crossers(model.crossers, 43, r);
    for (std::size_t i = 1; i < plans.size(); ++i)
      gaps.push_back(time_to_seconds(plans[i].start) - time_to_seconds(plans[i - 1].start));
  }
  const auto n = static_cast<double>(gaps.size());
  double sum = 0.0;
  for (double g : gaps) sum += g;
  CHECK(std::abs(sum / n - mean_s) < 3.29 * mean_s / std::sqrt(n));
  for (const double k : {0.5, 1.0, 3.0}) {
    CAPTURE(k);
    std::size_t beyond = 0;
    for (double g : gaps) beyond += g > k * mean_s;
    const double p = std::exp(-k);
    CHECK(std::abs(static_cast<double>(beyond) / n - p) < 3.29 * std::sqrt(p * (1.0 - p) / n));
  }
}
