// The millisecond clock's edges and a replication's event limit (issue 12): a time that
// does not fit is refused by the conversion itself (ClockOverflow), never wrapped; drawn
// delays past the clock's range read as "never"; a replication past
// batch.max_events_per_replication stops as bad input; a SIGINT or SIGTERM that ends the
// process during a write removes the temporary file.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "bordersim/core/error.h"
#include "bordersim/core/simulator.h"
#include "bordersim/core/time.h"
#include "bordersim/io/remove_on_signal.h"
#include "bordersim/run/batch.h"
#include "bordersim/scenario/load.h"

using namespace bordersim;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The hostile corpus's small scenario: 20 km of flat border, two hours.
std::string tiny(const std::string& batch) {
  return R"({"name": "tiny", "duration_h": 2, "terrain": {"flat": {"length_km": 20, "depth_km": 20}},
             "sensors": {"towers": {"along_border": {"spacing_m": 5000}}},
             "threats": {"infiltrators": {"per_day": 24}},
             "response": {"qrf": {"bases_km": [10]}}, "batch": )" +
         batch + "}";
}

}  // namespace

TEST_CASE("seconds_to_time rounds within [0, 2^61 ms] and throws ClockOverflow outside") {
  CHECK(seconds_to_time(0.0) == 0);
  CHECK(seconds_to_time(1.2345) == 1235);  // halves away from zero, as llround did
  CHECK(seconds_to_time(0.0005) == 1);
  CHECK(seconds_to_time(-0.0004) == 0);  // float noise below zero rounds to the start
  CHECK_THROWS_AS(seconds_to_time(-0.0006), ClockOverflow);
  CHECK_THROWS_AS(seconds_to_time(-1.0), ClockOverflow);
  const double last_s = time_to_seconds(kMaxTime);
  CHECK(seconds_to_time(last_s) == kMaxTime);
  CHECK_THROWS_AS(seconds_to_time(std::nextafter(last_s, kInf)), ClockOverflow);
  // What used to wrap: 1e17 s is 1e20 ms, past int64 (llround gave INT64_MIN on x86).
  CHECK_THROWS_AS(seconds_to_time(1e17), ClockOverflow);
  CHECK_THROWS_AS(seconds_to_time(kInf), ClockOverflow);
  CHECK_THROWS_AS(seconds_to_time(std::nan("")), ClockOverflow);
  try {
    seconds_to_time(-5.0);
  } catch (const ClockOverflow& e) {
    CHECK(e.seconds() == -5.0);
    CHECK(std::string(e.what()).find("outside the millisecond clock's range") != std::string::npos);
  }
  // Sums of a few converted times stay below kNever.
  CHECK(kMaxTime <= kNever / 3);
}

TEST_CASE("time_after saturates at kNever for delays past the clock's range") {
  CHECK(time_after(5000, 1.0) == 6000);
  CHECK(time_after(0, time_to_seconds(kMaxTime)) == kMaxTime);
  CHECK(time_after(123, 1e17) == kNever);
  CHECK(time_after(123, kInf) == kNever);
  CHECK_THROWS_AS(time_after(0, std::nan("")), ClockOverflow);
  CHECK_THROWS_AS(time_after(1000, -1.0), ClockOverflow);
}

TEST_CASE("Simulator's event limit: exactly the limit runs, one more due throws") {
  // Three events, one of them scheduled by a handler: all count.
  const auto three = [](Simulator& sim) {
    sim.schedule(10, Phase::kMove, {}, 0, 1);
    sim.schedule(20, Phase::kMove, {}, 0, 2);
  };
  const auto handler = [](Simulator& sim, const Event& e) {
    if (e.data == 1) sim.schedule_in(5, Phase::kMove, {}, 0, 3);
  };
  {
    Simulator sim;
    sim.set_event_limit(3);
    three(sim);
    CHECK(sim.run(handler) == 3);
  }
  {
    Simulator sim;
    sim.set_event_limit(2);
    three(sim);
    try {
      sim.run(handler);
      FAIL("expected EventLimitExceeded");
    } catch (const EventLimitExceeded& e) {
      CHECK(e.limit() == 2);
      CHECK(e.at() == 15);  // the clock at the second event; the third (at 20) not handled
      CHECK(sim.now() == 15);
    }
  }
  {
    // Counted over the simulator's life, not per run_until call.
    Simulator sim;
    sim.set_event_limit(2);
    three(sim);
    CHECK(sim.run_until(15, handler) == 2);
    CHECK_THROWS_AS(sim.run_until(30, handler), EventLimitExceeded);
  }
}

