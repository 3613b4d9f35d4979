#pragma once
// What every benchmark here measures besides its subject: wall time and peak memory.
#include <sys/resource.h>

#include <chrono>

namespace bordersim::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// The process's peak resident set, MiB (ru_maxrss is KiB on Linux).
inline double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace bordersim::bench
