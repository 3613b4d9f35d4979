#pragma once
// Private to sim/cli: `bordersim explain OUT.h5 [--variant V] (--crossing R:C | --worst K)`.
#include <cstddef>
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace bordersim::cli {

struct ExplainOptions {
  std::string file;
  std::string variant;   // empty: the first
  std::string crossing;  // "R:C": replication R, crosser C
  std::size_t worst = 0;
};

CLI::App* add_explain_command(CLI::App& app, ExplainOptions& options);

// The story of one traced crossing, or the K traced crossings that came closest to being
// intercepted and were not, from the result file alone (its trace, run --trace N).
// InputError for a file without a trace, an unknown variant, a crossing out of range.
int explain_command(const ExplainOptions& options, std::ostream& out);

}  // namespace bordersim::cli