TEST_CASE("a replication past batch.max_events_per_replication is bad input at that key") {
  const BatchResult free =
      run_batch(load_scenario_text(tiny(R"({"replications": 3})"), "t.json"), 1);
  std::uint64_t most = 0;
  for (const auto& r : free.variants[0].replications) most = std::max(most, r.events);
  REQUIRE(most > 10);

  // At the largest count every replication runs, with the same records.
  const std::string at_limit =
      tiny(R"({"replications": 3, "max_events_per_replication": )" + std::to_string(most) + "}");
  const BatchResult limited = run_batch(load_scenario_text(at_limit, "t.json"), 2);
  REQUIRE(limited.variants[0].replications.size() == 3);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(limited.variants[0].replications[i].events == free.variants[0].replications[i].events);

  // One fewer: the batch stops with the key's pointer, the limit and the replication.
  const std::string over = tiny(R"({"replications": 3, "max_events_per_replication": )" +
                                std::to_string(most - 1) + "}");
  for (const int threads : {1, 2}) {
    try {
      run_batch(load_scenario_text(over, "t.json"), threads);
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      CHECK(e.file() == "t.json");
      CHECK(e.pointer() == "/batch/max_events_per_replication");
      CHECK(e.problem().find("limit of " + std::to_string(most - 1) + " events") !=
            std::string::npos);
      CHECK(e.problem().find("of variant 'baseline'") != std::string::npos);
    }
  }
  CHECK_THROWS_AS(load_scenario_text(tiny(R"({"max_events_per_replication": 0})"), "t.json"),
                  InputError);
}

namespace {

// Runs `body` in a child process and returns its wait status. The child starts with the
// default actions for SIGINT and SIGTERM (doctest installs handlers of its own).
template <class Body>
int in_child(Body body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    body();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

std::atomic<int> g_flag_signals{0};
extern "C" void count_signal(int) { ++g_flag_signals; }

}  // namespace

TEST_CASE("RemoveOnSignal: a signal that ends the process removes the file being written") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("bordersim_remove_on_signal_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "out.h5.tmp.1").string();

  // Default action: the file goes and the process ends by the signal.
  for (const int number : {SIGINT, SIGTERM}) {
    std::ofstream(path) << "partial";
    const int status = in_child([&] {
      const RemoveOnSignal guard(path);
      ::raise(number);
      ::_exit(3);  // not reached
    });
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == number);
    CHECK_FALSE(fs::exists(path));
  }

  // A one-shot handler installed before (the CLI's stop flag) gets the first signal and the
  // write goes on; the second ends the process and removes the file.
  std::ofstream(path) << "partial";
  const int status = in_child([&] {
    struct sigaction flag {};
    flag.sa_handler = count_signal;
    sigemptyset(&flag.sa_mask);
    flag.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &flag, nullptr);
    const RemoveOnSignal guard(path);
    ::raise(SIGINT);
    if (g_flag_signals.load() != 1 || !fs::exists(path)) ::_exit(4);
    ::raise(SIGINT);
    ::_exit(5);  // not reached
  });
  CHECK(WIFSIGNALED(status));
  CHECK_FALSE(fs::exists(path));

  // Without a signal the guard leaves the file and restores the previous action.
  std::ofstream(path) << "done";
  struct sigaction before {};
  sigaction(SIGTERM, nullptr, &before);
  { const RemoveOnSignal guard(path); }
  struct sigaction now {};
  sigaction(SIGTERM, nullptr, &now);
  CHECK((now.sa_handler == before.sa_handler));  // (doctest cannot print a function pointer)
  CHECK(fs::exists(path));
  fs::remove_all(dir);
}
