"""Positions along the border, from the layout's border table (x_m, y_m, s_m)."""

import numpy as np


def border_points(border, s):
    """Map points (x, y) at arc lengths s (metres) along the border, clamped to its ends."""
    x = np.asarray(border["x_m"], dtype=float)
    y = np.asarray(border["y_m"], dtype=float)
    along = np.asarray(border["s_m"], dtype=float)
    s = np.clip(np.asarray(s, dtype=float), along[0], along[-1])
    return np.interp(s, along, x), np.interp(s, along, y)


def border_slice(border, from_m, to_m):
    """The border's polyline between two arc lengths, vertices included."""
    along = np.asarray(border["s_m"], dtype=float)
    inside = (along > from_m) & (along < to_m)
    s = np.concatenate(([from_m], along[inside], [to_m]))
    return border_points(border, s)


def project(border, px, py, chunk=2000):
    """Arc length of the nearest border point to each (px, py); NaN where px or py is."""
    x = np.asarray(border["x_m"], dtype=float)
    y = np.asarray(border["y_m"], dtype=float)
    along = np.asarray(border["s_m"], dtype=float)
    px = np.asarray(px, dtype=float)
    py = np.asarray(py, dtype=float)
    out = np.full(px.shape, np.nan)
    if len(x) < 2:
        return out
    x0, y0, dx, dy = x[:-1], y[:-1], np.diff(x), np.diff(y)
    length2 = np.maximum(dx * dx + dy * dy, 1e-12)
    valid = np.flatnonzero(~(np.isnan(px) | np.isnan(py)))
    for start in range(0, len(valid), chunk):
        idx = valid[start:start + chunk]
        qx, qy = px[idx, None], py[idx, None]
        t = np.clip(((qx - x0) * dx + (qy - y0) * dy) / length2, 0.0, 1.0)
        d2 = (x0 + t * dx - qx) ** 2 + (y0 + t * dy - qy) ** 2
        best = np.argmin(d2, axis=1)
        rows = np.arange(len(idx))
        out[idx] = along[best] + t[rows, best] * np.sqrt(length2[best])
    return out
