#!/usr/bin/python3
"""Load a bordersim result file (HDF5) into pandas DataFrames, or numpy arrays without pandas.

Uses only numpy, h5py and (optionally) pandas, as Debian packages them
(python3-numpy, python3-h5py, python3-pandas). As a module:

    import read_results
    results = read_results.load("out.h5")
    results.attrs["seed"], results.variant_names
    df = results.variants["layered"]["crossings"]   # DataFrame, or numpy structured array
    story = results.variants["layered"].get("trace")  # run --trace N: the crossings' stories
    print(read_results.summary_text(results))
    layout = read_results.load_layout("out.h5", "layered")     # the map: border, towers, ...
    rasters = read_results.load_rasters("out.h5", "layered")   # {"crossings": (counts, attrs)}
    design = read_results.load_design("out.h5")                # a sweep's /design, or None

As a program:

    /usr/bin/python3 tools/read_results.py out.h5 [--variant NAME ...] [--csv DIR]

The file layout is described in README.md ("Reading the results") and
include/bordersim/io/result_file.h. Fixed-length byte strings (kind, outcome, mover,
cargo, first_detector, sector names, metric names) come back as Python str; missing times
(first_detection_s, first_report_s, first_dispatch_s, interception_s) are NaN, and so is
seam_distance_m where the border has no seam. summary_text prints rates, the seam penalty,
responder utilisation and the first detectors' shares as percentages.
"""

import argparse
import csv
import math
import os
import sys

import h5py
import numpy as np

try:
    import pandas as pd
except ImportError:  # pandas is optional: numpy structured arrays then
    pd = None

FILETYPE = "bordersim-result"
FORMAT_VERSION = 1
TABLES = ("replications", "crossings", "sectors", "summary", "trace")  # trace: run --trace N only


class Results:
    """What one result file holds: root attributes, variant names in batch order, and per
    variant a dict of tables (DataFrames with pandas, numpy structured arrays without)."""

    def __init__(self, path, attrs, variant_names, variants, table_attrs):
        self.path = path
        self.attrs = attrs
        self.variant_names = variant_names
        self.variants = variants
        self.table_attrs = table_attrs  # {(variant, table): {attribute: value}}

    @property
    def uses_pandas(self):
        return pd is not None


