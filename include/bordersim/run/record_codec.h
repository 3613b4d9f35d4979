#pragma once
// Replication records as bytes, for the two places they travel between processes or
// outlive one: MPI ranks sending their share to rank 0, and the checkpoint a run keeps
// beside its output. Doubles go as their bits, so a record read back is bit-identical.
// Native byte order: ranks of one job and a resumed run share a machine architecture.
#include <cstdint>
#include <string>
#include <string_view>

#include "bordersim/run/record.h"

namespace bordersim {

// Appends (variant index, record with its crossing records) to `out`.
void encode_record(std::string& out, std::uint32_t variant, const ReplicationRecord& record);

// Reads records back one at a time from bytes written by encode_record.
class RecordDecoder {
 public:
  explicit RecordDecoder(std::string_view bytes) : bytes_(bytes) {}
  bool done() const { return position_ == bytes_.size(); }
  // Throws std::runtime_error when the bytes end inside a record.
  ReplicationRecord next(std::uint32_t& variant);

 private:
  template <class T>
  T read();
  std::string_view bytes_;
  std::size_t position_ = 0;
};

}  // namespace bordersim
