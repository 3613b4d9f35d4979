#include "bordersim/cli/python_tool.h"

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>

extern char** environ;

namespace bordersim {
namespace {

std::string from_env(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

// Closes both ends of a pipe on scope exit unless released.
struct Pipe {
  std::array<int, 2> fd{-1, -1};
  Pipe() {
    if (::pipe(fd.data()) != 0)
      throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) ::close(f);
  }
  void close_write() {
    ::close(fd[1]);
    fd[1] = -1;
  }
};

// Copies the child's stdout and stderr to `out` and `err` until both close.
void forward(Pipe& stdout_pipe, Pipe& stderr_pipe, std::ostream& out, std::ostream& err) {
  std::array<pollfd, 2> fds{pollfd{stdout_pipe.fd[0], POLLIN, 0},
                            pollfd{stderr_pipe.fd[0], POLLIN, 0}};
  std::array<std::ostream*, 2> sinks{&out, &err};
  int open = 2;
  std::array<char, 4096> buffer{};
  while (open > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n > 0) {
        sinks[i]->write(buffer.data(), n);
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;  // closed (or broken): stop polling it
        --open;
      }
    }
  }
  out.flush();
  err.flush();
}

}  // namespace

std::string python_interpreter() { return from_env("BORDERSIM_PYTHON", "/usr/bin/python3"); }

std::string python_package_dir() {
  return from_env("BORDERSIM_PYTHONPATH", BORDERSIM_SOURCE_DIR "/tools");
}

int run_python_module(const std::string& module, const std::vector<std::string>& args,
                      std::ostream& out, std::ostream& err) {
  const std::string python = python_interpreter();
  if (::access(python.c_str(), X_OK) != 0)
    throw PythonMissing(python +
                        " not found: the pictures need Debian's python3 with "
                        "python3-matplotlib, python3-h5py and python3-numpy (tools/setup.sh "
                        "installs them; BORDERSIM_PYTHON names another interpreter)");
  const std::string package = python_package_dir();
  if (!std::filesystem::is_directory(std::filesystem::path(package) / "bordersim_py"))
    throw PythonMissing("no bordersim_py package in " + package +
                        " (BORDERSIM_PYTHONPATH names the folder holding it)");

  // The child's environment: ours with PYTHONPATH and MPLBACKEND set.
  std::vector<std::string> env_text;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    if (entry.starts_with("PYTHONPATH=") || entry.starts_with("MPLBACKEND=")) continue;
    env_text.push_back(entry);
  }
  env_text.push_back("PYTHONPATH=" + package);
  env_text.push_back("MPLBACKEND=Agg");
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_text{python, "-m", module};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  Pipe stdout_pipe, stderr_pipe;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, stdout_pipe.fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, stderr_pipe.fd[1], STDERR_FILENO);
  for (Pipe* p : {&stdout_pipe, &stderr_pipe}) {
    posix_spawn_file_actions_addclose(&actions, p->fd[0]);
    posix_spawn_file_actions_addclose(&actions, p->fd[1]);
  }
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, python.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw PythonMissing("cannot start " + python + ": " + std::strerror(spawned));
  stdout_pipe.close_write();
  stderr_pipe.close_write();
  forward(stdout_pipe, stderr_pipe, out, err);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace bordersim
