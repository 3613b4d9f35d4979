"""The map of one variant: the ground, the border by jurisdiction and its sectors, towers
with their range, radars with their range and azimuth sector, patrol roads, drone orbits, QRF bases, ground sensors, and where
crossings got through, were intercepted or turned back; under it, the outcomes along the
border per 10 km, per replication. Axes in km."""

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch, Wedge

from . import geometry, style

KM = 1e-3
# A strip longer than this many times its height is cut into stacked strips, so that a
# 610 km corridor 70 km deep is not drawn as a sliver.
MAX_STRIP_ASPECT = 6.0
FIGURE_WIDTH_IN = 13.0
# The map shows the ground around what is drawn (border, sensors, bases, where crossers
# were seen and caught), this much beyond it, not the whole corridor's depth.
MARGIN_KM = 3.0


def _column(table, name):
    return np.asarray(table[name]) if name in _names(table) else np.array([])


def _names(table):
    return list(table.columns) if hasattr(table, "columns") else list(table.dtype.names or ())


def _ground_image(layout):
    """Land cover as RGB, shaded by the relief where the file has elevations."""
    cover = layout["land_cover"]
    classes = layout.get("land_cover_classes", list(style.LAND_COVER_COLOURS))
    palette = np.array([to_rgb(style.LAND_COVER_COLOURS.get(c, "#ffffff")) for c in classes])
    rgb = palette[np.clip(cover, 0, len(palette) - 1)]
    elevation = layout.get("elevation")
    if elevation is not None and np.isfinite(elevation).any():
        z = np.where(np.isfinite(elevation), elevation, np.nanmean(elevation))
        cell = layout["grid"].cell_m
        gy, gx = np.gradient(z, cell)
        # Light from the north-west, 45 degrees up; exaggerated 3x so that ridges show.
        slope = np.arctan(3.0 * np.hypot(gx, gy))
        aspect = np.arctan2(-gx, gy)
        azimuth, altitude = math.radians(315.0), math.radians(45.0)
        shade = (math.sin(altitude) * np.cos(slope) +
                 math.cos(altitude) * np.sin(slope) * np.cos(azimuth - aspect))
        rgb = rgb * (0.7 + 0.3 * np.clip(shade, 0, 1))[..., None]
    return np.clip(rgb, 0, 1)


def _lines(table):
    """(x, y) arrays per line of a lines table (line, x_m, y_m)."""
    line = _column(table, "line")
    x, y = _column(table, "x_m"), _column(table, "y_m")
    for index in np.unique(line):
        keep = line == index
        yield x[keep] * KM, y[keep] * KM


def _draw_layout(ax, layout, jurisdiction_colour):
    grid = layout["grid"]
    if "land_cover" in layout and grid.rows > 0:
        ax.imshow(_ground_image(layout), extent=grid.extent(KM), origin="upper",
                  interpolation="nearest", zorder=0)
    for x, y in _lines(layout["rivers"]):
        ax.plot(x, y, color=style.RIVER, lw=1.2, zorder=1)
    towers = layout["towers"]
    tx, ty, tr = (_column(towers, "x_m") * KM, _column(towers, "y_m") * KM,
                  _column(towers, "range_m") * KM)
    ax.add_collection(PatchCollection([Circle((a, b), r) for a, b, r in zip(tx, ty, tr)],
                                      facecolor=style.COVERAGE, edgecolor="none", alpha=0.22,
                                      zorder=2))
    _draw_radars(ax, layout.get("radars"))
    for x, y in _lines(layout["patrol_roads"]):
        ax.plot(x, y, color=style.PATROL, lw=1.6, ls=(0, (5, 2)), zorder=3)
    for x, y in _lines(layout["drone_orbits"]):
        ax.plot(x, y, color=style.DRONE, lw=3.0, alpha=0.75, solid_capstyle="butt", zorder=3)
    border = layout["border"]
    sectors = layout["sectors"]
    for name, juris, lo, hi in zip(_column(sectors, "name"), _column(sectors, "jurisdiction"),
                                   _column(sectors, "from_m"), _column(sectors, "to_m")):
        x, y = geometry.border_slice(border, lo, hi)
        # A wide band in the jurisdiction's colour under the dots, a thin line above them.
        ax.plot(x * KM, y * KM, color=jurisdiction_colour[juris], lw=7.0, alpha=0.55, zorder=4,
                solid_capstyle="butt")
        ax.plot(x * KM, y * KM, color="black", lw=0.8, zorder=11)
    _draw_towns(ax, layout["towns"])
    gx, gy = _column(layout["ground_sensors"], "x_m"), _column(layout["ground_sensors"], "y_m")
    ax.scatter(gx * KM, gy * KM, s=5, color=style.GROUND_SENSOR, zorder=12, linewidths=0)
    ax.scatter(tx, ty, s=14, marker="^", color=style.TOWER, zorder=6, linewidths=0)
    bases = layout["qrf_bases"]
    bx, by = _column(bases, "x_m") * KM, _column(bases, "y_m") * KM
    ax.scatter(bx, by, s=70, marker="s", color=style.QRF, edgecolors="white", zorder=7)
    for x, y, n in zip(bx, by, _column(bases, "teams")):
        ax.annotate("%d" % n, (x, y), ha="center", va="center", fontsize=7, color="white",
                    weight="bold", zorder=8)


