#pragma once
// `bordersim merge`: shards of one batch (run --shard I/N) back into the batch. The parts
// must agree on version, resolved scenario, seed and replication count and together hold
// every replication exactly once. The models are rebuilt from the parts' resolved
// scenario by the same code as `run` (prepare_batch), so that write_result_file derives
// the summary (and whatever else it derives from model and records) exactly as for the
// batch run in one go: nothing is averaged across parts.
#include <string>
#include <vector>

#include "bordersim/run/batch.h"

namespace bordersim {

struct MergedBatch {
  BatchResult batch;
  std::string scenario;  // the resolved scenario text, for write_result_file
};

// Throws InputError(PART, /pointer, problem) naming the part and what is wrong with it.
// Run it where the run ran: data files the scenario names are found as it names them.
MergedBatch merge_result_files(const std::vector<std::string>& parts);

}  // namespace bordersim
