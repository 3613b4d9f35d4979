"""Dataset-for-dataset equality of two bordersim result files, for the cluster tests.

Every group, dataset and attribute of one file must be in the other with the same
type, shape and bytes (NaN equals NaN), except the root attribute `created`. Walks the
whole file, so tables added later (rasters, layout, design) are compared too.
"""
import sys

import h5py
import numpy as np

IGNORED_ATTRIBUTES = {("/", "created")}


def _same_array(a, b):
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype.hasobject:  # variable-length strings: bytes would be pointers
        return repr(a.tolist()) == repr(b.tolist())  # repr: exact floats, NaN equals NaN
    return a.tobytes() == b.tobytes()


def _same_value(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return _same_array(np.asarray(a), np.asarray(b))
    if isinstance(a, float) and isinstance(b, float):
        return np.float64(a).tobytes() == np.float64(b).tobytes()
    return type(a) is type(b) and a == b


def differences(path_a, path_b):
    """The differences between two HDF5 files, as readable lines; empty when equal."""
    found = []
    with h5py.File(path_a, "r") as fa, h5py.File(path_b, "r") as fb:
        def attributes(name, a, b):
            for key in sorted(set(a.attrs) | set(b.attrs)):
                if (name, key) in IGNORED_ATTRIBUTES:
                    continue
                if key not in a.attrs or key not in b.attrs:
                    found.append(f"{name}: attribute {key} in one file only")
                elif not _same_value(a.attrs[key], b.attrs[key]):
                    found.append(f"{name}: attribute {key} differs")

        def walk(name, a, b):
            attributes(name, a, b)
            if isinstance(a, h5py.Dataset) or isinstance(b, h5py.Dataset):
                if not (isinstance(a, h5py.Dataset) and isinstance(b, h5py.Dataset)):
                    found.append(f"{name}: a dataset in one file only")
                elif a.dtype != b.dtype or a.shape != b.shape:
                    found.append(f"{name}: type or shape differs ({a.dtype} {a.shape} vs {b.dtype} {b.shape})")
                elif not _same_array(np.asarray(a[()]), np.asarray(b[()])):
                    found.append(f"{name}: values differ")
                return
            for key in sorted(set(a) | set(b)):
                child = name.rstrip("/") + "/" + key
                if key not in a or key not in b:
                    found.append(f"{child}: in one file only")
                else:
                    walk(child, a[key], b[key])

        walk("/", fa, fb)
    return found


if __name__ == "__main__":
    problems = differences(sys.argv[1], sys.argv[2])
    print("\n".join(problems) if problems else "same")
    sys.exit(1 if problems else 0)