def radar_wedges(radars):
    """One outline per radar: its range and azimuth sector (a full disc when it sees all
    round). Bearings are compass (clockwise from north); matplotlib's angles run
    anticlockwise from east, so a bearing b is the angle 90 - b."""
    if radars is None or len(radars) == 0:
        return []
    wedges = []
    for x, y, r, bearing, width in zip(_column(radars, "x_m") * KM, _column(radars, "y_m") * KM,
                                       _column(radars, "range_m") * KM,
                                       _column(radars, "bearing_deg"), _column(radars, "width_deg")):
        if width >= 360.0:
            wedges.append(Circle((x, y), r))
        else:
            wedges.append(Wedge((x, y), r, 90.0 - bearing - width / 2, 90.0 - bearing + width / 2))
    return wedges


def _draw_radars(ax, radars):
    """Radar sectors as thin outlines with a faint fill, so that many overlapping ones stay
    readable and the towers' coverage shows through."""
    wedges = radar_wedges(radars)
    if wedges:
        ax.add_collection(PatchCollection(wedges, facecolor=style.RADAR, alpha=0.05,
                                          edgecolor="none", zorder=2, label="radar sectors"))
        ax.add_collection(PatchCollection(radar_wedges(radars), facecolor="none",
                                          edgecolor=style.RADAR, linewidths=0.9, alpha=0.8,
                                          zorder=2))


def _draw_towns(ax, towns, named=15):
    """Towns as open circles; the largest `named` of them with their names."""
    x, y = _column(towns, "x_m") * KM, _column(towns, "y_m") * KM
    if x.size == 0:
        return
    radius = _column(towns, "radius_m")
    names = _column(towns, "name")
    ax.scatter(x, y, s=12, facecolors="white", edgecolors="black", linewidths=0.8, zorder=6)
    for i in np.argsort(-radius, kind="stable")[:named]:
        if names.size and str(names[i]):
            ax.annotate(str(names[i]), (x[i], y[i]), xytext=(4, 3), textcoords="offset points",
                        fontsize=7.5, style="italic", zorder=9, clip_on=True)


def _draw_sector_labels(ax, layout):
    """Sector names just beyond the border on the foreign side, boundaries as ticks."""
    border, sectors = layout["border"], layout["sectors"]
    x0, y0 = geometry.border_points(border, [0.0])
    for name, juris, lo, hi in zip(_column(sectors, "name"), _column(sectors, "jurisdiction"),
                                   _column(sectors, "from_m"), _column(sectors, "to_m")):
        mx, my = geometry.border_points(border, [0.5 * (lo + hi)])
        nx, ny = _normal(border, 0.5 * (lo + hi))
        ax.annotate("%s (%s)" % (name, juris), (mx[0] * KM, my[0] * KM),
                    xytext=(-nx * 12, -ny * 12), textcoords="offset points", ha="center",
                    va="center", fontsize=9, weight="bold", zorder=9,
                    bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.8))
        bx, by = geometry.border_points(border, [lo])
        ax.plot([bx[0] * KM - nx * 4, bx[0] * KM + nx * 4],
                [by[0] * KM - ny * 4, by[0] * KM + ny * 4], color="black", lw=1.5, zorder=9)


