#pragma once
// MPI for `mpirun -n R bordersim run ...`, where the build found OpenMPI
// (BORDERSIM_HAVE_MPI); without it, or when the process was not started by a launcher,
// there is no session and the run is one process.
//
// Static split, argued: replications of one scenario cost about the same (a few ms to
// seconds, spread by their random crossers, not by rank), and each chunk of the batch
// (run/batch.h) holds about eight tasks per worker of every rank, so a contiguous share
// per rank balances within a task or two per chunk, with two collectives per chunk and
// no master rank sitting idle to hand out work. Dynamic scheduling would pay off for
// heterogeneous nodes; the chunked static split keeps rank 0 a worker, keeps the
// protocol two collectives long, and makes the stopping rule and the checkpoint the same
// code as on one process.
#include <memory>

#include "bordersim/run/rank_group.h"

namespace bordersim {

class MpiSession {
 public:
  // A session when started by mpirun/srun (OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_RANK in
  // the environment) and built with MPI; nullptr otherwise. MPI_Init on creation,
  // MPI_Finalize on destruction.
  static std::unique_ptr<MpiSession> start_if_launched();
  ~MpiSession();
  const RankGroup& ranks() const { return ranks_; }
  // Ends every rank's process: a rank that fails alone would leave the others waiting.
  [[noreturn]] void abort(int status) const;

 private:
  MpiSession();
  RankGroup ranks_;
};

}  // namespace bordersim
