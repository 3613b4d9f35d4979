#!/usr/bin/python3
"""How replication time grows with crossers, and with towers and drones.

Scales bench/reference-scale.json: crossers (infiltrators' and smugglers' per_day) x1, x2,
x4, x8; towers (spacing / f) and drone stations (f times as many, each over 1/f of the
border) x1, x2, x4. For each, runs `bordersim run -n 1` and `-n N` on one thread and takes
the CPU time (user + system, children) of the N − 1 extra replications, so the model build
drops out and other work on the machine does not count.

  /usr/bin/python3 bench/scaling.py [--bordersim build/release/bordersim] [-n 100]
"""
import argparse
import copy
import json
import os
import resource
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def crossers(base, f):
    s = copy.deepcopy(base)
    for kind in ("infiltrators", "smugglers"):
        s["threats"][kind]["per_day"] *= f
    return s


def sensors(base, f):
    s = copy.deepcopy(base)
    towers = s["sensors"]["towers"]["along_border"]
    towers["spacing_m"] /= f
    towers["offset_m"] /= f
    drones = []
    for d in base["sensors"]["drones"]:
        a, b = d["orbit"]["along_border_km"]
        for i in range(f):
            x = copy.deepcopy(d)
            lo, hi = a + (b - a) * i / f, a + (b - a) * (i + 1) / f
            x["orbit"]["along_border_km"] = [lo, hi]
            x["base_km"] = (lo + hi) / 2
            drones.append(x)
    s["sensors"]["drones"] = drones
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bordersim", default="build/release/bordersim")
    ap.add_argument("-n", type=int, default=100, help="replications of the long run")
    args = ap.parse_args()
    with open(os.path.join(HERE, "reference-scale.json")) as f:
        base = json.load(f)
    cases = [("crossers", f, crossers(base, f)) for f in (1, 2, 4, 8)]
    cases += [("towers+drones", f, sensors(base, f)) for f in (1, 2, 4)]
    print(f"{'scaled':<14} {'x':>2} {'build_s':>8} {'ms/rep':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        first = {}
        for what, f, scenario in cases:
            path = os.path.join(tmp, f"{what}-{f}.json")
            with open(path, "w") as out:
                json.dump(scenario, out)
            run = [args.bordersim, "run", path, "-j", "1", "-q", "-o", os.path.join(tmp, "r.h5")]
            one = cpu_seconds(run + ["-n", "1"])
            many = cpu_seconds(run + ["-n", str(args.n)])
            per_rep = (many - one) / (args.n - 1)
            first.setdefault(what, per_rep)
            print(f"{what:<14} {f:>2} {one:>8.2f} {1e3 * per_rep:>8.2f} {per_rep / first[what]:>6.2f}",
                  flush=True)


if __name__ == "__main__":
    main()
