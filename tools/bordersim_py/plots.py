"""`python3 -m bordersim_py.plots OUT.h5 DIR`: every picture of a result file, as PNGs.

Exit status 0; 2 for a file that is not a bordersim result; 3 when matplotlib, h5py or
numpy is missing (the message names the Debian package).
"""

import os
import re
import sys

MISSING = 3


def _import_or_explain():
    missing = []
    for module, package in (("numpy", "python3-numpy"), ("h5py", "python3-h5py"),
                            ("matplotlib", "python3-matplotlib")):
        try:
            __import__(module)
        except ImportError:
            missing.append("%s (Debian package %s)" % (module, package))
    if missing:
        print("bordersim_py: %s cannot draw: missing %s; `bash tools/setup.sh` as root installs "
              "them" % (sys.executable, ", ".join(missing)), file=sys.stderr)
        sys.exit(MISSING)
    import matplotlib
    matplotlib.use("Agg")


def file_name(variant):
    """A variant name as part of a file name: letters, digits, '-', '_' and '.' kept."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", variant)


def draw_all(path, directory):
    """Draws every picture of `path` into `directory`; returns the paths written."""
    import read_results
    from . import charts, map as maps
    results = read_results.load(path)
    written = []
    replications = int(results.attrs.get("replications", 0))
    for variant in results.variant_names:
        layout = read_results.load_layout(path, variant)
        if layout is None or len(layout["border"]) < 2:
            print("bordersim_py: %s: variant %s has no layout (a file written before layouts "
                  "were, or merged from one); no map" % (path, variant), file=sys.stderr)
            continue
        out = os.path.join(directory, "map-%s.png" % file_name(variant))
        reps = len(results.variants[variant]["replications"]) or replications
        maps.draw_map(out, variant, layout, results.variants[variant]["crossings"], reps)
        written.append(out)
    out = os.path.join(directory, "rates.png")
    charts.draw_rates(out, results)
    written.append(out)
    out = os.path.join(directory, "sectors.png")
    charts.draw_sectors(out, results)
    written.append(out)
    design = read_results.load_design(path)
    if design is not None and len(design):
        if not hasattr(design, "columns"):
            import pandas  # noqa: F401  (a sweep's response chart needs pandas)
        out = os.path.join(directory, "sweep-response.png")
        charts.draw_sweep_response(out, results, design)
        written.append(out)
    return written


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python3 -m bordersim_py.plots RESULT.h5 DIR", file=sys.stderr)
        return 2
    _import_or_explain()
    path, directory = argv
    os.makedirs(directory, exist_ok=True)
    try:
        written = draw_all(path, directory)
    except (OSError, ValueError, KeyError) as error:
        print("bordersim_py: %s: %s" % (path, error), file=sys.stderr)
        return 2
    for out in written:
        print("wrote %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
