#pragma once
// The checkpoint a run keeps beside its result file (OUT.h5.checkpoint): the records of
// completed replications, appended in frames flushed to disk at least every
// kCheckpointFlushSeconds, so that `run --resume` continues an interrupted batch without
// losing or double-counting replications. A frame torn by a kill is detected by its
// length and checksum and dropped: a SIGKILL loses at most the last flush interval.
//
// Layout: the line "bordersim-checkpoint 1\n"; u64 length + the identity as JSON text;
// then frames of u64 length, u64 FNV-1a checksum, bytes of run/record_codec.h records.
// Native byte order (a resumed run is on the same kind of machine).
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "bordersim/run/record.h"

namespace bordersim {

inline constexpr double kCheckpointFlushSeconds = 2.0;

// What makes two runs the same batch; a checkpoint of another is refused.
struct CheckpointIdentity {
  std::string bordersim_version;
  std::string scenario;  // resolved JSON text (variants, seed and replications included)
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;
  std::uint64_t first = 0;  // the replication range run (a shard's)
  std::uint64_t count = 0;
};

std::string checkpoint_path(const std::string& output);

struct CheckpointContents {
  CheckpointIdentity identity;
  // Per variant index, by replication number.
  std::vector<std::map<std::uint32_t, ReplicationRecord>> records;
  std::size_t record_count = 0;
  std::uint64_t valid_bytes = 0;  // up to the end of the last whole frame
};

// Throws InputError(path, "", ...) for a file that is not a bordersim checkpoint.
CheckpointContents read_checkpoint(const std::string& path, std::size_t variants);

// Throws InputError(path, "/seed" or similar, ...) naming the first difference.
void check_same_batch(const std::string& path, const CheckpointIdentity& found,
                      const CheckpointIdentity& expected);

class CheckpointWriter {
 public:
  // A new checkpoint (replacing any file at `path`) when valid_bytes is 0; otherwise
  // continues one read by read_checkpoint, cutting off a torn last frame first.
  CheckpointWriter(std::string path, const CheckpointIdentity& identity,
                   std::uint64_t valid_bytes = 0);
  ~CheckpointWriter();
  CheckpointWriter(const CheckpointWriter&) = delete;
  CheckpointWriter& operator=(const CheckpointWriter&) = delete;

  // Thread-safe; writes to disk when the last flush is kCheckpointFlushSeconds old.
  void add(std::uint32_t variant, const ReplicationRecord& record);
  // Thread-safe; writes what was added and syncs it to disk. Throws std::runtime_error.
  void flush();
  const std::string& path() const { return path_; }

 private:
  void flush_locked();
  std::string path_;
  int fd_ = -1;
  std::mutex mutex_;
  std::string pending_;
  double last_flush_ = 0.0;
};

}  // namespace bordersim
