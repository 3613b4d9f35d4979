#!/usr/bin/python3
"""Reads a result file as a researcher would: with h5py and numpy (and pandas if present).

    /usr/bin/python3 tests/python/test_result_file.py BORDERSIM WORK_DIR

Runs `BORDERSIM run -n 20 -j 2 -o WORK_DIR/out.h5` on the built-in default scenario, then
checks the file against README.md ("Reading the results") and include/bordersim/io/result_file.h: root attributes, one readable
compound table per variant and kind, NaN for missing times, and counts that agree between
the replications, crossings, sectors and summary tables. Prints "N passed, M failed" and
exits 1 on any failure.
"""

import datetime
import json
import math
import os
import re
import shutil
import subprocess
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import read_results  # noqa: E402  (the reusable loader under test too)

REPLICATIONS = 20
README = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "README.md")


def readme_columns(table):
    """The column names README.md lists for a table (between <!-- columns TABLE --> and
    <!-- /columns -->, generated from the C++ descriptions and checked by a unit test)."""
    with open(README, encoding="utf-8") as f:
        text = f.read()
    section = text.split("<!-- columns %s -->\n" % table, 1)[1].split("<!-- /columns -->", 1)[0]
    return re.findall(r"^\| `([a-z0-9_]+)` \|", section, flags=re.M)


REPLICATION_FIELDS = readme_columns("replications")
CROSSING_FIELDS = readme_columns("crossings")
SECTOR_FIELDS = readme_columns("sectors")
SUMMARY_FIELDS = readme_columns("summary")
OUTCOMES = {"undetected", "detected", "intercepted", "aborted"}


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failures.append(what)
            print("FAILED: %s" % what, file=sys.stderr)
        return bool(condition)

    def fatal(self, what):
        """A failure after which nothing else can be checked."""
        self.failures.append(what)
        print("FAILED: %s" % what, file=sys.stderr)
        self.finish()

    def finish(self):
        print("%d passed, %d failed" % (self.passed, len(self.failures)))
        sys.exit(1 if self.failures else 0)


def run_batch(c, bordersim, work):
    out = os.path.join(work, "out.h5")
    command = [bordersim, "run", "-n", str(REPLICATIONS), "-j", "2", "-o", out]
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, timeout=600)
    except OSError as error:
        c.fatal("cannot start %s: %s" % (bordersim, error))
    if done.returncode != 0:
        c.fatal("%s exited with %d\nstdout:\n%s\nstderr:\n%s"
                % (" ".join(command), done.returncode, done.stdout, done.stderr))
    c.check(os.path.isfile(out), "bordersim run wrote %s" % out)
    if not os.path.isfile(out):
        c.finish()
    leftovers = [n for n in os.listdir(work) if ".tmp" in n]
    c.check(not leftovers, "no temporary files left in %s (found %s)" % (work, leftovers))
    c.check("detect" in done.stdout.lower(), "run printed a results table")
    return out, done.stdout


def text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


def check_root(c, f):
    a = f.attrs
    for name in ("bordersim_version", "scenario", "seed", "replications", "created", "filetype",
                 "format_version", "git_commit"):
        c.check(name in a, "root attribute %r present" % name)
    c.check(text(a.get("filetype")) == "bordersim-result", "filetype is bordersim-result")
    c.check(int(a.get("format_version", -1)) == 1, "format_version is 1")
    c.check(re.match(r"^\d+\.\d+\.\d+", text(a.get("bordersim_version", ""))) is not None,
            "bordersim_version looks like a version: %r" % a.get("bordersim_version"))
    c.check(int(a.get("replications", -1)) == REPLICATIONS,
            "replications attribute is %d: %r" % (REPLICATIONS, a.get("replications")))
    try:
        scenario = json.loads(text(a.get("scenario", "")))
    except ValueError as error:
        c.check(False, "scenario attribute is JSON: %s" % error)
        scenario = {}
    c.check(isinstance(scenario, dict) and scenario, "scenario is a non-empty JSON object")
    if "seed" in scenario:
        c.check(int(a["seed"]) == int(scenario["seed"]),
                "seed attribute %r equals the scenario's seed %r" % (a["seed"], scenario["seed"]))
    created = text(a.get("created", ""))
    try:
        when = datetime.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.timezone.utc)
        age = abs((datetime.datetime.now(datetime.timezone.utc) - when).total_seconds())
        c.check(age < 3600, "created %s is about now (UTC)" % created)
    except ValueError:
        c.check(False, "created is ISO-8601 UTC (YYYY-MM-DDTHH:MM:SSZ): %r" % created)
    return scenario


