#pragma once
// SIGINT and SIGTERM (Ctrl-C; what Slurm sends at a job's time limit) during a batch:
// the handler only sets a flag, which run_batch polls between replications; the run then
// flushes its checkpoint and says how to resume. A second signal of the same kind acts
// as if no handler were installed (the handler resets itself), so a stuck run can still
// be stopped.
#include <atomic>

namespace bordersim {

// Installs the handlers for its lifetime and restores the previous ones after. A signal
// handler can reach only static state; this is the one place that has any, and only one
// guard may exist at a time (the CLI runs one batch per process).
class SignalGuard {
 public:
  SignalGuard();
  ~SignalGuard();
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

  const std::atomic<bool>& stop_flag() const;
  int signal_number() const;  // the signal received; 0: none
};

}  // namespace bordersim
