#!/usr/bin/env bash
# Installs, as root and only when missing, the Debian 12 packages bordersim needs to
# build, test and analyse results. Safe to run again: it does nothing when all is there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ccache
  libboost-dev            # Boost.Random distributions, Boost.Math (t quantiles)
  libeigen3-dev           # small linear algebra (terrain, geometry)
  nlohmann-json3-dev      # scenario files, JSON Merge Patch, JSON pointers
  libhdf5-dev             # result files
  libtbb-dev              # replications on threads
  doctest-dev             # unit tests
  librandom123-dev        # Philox counter-based random streams
  libgdal-dev             # GeoTIFF/GeoJSON terrain and reprojection
  libcli11-dev            # command line
  libfmt-dev              # formatting of tables and messages
  python3 python3-h5py python3-numpy python3-pandas   # tools/ and the Python read-back test
  libopenmpi-dev openmpi-bin   # optional at build time: mpirun -n R bordersim run (tests: cluster.mpi_*)
  slurmctld slurmd slurm-client   # the single-node Slurm the cluster.slurm_* test starts
  python3-matplotlib      # bordersim report --plots (tools/bordersim_py)
  clang-14 libclang-rt-14-dev   # tools/fuzz.sh: libFuzzer and the sanitizer runtimes
  clang-format-14 clang-tidy-14 # tools/lint.sh: the format check CI runs, and clang-tidy
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi
if ((EUID != 0)); then
  echo "tools/setup.sh: missing packages: ${missing[*]}; run as root to install them" >&2
  exit 1
fi
echo "tools/setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