def variant_names(c, f, scenario):
    group = f["variants"]
    order = [text(n) for n in group.attrs["order"]] if "order" in group.attrs else []
    c.check(len(order) > 0, "/variants has an order attribute naming the variants")
    c.check(sorted(order) == sorted(group.keys()),
            "order %s matches the groups %s" % (order, sorted(group.keys())))
    if isinstance(scenario.get("variants"), dict) and scenario["variants"]:
        c.check(order == list(scenario["variants"].keys()),
                "variants in scenario order: %s vs %s" % (order, list(scenario["variants"])))
    return order


def read_table(c, group, name, fields, where):
    if not c.check(name in group, "%s/%s exists" % (where, name)):
        return None
    array = group[name][()]
    c.check(isinstance(array, np.ndarray) and array.dtype.names is not None and array.ndim == 1,
            "%s/%s reads as a 1-D numpy structured array" % (where, name))
    # README's columns, in its order (a replications table's weather columns come after).
    names = list(array.dtype.names or ())
    c.check(fields, "README.md lists the columns of %s" % name)
    ok = c.check(names[:len(fields)] == fields,
                 "%s/%s has README's columns %s in order (has %s)" % (where, name, fields, names))
    return array if ok else None


def check_variant(c, f, name):
    where = "/variants/" + name
    group = f["variants"][name]
    reps = read_table(c, group, "replications", REPLICATION_FIELDS, where)
    rows = read_table(c, group, "crossings", CROSSING_FIELDS, where)
    summary = read_table(c, group, "summary", SUMMARY_FIELDS, where)
    sectors = read_table(c, group, "sectors", SECTOR_FIELDS, where)
    if reps is None or rows is None or summary is None:
        return

    c.check(len(reps) == REPLICATIONS, "%s: %d replication rows" % (where, REPLICATIONS))
    c.check(np.array_equal(np.sort(reps["replication"]), np.arange(len(reps))),
            "%s: replications numbered 0..n-1" % where)
    c.check(int(reps["crossings"].sum()) == len(rows),
            "%s: sum of crossings per replication (%d) = crossing rows (%d)"
            % (where, int(reps["crossings"].sum()), len(rows)))

    outcome = np.array([text(o) for o in rows["outcome"]])
    detected = np.isfinite(rows["first_detection_s"])
    intercepted = np.isfinite(rows["interception_s"])
    c.check(set(outcome) <= OUTCOMES, "%s: outcomes in %s: %s" % (where, OUTCOMES, set(outcome)))
    c.check(set(text(k) for k in rows["kind"]) <= {"infiltrator", "smuggler"},
            "%s: kinds are infiltrator/smuggler" % where)
    undetected = outcome == "undetected"
    c.check(np.all(np.isnan(rows["first_detection_s"][undetected])),
            "%s: undetected crossings have NaN first_detection_s" % where)
    c.check(np.all(np.isnan(rows["interception_s"][undetected])),
            "%s: undetected crossings have NaN interception_s" % where)
    c.check(np.array_equal(intercepted, outcome == "intercepted"),
            "%s: interception_s is finite exactly for intercepted crossings" % where)
    c.check(np.all(detected[~undetected & (outcome != "aborted")]),
            "%s: detected/intercepted crossings have a first_detection_s" % where)
    c.check(np.all(rows["first_detection_s"][detected] >= rows["start_s"][detected]),
            "%s: first detection not before the start" % where)
    c.check(np.all(rows["interception_s"][intercepted] >= rows["first_detection_s"][intercepted]),
            "%s: interception not before first detection" % where)
    c.check(np.all(np.isfinite(rows["start_s"])), "%s: start_s always set" % where)

    # The command chain: who saw it first, when the post heard of it, when a team set off.
    detector = np.array([text(d) for d in rows["first_detector"]])
    report = rows["first_report_s"]
    dispatch = rows["first_dispatch_s"]
    # The sensor kinds are the summary's first_detector/<name>/share rows (core/sensor_kinds.h).
    detectors = {"none"} | {text(m).split("/")[1] for m in summary["metric"]
                            if text(m).startswith("first_detector/")}
    c.check(len(detectors) > 1, "%s/summary has first_detector/<kind>/share rows" % where)
    c.check(set(detector) <= detectors, "%s: first_detector values in %s: %s"
            % (where, detectors, set(detector)))
    c.check(np.array_equal(detector != "none", detected),
            "%s: a first_detector exactly for detected crossings" % where)
    c.check(np.all(np.isnan(report[~detected])) and np.all(np.isnan(dispatch[~detected])),
            "%s: no report or dispatch time without a detection" % where)
    c.check(np.all(np.isnan(report) | (report >= rows["first_detection_s"])),
            "%s: first report not before the first detection" % where)
    c.check(np.all(np.isnan(dispatch) | (dispatch >= rows["first_detection_s"])),
            "%s: first dispatch not before the first detection" % where)
    c.check(np.all(np.isfinite(dispatch[intercepted])),
            "%s: every intercepted crossing had a dispatch" % where)
    interceptor = np.array([text(i) for i in rows["interceptor"]])
    c.check(set(interceptor) <= {"none", "qrf", "patrol"},
            "%s: interceptor values: %s" % (where, set(interceptor)))
    c.check(np.array_equal(interceptor != "none", intercepted),
            "%s: an interceptor exactly for intercepted crossings" % where)
    c.check(np.all(reps["false_alarm_dispatches"] <= reps["responder_dispatches"]),
            "%s: false-alarm dispatches are among the dispatches" % where)

    # Per replication, the totals agree with the rows.
    n = len(reps)
    per_rep = rows["replication"].astype(np.int64)
    c.check(np.all((per_rep >= 0) & (per_rep < n)), "%s: crossings name known replications" % where)
    order = np.argsort(reps["replication"])
    def counts(mask):
        return np.bincount(per_rep[mask], minlength=n)
    everything = np.ones(len(rows), dtype=bool)
    for column, mask in (("crossings", everything), ("detected", detected),
                         ("intercepted", outcome == "intercepted"),
                         ("aborted", outcome == "aborted"),
                         ("escaped", (outcome == "undetected") | (outcome == "detected"))):
        c.check(np.array_equal(reps[column][order], counts(mask)),
                "%s: %s per replication matches the crossing rows" % (where, column))

    # What the plans add: mover, cargo, organisation; values seized and delivered.
    kind = np.array([text(k) for k in rows["kind"]])
    cargo = np.array([text(k) for k in rows["cargo"]])
    c.check(set(text(m) for m in rows["mover"]) <= {"foot", "vehicle"}, "%s: movers are foot/vehicle" % where)
    c.check(set(cargo) <= {"none", "drugs", "weapons", "people"}, "%s: cargo kinds" % where)
    smuggler = kind == "smuggler"
    c.check(np.array_equal(rows["organisation"] > 0, smuggler),
            "%s: smugglers and only smugglers have an organisation" % where)
    c.check(np.array_equal(cargo != "none", smuggler), "%s: smugglers and only smugglers carry cargo" % where)
    c.check(np.all(rows["cargo_value_usd"][~smuggler] == 0.0), "%s: no value without cargo" % where)
    seam = rows["seam_distance_m"]
    c.check(np.all(np.isnan(seam) | (seam >= 0.0)), "%s: seam distances are NaN or >= 0" % where)
    reached = (outcome == "undetected") | (outcome == "detected")
    for column, mask in (("value_seized_usd", outcome == "intercepted"), ("value_delivered_usd", reached)):
        sums = np.bincount(per_rep[mask], weights=rows["cargo_value_usd"][mask], minlength=n)
        c.check(np.allclose(reps[column][order], sums, rtol=1e-12, atol=1e-6),
                "%s: %s per replication is the cargo of its rows" % (where, column))

    if sectors is not None:
        sector = rows["sector"].astype(np.int64)
        k = len(sectors)
        c.check(np.array_equal(sectors["aborted"], np.bincount(sector[outcome == "aborted"], minlength=k)),
                "%s: sector aborted counts match the rows" % where)
        seized = np.bincount(sector[outcome == "intercepted"],
                             weights=rows["cargo_value_usd"][outcome == "intercepted"], minlength=k)
        c.check(np.allclose(sectors["value_seized_usd"], seized, atol=1e-6),
                "%s: sector value seized matches the rows" % where)
        c.check(int(sectors["crossings"].sum()) == len(rows),
                "%s: sector crossings add up to the rows" % where)
        names = [text(s) for s in sectors["name"]]
        ok = all(rows["sector"] < len(names)) and all(
            names[s] == text(sn) for s, sn in zip(rows["sector"], rows["sector_name"]))
        c.check(ok, "%s: sector_name agrees with the sectors table" % where)
        c.check(np.array_equal(sectors["crossings"], np.bincount(rows["sector"].astype(np.int64),
                                                                 minlength=len(names))),
                "%s: sector crossings match the rows" % where)

    metrics = {text(m): i for i, m in enumerate(summary["metric"])}
    for m in ("detection_rate", "interception_rate", "abort_rate", "escape_rate",
              "crossings_per_replication", "false_alarms_per_replication",
              "responder_busy_s_per_replication", "responder_dispatches_per_replication",
              "responder_utilisation", "value_seized_usd_per_replication",
              "value_delivered_usd_per_replication", "near_seam/interception_rate",
              "away_from_seam/interception_rate", "seam_penalty",
              "false_alarm_dispatches_per_replication", "missed_arrivals_per_replication",
              "detection_to_dispatch_s", "detection_to_interception_s",
              "first_detector/camera/share", "first_detector/ground_sensor/share"):
        c.check(m in metrics, "%s/summary has %s" % (where, m))
    if "detection_rate" in metrics and len(rows):
        r = summary[metrics["detection_rate"]]
        c.check(int(r["n"]) == len(rows), "%s: detection_rate n = crossings" % where)
        c.check(math.isclose(r["estimate"], detected.sum() / len(rows), rel_tol=1e-12),
                "%s: detection_rate = detected / crossings" % where)
        c.check(r["lower"] <= r["estimate"] <= r["upper"], "%s: interval brackets estimate" % where)
    if "interception_rate" in metrics and len(rows):
        r = summary[metrics["interception_rate"]]
        c.check(math.isclose(r["estimate"], intercepted.sum() / len(rows), rel_tol=1e-12),
                "%s: interception_rate = intercepted / crossings" % where)
    band_m = 1000.0 * json.loads(text(f.attrs["scenario"]))["sectors"].get("seam_band_km", 10.0)
    near = seam <= band_m  # False for NaN: no seam
    if "seam_penalty" in metrics and near.any() and (~near).any():
        r = summary[metrics["seam_penalty"]]
        expected = intercepted[near].mean() - intercepted[~near].mean()
        c.check(math.isclose(r["estimate"], expected, rel_tol=1e-9, abs_tol=1e-12),
                "%s: seam_penalty = near rate - elsewhere rate (%g vs %g)" % (where, r["estimate"], expected))
    if "crossings_per_replication" in metrics:
        r = summary[metrics["crossings_per_replication"]]
        c.check(int(r["n"]) == n and math.isclose(r["estimate"], reps["crossings"].mean()),
                "%s: crossings_per_replication is the mean over replications" % where)


