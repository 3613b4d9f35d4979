#pragma once
// Private to sim/io: owning wrappers for HDF5 ids, and HDF5 failures as exceptions that
// carry HDF5's own explanation (its error stack), not a bare "-1".
#include <hdf5.h>

#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bordersim::hdf5 {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The current error stack in a line, outermost (the API call) and innermost (where the
// problem was found: usually the useful part, e.g. "errno = 2, ... No such file or
// directory"), then cleared.
inline std::string error_detail() {
  std::vector<std::string> messages;
  auto collect = [](unsigned, const H5E_error2_t* error, void* data) -> herr_t {
    auto* out = static_cast<std::vector<std::string>*>(data);
    out->emplace_back(error->desc != nullptr && *error->desc != '\0' ? error->desc
                                                                     : error->func_name);
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect, &messages);
  H5Eclear2(H5E_DEFAULT);
  if (messages.empty()) return "unknown HDF5 error";
  if (messages.size() == 1) return messages.front();
  return messages.front() + " (" + messages.back() + ")";
}

[[noreturn]] inline void fail(const std::string& what) {
  throw Error(what + ": " + error_detail());
}

inline void check(herr_t status, const std::string& what) {
  if (status < 0) fail(what);
}

// Owns one id and closes it with the matching H5?close.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  Handle(Handle&& other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
      closer_ = other.closer_;
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }

  hid_t get() const { return id_; }

  // Closes now and says whether that worked: closing a file is when HDF5 writes its last
  // buffers, so a writer must check it rather than leave it to the destructor.
  herr_t close() {
    const herr_t status = id_ >= 0 && closer_ != nullptr ? closer_(id_) : 0;
    id_ = H5I_INVALID_HID;
    return status;
  }

 private:
  void reset() {
    if (id_ >= 0 && closer_ != nullptr) closer_(id_);  // errors here are already reported
    id_ = H5I_INVALID_HID;
  }
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

// Wraps an id returned by HDF5, throwing with `what` and HDF5's reason if it is invalid.
inline Handle checked(hid_t id, Handle::Closer closer, const std::string& what) {
  if (id < 0) fail(what);
  return Handle(id, closer);
}

// HDF5 prints its error stack on stderr by default; bordersim reports errors as exceptions
// instead. The previous handler comes back afterwards, for other HDF5 users in the process.
class QuietErrors {
 public:
  QuietErrors() {
    H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietErrors() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
};

// HDF5 is only safe from several threads when built with its thread-safety option (Debian
// 12's is; others are not), and even then it runs one call at a time. One lock around
// every bordersim entry point that touches HDF5 keeps us correct on any build, at no cost.
inline std::mutex& library_mutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace bordersim::hdf5
