#!/usr/bin/python3
"""Runs one case (or all) of the hostile-input corpus (cases.json) against a bordersim binary.

Each case writes its input into a fresh work folder, runs the binary with a time limit and
an address-space limit, and checks: the exit status (never a signal, unless the case sends
one and expects the process to end by it), the expected `FILE: /pointer: ...` text on
stderr, that no result file is left behind on failure (no temporary OUT.h5.tmp.PID ever;
after bad input, exit 2, no checkpoint either), and that nothing connected to a local TCP
listener the case's input points at (no network).

A case may run commands first ("before": argument lists that must exit 0, e.g. the shards
a merge reads), and may send signals while the result file is being written ("signal":
{"during": NAME_PREFIX, "send": [SIGNALS]}): the process is stopped (SIGSTOP) as soon as a
file of that prefix appears, each signal is sent and the process continued, and it is
stopped again between two signals (after 5 ms, time for the handler of the first) only
while the file still exists. A try in which the write ended before it could be caught is
repeated (up to 8 tries).

usage: run_hostile.py BINARY REPO_DIR WORK_DIR [--case NAME] [--no-address-limit] [--time-factor F]
"""
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ADDRESS_SPACE = 4 << 30  # bytes: a case exhausting memory fails here, not on the machine


def nested(open_text, close_text, depth, inner="1"):
    return open_text * depth + inner + close_text * depth


def make_text(case, ctx):
    """The scenario text of a case: given literally, or generated where it is too big."""
    kind = case.get("make")
    if kind is None:
        return case["text"]
    if kind == "deep_patch":
        return '{"variants": {"v": ' + nested('{"a": ', "}", case["depth"]) + "}}"
    if kind == "deep_array":
        return '{"name": ' + nested("[", "]", case["depth"], "") + "}"
    if kind == "many_sectors":
        n = case["sectors"]
        split = ", ".join(str(10.0 * i / n) for i in range(n + 1))
        return '{"terrain": {"flat": {"length_km": 10, "depth_km": 20}}, "sectors": {"split_along_border_km": [%s]}}' % split
    if kind == "many_jurisdictions":
        names = ", ".join('{"name": "j%d"}' % i for i in range(case["jurisdictions"]))
        return '{"jurisdictions": [%s]}' % names
    if kind == "long_list":
        return '{"response": {"qrf": {"bases_km": [' + ", ".join(["1"] * case["entries"]) + "]}}}"
    if kind == "huge_file":
        return '{"name": "' + "x" * (17 << 20) + '"}'
    raise ValueError("unknown generator " + kind)


def fill(text, ctx):
    for key, value in ctx.items():
        text = text.replace("{" + key + "}", value)
    return text


def limits(fsize, address_limit):
    def apply():
        if address_limit:
            resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    return apply


def time_factor():
    """--time-factor F stretches every case's time limit (sanitizer builds are slower)."""
    if "--time-factor" in sys.argv:
        return float(sys.argv[sys.argv.index("--time-factor") + 1])
    return 1.0


def has_prefix(folder, prefix):
    return any(f.startswith(prefix) for f in os.listdir(folder))