def check_reader(c, path, names):
    """tools/read_results.py: numpy always, pandas when installed."""
    results = read_results.load(path, as_pandas=False)
    c.check(results.variant_names == names, "read_results keeps the variant order")
    crossings = results.variants[names[0]]["crossings"]
    c.check(crossings.dtype["outcome"].kind == "U", "read_results decodes strings to str")
    c.check("detection_rate" in read_results.summary_text(results),
            "read_results.summary_text prints the summary")
    if read_results.pd is None:
        print("pandas not installed: DataFrame checks skipped")
        return
    frames = read_results.load(path)
    for name in names:
        for table in ("replications", "crossings", "summary"):
            df = frames.variants[name][table]
            c.check(isinstance(df, read_results.pd.DataFrame),
                    "%s/%s loads as a pandas DataFrame" % (name, table))
        df = frames.variants[name]["crossings"]
        reps = frames.variants[name]["replications"]
        c.check(len(df) == int(reps["crossings"].sum()), "%s: DataFrame row count" % name)
        c.check(df.loc[df["outcome"] == "undetected", "first_detection_s"].isna().all(),
                "%s: pandas sees NaN for missing times" % name)
        grouped = df.groupby("replication").size().reindex(reps["replication"], fill_value=0)
        c.check(list(grouped) == list(reps["crossings"]), "%s: pandas groupby agrees" % name)