def _text(value):
    """h5py returns variable-length strings as str, fixed-length ones as bytes."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray):
        return [_text(v) for v in value.tolist()]
    return value


def _plain(value):
    """Attribute values as plain Python values (numpy scalars to int/float)."""
    value = _text(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def decode_strings(array):
    """A structured array with its fixed-length byte-string fields turned into unicode."""
    fields = []
    for name in array.dtype.names:
        kind = array.dtype[name]
        if kind.kind == "S":
            fields.append((name, "U%d" % max(kind.itemsize, 1)))
        else:
            fields.append((name, kind))
    out = np.empty(array.shape, dtype=fields)
    for name in array.dtype.names:
        if array.dtype[name].kind == "S":
            out[name] = np.char.decode(array[name], "utf-8") if array.size else array[name]
        else:
            out[name] = array[name]
    return out


def _table(dataset, as_pandas):
    array = decode_strings(dataset[()])
    if as_pandas and pd is not None:
        return pd.DataFrame.from_records(array, columns=list(array.dtype.names))
    return array


def load(path, variants=None, as_pandas=True):
    """Reads `path`. `variants`: names to load (default all); as_pandas=False gives numpy
    structured arrays even where pandas is installed. Raises ValueError for a file that is
    not a bordersim result file, KeyError for an unknown variant."""
    with h5py.File(path, "r") as f:
        attrs = {k: _plain(v) for k, v in f.attrs.items()}
        if attrs.get("filetype") != FILETYPE:
            raise ValueError("%s: not a bordersim result file (filetype %r)"
                             % (path, attrs.get("filetype")))
        if int(attrs.get("format_version", 0)) > FORMAT_VERSION:
            raise ValueError("%s: format_version %s is newer than this reader (%d)"
                             % (path, attrs["format_version"], FORMAT_VERSION))
        group = f["variants"]
        names = _text(group.attrs["order"]) if "order" in group.attrs else sorted(group)
        if isinstance(names, str):
            names = [names]
        wanted = names if variants is None else list(variants)
        for name in wanted:
            if name not in group:
                raise KeyError("%s: no variant %r (has %s)" % (path, name, ", ".join(names)))
        tables, table_attrs = {}, {}
        for name in wanted:
            tables[name] = {}
            for table in TABLES:
                if table in group[name]:
                    dataset = group[name][table]
                    tables[name][table] = _table(dataset, as_pandas)
                    table_attrs[(name, table)] = {k: _plain(v) for k, v in dataset.attrs.items()}
    return Results(path, attrs, wanted, tables, table_attrs)


LAYOUT_TABLES = ("border", "sectors", "towers", "radars", "qrf_bases", "ground_sensors", "towns",
                 "patrol_roads", "drone_orbits", "rivers")
RASTERS = ("crossings", "detections", "interceptions")


class Grid:
    """The rasters' grid: north-west corner (origin_x_m, origin_y_m), square cells of
    cell_m, rows running south. extent() is what matplotlib's imshow wants."""

    def __init__(self, origin_x_m, origin_y_m, cell_m, rows, cols, crs=""):
        self.origin_x_m, self.origin_y_m, self.cell_m = origin_x_m, origin_y_m, cell_m
        self.rows, self.cols, self.crs = rows, cols, crs

    def extent(self, scale=1.0):
        """(west, east, south, north), in metres times `scale` (1e-3: km)."""
        return (self.origin_x_m * scale, (self.origin_x_m + self.cols * self.cell_m) * scale,
                (self.origin_y_m - self.rows * self.cell_m) * scale, self.origin_y_m * scale)


def load_layout(path, variant):
    """The map of one variant (/variants/NAME/layout): a dict with 'grid' (Grid), 'crs', the
    tables of LAYOUT_TABLES (DataFrames, or structured arrays without pandas; None for a
    table the file predates), and
    'land_cover' (uint8 array, with 'land_cover_classes') and 'elevation' (float32, NaN where
    unknown) where the ground has them. None for files written before layouts existed."""
    with h5py.File(path, "r") as f:
        group = f["variants"][variant]
        if "layout" not in group:
            return None
        g = group["layout"]
        layout = {"crs": _plain(g.attrs["crs"]),
                  "grid": Grid(float(g.attrs["grid_origin_x_m"]), float(g.attrs["grid_origin_y_m"]),
                               float(g.attrs["grid_cell_m"]), int(g.attrs["grid_rows"]),
                               int(g.attrs["grid_cols"]), _plain(g.attrs["crs"]))}
        for name in LAYOUT_TABLES:
            # Files from before radars have no radars table: None.
            layout[name] = _table(g[name], pd is not None) if name in g else None
        if "land_cover" in g:
            layout["land_cover"] = g["land_cover"][()]
            layout["land_cover_classes"] = _text(g["land_cover"].attrs["classes"])
        if "elevation" in g:
            layout["elevation"] = g["elevation"][()]
    return layout


def load_rasters(path, variant):
    """The density rasters of one variant: {name: (2-D uint32 counts, attrs)} for
    RASTERS; attrs has origin_x_m, origin_y_m (north-west corner), cell_m, crs and outside
    (places off the grid, not in the counts). Empty for files without rasters."""
    with h5py.File(path, "r") as f:
        group = f["variants"][variant]
        if "rasters" not in group:
            return {}
        return {name: (group["rasters"][name][()],
                       {k: _plain(v) for k, v in group["rasters"][name].attrs.items()})
                for name in RASTERS if name in group["rasters"]}


