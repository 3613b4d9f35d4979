#!/usr/bin/python3
"""Reads a sweep's /design table as a researcher would: with h5py, numpy and pandas.

    /usr/bin/python3 tests/python/test_design_table.py BORDERSIM WORK_DIR

Writes a small scenario with a factorial sweep, runs `BORDERSIM sweep -n 3 -j 2`, and
checks /design against README.md and scenarios/README.md: a compound table whose first
column is `variant` (the variant names in batch order) and whose other columns are float64
named by the factors' JSON pointers, attributes `design` and `factors` (JSON), categorical
factors as level indices. Exits 1 on any failure.
"""

import json
import os
import shutil
import subprocess
import sys

import h5py
import numpy as np

SCENARIO = {
    "name": "design-table", "seed": 3, "duration_h": 12,
    "terrain": {"flat": {"length_km": 30, "depth_km": 20}},
    "sensors": {"towers": {"along_border": {"spacing_m": 3000}}},
    "threats": {"infiltrators": {"per_day": 20}},
    "response": {"qrf": {"bases_km": [15], "teams_per_base": 1}},
    "sweep": {"design": "factorial", "factors": [
        {"pointer": "/sensors/towers/along_border/spacing_m", "min": 2000, "max": 4000, "steps": 3},
        {"pointer": "/sectors/handoff", "levels": ["delayed", "joint"]}]},
}


def main():
    binary, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    scenario = os.path.join(work, "sweep.json")
    with open(scenario, "w") as f:
        json.dump(SCENARIO, f)
    out = os.path.join(work, "out.h5")
    subprocess.run([binary, "sweep", scenario, "-n", "3", "-j", "2", "-q", "-o", out], check=True,
                   stdout=subprocess.DEVNULL)
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)

    with h5py.File(out, "r") as h5:
        design = h5["design"]
        names = design.dtype.names
        check(names == ("variant", "/sensors/towers/along_border/spacing_m", "/sectors/handoff"),
              f"columns {names}")
        check(design.dtype["/sectors/handoff"] == np.float64, "factor columns are float64")
        check(design.attrs["design"] == "factorial", "attribute design")
        factors = json.loads(design.attrs["factors"])
        check([f["pointer"] for f in factors] == list(names[1:]), "factors attribute lists the pointers")
        check(factors[1]["levels"] == ["delayed", "joint"], "levels kept")
        rows = design[()]
        variants = [v.decode() for v in rows["variant"]]
        check(variants == list(h5["variants"].attrs["order"]), "one row per variant, in batch order")
        check(sorted(set(rows["/sensors/towers/along_border/spacing_m"])) == [2000.0, 3000.0, 4000.0],
              "spacing values")
        check(sorted(set(rows["/sectors/handoff"])) == [0.0, 1.0], "categorical factor as level index")
        # The response per design point, as a researcher joins it to the design.
        for v in variants:
            check(h5[f"variants/{v}/replications"].shape == (3,), f"{v}: 3 replications")
    try:
        import pandas as pd
        frame = pd.DataFrame(rows)
        check(len(frame) == 6, "pandas reads the design table")
    except ImportError:
        pass
    print("design table: " + ("ok" if not failures else f"{len(failures)} failed"))
    for f in failures:
        print("FAILED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
