#pragma once
// How a batch's work is spread over processes: this process alone (the default), or MPI
// ranks whose collectives run/mpi_ranks.cpp fills in. Every rank calls run_batch with the
// same scenario and options; only rank 0's result holds the records.
#include <functional>
#include <string>
#include <vector>

namespace bordersim {

struct RankGroup {
  int rank = 0;
  int size = 1;
  // Every rank's bytes, in rank order, on rank 0 (other ranks get an empty vector).
  std::function<std::vector<std::string>(const std::string& mine)> gather;
  // Rank 0's bytes on every rank.
  std::function<std::string(const std::string& from_rank0)> broadcast;
};

}  // namespace bordersim