def load_design(path):
    """A sweep's design (/design): a DataFrame with column 'variant' and one float column per
    factor, named by its JSON pointer, plus attrs {'design': ..., 'factors': ...} as parsed
    JSON (in DataFrame.attrs; a (array, attrs) pair without pandas). None when the file is
    not a sweep's."""
    import json
    with h5py.File(path, "r") as f:
        if "design" not in f:
            return None
        dataset = f["design"]
        attrs = {}
        for key in ("design", "factors"):
            if key in dataset.attrs:
                text = _plain(dataset.attrs[key])
                try:
                    attrs[key] = json.loads(text)
                except (TypeError, ValueError):
                    attrs[key] = text
        table = _table(dataset, pd is not None)
    if pd is not None:
        table.attrs.update(attrs)
        return table
    return table, attrs


def _rows(table):
    """Rows of a table as dicts, for DataFrames and structured arrays alike."""
    if pd is not None and isinstance(table, pd.DataFrame):
        return table.to_dict("records")
    return [dict(zip(table.dtype.names, row)) for row in table.tolist()]


def _number(value, rate):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return "%.1f%%" % (100.0 * value) if rate else "%.2f" % value


def summary_text(results):
    """The summary tables as text: one block per variant, rates as percentages."""
    lines = ["%s: bordersim %s, seed %s, %s replications, created %s" % (
        results.path, results.attrs.get("bordersim_version"), results.attrs.get("seed"),
        results.attrs.get("replications"), results.attrs.get("created"))]
    for name in results.variant_names:
        summary = results.variants[name].get("summary")
        confidence = results.table_attrs.get((name, "summary"), {}).get("confidence", 0.95)
        lines.append("")
        lines.append('Variant "%s" (%g%% intervals)' % (name, 100.0 * confidence))
        if summary is None:
            lines.append("  (no summary table)")
            continue
        rows = _rows(summary)
        width = max([len("metric")] + [len(r["metric"]) for r in rows])
        lines.append("  %-*s  %10s  %23s  %8s" % (width, "metric", "estimate", "interval", "n"))
        for r in rows:
            rate = r["metric"].endswith(("_rate", "seam_penalty", "utilisation", "/share"))
            interval = "[%s, %s]" % (_number(r["lower"], rate), _number(r["upper"], rate))
            lines.append("  %-*s  %10s  %23s  %8d" % (width, r["metric"],
                                                      _number(r["estimate"], rate), interval,
                                                      r["n"]))
    return "\n".join(lines)


def write_csv(results, directory):
    """One CSV per variant and table: DIR/VARIANT-TABLE.csv. Returns the paths written."""
    os.makedirs(directory, exist_ok=True)
    written = []
    for name in results.variant_names:
        for table_name, table in results.variants[name].items():
            path = os.path.join(directory, "%s-%s.csv" % (name, table_name))
            columns = list(table.columns) if (pd is not None and isinstance(table, pd.DataFrame)) \
                else list(table.dtype.names)
            with open(path, "w", newline="") as out:
                writer = csv.DictWriter(out, fieldnames=columns)
                writer.writeheader()
                for row in _rows(table):
                    writer.writerow(row)
            written.append(path)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description="Print the summary of a bordersim result file.")
    parser.add_argument("path", help="result file (bordersim run -o ...)")
    parser.add_argument("--variant", action="append", help="only this variant (repeatable)")
    parser.add_argument("--csv", metavar="DIR", help="also write every table as CSV into DIR")
    args = parser.parse_args(argv)
    try:
        results = load(args.path, variants=args.variant)
    except (OSError, ValueError, KeyError) as error:
        # KeyError's str() adds quotes; the others' messages already name the problem.
        message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
        if args.path not in str(message):
            message = "%s: %s" % (args.path, message)
        print("read_results: %s" % message, file=sys.stderr)
        return 2
    print(summary_text(results))
    if args.csv:
        for path in write_csv(results, args.csv):
            print("wrote %s" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
