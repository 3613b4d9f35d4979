#pragma once
// Runs a module of tools/bordersim_py with Debian's /usr/bin/python3, its standard output
// and error forwarded to the given streams (so that tests driving the CLI in-process see
// them). The pictures are drawn by matplotlib there: the Debian package a planner already
// has, with maps, legends and PNG output that would be hundreds of lines to redo in C++.
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace bordersim {

// The interpreter or the package is missing: a runtime failure (exit status 1).
class PythonMissing : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The interpreter: $BORDERSIM_PYTHON, else /usr/bin/python3 (not the `python3` on PATH,
// which may lack Debian's h5py and matplotlib).
std::string python_interpreter();
// The folder holding bordersim_py: $BORDERSIM_PYTHONPATH, else the source tree's tools/.
std::string python_package_dir();

// `python -m MODULE ARGS...` with PYTHONPATH = python_package_dir() and MPLBACKEND=Agg;
// returns its exit status. Throws PythonMissing when the interpreter or package is absent.
int run_python_module(const std::string& module, const std::vector<std::string>& args,
                      std::ostream& out, std::ostream& err);

}  // namespace bordersim
