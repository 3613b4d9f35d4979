#include "bordersim/run/mpi_ranks.h"

#include <cstdlib>

#ifdef BORDERSIM_HAVE_MPI
#include <mpi.h>

#include <climits>
#include <stdexcept>
#endif

namespace bordersim {

#ifdef BORDERSIM_HAVE_MPI
namespace {

int as_int(std::size_t size) {
  if (size > static_cast<std::size_t>(INT_MAX)) throw std::runtime_error("MPI message over 2 GiB");
  return static_cast<int>(size);
}

std::vector<std::string> gather(const std::string& mine, int rank, int size) {
  int length = as_int(mine.size());
  std::vector<int> lengths(static_cast<std::size_t>(size));
  MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(static_cast<std::size_t>(size), 0);
  std::size_t total = 0;
  for (std::size_t r = 0; r < lengths.size(); ++r) {
    offsets[r] = as_int(total);
    total += static_cast<std::size_t>(lengths[r]);
  }
  std::string all(rank == 0 ? total : 0, '\0');
  MPI_Gatherv(mine.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR,
              0, MPI_COMM_WORLD);
  std::vector<std::string> parts;
  if (rank != 0) return parts;
  for (std::size_t r = 0; r < lengths.size(); ++r)
    parts.push_back(
        all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(lengths[r])));
  return parts;
}

std::string broadcast(const std::string& from_root, int rank) {
  unsigned long long length = from_root.size();
  MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  std::string bytes = rank == 0 ? from_root : std::string(length, '\0');
  MPI_Bcast(bytes.data(), as_int(bytes.size()), MPI_CHAR, 0, MPI_COMM_WORLD);
  return bytes;
}

}  // namespace

MpiSession::MpiSession() {
  int provided = 0;
  // Only the thread that called run_batch talks to MPI; TBB's workers never do.
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &ranks_.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks_.size);
  const int rank = ranks_.rank, size = ranks_.size;
  ranks_.gather = [rank, size](const std::string& mine) { return gather(mine, rank, size); };
  ranks_.broadcast = [rank](const std::string& bytes) { return broadcast(bytes, rank); };
}

MpiSession::~MpiSession() { MPI_Finalize(); }

void MpiSession::abort(int status) const {
  MPI_Abort(MPI_COMM_WORLD, status);
  std::_Exit(status);
}

std::unique_ptr<MpiSession> MpiSession::start_if_launched() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"}) {
    if (std::getenv(variable)) return std::unique_ptr<MpiSession>(new MpiSession());
  }
  return nullptr;
}

#else

MpiSession::MpiSession() = default;
MpiSession::~MpiSession() = default;
void MpiSession::abort(int status) const { std::_Exit(status); }
std::unique_ptr<MpiSession> MpiSession::start_if_launched() { return nullptr; }

#endif

}  // namespace bordersim
