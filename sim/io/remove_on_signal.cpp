#include "bordersim/io/remove_on_signal.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <stdexcept>

namespace bordersim {
namespace {

// The handler reads these only while the guard is installed; they are written before the
// handlers are installed and after they are restored.
constexpr std::size_t kMaxPath = 4096;  // PATH_MAX on Linux
char g_path[kMaxPath + 1] = {};
struct sigaction g_previous_int {};
struct sigaction g_previous_term {};
// Set once a one-shot previous handler has had its signal: the next one ends the process.
std::atomic<bool> g_spent_int{false};
std::atomic<bool> g_spent_term{false};
std::atomic<bool> g_installed{false};
static_assert(std::atomic<bool>::is_always_lock_free);

bool is_handler(const struct sigaction& action) {
  return (action.sa_flags & SA_SIGINFO) == 0 && action.sa_handler != SIG_DFL &&
         action.sa_handler != SIG_IGN;
}

// Only async-signal-safe calls: unlink, sigaction, raise.
extern "C" void on_signal(int number) {
  const struct sigaction& previous = number == SIGINT ? g_previous_int : g_previous_term;
  std::atomic<bool>& spent = number == SIGINT ? g_spent_int : g_spent_term;
  if (previous.sa_handler == SIG_IGN && (previous.sa_flags & SA_SIGINFO) == 0) return;
  if (is_handler(previous) && !spent.load()) {
    if (previous.sa_flags & SA_RESETHAND) spent.store(true);
    previous.sa_handler(number);
    return;
  }
  ::unlink(g_path);
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  sigaction(number, &fallback, nullptr);
  raise(number);  // delivered when this handler returns: the process ends by the signal
}

void restore(int number, const struct sigaction& previous, bool spent) {
  if (!spent) {
    sigaction(number, &previous, nullptr);
    return;
  }
  struct sigaction fallback {};  // what the one-shot handler would have left
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  sigaction(number, &fallback, nullptr);
}

}  // namespace

RemoveOnSignal::RemoveOnSignal(const std::string& path) {
  if (path.size() > kMaxPath) throw std::invalid_argument("RemoveOnSignal: path too long");
  if (g_installed.exchange(true)) throw std::logic_error("RemoveOnSignal: one at a time");
  std::memcpy(g_path, path.c_str(), path.size() + 1);
  g_spent_int.store(false);
  g_spent_term.store(false);
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGINT);  // one handler at a time touches the state
  sigaddset(&action.sa_mask, SIGTERM);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
}

RemoveOnSignal::~RemoveOnSignal() {
  restore(SIGINT, g_previous_int, g_spent_int.load());
  restore(SIGTERM, g_previous_term, g_spent_term.load());
  g_installed.store(false);
}

}  // namespace bordersim
