#include "bordersim/io/checkpoint.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bordersim/core/error.h"
#include "bordersim/run/record_codec.h"

namespace bordersim {
namespace {

constexpr std::string_view kMagic = "bordersim-checkpoint 1\n";

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

void put_u64(std::string& out, std::uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

bool get_u64(std::string_view bytes, std::size_t& at, std::uint64_t& value) {
  if (bytes.size() - at < sizeof value) return false;
  std::memcpy(&value, bytes.data() + at, sizeof value);
  at += sizeof value;
  return true;
}

std::string identity_json(const CheckpointIdentity& id) {
  return nlohmann::json{
      {"bordersim_version", id.bordersim_version}, {"scenario", id.scenario}, {"seed", id.seed},
      {"replications", id.replications},           {"first", id.first},       {"count", id.count}}
      .dump();
}

void write_all(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      throw std::runtime_error("cannot write checkpoint " + path + ": " + std::strerror(errno));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

std::string checkpoint_path(const std::string& output) { return output + ".checkpoint"; }

CheckpointContents read_checkpoint(const std::string& path, std::size_t variants) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open the checkpoint");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string_view view(bytes);
  if (!view.starts_with(kMagic)) throw InputError(path, "", "not a bordersim checkpoint");
  std::size_t at = kMagic.size();
  std::uint64_t length = 0;
  if (!get_u64(view, at, length) || view.size() - at < length)
    throw InputError(path, "", "the checkpoint's header is cut short");
  CheckpointContents contents;
  try {
    const auto j = nlohmann::json::parse(view.substr(at, length));
    contents.identity = {j.at("bordersim_version").get<std::string>(),
                         j.at("scenario").get<std::string>(),
                         j.at("seed").get<std::uint64_t>(),
                         j.at("replications").get<std::uint64_t>(),
                         j.at("first").get<std::uint64_t>(),
                         j.at("count").get<std::uint64_t>()};
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, "", std::string("the checkpoint's header is damaged: ") + e.what());
  }
  at += length;
  contents.records.resize(variants);
  // Whole frames only: a kill during a write leaves a short or mismatched last frame.
  for (;;) {
    contents.valid_bytes = at;
    std::uint64_t size = 0, checksum = 0;
    if (!get_u64(view, at, size) || !get_u64(view, at, checksum) || view.size() - at < size) break;
    const std::string_view frame = view.substr(at, size);
    if (fnv1a(frame) != checksum) break;
    at += size;
    RecordDecoder decoder(frame);
    while (!decoder.done()) {
      std::uint32_t variant = 0;
      ReplicationRecord record = decoder.next(variant);
      if (variant >= variants)
        throw InputError(path, "", "a record names a variant the scenario lacks");
      if (contents.records[variant].emplace(record.replication, std::move(record)).second)
        ++contents.record_count;
    }
  }
  return contents;
}

void check_same_batch(const std::string& path, const CheckpointIdentity& found,
                      const CheckpointIdentity& expected) {
  auto refuse = [&](const char* pointer, const std::string& what) {
    throw InputError(path, pointer, what + "; delete the checkpoint to start afresh");
  };
  if (found.bordersim_version != expected.bordersim_version)
    refuse("/bordersim_version", "the checkpoint was written by bordersim " +
                                     found.bordersim_version + ", this is " +
                                     expected.bordersim_version);
  if (found.seed != expected.seed)
    refuse("/seed", "the checkpoint is of seed " + std::to_string(found.seed) + ", this run's is " +
                        std::to_string(expected.seed));
  if (found.replications != expected.replications)
    refuse("/replications",
           "the checkpoint is of a batch of " + std::to_string(found.replications) +
               " replications, this run asks for " + std::to_string(expected.replications));
  if (found.scenario != expected.scenario)
    refuse("/scenario", "the checkpoint is of another scenario (its resolved text differs)");
  if (found.first != expected.first || found.count != expected.count)
    refuse("/first", "the checkpoint is of another shard (replications " +
                         std::to_string(found.first) + " to " +
                         std::to_string(found.first + found.count - 1) + ")");
}

CheckpointWriter::CheckpointWriter(std::string path, const CheckpointIdentity& identity,
                                   std::uint64_t valid_bytes)
    : path_(std::move(path)), last_flush_(now_s()) {
  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (valid_bytes == 0 ? O_TRUNC : 0);
  fd_ = ::open(path_.c_str(), flags, 0644);
  if (fd_ < 0)
    throw std::runtime_error("cannot open checkpoint " + path_ + ": " + std::strerror(errno));
  if (valid_bytes == 0) {
    std::string header(kMagic);
    const std::string text = identity_json(identity);
    put_u64(header, text.size());
    header += text;
    write_all(fd_, header, path_);
  } else if (::ftruncate(fd_, static_cast<off_t>(valid_bytes)) != 0 ||
             ::lseek(fd_, static_cast<off_t>(valid_bytes), SEEK_SET) < 0) {
    ::close(fd_);
    throw std::runtime_error("cannot continue checkpoint " + path_ + ": " + std::strerror(errno));
  }
  if (::fdatasync(fd_) != 0) {
    ::close(fd_);
    throw std::runtime_error("cannot sync checkpoint " + path_ + ": " + std::strerror(errno));
  }
}

CheckpointWriter::~CheckpointWriter() {
  try {
    flush();
  } catch (...) {  // a destructor must not throw; an explicit flush() reports the problem
  }
  ::close(fd_);
}

void CheckpointWriter::add(std::uint32_t variant, const ReplicationRecord& record) {
  const std::lock_guard lock(mutex_);
  encode_record(pending_, variant, record);
  if (now_s() - last_flush_ >= kCheckpointFlushSeconds) flush_locked();
}

void CheckpointWriter::flush() {
  const std::lock_guard lock(mutex_);
  flush_locked();
}

void CheckpointWriter::flush_locked() {
  last_flush_ = now_s();
  if (pending_.empty()) return;
  std::string frame;
  put_u64(frame, pending_.size());
  put_u64(frame, fnv1a(pending_));
  frame += pending_;
  write_all(fd_, frame, path_);
  if (::fdatasync(fd_) != 0)
    throw std::runtime_error("cannot sync checkpoint " + path_ + ": " + std::strerror(errno));
  pending_.clear();
}

}  // namespace bordersim
