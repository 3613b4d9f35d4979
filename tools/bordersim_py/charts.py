"""Charts from the summary tables: rates per variant, per sector, and a sweep's responses."""

import matplotlib.pyplot as plt
import numpy as np

from . import style


def _metric(summary, name):
    """(estimate, lower, upper) of a summary row, NaNs when absent."""
    metric = np.asarray(summary["metric"])
    hit = np.flatnonzero(metric == name)
    if hit.size == 0:
        return np.nan, np.nan, np.nan
    i = hit[0]
    return (float(np.asarray(summary["estimate"])[i]), float(np.asarray(summary["lower"])[i]),
            float(np.asarray(summary["upper"])[i]))


def _errors(values):
    """matplotlib's asymmetric error bars from (estimate, lower, upper) triples, in %."""
    values = np.asarray(values, dtype=float) * 100.0
    return values[:, 0], np.vstack([values[:, 0] - values[:, 1], values[:, 2] - values[:, 0]])


def draw_rates(path, results):
    """Detection and interception rate per variant, with their 95 % intervals."""
    names = results.variant_names
    summaries = [results.variants[n]["summary"] for n in names]
    detection = [_metric(s, "detection_rate") for s in summaries]
    interception = [_metric(s, "interception_rate") for s in summaries]
    y = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.75 * len(names)))
    for values, offset, colour, label in ((detection, -0.18, style.DETECTION, "detected"),
                                          (interception, 0.18, style.INTERCEPTION, "intercepted")):
        estimate, error = _errors(values)
        ax.barh(y + offset, estimate, height=0.34, color=colour, label=label, alpha=0.85)
        ax.errorbar(estimate, y + offset, xerr=error, fmt="none", ecolor="black", capsize=3, lw=1)
        for yy, e, hi in zip(y + offset, estimate, estimate + error[1]):
            ax.annotate("%.1f %%" % e, (hi, yy), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=8.5)
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of crossings (bars: pooled rate; whiskers: 95 % Wilson interval)")
    ax.set_title("Detection and interception rate per variant (%s replications each)"
                 % results.attrs.get("replications"), loc="left", fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=80)
    plt.close(fig)


def draw_sectors(path, results):
    """Interception rate per sector, one bar per variant, with 95 % intervals."""
    names = results.variant_names
    sectors = list(dict.fromkeys(
        str(s) for n in names for s in np.asarray(results.variants[n]["sectors"]["name"])))
    juris = {}
    for n in names:
        table = results.variants[n]["sectors"]
        for s, j in zip(np.asarray(table["name"]), np.asarray(table["jurisdiction"])):
            juris.setdefault(str(s), str(j))
    x = np.arange(len(sectors))
    width = 0.8 / max(len(names), 1)
    colours = plt.get_cmap("tab10")
    fig, ax = plt.subplots(figsize=(max(8, 1.6 * len(sectors) + 3), 5))
    highest = 0.0
    for k, n in enumerate(names):
        values = [_metric(results.variants[n]["summary"], "sector/%s/interception_rate" % s)
                  for s in sectors]
        estimate, error = _errors(values)
        highest = max(highest, np.nanmax(np.append(estimate + error[1], 0.0)))
        ax.bar(x - 0.4 + (k + 0.5) * width, estimate, width=width * 0.95, color=colours(k % 10),
               label=n, yerr=error, capsize=2, error_kw={"lw": 0.8})
    ax.set_xticks(x, ["%s\n(%s)" % (s, juris.get(s, "")) for s in sectors])
    ax.set_ylabel("intercepted, % of the sector's crossings")
    ax.set_title("Interception rate per sector and variant (whiskers: 95 % Wilson interval)",
                 loc="left", fontsize=11)
    ax.grid(axis="y", alpha=0.3)
    # Room above the bars for the legend.
    ax.set_ylim(0, min(100.0, highest * 1.25) if highest > 0 else 100.0)
    ax.legend(fontsize=8.5, ncol=min(len(names), 5), loc="upper center")
    fig.tight_layout()
    fig.savefig(path, dpi=80)
    plt.close(fig)


def draw_sweep_response(path, results, design):
    """Interception rate against each factor of a sweep, one panel per factor, with a
    least-squares line: the steeper and tighter, the more that factor matters."""
    columns = [c for c in design.columns if c != "variant"]
    rates = {n: _metric(results.variants[n]["summary"], "interception_rate")
             for n in results.variant_names}
    variants = [str(v) for v in design["variant"]]
    keep = [i for i, v in enumerate(variants) if v in rates]
    y = np.array([rates[variants[i]] for i in keep], dtype=float) * 100.0
    cols = min(3, max(len(columns), 1))
    rows = (len(columns) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.3 * cols, 3.4 * rows + 0.6), squeeze=False)
    for ax, factor in zip(axes.flat, columns):
        xs = np.asarray(design[factor], dtype=float)[keep]
        ax.errorbar(xs, y[:, 0], yerr=[y[:, 0] - y[:, 1], y[:, 2] - y[:, 0]], fmt="o", ms=4,
                    color=style.INTERCEPTION, ecolor="grey", capsize=2, lw=0.8)
        if len(np.unique(xs)) > 1:
            slope, intercept = np.polyfit(xs, y[:, 0], 1)
            grid = np.linspace(xs.min(), xs.max(), 20)
            ax.plot(grid, intercept + slope * grid, color="black", lw=1)
            ax.set_title("%s\nslope %.3g points per unit" % (factor, slope), fontsize=9)
        else:
            ax.set_title(factor, fontsize=9)
        ax.set_xlabel(factor.rsplit("/", 1)[-1], fontsize=9)
        ax.set_ylabel("interception rate, %")
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(columns):]:
        ax.set_visible(False)
    kind = design.attrs.get("design") if hasattr(design, "attrs") else None
    if isinstance(kind, dict):
        kind = kind.get("design", kind.get("kind"))
    fig.suptitle("Sweep%s: interception rate at each design point against each factor\n"
                 "(whiskers: 95 %% interval; line: least squares)"
                 % (" (%s)" % kind if isinstance(kind, str) else ""), fontsize=11, x=0.01,
                 ha="left")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.55 / (3.4 * rows + 0.6)))
    fig.savefig(path, dpi=80)
    plt.close(fig)