def pending(pid, number):
    """Whether signal `number` is pending for the process (its thread or its group)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            masks = [int(line.split()[1], 16) for line in status
                     if line.startswith(("SigPnd:", "ShdPnd:"))]
    except (OSError, ValueError):
        return False
    return any(mask >> (number - 1) & 1 for mask in masks)


def wait_taken(pid, number, deadline):
    while pending(pid, number) and time.monotonic() < deadline:
        time.sleep(0.001)


def run_signalled(command, work, timeout, preexec, signal_spec):
    """Runs command, signalling it while a file of signal_spec["during"] exists in work.
    Returns (CompletedProcess, caught): caught is False when the process ended before
    every signal could be sent inside the window."""
    prefix = signal_spec["during"]
    names = signal_spec["send"]
    proc = subprocess.Popen(command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, errors="replace", preexec_fn=preexec)
    caught = False
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if has_prefix(work, prefix):
            proc.send_signal(signal.SIGSTOP)
            caught = has_prefix(work, prefix)
            for i, signal_name in enumerate(names):
                if not caught:
                    break
                number = getattr(signal, signal_name)
                proc.send_signal(number)
                proc.send_signal(signal.SIGCONT)
                if i + 1 < len(names):
                    # Two standard signals pending at once are one: wait until the handler
                    # has taken this one before the next (on a loaded machine 5 ms was not
                    # always enough, and the second SIGINT was lost).
                    wait_taken(proc.pid, number, time.monotonic() + 2.0)
                    time.sleep(0.005)
                    proc.send_signal(signal.SIGSTOP)
                    caught = has_prefix(work, prefix)
            proc.send_signal(signal.SIGCONT)
            break
    try:
        out, err = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    return subprocess.CompletedProcess(command, proc.returncode, out, err), caught


def run_case(case, binary, repo, work_root, address_limit):
    tries = 8 if "signal" in case else 1
    for attempt in range(tries):
        problems, caught = run_case_once(case, binary, repo, work_root, address_limit)
        if caught:
            return problems
    return problems + [f"the write ended before the signals could be sent, {tries} times"]


def run_case_once(case, binary, repo, work_root, address_limit):
    name = case["name"]
    work = os.path.join(work_root, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.setblocking(False)
    ctx = {"work": work, "data": os.path.join(repo, "data"), "port": str(listener.getsockname()[1])}
    for file_name, text in case.get("files", {}).items():
        with open(os.path.join(work, file_name), "w") as f:
            f.write(fill(text, ctx))
    scenario = os.path.join(work, "scenario.json")
    if "text" in case or "make" in case:
        with open(scenario, "w") as f:
            f.write(fill(make_text(case, ctx), ctx))
    if case.get("fifo"):
        os.mkfifo(os.path.join(work, case["fifo"]))
    ctx["scenario"] = scenario
    args = [fill(a, ctx) for a in case["args"]]
    timeout = case.get("timeout_s", 30) * time_factor()
    for before in case.get("before", []):
        os.makedirs(os.path.join(work, "parts"), exist_ok=True)
        setup = subprocess.run([binary] + [fill(a, ctx) for a in before], cwd=work, capture_output=True,
                               text=True, errors="replace", timeout=timeout)
        if setup.returncode != 0:
            return [f"setup {before} exit {setup.returncode}: {setup.stderr.strip()[-300:]}"], True
    caught = True
    try:
        if "signal" in case:
            proc, caught = run_signalled([binary] + args, work, timeout,
                                         limits(case.get("fsize"), address_limit), case["signal"])
        else:
            proc = subprocess.run([binary] + args, cwd=work, capture_output=True, text=True, errors="replace",
                                  timeout=timeout, preexec_fn=limits(case.get("fsize"), address_limit))
    except subprocess.TimeoutExpired:
        return [f"hung: no exit within {timeout} s"], True
    problems = []
    if proc.returncode < 0 and proc.returncode != case["exit"]:
        problems.append(f"killed by signal {-proc.returncode}")
    elif proc.returncode != case["exit"]:
        problems.append(f"exit status {proc.returncode}, expected {case['exit']}")
    for wanted in case.get("stderr", []):
        wanted = fill(wanted, ctx)
        if wanted not in proc.stderr:
            problems.append(f"stderr lacks {wanted!r}")
    left = [f for f in os.listdir(work) if ".h5.tmp." in f]
    if case["exit"] != 0:
        left += [f for f in os.listdir(work) if f.endswith(".h5") and f != case.get("fifo")]
    if case["exit"] == 2:  # bad input: nothing to resume either
        left += [f for f in os.listdir(work) if f.endswith(".h5.checkpoint")]
    for wanted in case.get("left", []):  # what a case expects to exist afterwards
        if not os.path.exists(os.path.join(work, wanted)):
            problems.append(f"{wanted} is missing")
    if left:
        problems.append(f"result files left behind: {left}")
    try:
        conn, _ = listener.accept()
        conn.close()
        problems.append("the input made bordersim open a network connection")
    except BlockingIOError:
        pass
    listener.close()
    if problems:
        problems.append("stderr: " + proc.stderr.strip()[-600:])
    return problems, caught


def main():
    binary, repo, work_root = sys.argv[1:4]
    only = sys.argv[sys.argv.index("--case") + 1] if "--case" in sys.argv else None
    with open(os.path.join(HERE, "cases.json")) as f:
        cases = json.load(f)
    selected = [c for c in cases if only is None or c["name"] == only]
    if not selected:
        print(f"no case named {only}")
        return 2
    failed = 0
    for case in selected:
        problems = run_case(case, os.path.abspath(binary), os.path.abspath(repo), os.path.abspath(work_root),
                            "--no-address-limit" not in sys.argv)
        print(("FAIL " if problems else "ok   ") + case["name"] + ": " + case["why"])
        for p in problems:
            print("     " + p)
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
