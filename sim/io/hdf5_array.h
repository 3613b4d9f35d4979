#pragma once
// Private to sim/io: 2-D arrays (rasters) as plain HDF5 datasets, row 0 first, which h5py
// reads as a numpy array of shape (rows, cols). Chunked and compressed when large.
#include <hdf5.h>

#include <cstdint>
#include <string>
#include <vector>

namespace bordersim::hdf5 {

template <class T>
struct Array2D {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<T> values;  // row-major, rows × cols
};

// T is std::uint8_t, std::uint32_t or float; stored little-endian whatever the machine.
template <class T>
void write_array(hid_t parent, const std::string& name, const Array2D<T>& array);

// Throws hdf5::Error naming `label` when the dataset is missing, not 2-D, or of a type that
// does not convert to T.
template <class T>
Array2D<T> read_array(hid_t parent, const std::string& name, const std::string& label);

}  // namespace bordersim::hdf5
