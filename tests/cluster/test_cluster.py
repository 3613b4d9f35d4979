"""Cluster execution, end to end with the real binary: shards merged, a run interrupted
(SIGTERM, then SIGKILL) and resumed, `mpirun -n 3`, and a Slurm job array with a
dependent merge on a single-node Slurm started for the test. Each must give a file
equal, dataset for dataset, to the same batch run in one process.

usage: test_cluster.py {shards,resume,mpi,slurm} BORDERSIM SOURCE_DIR WORK_DIR [MPI_BUILT]
Exit 77 (ctest SKIP_RETURN_CODE) with a message only where the packages a test needs
cannot be installed.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from h5_same import differences  # noqa: E402

SKIP = 77
# A few replications of one variant of the default scenario: small and fast.
BATCH = ["--variant", "towers-only", "-q", "--seed", "11"]


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


def reference(bordersim, work, replications, threads="2"):
    path = os.path.join(work, "one-go.h5")
    result = run([bordersim, "run", *BATCH, "-n", str(replications), "-j", threads, "-o", path])
    check(result.returncode == 0, f"one-process run failed: {result.stderr}")
    return path


def check_same(path, expected, what):
    problems = differences(path, expected)
    check(not problems, f"{what} differs from the one-process run: {problems[:5]}")
    print(f"{what}: same as the one-process run, dataset for dataset")


def ensure_packages(commands, packages):
    """The commands, installing the Debian packages that provide them if missing."""
    if all(shutil.which(c) for c in commands):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env)
    return all(shutil.which(c) for c in commands)


def test_shards(bordersim, work):
    expected = reference(bordersim, work, 10)
    parts = []
    for i in range(3):
        parts.append(os.path.join(work, f"part-{i}.h5"))
        result = run([bordersim, "run", *BATCH, "-n", "10", "-j", "1", "--shard", f"{i}/3", "-o", parts[-1]])
        check(result.returncode == 0, f"shard {i}/3 failed: {result.stderr}")
    merged = os.path.join(work, "merged.h5")
    # In any order on the command line.
    result = run([bordersim, "merge", parts[2], parts[0], parts[1], "-o", merged])
    check(result.returncode == 0, f"merge failed: {result.stderr}")
    check_same(merged, expected, "three shards merged")


def wait_for_frame(checkpoint, process, timeout=60):
    """Until the checkpoint holds a flushed frame of records (it starts with a header)."""
    deadline = time.time() + timeout
    start_size = None
    while time.time() < deadline:
        check(process.poll() is None, "the run ended before it could be interrupted: make it longer")
        if os.path.exists(checkpoint):
            size = os.path.getsize(checkpoint)
            start_size = size if start_size is None else start_size
            if size > start_size:
                return size
        time.sleep(0.1)
    check(False, "no checkpoint frame within a minute")


def test_resume(bordersim, work):
    replications = "1500"
    expected = reference(bordersim, work, replications, threads="1")
    out = os.path.join(work, "resumed.h5")
    checkpoint = out + ".checkpoint"
    command = [bordersim, "run", *BATCH, "-n", replications, "-j", "1", "-o", out]

    # SIGTERM (what Slurm sends at a time limit): checkpoint flushed, exit 143, a hint.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_frame(checkpoint, process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    check(process.returncode == 143, f"SIGTERM: exit {process.returncode}, expected 143: {err}")
    check("--resume" in err, f"SIGTERM: no resume hint in: {err}")
    check(not os.path.exists(out), "SIGTERM left a result file")
    check(not [f for f in os.listdir(work) if ".tmp." in f], "SIGTERM left a temporary file")
    check(os.path.exists(checkpoint), "SIGTERM left no checkpoint")

    # A checkpoint is not silently overwritten, nor continued by another batch.
    again = run(command)
    check(again.returncode == 2 and "--resume" in again.stderr, f"rerun without --resume: {again.stderr}")
    other = run([bordersim, "run", "--variant", "towers-only", "-q", "--seed", "12", "-n", replications,
                 "-j", "1", "-o", out, "--resume"])
    check(other.returncode == 2 and "/seed" in other.stderr, f"another seed resumed: {other.stderr}")
    other = run([bordersim, "run", "--variant", "layered", "-q", "--seed", "11", "-n", replications,
                 "-o", out, "--resume"])
    check(other.returncode == 2 and "/scenario" in other.stderr, f"another scenario resumed: {other.stderr}")

    # Resumed, then killed outright once it has flushed more: a SIGKILL loses at most
    # the last flush interval, and the second resume still ends with the same file.
    process = subprocess.Popen([*command, "--resume"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_frame(checkpoint, process)
    process.kill()
    process.communicate(timeout=60)
    check(not os.path.exists(out), "SIGKILL left a result file")
    result = run([*command, "--resume"])
    check(result.returncode == 0, f"resume after SIGKILL failed: {result.stderr}")
    check("resuming:" in result.stderr, f"the resume did not use the checkpoint: {result.stderr}")
    check(not os.path.exists(checkpoint), "the checkpoint outlived the finished run")
    check_same(out, expected, "a run interrupted by SIGTERM and SIGKILL, resumed twice,")


def test_mpi(bordersim, work, mpi_built):
    if mpi_built != "1":
        print("SKIP: bordersim was built without MPI (install libopenmpi-dev openmpi-bin, e.g. with "
              "tools/setup.sh, and configure again)")
        sys.exit(SKIP)
    if not ensure_packages(["mpirun"], ["openmpi-bin", "libopenmpi-dev"]):
        print("SKIP: mpirun is missing and openmpi-bin could not be installed")
        sys.exit(SKIP)
    expected = reference(bordersim, work, 12)
    out = os.path.join(work, "mpi.h5")
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_rmaps_base_oversubscribe="1")
    # Under the sanitizers: OpenMPI keeps allocations to exit by design (its own leak
    # reports are no bordersim bug); everything else is still checked.
    env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
    result = run(["mpirun", "-n", "3", bordersim, "run", *BATCH, "-n", "12", "-j", "1", "-o", out],
                 env=env, timeout=120)
    check(result.returncode == 0, f"mpirun -n 3 failed: {result.stdout}\n{result.stderr}")
    check(result.stdout.count("wrote ") == 1, f"not rank 0 alone wrote: {result.stdout}")
    check_same(out, expected, "mpirun -n 3")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SLURM_CONF = """\
