#include "bordersim/random/stream.h"

namespace bordersim {

Stream::Stream(const StreamKey& key) {
  key_.v[0] = key.seed;
  key_.v[1] = key.replication;
  counter_.v[0] = key.entity.index;
  counter_.v[1] =
      (static_cast<std::uint64_t>(key.entity.kind) << 32) | static_cast<std::uint64_t>(key.purpose);
  counter_.v[2] = 0;  // block index, advanced by refill()
  counter_.v[3] = 0;
}

void Stream::refill() {
  block_ = Philox{}(counter_, key_);
  ++counter_.v[2];
  used_ = 0;
}

}  // namespace bordersim
