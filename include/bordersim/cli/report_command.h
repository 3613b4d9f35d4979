#pragma once
// `bordersim report OUT.h5 [--plots DIR]`: the tables `run` printed, from the result file
// alone; with --plots, PNG pictures drawn by tools/bordersim_py (python_tool.h).
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace bordersim {

struct ReportOptions {
  std::string result;     // the result file
  std::string plots_dir;  // empty: no pictures
};

// Registers the subcommand on `app`, filling `options` when parsed.
CLI::App* add_report_command(CLI::App& app, ReportOptions& options);

// Exit status: 0; 2 for a file that is not a readable result (InputError thrown, message
// "FILE: /: problem") or a plots folder that cannot be made; 1 when python3, matplotlib or
// h5py is missing or the drawing fails (PythonMissing or std::runtime_error thrown).
int report_command(const ReportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace bordersim
