#include "bordersim/cli/progress.h"

#include <fmt/format.h>

#include <ostream>

namespace bordersim {

ProgressPrinter::ProgressPrinter(std::ostream& out, bool terminal)
    : out_(out), terminal_(terminal) {}

void ProgressPrinter::update(std::size_t completed, std::size_t total) {
  const auto interval = terminal_ ? std::chrono::milliseconds(100) : std::chrono::seconds(5);
  const std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  if (completed != total && now - last_print_ < interval) return;
  last_print_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const std::size_t run_here = completed > already_done_ ? completed - already_done_ : 0;
  const double rate = elapsed > 0 ? static_cast<double>(run_here) / elapsed : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total - completed) / rate : 0.0;
  const double fraction = total ? static_cast<double>(completed) / static_cast<double>(total) : 1.0;
  if (terminal_) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    out_ << fmt::format("\r[{:<{}}] {:5.1f}%  {}/{} replications  {:.1f}/s  ETA {:.0f} s ",
                        std::string(static_cast<std::size_t>(filled), '#'), kWidth, 100 * fraction,
                        completed, total, rate, eta)
         << std::flush;
    drew_ = true;
  } else {
    out_ << fmt::format("progress: {}/{} replications ({:.1f}%), {:.1f}/s, ETA {:.0f} s\n",
                        completed, total, 100 * fraction, rate, eta)
         << std::flush;
  }
}

void ProgressPrinter::finish() {
  const std::lock_guard lock(mutex_);
  if (drew_) out_ << "\n" << std::flush;
}

}  // namespace bordersim
