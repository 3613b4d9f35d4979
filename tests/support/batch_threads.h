#pragma once
// Batch options that set only the thread count (a designated initializer would leave the
// other members to -Wmissing-field-initializers, an error in CI).
#include "bordersim/run/batch.h"

namespace bordersim::testing {

inline BatchOptions on_threads(int threads) {
  BatchOptions options;
  options.threads = threads;
  return options;
}

}  // namespace bordersim::testing