def _normal(border, s, ds=500.0):
    """Unit normal towards the home side (left of the direction of walking) at arc length s."""
    x, y = geometry.border_points(border, [s - ds, s + ds])
    tx, ty = x[1] - x[0], y[1] - y[0]
    n = math.hypot(tx, ty) or 1.0
    return -ty / n, tx / n


def _outcome_places(crossings):
    """{outcome: (x_km, y_km)}: never seen where it crossed the border, seen (and turned
    back) where first seen, intercepted where caught."""
    outcome = _column(crossings, "outcome")
    if outcome.size == 0:
        return {}
    border = (_column(crossings, "border_x_m"), _column(crossings, "border_y_m"))
    seen = (_column(crossings, "detection_x_m"), _column(crossings, "detection_y_m"))
    caught = (_column(crossings, "interception_x_m"), _column(crossings, "interception_y_m"))
    if seen[0].size == 0:  # a file from before the places were recorded
        seen = caught = border
    places = {}
    for kind, (x, y) in (("undetected", border), ("aborted", seen), ("detected", seen),
                         ("intercepted", caught)):
        keep = (outcome == kind) & np.isfinite(x) & np.isfinite(y)
        places[kind] = (x[keep] * KM, y[keep] * KM)
    return places


def _draw_outcomes(ax, places):
    for kind in ("aborted", "intercepted", "detected", "undetected"):
        if kind in places:
            x, y = places[kind]
            ax.scatter(x, y, s=9, color=style.OUTCOME_COLOURS[kind], alpha=0.45, linewidths=0,
                       zorder=10)


def _draw_along_border(ax, layout, crossings, replications, bin_km=10.0):
    """Outcomes per replication in bins along the border, stacked, by where they crossed."""
    border = layout["border"]
    length = float(np.asarray(border["s_m"])[-1])
    s = geometry.project(border, _column(crossings, "border_x_m"),
                         _column(crossings, "border_y_m")) * KM
    edges = np.arange(0.0, length * KM + bin_km, bin_km)
    bottom = np.zeros(len(edges) - 1)
    outcome = _column(crossings, "outcome")
    for kind in ("undetected", "detected", "intercepted", "aborted"):
        counts, _ = np.histogram(s[outcome == kind], bins=edges)
        per = counts / max(replications, 1)
        ax.bar(edges[:-1], per, width=bin_km, bottom=bottom, align="edge",
               color=style.OUTCOME_COLOURS[kind], label=style.OUTCOME_LABELS[kind], lw=0)
        bottom += per
    sectors = layout["sectors"]
    for lo in _column(sectors, "from_m")[1:]:
        ax.axvline(lo * KM, color="black", lw=1.0, ls="--")
    ax.set_xlim(0, length * KM)
    ax.set_xlabel("km along the border from its first point (sector boundaries dashed)")
    ax.set_ylabel("crossings per replication\nper %g km" % bin_km)
    ax.set_title("Where along the border: outcomes of the crossings by where they crossed",
                 fontsize=10, loc="left")
    ax.grid(axis="y", alpha=0.3)


def _legend_handles(jurisdiction_colour, layout):
    handles = [Line2D([], [], color=c, lw=7, alpha=0.55, label="border, %s" % j)
               for j, c in jurisdiction_colour.items()]
    handles += [
        Line2D([], [], marker="^", color=style.TOWER, ls="none", label="tower"),
        Patch(facecolor=style.COVERAGE, alpha=0.35, label="tower range (sight may be blocked)"),
        Line2D([], [], marker="s", color=style.QRF, ls="none", label="QRF base (teams)"),
    ]
    if layout.get("radars") is not None and len(layout["radars"]):
        handles.append(Patch(facecolor=style.RADAR, alpha=0.25, edgecolor=style.RADAR,
                             label="radar range and sector"))
    if len(layout["patrol_roads"]):
        handles.append(Line2D([], [], color=style.PATROL, lw=1.6, ls=(0, (5, 2)), label="patrol road"))
    if len(layout["drone_orbits"]):
        handles.append(Line2D([], [], color=style.DRONE, lw=3, alpha=0.75, label="drone orbit"))
    if len(layout["ground_sensors"]):
        handles.append(Line2D([], [], marker=".", color=style.GROUND_SENSOR, ls="none",
                              label="ground sensor"))
    if len(layout["towns"]):
        handles.append(Line2D([], [], marker="o", color="black", markerfacecolor="white",
                              ls="none", label="town"))
    if len(layout["rivers"]):
        handles.append(Line2D([], [], color=style.RIVER, lw=1.2, label="river"))
    for kind in ("undetected", "detected", "intercepted", "aborted"):
        handles.append(Line2D([], [], marker="o", color=style.OUTCOME_COLOURS[kind], ls="none",
                              label=style.OUTCOME_LABELS[kind]))
    return handles


