#pragma once
// The `bordersim` command line. In the library, so that tests can drive it in-process.
#include <iosfwd>

namespace bordersim {

// Exit status: 0 success, 1 runtime failure, 2 bad input (scenario, flags, files).
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace bordersim
