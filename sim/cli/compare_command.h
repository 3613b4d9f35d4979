#pragma once
// Private to sim/cli: `bordersim compare OUT.h5 [--baseline NAME] [--metric M ...]`.
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace bordersim::cli {

struct CompareOptions {
  std::string file;
  std::string baseline;              // empty: the first variant
  std::vector<std::string> metrics;  // empty: detection and interception rates
};

CLI::App* add_compare_command(CLI::App& app, CompareOptions& options);

// Paired differences of every variant against the baseline, from the result file alone.
// InputError for a file that is not a result, an unknown variant or an unknown metric.
int compare_command(const CompareOptions& options, std::ostream& out);

}  // namespace bordersim::cli