ClusterName=bordersimtest
SlurmctldHost={host}(127.0.0.1)
SlurmctldPort={ctld_port}
SlurmdPort={slurmd_port}
AuthType=auth/none
CredType=cred/none
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
MailProg=/bin/true
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc={dir}/jobcomp.txt
StateSaveLocation={dir}/state
SlurmdSpoolDir={dir}/spool
SlurmctldPidFile={dir}/slurmctld.pid
SlurmdPidFile={dir}/slurmd.pid
SlurmctldLogFile={dir}/slurmctld.log
SlurmdLogFile={dir}/slurmd.log
ReturnToService=2
NodeName={host} NodeAddr=127.0.0.1 CPUs={cpus} RealMemory=20000
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
"""


def test_slurm(bordersim, work, source_dir):
    if not ensure_packages(["slurmctld", "slurmd", "sbatch"], ["slurmctld", "slurmd", "slurm-client"]):
        print("SKIP: Slurm (slurmctld, slurmd, slurm-client) is missing and could not be installed")
        sys.exit(SKIP)
    expected = reference(bordersim, work, 9)
    slurm_dir = os.path.join(work, "slurm")
    for sub in ("state", "spool"):
        os.makedirs(os.path.join(slurm_dir, sub))
    conf = os.path.join(slurm_dir, "slurm.conf")
    host = socket.gethostname().split(".")[0]
    with open(conf, "w") as f:
        f.write(SLURM_CONF.format(host=host, dir=slurm_dir, cpus=os.cpu_count(), ctld_port=free_port(),
                                  slurmd_port=free_port()))
    env = dict(os.environ, SLURM_CONF=conf, BORDERSIM=bordersim)
    daemons = []
    try:
        # Started here, stopped here: exactly these two processes.
        for daemon in ("slurmctld", "slurmd"):
            log = open(os.path.join(slurm_dir, daemon + ".stdout"), "w")
            daemons.append(subprocess.Popen([daemon, "-D", "-f", conf], env=env, stdout=log, stderr=log))
        deadline = time.time() + 30
        while run(["sinfo", "-h", "-o", "%t"], env=env).stdout.strip() != "idle":
            check(time.time() < deadline, "the Slurm node did not become idle within 30 s")
            time.sleep(0.3)
        outdir = os.path.join(work, "study")
        submit = run([os.path.join(source_dir, "tools", "slurm", "submit.sh"), "3", outdir,
                      *BATCH, "-n", "9", "--", "--cpus-per-task=1"], env=env, cwd=work)
        check(submit.returncode == 0, f"submit.sh failed: {submit.stdout}\n{submit.stderr}")
        print(submit.stdout.strip())
        merge_job = submit.stdout.split("merge: job ")[1].split()[0]
        deadline = time.time() + 120
        state = ""
        while time.time() < deadline:
            shown = run(["scontrol", "show", "job", merge_job], env=env).stdout
            state = shown.split("JobState=")[1].split()[0] if "JobState=" in shown else state
            if state in ("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY"):
                break
            time.sleep(0.5)
        logs = "".join(open(os.path.join(outdir, f)).read() for f in sorted(os.listdir(outdir)) if f.endswith(".out"))
        check(state == "COMPLETED", f"the merge job ended {state or 'never'}:\n{logs}")
        parts = sorted(f for f in os.listdir(outdir) if f.startswith("part-"))
        check(len(parts) == 3, f"expected three parts, found {parts}")
        check_same(os.path.join(outdir, "result.h5"), expected, "a Slurm job array of 3 shards and its merge")
    finally:
        for process in reversed(daemons):
            process.terminate()
        for process in reversed(daemons):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def main():
    mode, bordersim, source_dir, work_root = sys.argv[1:5]
    mpi_built = sys.argv[5] if len(sys.argv) > 5 else "0"
    os.makedirs(work_root, exist_ok=True)
    work = tempfile.mkdtemp(prefix=f"{mode}-", dir=work_root)
    try:
        if mode == "shards":
            test_shards(bordersim, work)
        elif mode == "resume":
            test_resume(bordersim, work)
        elif mode == "mpi":
            test_mpi(bordersim, work, mpi_built)
        elif mode == "slurm":
            test_slurm(bordersim, work, source_dir)
        else:
            sys.exit(f"unknown mode {mode}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
