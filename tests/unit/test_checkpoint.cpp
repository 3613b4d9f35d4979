// The checkpoint beside a result file: records come back bit for bit, a frame torn by a
// kill is dropped (and cut off when the run continues), another batch is refused.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../support/record_equality.h"
#include "bordersim/core/error.h"
#include "bordersim/io/checkpoint.h"
#include "bordersim/run/record_codec.h"

using namespace bordersim;
namespace fs = std::filesystem;

namespace {

ReplicationRecord record(std::uint32_t replication) {
  ReplicationRecord r;
  r.replication = replication;
  r.crossings = 2;
  r.detected = 1;
  r.responder_busy_s = 0.1 * replication;
  r.assessments_dismissed = 3 + replication;  // the counts of issue 14 travel too
  r.retaskings = 1;
  CrossingRecord c;
  c.replication = replication;
  c.crosser = 7;
  c.first_detection_s = 12.5;  // interception_s stays NaN
  c.detection_x_m = 1500.25;   // places are records too (a codec that forgot them would fail)
  c.detection_y_m = -40.5;
  c.outcome = Outcome::kDetectedNotIntercepted;
  c.cargo = CargoKind::kPeople;
  r.crossing_records = {c, CrossingRecord{}};
  return r;
}

const CheckpointIdentity kIdentity{"0.1.0", "{\"seed\": 5}", 5, 10, 0, 10};

}  // namespace

TEST_CASE("record codec: a record comes back bit for bit, a cut one is an error") {
  std::string bytes;
  encode_record(bytes, 3, record(4));
  RecordDecoder decoder(bytes);
  std::uint32_t variant = 0;
  const ReplicationRecord back = decoder.next(variant);
  CHECK(decoder.done());
  CHECK(variant == 3);
  CHECK(testing::same_totals(back, record(4)));
  REQUIRE(back.crossing_records.size() == 2);
  CHECK(testing::same(back.crossing_records[0], record(4).crossing_records[0]));
  RecordDecoder cut(std::string_view(bytes).substr(0, bytes.size() - 1));
  CHECK_THROWS_AS(cut.next(variant), std::runtime_error);
}

TEST_CASE("checkpoint: flushed records read back, a torn frame is dropped and cut off") {
  const fs::path path =
      fs::temp_directory_path() / ("bordersim-checkpoint-" + std::to_string(::getpid()));
  {
    CheckpointWriter writer(path.string(), kIdentity);
    writer.add(0, record(0));
    writer.add(1, record(0));
    writer.flush();
    writer.add(0, record(1));
  }  // the destructor flushes what was added
  const auto whole = fs::file_size(path);
  // A kill in the middle of a write: half a frame at the end.
  { std::ofstream(path, std::ios::binary | std::ios::app) << std::string(20, '\x07'); }
  CheckpointContents contents = read_checkpoint(path.string(), 2);
  CHECK(contents.record_count == 3);
  CHECK(contents.valid_bytes == whole);
  CHECK(contents.identity.scenario == kIdentity.scenario);
  REQUIRE(contents.records[0].count(1) == 1);
  CHECK(testing::same_totals(contents.records[0].at(1), record(1)));
  {
    CheckpointWriter writer(path.string(), kIdentity, contents.valid_bytes);
    writer.add(1, record(1));
  }
  contents = read_checkpoint(path.string(), 2);
  CHECK(contents.record_count == 4);

  CHECK_NOTHROW(check_same_batch(path.string(), contents.identity, kIdentity));
  CheckpointIdentity other = kIdentity;
  other.seed = 6;
  try {
    check_same_batch(path.string(), contents.identity, other);
    FAIL("another seed was accepted");
  } catch (const InputError& e) {
    CHECK(e.pointer() == "/seed");
  }
  other = kIdentity;
  other.first = 5;
  other.count = 5;
  CHECK_THROWS_AS(check_same_batch(path.string(), contents.identity, other), InputError);
  other = kIdentity;
  other.scenario = "{}";
  CHECK_THROWS_AS(check_same_batch(path.string(), contents.identity, other), InputError);
  fs::remove(path);

  std::ofstream(path) << "not a checkpoint";
  CHECK_THROWS_AS(read_checkpoint(path.string(), 2), InputError);
  fs::remove(path);
}
