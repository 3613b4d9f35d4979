// Shards and merge as scripts meet them (in process): parts of one batch merged give the
// one-go run's records; parts that are not one batch, or do not cover it exactly once,
// are refused with exit 2 naming the part and the problem, and nothing is written.
// tests/cluster/test_cluster.py compares the files dataset for dataset with the binary.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "../support/cli_run.h"
#include "../support/record_equality.h"
#include "bordersim/cli/cli.h"
#include "bordersim/io/result_file.h"
#include "bordersim/run/batch.h"

using namespace bordersim;
using testing::cli;
using testing::CliRun;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir(const std::string& name) { return testing::scratch_dir("merge", name); }

// A part of the default's towers-only layout: 7 replications, seed `seed`.
std::string part(const fs::path& dir, const std::string& shard, const std::string& seed = "5",
                 const std::string& replications = "7") {
  std::string label = shard;
  label.replace(label.find('/'), 1, "of");
  const std::string name =
      (dir / ("part-" + label + "-" + seed + "-" + replications + ".h5")).string();
  const auto run = cli({"run", "-q", "--variant", "towers-only", "-n", replications, "--seed", seed,
                        "-j", "1", "--shard", shard, "-o", name});
  REQUIRE_MESSAGE(run.status == 0, run.err);
  return name;
}

}  // namespace

TEST_CASE("shard_range: contiguous parts covering every replication once") {
  std::size_t next = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    const ReplicationRange r = shard_range(10, i, 3);
    CHECK(r.first == next);
    CHECK((r.count == 3 || r.count == 4));
    next = r.end();
  }
  CHECK(next == 10);
  CHECK_THROWS_AS(shard_range(10, 3, 3), std::invalid_argument);
  CHECK_THROWS_AS(shard_range(2, 0, 3), std::invalid_argument);
}

TEST_CASE("three shards merged hold the one-go run's records and wrong merges are refused") {
  const fs::path dir = scratch_dir("shards");
  const std::string whole = (dir / "whole.h5").string();
  REQUIRE(cli({"run", "-q", "--variant", "towers-only", "-n", "7", "--seed", "5", "-j", "2", "-o",
               whole})
              .status == 0);
  const std::string p0 = part(dir, "0/3"), p1 = part(dir, "1/3"), p2 = part(dir, "2/3");

  const ResultFile shard = read_result_file(p1);
  CHECK(shard.first_replication == 2);
  CHECK(shard.variants.at(0).replications.size() == 2);
  CHECK(shard.variants.at(0).replications.front().replication == 2);

  const std::string merged = (dir / "merged.h5").string();
  const auto merge = cli({"merge", p2, p0, p1, "-o", merged});
  REQUIRE_MESSAGE(merge.status == 0, merge.err);
  const ResultFile a = read_result_file(whole), b = read_result_file(merged);
  CHECK(a.scenario == b.scenario);
  CHECK(b.first_replication == 0);
  CHECK(b.stop_reason == "replications");
  REQUIRE(a.variants.size() == b.variants.size());
  const auto& va = a.variants[0];
  const auto& vb = b.variants[0];
  REQUIRE(va.replications.size() == vb.replications.size());
  for (std::size_t r = 0; r < va.replications.size(); ++r)
    CHECK(testing::same_totals(va.replications[r], vb.replications[r]));
  REQUIRE(va.crossings.size() == vb.crossings.size());
  for (std::size_t c = 0; c < va.crossings.size(); ++c)
    CHECK(testing::same(va.crossings[c], vb.crossings[c]));
  // Recomputed from all the replications, so equal to the one-go summary row for row.
  REQUIRE(va.summary.size() == vb.summary.size());
  for (std::size_t s = 0; s < va.summary.size(); ++s) {
    CHECK(va.summary[s].metric == vb.summary[s].metric);
    CHECK(testing::same_bits(va.summary[s].estimate, vb.summary[s].estimate));
    CHECK(testing::same_bits(va.summary[s].lower, vb.summary[s].lower));
    CHECK(va.summary[s].n == vb.summary[s].n);
  }

  const std::string refused = (dir / "refused.h5").string();
  auto refuse = [&](std::vector<std::string> parts, const std::string& file,
                    const std::string& what) {
    parts.insert(parts.begin(), "merge");
    parts.insert(parts.end(), {"-o", refused});
    const auto run = cli(parts);
    CHECK(run.status == 2);
    CHECK_MESSAGE(run.err.starts_with(file + ": /"), run.err);
    CHECK_MESSAGE(run.err.find(what) != std::string::npos, run.err);
    CHECK(!fs::exists(refused));
  };
  refuse({p0, p2}, p2, "replications 2 to 3 are in no part");                   // gap
  refuse({p0, p1}, p1, "replications 4 to 6 of the batch's 7 are in no part");  // missing end
  refuse({p0, p1, p1, p2}, p1, "the parts overlap");                            // overlap
  const std::string half = part(dir, "1/2");  // replications 3 to 6
  refuse({p0, p1, half, p2}, half, "replications 3 to 3 are also in " + p1);
  refuse({p0, p1, part(dir, "2/3", "6")}, (dir / "part-2of3-6-7.h5").string(), "/seed");
  refuse({p0, p1, part(dir, "2/3", "5", "8")}, (dir / "part-2of3-5-8.h5").string(),
         "/replications");
  refuse({p0, (dir / "missing.h5").string()}, (dir / "missing.h5").string(), "no such file");
  fs::remove_all(dir);
}

TEST_CASE("--shard and merge: bad arguments are bad input") {
  CHECK(cli({"run", "-q", "-n", "3", "--shard", "3/3", "-o", "x.h5"}).status == 2);
  CHECK(cli({"run", "-q", "-n", "3", "--shard", "0/4", "-o", "x.h5"}).status == 2);
  CHECK(cli({"run", "-q", "-n", "3", "--shard", "one/two", "-o", "x.h5"}).status == 2);
  CHECK(cli({"merge", "a.h5"}).status == 2);  // no -o
  CHECK(!fs::exists("x.h5"));
}
