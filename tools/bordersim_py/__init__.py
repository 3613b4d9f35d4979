"""Pictures of bordersim result files, for `bordersim report --plots DIR`.

Debian's python3-matplotlib, python3-h5py and python3-numpy only (run as /usr/bin/python3,
with tools/ on PYTHONPATH so that read_results, the reader, is importable):

    /usr/bin/python3 -m bordersim_py.plots OUT.h5 DIR

writes DIR/map-VARIANT.png per variant, DIR/rates.png, DIR/sectors.png and, for a sweep,
DIR/sweep-response.png, and prints the paths written.
"""