def _strips(extent):
    west, east, south, north = extent
    width, height = east - west, north - south
    n = max(1, math.ceil(width / height / MAX_STRIP_ASPECT)) if height > 0 else 1
    step = width / n
    return [(west + i * step, west + (i + 1) * step, south, north) for i in range(n)]


def _extent(layout, places):
    """The box around everything drawn, MARGIN_KM beyond it, within the grid."""
    xs, ys = [], []
    for table in ("border", "towers", "qrf_bases", "ground_sensors", "patrol_roads", "drone_orbits"):
        xs.append(_column(layout[table], "x_m") * KM)
        ys.append(_column(layout[table], "y_m") * KM)
    for x, y in places.values():
        if x.size:  # the bulk of the places, not a stray one far behind
            xs.append(np.percentile(x, [1, 99]))
            ys.append(np.percentile(y, [1, 99]))
    x, y = np.concatenate(xs), np.concatenate(ys)
    box = [x.min() - MARGIN_KM, x.max() + MARGIN_KM, y.min() - MARGIN_KM, y.max() + MARGIN_KM]
    grid = layout["grid"]
    if grid.rows > 0 and grid.cols > 0:
        west, east, south, north = grid.extent(KM)
        box = [max(box[0], west), min(box[1], east), max(box[2], south), min(box[3], north)]
    return tuple(box)


def draw_map(path, variant, layout, crossings, replications):
    """Writes the map of one variant to `path` (PNG). Axes are placed in inches, so that
    every strip keeps the map's true proportions and spans the figure's width."""
    jurisdictions = list(dict.fromkeys(_column(layout["sectors"], "jurisdiction").tolist()))
    jurisdiction_colour = {j: style.JURISDICTION_COLOURS[i % len(style.JURISDICTION_COLOURS)]
                           for i, j in enumerate(jurisdictions)}
    places = _outcome_places(crossings)
    strips = _strips(_extent(layout, places))
    left, right, title, gap, chart, legend = 0.85, 0.25, 0.55, 0.5, 1.9, 0.9
    width = FIGURE_WIDTH_IN - left - right
    heights = [width * (n - s) / (e - w) for w, e, s, n in strips]
    total = title + sum(h + gap for h in heights) + 0.35 + chart + 0.6 + legend
    fig = plt.figure(figsize=(FIGURE_WIDTH_IN, total))
    top = total - title
    for h, (w, e, s, n) in zip(heights, strips):
        top -= h
        ax = fig.add_axes((left / FIGURE_WIDTH_IN, top / total, width / FIGURE_WIDTH_IN, h / total))
        top -= gap
        _draw_layout(ax, layout, jurisdiction_colour)
        _draw_outcomes(ax, places)
        _draw_sector_labels(ax, layout)
        ax.set_xlim(w, e)
        ax.set_ylim(s, n)
        ax.set_aspect("equal", adjustable="box")
        ax.set_ylabel("km north", fontsize=8)
        ax.tick_params(labelsize=8)
    ax.set_xlabel("km east" + ("" if layout["crs"] else " (local plane)"), fontsize=9)
    top -= 0.35 + chart
    ax = fig.add_axes((left / FIGURE_WIDTH_IN, top / total, width / FIGURE_WIDTH_IN, chart / total))
    _draw_along_border(ax, layout, crossings, replications)
    fig.suptitle('Variant "%s": layout, and where the crossings of %d replications went'
                 % (variant, replications), fontsize=13, weight="bold", x=0.01,
                 y=1 - 0.12 / total, ha="left", va="top")
    fig.legend(handles=_legend_handles(jurisdiction_colour, layout), loc="lower center",
               bbox_to_anchor=(0.5, 0.05 / total), ncol=5, fontsize=8.5, frameon=False)
    fig.savefig(path, dpi=80)
    plt.close(fig)
