#!/usr/bin/python3
"""Includes run one way: a library directory may include its own headers and those of the
directories below it, never one above. Data flows Scenario -> Model -> World -> Record ->
Result -> file, and the layers follow it, lowest first:

    random, core, terrain, sensors, study, scenario, routes  (the ground and the keys)
    model    the vocabulary of kinds and sectors (bordersim/model/)
    movers   who crosses, where and when
    stats    estimators: intervals, ratio differences, seams
    run      Model, records, batches; one replication's shared state (sim/run/replica.h)
             and its tracer (sim/run/tracer.h), which every component below reaches
    c2       command and control, as components of one replication: the command post
             (sim/c2/command_post.h: reports, tracks, classification, the waiting queue,
             dispatch, interception, prediction and search, assessment) and the responder
             pool (sim/c2/responder_pool.h: who may be sent, from where, how fast, lower
             bounds on a drive); c2/search.h and c2/intercept.h, the geometry they use.
             (The closed forms the tests check them against are tests/theory/.)
    world    one replication: World (sim/world/world.h) assembles the components, routes the
             events and runs them; the crossers' and the sensing components
    results  what a batch's records mean (summary)
    io, cli  files and the command line

run/replication.h declares one replication; sim/world/ defines it (World is built there
only). A component calls one in a layer above it only through run/replica.h's Upcalls,
which World implements; World calls down into c2's components (the sensing reports to the
post through World::detect, which forwards to CommandPost::detect).

Checks every "bordersim/<dir>/..." include, and every private "../<dir>/..." one, of
sim/<dir>/ and include/bordersim/<dir>/ (tests, bench and sim/main.cpp may include anything). Prints each include that runs back up and
exits 1 if there is one; a directory missing from LAYERS is an error too, so a new one
must be placed. Usage: check_layers.py [repository root]
"""
import pathlib
import re
import sys

LAYERS = [
    "random", "core", "terrain", "sensors", "study", "scenario", "routes", "model", "movers",
    "stats", "run", "c2", "world", "results", "io", "cli",
]
RANK = {name: rank for rank, name in enumerate(LAYERS)}
INCLUDE = re.compile(r'^\s*#\s*include\s+"(?:bordersim|\.\.)/([a-z0-9_]+)/', re.MULTILINE)


def layer_of(path: pathlib.Path, root: pathlib.Path):
    parts = path.relative_to(root).parts
    if parts[0] == "sim" and len(parts) > 2:
        return parts[1]
    if parts[:2] == ("include", "bordersim") and len(parts) > 3:
        return parts[2]
    return None  # sim/main.cpp, include/bordersim/version.h.in: the top, or no layer


def violations(root: pathlib.Path):
    found = []
    files = [p for base in ("sim", "include/bordersim") for p in (root / base).rglob("*")
             if p.suffix in (".h", ".cpp", ".in") and p.is_file()]
    for path in sorted(files):
        layer = layer_of(path, root)
        if layer is None:
            continue
        if layer not in RANK:
            found.append(f"{path.relative_to(root)}: directory '{layer}' has no layer in "
                         f"tools/check_layers.py")
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in INCLUDE.finditer(text):
            target = match.group(1)
            line = text.count("\n", 0, match.start()) + 1
            if target not in RANK:
                found.append(f"{path.relative_to(root)}:{line}: includes {target}/, "
                             f"which has no layer in tools/check_layers.py")
            elif RANK[target] > RANK[layer]:
                found.append(f"{path.relative_to(root)}:{line}: {layer}/ includes "
                             f"{target}/, a layer above it")
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    if not (root / "sim").is_dir():
        print(f"check_layers: {root} has no sim/ directory", file=sys.stderr)
        return 2
    found = violations(root)
    for line in found:
        print(line)
    if found:
        print(f"check_layers: {len(found)} include(s) run back up (layers, lowest first: "
              f"{', '.join(LAYERS)})")
        return 1
    print(f"check_layers: includes run one way ({', '.join(LAYERS)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
