#!/usr/bin/python3
"""Where sim/study/nolh.cpp's first columns come from (provenance, not used at run time).

    /usr/bin/python3 tools/nolh_search.py M [ITERATIONS]

Builds Cioppa & Lucas's (2007) nearly orthogonal Latin hypercube for n = 2^M + 1 runs and
M + C(M-1, 2) columns from a permutation e of 1..2^(M-1) (the construction is written out
in sim/study/nolh.cpp), starting from e = 1..q, which gives an orthogonal design. Random
transpositions of e (numpy's default_rng(20070701 + M)) are kept when the design stays
nearly orthogonal by the paper's definition (every |pairwise correlation| <= 0.03,
condition number of the correlation matrix <= 1.13) and spreads its points better: a
larger smallest distance between two points in the unit cube, then a smaller phi_15
criterion (sum of d^-15 over pairs, to the 1/15). Prints e and its measures.
nolh.cpp holds the results of M = 4 with 300 iterations and M = 5, 6, 7 with 1500.
"""

import sys

import numpy as np


def build(m, e):
    q = 2 ** (m - 1)
    e = np.asarray(e)
    rows = np.arange(q)
    masks = [(1 << (i + 1)) - 1 for i in range(m - 1)]
    signs = [np.where((rows >> i) & 1, 1, -1) for i in range(m - 1)]
    columns = [e]
    columns += [e[rows ^ masks[i]] * signs[i] for i in range(m - 1)]
    columns += [e[rows ^ masks[i] ^ masks[j]] * signs[i] * signs[j]
                for i in range(m - 1) for j in range(i + 1, m - 1)]
    t = np.stack(columns, axis=1).astype(float)
    return np.vstack([t, np.zeros((1, t.shape[1])), -t])


def orthogonality(x):
    c = np.corrcoef(x.T)
    off = np.abs(c - np.eye(len(c))).max()
    return off, np.linalg.cond(c)


def spread(x):
    u = (x - x.min(0)) / (x.max(0) - x.min(0))
    d = np.sqrt(((u[:, None, :] - u[None, :, :]) ** 2).sum(-1))[np.triu_indices(len(u), 1)]
    return d.min(), (d ** -15.0).sum() ** (1 / 15)


def main():
    m = int(sys.argv[1])
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    rng = np.random.default_rng(20070701 + m)
    q = 2 ** (m - 1)
    e = list(range(1, q + 1))
    best = spread(build(m, e))
    measures = orthogonality(build(m, e))
    for _ in range(iterations):
        i, j = rng.choice(q, 2, replace=False)
        f = e.copy()
        f[i], f[j] = f[j], f[i]
        x = build(m, f)
        r, c = orthogonality(x)
        if r > 0.03 or c > 1.13:
            continue
        d, phi = spread(x)
        if (round(d, 9), -phi) > (round(best[0], 9), -best[1]):
            e, best, measures = f, (d, phi), (r, c)
    print(f"m={m} e={e}")
    print(f"max|r|={measures[0]:.4f} cond={measures[1]:.4f} dmin={best[0]:.4f} phi15={best[1]:.4f}")


if __name__ == "__main__":
    main()
