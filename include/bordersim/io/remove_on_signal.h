#pragma once
// A file being written (the result file's OUT.h5.tmp.PID) removed when SIGINT or SIGTERM
// ends the process meanwhile: a Ctrl-C or a job scheduler's SIGTERM during the write no
// longer leaves the temporary file behind.
//
// While a RemoveOnSignal lives, a SIGINT or SIGTERM whose action was the default (ending
// the process) first unlinks the file, then ends the process by the same signal. A handler
// installed before (the CLI's SignalGuard, which only sets a stop flag) is called instead,
// as before, and the write goes on to its end; if that handler was one-shot (SA_RESETHAND),
// the next signal of its kind removes the file and ends the process. Ignored signals stay
// ignored. Like SignalGuard this needs static state (a signal handler reaches nothing
// else), so only one may exist at a time; a second throws std::logic_error.
#include <string>

namespace bordersim {

class RemoveOnSignal {
 public:
  explicit RemoveOnSignal(const std::string& path);
  ~RemoveOnSignal();
  RemoveOnSignal(const RemoveOnSignal&) = delete;
  RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;
};

}  // namespace bordersim
