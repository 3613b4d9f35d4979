#include "hdf5_array.h"

#include <algorithm>
#include <array>

#include "hdf5_handle.h"

namespace bordersim::hdf5 {
namespace {

// Compress above this many cells: a 610 × 70 km raster at 1 km is 43 000 cells, mostly 0.
constexpr std::size_t kCompressAboveCells = 4096;
constexpr hsize_t kChunkSide = 256;
constexpr unsigned kDeflateLevel = 4;

template <class T>
hid_t memory_type();
template <>
hid_t memory_type<std::uint8_t>() {
  return H5T_NATIVE_UINT8;
}
template <>
hid_t memory_type<std::uint32_t>() {
  return H5T_NATIVE_UINT32;
}
template <>
hid_t memory_type<float>() {
  return H5T_NATIVE_FLOAT;
}

template <class T>
hid_t file_type();
template <>
hid_t file_type<std::uint8_t>() {
  return H5T_STD_U8LE;
}
template <>
hid_t file_type<std::uint32_t>() {
  return H5T_STD_U32LE;
}
template <>
hid_t file_type<float>() {
  return H5T_IEEE_F32LE;
}

}  // namespace

template <class T>
void write_array(hid_t parent, const std::string& name, const Array2D<T>& array) {
  if (array.values.size() != array.rows * array.cols)
    throw Error(name + ": size does not match shape");
  const std::array<hsize_t, 2> dims{array.rows, array.cols};
  const Handle space = checked(H5Screate_simple(2, dims.data(), nullptr), H5Sclose, "dataspace");
  const Handle dcpl = checked(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dataset properties");
  if (array.values.size() > kCompressAboveCells) {
    const std::array<hsize_t, 2> chunk{std::min<hsize_t>(dims[0], kChunkSide),
                                       std::min<hsize_t>(dims[1], kChunkSide)};
    check(H5Pset_chunk(dcpl.get(), 2, chunk.data()), "chunk size of " + name);
    check(H5Pset_shuffle(dcpl.get()), "shuffle filter of " + name);
    check(H5Pset_deflate(dcpl.get(), kDeflateLevel), "deflate filter of " + name);
  }
  const Handle dataset = checked(H5Dcreate2(parent, name.c_str(), file_type<T>(), space.get(),
                                            H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                                 H5Dclose, "cannot create dataset " + name);
  if (!array.values.empty()) {
    check(H5Dwrite(dataset.get(), memory_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                   array.values.data()),
          "cannot write dataset " + name);
  }
}

template <class T>
Array2D<T> read_array(hid_t parent, const std::string& name, const std::string& label) {
  const Handle dataset = checked(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose,
                                 "cannot open dataset " + label);
  const Handle space = checked(H5Dget_space(dataset.get()), H5Sclose, "dataspace of " + label);
  if (H5Sget_simple_extent_ndims(space.get()) != 2) throw Error(label + " is not 2-D");
  std::array<hsize_t, 2> dims{};
  check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), "extent of " + label);
  const Handle type = checked(H5Dget_type(dataset.get()), H5Tclose, "type of " + label);
  const H5T_class_t kind = H5Tget_class(type.get());
  if (kind != H5T_INTEGER && kind != H5T_FLOAT) throw Error(label + " is not numeric");
  Array2D<T> array{dims[0], dims[1], std::vector<T>(dims[0] * dims[1])};
  if (!array.values.empty()) {
    check(H5Dread(dataset.get(), memory_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                  array.values.data()),
          "cannot read dataset " + label);
  }
  return array;
}

template void write_array(hid_t, const std::string&, const Array2D<std::uint8_t>&);
template void write_array(hid_t, const std::string&, const Array2D<std::uint32_t>&);
template void write_array(hid_t, const std::string&, const Array2D<float>&);
template Array2D<std::uint8_t> read_array(hid_t, const std::string&, const std::string&);
template Array2D<std::uint32_t> read_array(hid_t, const std::string&, const std::string&);
template Array2D<float> read_array(hid_t, const std::string&, const std::string&);

}  // namespace bordersim::hdf5
