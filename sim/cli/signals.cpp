#include "bordersim/cli/signals.h"

#include <csignal>
#include <stdexcept>

namespace bordersim {
namespace {

// Lock-free atomics are async-signal-safe to store to.
std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
std::atomic<bool> g_installed{false};
struct sigaction g_previous_int {};
struct sigaction g_previous_term {};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int number) {
  g_signal.store(number);
  g_stop.store(true);
}

}  // namespace

SignalGuard::SignalGuard() {
  if (g_installed.exchange(true)) throw std::logic_error("SignalGuard: one at a time");
  g_stop.store(false);
  g_signal.store(0);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
}

SignalGuard::~SignalGuard() {
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  g_installed.store(false);
}

const std::atomic<bool>& SignalGuard::stop_flag() const { return g_stop; }
int SignalGuard::signal_number() const { return g_signal.load(); }

}  // namespace bordersim
