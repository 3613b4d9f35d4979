// Keyed Philox streams: reproducibility, separation of keys, statistical independence of
// neighbouring keys, and the property the model relies on: adding an entity leaves
// every other entity's draws unchanged.
//
// The statistical checks use fixed keys, so they pass or fail the same way on every run;
// their thresholds are 99.9% quantiles of the statistic's sampling distribution under
// the hypothesis being tested (about 1 in 1000 for a sound generator to fail a check).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "bordersim/random/stream.h"

namespace bordersim {
namespace {

constexpr StreamKey kBase{2024, 7, EntityKey{EntityKind::kCrosser, 41}, Purpose::kDetection};

// Two-sided 99.9% quantile of the standard normal, about 3.29.
double z999() { return boost::math::quantile(boost::math::normal(), 0.9995); }

std::vector<std::uint64_t> words(const StreamKey& key, std::size_t n) {
  Stream stream(key);
  std::vector<std::uint64_t> out(n);
  for (auto& w : out) w = stream();
  return out;
}

// The base key with one component moved to its neighbour value.
struct Neighbour {
  std::string name;
  StreamKey key;
};
std::vector<Neighbour> neighbours_of_base() {
  std::vector<Neighbour> out;
  StreamKey k = kBase;
  k.seed += 1;
  out.push_back({"seed", k});
  k = kBase;
  k.replication += 1;
  out.push_back({"replication", k});
  k = kBase;
  k.entity.index += 1;
  out.push_back({"entity index", k});
  k = kBase;
  k.entity.kind = EntityKind::kTower;  // 3, next to kCrosser = 2
  out.push_back({"entity kind", k});
  k = kBase;
  k.purpose = Purpose::kResponse;  // 4, next to kDetection = 3
  out.push_back({"purpose", k});
  return out;
}

TEST_CASE("Stream: the same key gives the same sequence") {
  CHECK(words(kBase, 1000) == words(kBase, 1000));

  // A stream does not depend on when or after what it was created.
  Stream other(StreamKey{1, 1, EntityKey{EntityKind::kTower, 0}, Purpose::kArrivals});
  for (int i = 0; i < 37; ++i) other();
  CHECK(words(kBase, 1000) == words(kBase, 1000));
}

TEST_CASE("Stream: keys that differ in any component give unrelated sequences") {
  const auto base = words(kBase, 4096);
  const std::set<std::uint64_t> base_set(base.begin(), base.end());
  for (const auto& [name, key] : neighbours_of_base()) {
    CAPTURE(name);
    const auto other = words(key, 4096);
    CHECK(other != base);
    // No shared words at all: catches a stream that is another one shifted by some
    // blocks (which position-by-position comparisons would miss).
    const auto shared = std::count_if(other.begin(), other.end(),
                                      [&](std::uint64_t w) { return base_set.count(w) > 0; });
    CHECK(shared == 0);
  }
}

TEST_CASE("Stream: uniform01 has the mean and variance of the unit uniform") {
  constexpr int n = 1'000'000;
  Stream stream(kBase);
  double sum = 0;
  double sum_sq = 0;
  double lo = 1;
  double hi = 0;
  for (int i = 0; i < n; ++i) {
    const double u = uniform01(stream);
    sum += u;
    sum_sq += (u - 0.5) * (u - 0.5);
    lo = std::min(lo, u);
    hi = std::max(hi, u);
  }
  CHECK(lo >= 0.0);
  CHECK(hi < 1.0);
  // Mean 1/2 with standard error sqrt(1/12 / n); variance 1/12, and the standard error
  // of the mean of (u - 1/2)^2 is sqrt((mu4 - sigma^4) / n) = sqrt((1/80 - 1/144) / n).
  const double mean = sum / n;
  const double variance = sum_sq / n;
  CHECK(std::abs(mean - 0.5) < z999() * std::sqrt(1.0 / 12.0 / n));
  CHECK(std::abs(variance - 1.0 / 12.0) < z999() * std::sqrt((1.0 / 80 - 1.0 / 144) / n));
}

TEST_CASE("Stream: neighbouring keys are statistically independent") {
  constexpr int n = 100'000;
  constexpr int cells = 16;  // a 16 x 16 grid of pairs: about 390 expected per cell
  // Under independence the sample correlation is about N(0, 1/n), and the pair counts'
  // Pearson statistic is chi-square with cells^2 - 1 degrees of freedom.
  const double r_tolerance = z999() / std::sqrt(double{n});
  const double chi2_limit =
      boost::math::quantile(boost::math::chi_squared(cells * cells - 1), 0.999);

  for (const auto& [name, key] : neighbours_of_base()) {
    CAPTURE(name);
    Stream a(kBase);
    Stream b(key);
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    std::array<int, cells * cells> counts{};
    for (int i = 0; i < n; ++i) {
      const double x = uniform01(a);
      const double y = uniform01(b);
      sa += x;
      sb += y;
      saa += x * x;
      sbb += y * y;
      sab += x * y;
      ++counts[static_cast<std::size_t>(static_cast<int>(x * cells) * cells +
                                        static_cast<int>(y * cells))];
    }
    const double cov = sab / n - (sa / n) * (sb / n);
    const double r = cov / std::sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
    CAPTURE(r);
    CHECK(std::abs(r) < r_tolerance);

    const double expected = double{n} / (cells * cells);
    double chi2 = 0;
    for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
    CAPTURE(chi2);
    CHECK(chi2 < chi2_limit);
  }
}

TEST_CASE("Stream: adding an entity leaves the draws of every other entity unchanged") {
  constexpr int kEntities = 10;
  constexpr int kDraws = 1000;
  auto key_of = [](EntityKind kind, std::uint64_t index, Purpose purpose) {
    return StreamKey{99, 3, EntityKey{kind, index}, purpose};
  };

  // Reference: entities 0..9 alone, each drawing its values in one go.
  std::vector<std::vector<std::uint64_t>> reference;
  for (int e = 0; e < kEntities; ++e)
    reference.push_back(words(key_of(EntityKind::kCrosser, e, Purpose::kAttributes), kDraws));

  // Now entity 10, another purpose and another kind exist too, created first, and every
  // stream's draws are interleaved with theirs in an irregular pattern.
  Stream newcomer(key_of(EntityKind::kCrosser, kEntities, Purpose::kAttributes));
  Stream other_purpose(key_of(EntityKind::kCrosser, 3, Purpose::kDetection));
  Stream other_kind(key_of(EntityKind::kTower, 0, Purpose::kAttributes));
  std::vector<Stream> streams;
  for (int e = 0; e < kEntities; ++e)
    streams.emplace_back(key_of(EntityKind::kCrosser, e, Purpose::kAttributes));

  std::vector<std::vector<std::uint64_t>> drawn(kEntities);
  for (int i = 0; i < kDraws; ++i) {
    for (int e = 0; e < kEntities; ++e) {
      for (int extra = 0; extra < (i + e) % 3; ++extra) newcomer();
      if (e % 4 == 0) other_purpose();
      drawn[static_cast<std::size_t>(e)].push_back(streams[static_cast<std::size_t>(e)]());
      other_kind();
    }
  }
  for (int e = 0; e < kEntities; ++e) {
    CAPTURE(e);
    CHECK(drawn[static_cast<std::size_t>(e)] == reference[static_cast<std::size_t>(e)]);
  }
}

TEST_CASE("Stream: the Boost exponential distribution on a stream has the right moments") {
  constexpr int n = 1'000'000;
  constexpr double rate = 2.0;  // mean 1/rate, variance 1/rate^2
  Stream stream(kBase);
  boost::random::exponential_distribution<double> exponential(rate);
  double sum = 0;
  double sum_sq = 0;
  double lo = 1;
  for (int i = 0; i < n; ++i) {
    const double x = exponential(stream);
    lo = std::min(lo, x);
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / n;
  const double variance = sum_sq / n - mean * mean;
  CHECK(lo >= 0.0);
  // Standard errors: sigma/sqrt(n) for the mean; sqrt((mu4 - sigma^4)/n) = sqrt(8/n)/rate^2
  // for the variance (mu4 = 9/rate^4 for the exponential).
  CHECK(std::abs(mean - 1 / rate) < z999() * (1 / rate) / std::sqrt(double{n}));
  CHECK(std::abs(variance - 1 / (rate * rate)) < z999() * std::sqrt(8.0 / n) / (rate * rate));
}

}  // namespace
}  // namespace bordersim
