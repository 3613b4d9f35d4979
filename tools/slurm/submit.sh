#!/bin/bash
# Submits a bordersim batch to Slurm as a job array of shards plus a dependent merge:
#   tools/slurm/submit.sh SHARDS OUTDIR SCENARIO.json [bordersim run options] [-- sbatch options]
# e.g. 10,000 replications on 50 nodes of 32 cores:
#   tools/slurm/submit.sh 50 results/study scenarios/default.json -n 10000 -q -- \
#       --cpus-per-task=32 --time=02:00:00
# Prints the array's and the merge's job ids; the result is OUTDIR/result.h5, each
# shard's log OUTDIR/shard-<array>_<index>.out. BORDERSIM names the binary (default:
# bordersim on PATH). Run it from the directory the scenario's data paths are relative to.
set -euo pipefail
if (($# < 3)); then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
shards=$1 outdir=$2
shift 2
run_args=() sbatch_args=()
while (($#)); do
  if [[ $1 == -- ]]; then shift; sbatch_args=("$@"); break; fi
  run_args+=("$1")
  shift
done
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
export BORDERSIM=${BORDERSIM:-bordersim}
array=$(sbatch --parsable --export=ALL --array="0-$((shards - 1))" --chdir="$PWD" \
  --output="$outdir/shard-%A_%a.out" "${sbatch_args[@]}" "$here/shard.sbatch" "$outdir" "${run_args[@]}")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --chdir="$PWD" --output="$outdir/merge-%j.out" "$here/merge.sbatch" "$outdir")
merge=${merge%%;*}
echo "shards: job array $array ($shards tasks); merge: job $merge -> $outdir/result.h5"
