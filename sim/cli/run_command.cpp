#include "bordersim/cli/run_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <memory>
#include <ostream>

#include "bordersim/cli/progress.h"
#include "bordersim/cli/signals.h"
#include "bordersim/core/error.h"
#include "bordersim/io/checkpoint.h"
#include "bordersim/io/console_table.h"
#include "bordersim/io/result_file.h"
#include "bordersim/run/batch.h"
#include "bordersim/run/memory_estimate.h"
#include "bordersim/run/mpi_ranks.h"
#include "bordersim/version.h"

namespace bordersim {
namespace {

namespace fs = std::filesystem;

struct NullBuffer : std::streambuf {
  int overflow(int c) override { return c; }
};

ReplicationRange range_of(const LoadedScenario& scenario, const RunOptions& options) {
  const auto replications = static_cast<std::size_t>(scenario.base.batch.replications);
  if (!options.shard) return {0, replications};
  const auto [index, count] = *options.shard;
  if (count == 0 || index >= count)
    throw InputError("--shard", "",
                     fmt::format("{}/{}: expected I/N with 0 <= I < N", index, count));
  if (count > replications)
    throw InputError(
        "--shard", "",
        fmt::format("{} shards of {} replications: some would be empty", count, replications));
  if (scenario.base.batch.stop_when_halfwidth)
    throw InputError(
        scenario.file, "/batch/stop_when_halfwidth",
        "sequential stopping decides on the replications in order and cannot be split into "
        "shards (use MPI ranks, or drop the key)");
  return shard_range(replications, index, count);
}

// Rank 0's side of the checkpoint: what an interrupted run left (with --resume), and the
// writer that records this run's replications as they complete.
struct Checkpoint {
  std::vector<std::map<std::uint32_t, ReplicationRecord>> resumed;
  std::size_t resumed_count = 0;
  std::unique_ptr<CheckpointWriter> writer;
};

Checkpoint open_checkpoint(const std::string& path, const CheckpointIdentity& identity,
                           std::size_t variants, bool resume, std::ostream& err) {
  Checkpoint checkpoint;
  std::uint64_t valid_bytes = 0;
  if (fs::exists(path)) {
    if (!resume)
      throw InputError(
          path, "",
          "an interrupted run's checkpoint is here: add --resume to continue it, or delete it");
    CheckpointContents contents = read_checkpoint(path, variants);
    check_same_batch(path, contents.identity, identity);
    checkpoint.resumed = std::move(contents.records);
    checkpoint.resumed_count = contents.record_count;
    valid_bytes = contents.valid_bytes;
    err << fmt::format("resuming: {} replications from {}\n", contents.record_count, path);
  } else if (resume) {
    err << fmt::format("no checkpoint at {}: starting from the first replication\n", path);
  }
  checkpoint.resumed.resize(variants);
  checkpoint.writer = std::make_unique<CheckpointWriter>(path, identity, valid_bytes);
  return checkpoint;
}

// The writer adds ".tmp.PID" or ".checkpoint" (up to 15 bytes) to the file's name.
constexpr std::size_t kSuffixBytes = 15;

bool name_fits(const fs::path& path) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const long name_max = ::pathconf(dir.c_str(), _PC_NAME_MAX);
  const std::size_t limit = name_max > 0 ? static_cast<std::size_t>(name_max) : 255;
  return path.filename().string().size() + kSuffixBytes <= limit;
}

}  // namespace

std::string default_output(const std::string& name) {
  std::string file;
  for (char c : name)
    file += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
  return (file.empty() ? "results" : file) + ".h5";
}

void check_output_path(const std::string& output) {
  const fs::path path(output);
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;  // the non-throwing calls: a name too long must be bad input, not exit 1
  if (!fs::is_directory(dir, ec))
    throw InputError(output, "", "the output directory does not exist");
  if (!name_fits(path))
    throw InputError(output, "", "the file name is longer than the file system allows");
  if (fs::is_directory(path, ec)) throw InputError(output, "", "is a directory, not a file name");
  // A device, FIFO or socket would take the rename's place or block the writer.
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec))
    throw InputError(output, "", "exists and is not a regular file");
  if (access(dir.c_str(), W_OK) != 0)
    throw InputError(output, "", "the output directory is not writable");
}

