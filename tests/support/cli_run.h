#pragma once
// Running the CLI in-process, as a user would from the shell: arguments in, exit status
// and both output streams out. And a fresh scratch directory per test.
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "bordersim/cli/cli.h"

namespace bordersim::testing {

struct CliRun {
  int status;
  std::string out;
  std::string err;
};

// `args` without the program name: cli({"run", "-n", "2"}).
inline CliRun cli(std::vector<std::string> args) {
  args.insert(args.begin(), "bordersim");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int status = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {status, out.str(), err.str()};
}

// A fresh, empty directory bordersim-<suite>-<name>-<pid> under the system's temporary one
// (left behind, for a failing test to be looked at).
inline std::filesystem::path scratch_dir(const std::string& suite, const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("bordersim-" + suite + "-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace bordersim::testing
