#pragma once
// Batch progress for people: a bar redrawn in place on a terminal, plain lines at most
// every few seconds otherwise (logs of batch jobs).
#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <mutex>

namespace bordersim {

class ProgressPrinter {
 public:
  ProgressPrinter(std::ostream& out, bool terminal);
  // Thread-safe; called after each replication.
  void update(std::size_t completed, std::size_t total);
  void finish();
  // Replications done before this run (taken from a checkpoint): not counted in the rate.
  void set_already_done(std::size_t done) { already_done_ = done; }

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& out_;
  const bool terminal_;
  std::mutex mutex_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_print_{};
  bool drew_ = false;
  std::size_t already_done_ = 0;
};

}  // namespace bordersim