def check_layout_and_rasters(c, f, name):
    """The map of a variant and its density rasters: counts of the crossing rows on a grid
    aligned with the terrain, every crossing counted on the grid or in `outside`."""
    where = "/variants/%s" % name
    group = f["variants"][name]
    if not c.check("layout" in group and "rasters" in group, "%s has layout and rasters" % where):
        return
    layout = group["layout"]
    rows_n, cols_n = int(layout.attrs["grid_rows"]), int(layout.attrs["grid_cols"])
    x0, y0 = float(layout.attrs["grid_origin_x_m"]), float(layout.attrs["grid_origin_y_m"])
    cell = float(layout.attrs["grid_cell_m"])
    scenario = json.loads(text(f.attrs["scenario"]))
    terrain_cell = float(scenario["terrain"].get("cell_m", 100))
    c.check(rows_n > 0 and cols_n > 0, "%s: the raster grid is not empty" % where)
    c.check(cell >= terrain_cell and abs(cell / terrain_cell - round(cell / terrain_cell)) < 1e-9,
            "%s: raster cells (%g m) are whole terrain cells (%g m)" % (where, cell, terrain_cell))
    c.check(abs(cell - 1000.0) <= terrain_cell / 2, "%s: raster cells are about 1 km" % where)
    for table, columns in (("border", ("x_m", "y_m", "s_m")), ("sectors", ("name", "jurisdiction")),
                           ("towers", ("x_m", "y_m", "range_m")),
                           ("radars", ("x_m", "y_m", "range_m", "bearing_deg", "width_deg")),
                           ("qrf_bases", ("x_m", "y_m", "teams")),
                           ("patrol_roads", ("line", "x_m", "y_m")),
                           ("drone_orbits", ("line", "x_m", "y_m")), ("rivers", ("line", "x_m", "y_m")),
                           ("ground_sensors", ("x_m", "y_m", "radius_m")),
                           ("towns", ("name", "x_m", "y_m", "radius_m"))):
        if c.check(table in layout, "%s/layout/%s exists" % (where, table)):
            names = layout[table].dtype.names or ()
            c.check(all(col in names for col in columns),
                    "%s/layout/%s has columns %s" % (where, table, columns))
    sectors = group["sectors"][()]
    c.check([text(s) for s in layout["sectors"]["name"]] == [text(s) for s in sectors["name"]],
            "%s: the layout's sectors are the variant's" % where)
    c.check(len(layout["border"]) >= 2 and layout["border"]["s_m"][-1] > 600e3,
            "%s: the default's border, 610 km" % where)
    c.check(len(layout["towers"]) > 50, "%s: the default's towers (%d)" % (where, len(layout["towers"])))
    teams = scenario["response"]["qrf"]["teams_per_base"] * len(scenario["response"]["qrf"]["bases_km"])
    c.check(int(layout["qrf_bases"]["teams"].sum()) == teams, "%s: every QRF team at a base" % where)
    c.check(layout["land_cover"].shape == (rows_n, cols_n) and layout["elevation"].shape == (rows_n, cols_n),
            "%s: land cover and elevation on the raster grid" % where)
    c.check(len(text(layout["land_cover"].attrs["classes"])) == 8, "%s: land cover classes named" % where)

    rows = group["crossings"][()]
    def expected(x, y):
        ok = np.isfinite(x) & np.isfinite(y)
        col = np.floor((x[ok] - x0) / cell)
        row = np.floor((y0 - y[ok]) / cell)
        inside = (col >= 0) & (col < cols_n) & (row >= 0) & (row < rows_n)
        counts = np.zeros((rows_n, cols_n), dtype=np.int64)
        np.add.at(counts, (row[inside].astype(int), col[inside].astype(int)), 1)
        return counts, int((~inside).sum()), int(ok.sum())
    for raster, (x, y) in (("crossings", ("border_x_m", "border_y_m")),
                           ("detections", ("detection_x_m", "detection_y_m")),
                           ("interceptions", ("interception_x_m", "interception_y_m"))):
        dataset = group["rasters"][raster]
        counts = dataset[()]
        want, outside, placed = expected(rows[x], rows[y])
        c.check(counts.shape == (rows_n, cols_n), "%s/rasters/%s on the layout's grid" % (where, raster))
        for attr in ("origin_x_m", "origin_y_m", "cell_m", "crs", "outside"):
            c.check(attr in dataset.attrs, "%s/rasters/%s has attribute %s" % (where, raster, attr))
        c.check(np.array_equal(counts, want), "%s/rasters/%s counts the rows' places" % (where, raster))
        c.check(int(counts.sum()) + int(dataset.attrs["outside"]) == placed and
                int(dataset.attrs["outside"]) == outside,
                "%s/rasters/%s: total + outside = rows with a place" % (where, raster))
    c.check(int(group["rasters"]["crossings"][()].sum()) + int(group["rasters"]["crossings"].attrs["outside"])
            == len(rows), "%s: the crossings raster counts every crossing" % where)
    c.check(int(group["rasters"]["interceptions"][()].sum()) + int(group["rasters"]["interceptions"].attrs["outside"])
            == int(np.sum([text(o) == "intercepted" for o in rows["outcome"]])),
            "%s: the interceptions raster counts every interception" % where)
    layout_py = read_results.load_layout(f.filename, name)
    c.check(layout_py["grid"].rows == rows_n and len(layout_py["towers"]) == len(layout["towers"]),
            "%s: read_results.load_layout reads the layout" % where)
    c.check(set(read_results.load_rasters(f.filename, name)) == set(read_results.RASTERS),
            "%s: read_results.load_rasters reads the rasters" % where)