int run_loaded_scenario(const LoadedScenario& scenario, const RunOptions& options,
                        std::ostream& out_stream, std::ostream& err_stream) {
  const std::string output =
      options.output.empty() ? default_output(scenario.base.name) : options.output;
  if (options.output.empty() && !name_fits(output))
    throw InputError(scenario.file, "/name",
                     "the result file named after it is longer than the file system allows; "
                     "shorten it or give -o");
  check_output_path(output);
  check_memory_budget(estimate_memory(scenario, options.threads), options.max_memory,
                      scenario.file);
  const ReplicationRange range = range_of(scenario, options);
  const std::string resolved = scenario.resolved.dump(2);

  // Under mpirun every rank runs this; rank 0 alone speaks, keeps the checkpoint, writes.
  const std::unique_ptr<MpiSession> mpi = MpiSession::start_if_launched();
  const RankGroup* ranks = mpi && mpi->ranks().size > 1 ? &mpi->ranks() : nullptr;
  const bool root = !ranks || ranks->rank == 0;
  NullBuffer null_buffer;
  std::ostream null_stream(&null_buffer);
  std::ostream& out = root ? out_stream : null_stream;
  std::ostream& err = root ? err_stream : null_stream;
  if (options.trace > 0 && options.resume)
    throw InputError("--trace", "",
                     "cannot be combined with --resume: the checkpoint does not keep traces "
                     "(run the traced replications again without --resume)");
  if (options.trace > 0 && ranks)
    throw InputError("--trace", "",
                     "is not supported under MPI ranks: traces are not sent between ranks "
                     "(run the traced replications in one process)");

  try {
    const CheckpointIdentity identity{
        kVersion,           resolved,
        scenario.base.seed, static_cast<std::uint64_t>(scenario.base.batch.replications),
        range.first,        range.count};
    const std::string checkpoint_file = checkpoint_path(output);
    Checkpoint checkpoint;
    std::string refused;  // rank 0's bad-input message, shared so that every rank stops
    if (root) {
      try {
        checkpoint = open_checkpoint(checkpoint_file, identity, scenario.variants.size(),
                                     options.resume, err);
      } catch (const InputError& e) {
        if (!ranks) throw;
        refused = e.what();
      }
    }
    if (ranks) refused = ranks->broadcast(refused);
    if (!refused.empty()) {
      err << refused << "\n";
      return 2;
    }

    const auto started = std::chrono::steady_clock::now();
    const bool terminal = &err_stream == &std::cerr && isatty(STDERR_FILENO);
    ProgressPrinter progress(err, terminal);
    progress.set_already_done(checkpoint.resumed_count);
    SignalGuard signals;
    BatchOptions batch_options;
    batch_options.threads = options.threads;
    batch_options.range = range;
    batch_options.ranks = ranks;
    batch_options.trace_replications = options.trace;
    batch_options.cancel = &signals.stop_flag();
    if (root) {
      if (!options.quiet)
        batch_options.progress = [&](std::size_t done, std::size_t total) {
          progress.update(done, total);
        };
      batch_options.resumed = &checkpoint.resumed;
      batch_options.on_record = [&](std::uint32_t variant, const ReplicationRecord& record) {
        checkpoint.writer->add(variant, record);
      };
    }

    BatchResult batch;
    try {
      batch = run_batch(scenario, batch_options);
    } catch (const BatchInterrupted&) {
      progress.finish();
      const int number = signals.signal_number() ? signals.signal_number() : SIGINT;
      if (root) {
        // Under MPI the command this process saw lacks the launcher that started it.
        const std::string launcher = ranks ? fmt::format("mpirun -n {} ", ranks->size) : "";
        checkpoint.writer->flush();
        std::error_code ignored;
        fs::remove(output + ".tmp." + std::to_string(::getpid()), ignored);
        err << fmt::format("interrupted by {}: completed replications are saved in {}\n",
                           number == SIGTERM ? "SIGTERM" : "SIGINT", checkpoint_file);
        err << "resume with the same command and --resume"
            << (options.command_line.empty() ? std::string()
                                             : ":\n  " + launcher + options.command_line +
                                                   (options.resume ? "" : " --resume"))
            << "\n";
      }
      return 128 + number;
    } catch (const InputError&) {
      // The scenario must change (a replication ran past its event limit), and a changed
      // scenario cannot resume this checkpoint: one this run started goes, so that exit 2
      // leaves nothing behind. One an earlier run left is kept (its work is not ours to drop).
      progress.finish();
      if (root && !options.resume) {
        checkpoint.writer.reset();
        std::error_code ignored;
        fs::remove(checkpoint_file, ignored);
      }
      throw;
    }
    progress.finish();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!root) return 0;

    checkpoint.writer->flush();
    print_results(out, batch);
    write_result_file(output, batch, resolved);
    checkpoint.writer.reset();
    fs::remove(checkpoint_file);
    const std::size_t runs = batch.held.count * batch.variants.size();
    std::string held = batch.held.count == batch.replications
                           ? fmt::format("{} replications", batch.replications)
                           : fmt::format("replications {} to {} of {}", batch.held.first,
                                         batch.held.end() - 1, batch.replications);
    if (batch.stop_reason == kStopHalfwidth)
      held += fmt::format(", stopped: every interval narrower than {}",
                          *scenario.base.batch.stop_when_halfwidth);
    out << fmt::format(
        "\nwrote {} ({} variants x {}, seed {}) in {:.2f} s, {:.1f} replications/s\n", output,
        batch.variants.size(), held, batch.seed, seconds,
        static_cast<double>(runs - std::min(runs, checkpoint.resumed_count)) / seconds);
    return 0;
  } catch (const std::exception& e) {
    // One rank failing alone would leave the others waiting in a collective.
    if (ranks) {
      err_stream << "bordersim: rank " << ranks->rank << ": " << e.what() << "\n";
      mpi->abort(dynamic_cast<const InputError*>(&e) ? 2 : 1);
    }
    throw;
  }
}

// "2/50" -> {2, 50}.
std::pair<std::size_t, std::size_t> parse_shard(const std::string& text) {
  std::size_t index = 0, count = 0;
  const char* end = text.data() + text.size();
  auto [slash, e1] = std::from_chars(text.data(), end, index);
  if (e1 == std::errc() && slash != end && *slash == '/') {
    auto [last, e2] = std::from_chars(slash + 1, end, count);
    if (e2 == std::errc() && last == end) return {index, count};
  }
  throw InputError("--shard", "", "'" + text + "': expected I/N, shard I (0-based) of N");
}

}  // namespace bordersim