def is_png(path):
    with open(path, "rb") as f:
        return f.read(8) == b"\x89PNG\r\n\x1a\n"


def check_report(c, bordersim, work, path, run_stdout, names):
    """`report` reprints run's table from the file; --plots draws every picture, and the
    sweep's response chart when the file has a /design (a fake one here, as `sweep` writes)."""
    done = subprocess.run([bordersim, "report", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=600)
    c.check(done.returncode == 0, "report exits 0: %s" % done.stderr)
    table = run_stdout[:run_stdout.find("\nwrote ")]
    c.check(done.stdout.split("\n", 1)[-1] == table, "report prints run's table")
    sweep = os.path.join(work, "sweep.h5")
    shutil.copy(path, sweep)
    with h5py.File(sweep, "r+") as f:
        factors = ["/sensors/towers/along_border/spacing_m", "/response/qrf/teams_per_base"]
        # Fixed-length UTF-8 strings, as `sweep` writes them (HDF5 converts no ASCII to UTF-8).
        dtype = [("variant", h5py.string_dtype("utf-8", 32))] + [(p, "f8") for p in factors]
        design = np.array([(n.encode(), 2000.0 + 500.0 * i, 1.0 + i % 3) for i, n in enumerate(names)],
                          dtype=dtype)
        dataset = f.create_dataset("design", data=design)
        dataset.attrs["design"] = json.dumps({"design": "nolh", "points": len(names)})
        dataset.attrs["factors"] = json.dumps([{"pointer": p} for p in factors])
    plots = os.path.join(work, "plots")
    done = subprocess.run([bordersim, "report", sweep, "--plots", plots], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=600)
    c.check(done.returncode == 0, "report --plots exits 0: %s" % done.stderr)
    expected = ["map-%s.png" % n for n in names] + ["rates.png", "sectors.png", "sweep-response.png"]
    for name in expected:
        file = os.path.join(plots, name)
        c.check(os.path.isfile(file) and os.path.getsize(file) > 10000 and is_png(file),
                "report --plots wrote %s, a PNG" % name)
    design = read_results.load_design(sweep)
    c.check(list(design.columns)[0] == "variant" and design["variant"].tolist() == names,
            "read_results.load_design reads /design with decoded variant names")


RADAR_SCENARIO = {
    "name": "radar-map", "duration_h": 12,
    "terrain": {"flat": {"length_km": 40, "depth_km": 20}},
    "sensors": {"towers": {"along_border": {"spacing_m": 10000, "offset_m": 5000},
                           "range_m": 2000,
                           "radar": {"range_m": 6000, "sector_centre_deg": 30,
                                     "sector_width_deg": 120}}},
    "threats": {"infiltrators": {"per_day": 40}},
    "response": {"qrf": {"bases_km": [20]}},
}


def check_radar_map(c, bordersim, work):
    """A tower radar is in the layout (/layout/radars: one per tower, its sector as compass
    bearings) and the map draws it: one wedge per radar over its sector, and a legend entry."""
    scenario = os.path.join(work, "radar.json")
    with open(scenario, "w") as f:
        json.dump(RADAR_SCENARIO, f)
    out = os.path.join(work, "radar.h5")
    done = subprocess.run([bordersim, "run", scenario, "-n", "2", "-j", "1", "-q", "-o", out],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
                          timeout=600)
    if not c.check(done.returncode == 0, "run of the radar scenario exits 0: %s" % done.stderr):
        return
    layout = read_results.load_layout(out, "baseline")
    radars = layout["radars"]
    c.check(radars is not None and len(radars) == len(layout["towers"]) == 4,
            "layout/radars: one radar per tower (4)")
    # Flat ground: the foreign side is south (facing 180), the sector's centre 30 deg clockwise.
    c.check(np.allclose(np.asarray(radars["bearing_deg"]), 210.0) and
            np.allclose(np.asarray(radars["width_deg"]), 120.0) and
            np.allclose(np.asarray(radars["range_m"]), 6000.0),
            "layout/radars: bearing 210, width 120, range 6000")
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from bordersim_py import map as maps
    wedges = maps.radar_wedges(radars)
    c.check(len(wedges) == 4 and all(abs(w.theta1 - (90 - 210 - 60)) < 1e-9 and
                                     abs(w.theta2 - (90 - 210 + 60)) < 1e-9 and
                                     abs(w.r - 6.0) < 1e-9 for w in wedges),
            "the map's radar wedges span the sector (matplotlib angles -180 to -60) at 6 km")
    fig, ax = plt.subplots()
    maps._draw_layout(ax, layout, {"default": "black"})
    drawn = [col for col in ax.collections if col.get_label() == "radar sectors"]
    c.check(len(drawn) == 1 and len(drawn[0].get_paths()) == 4, "the map draws the 4 radar sectors")
    plt.close(fig)
    labels = [h.get_label() for h in maps._legend_handles({"default": "black"}, layout)]
    c.check("radar range and sector" in labels, "the map's legend names the radar")
    plots = os.path.join(work, "radar-plots")
    done = subprocess.run([bordersim, "report", out, "--plots", plots], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=600)
    file = os.path.join(plots, "map-baseline.png")
    c.check(done.returncode == 0 and os.path.isfile(file) and is_png(file),
            "report --plots draws the radar scenario's map: %s" % done.stderr)


def check_readme_snippets(c, work, path):
    """Every ```python block of the README runs as written, beside results/default.h5."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    with open(os.path.join(root, "README.md")) as f:
        readme = f.read()
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    c.check(len(blocks) >= 1, "the README has Python snippets")
    os.makedirs(os.path.join(work, "results"), exist_ok=True)
    shutil.copy(path, os.path.join(work, "results", "default.h5"))
    if not os.path.exists(os.path.join(work, "tools")):
        os.symlink(os.path.join(root, "tools"), os.path.join(work, "tools"))
    for i, block in enumerate(blocks):
        done = subprocess.run(["/usr/bin/python3", "-c", block], cwd=work, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, universal_newlines=True, timeout=300)
        c.check(done.returncode == 0 and done.stdout.strip(),
                "README Python snippet %d runs and prints: %s" % (i + 1, done.stderr[-2000:]))


def main(argv):
    if len(argv) != 3:
        print("usage: test_result_file.py BORDERSIM WORK_DIR", file=sys.stderr)
        return 2
    bordersim, work = argv[1], argv[2]
    c = Checks()
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    path, run_stdout = run_batch(c, bordersim, work)
    with h5py.File(path, "r") as f:
        scenario = check_root(c, f)
        if "variants" not in f:
            c.fatal("/variants group missing")
        names = variant_names(c, f, scenario)
        for name in names:
            if c.check(name in f["variants"], "/variants/%s exists" % name):
                check_variant(c, f, name)
                check_layout_and_rasters(c, f, name)
    check_reader(c, path, names)
    check_report(c, bordersim, work, path, run_stdout, names)
    check_radar_map(c, bordersim, work)
    check_readme_snippets(c, work, path)
    c.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
