#include "hdf5_attribute.h"

#include <cstring>

#include "hdf5_handle.h"

namespace bordersim::hdf5 {
namespace {

Handle vlen_string_type() {
  Handle type = checked(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(type.get(), H5T_VARIABLE), "string type size");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "string character set");
  return type;
}

// data == nullptr: an attribute with no elements (a null dataspace), nothing to write.
void write(hid_t object, const char* name, hid_t file_type, hid_t memory_type, hid_t space,
           const void* data) {
  const Handle attribute =
      checked(H5Acreate2(object, name, file_type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
              std::string("cannot create attribute ") + name);
  if (data == nullptr) return;
  check(H5Awrite(attribute.get(), memory_type, data),
        std::string("cannot write attribute ") + name);
}

void write_scalar(hid_t object, const char* name, hid_t file_type, hid_t memory_type,
                  const void* data) {
  const Handle space = checked(H5Screate(H5S_SCALAR), H5Sclose, "scalar dataspace");
  write(object, name, file_type, memory_type, space.get(), data);
}

Handle open(hid_t object, const char* name) {
  const htri_t exists = H5Aexists(object, name);
  if (exists < 0) fail(std::string("cannot look up attribute ") + name);
  if (exists == 0) throw Error(std::string("missing attribute '") + name + "'");
  return checked(H5Aopen(object, name, H5P_DEFAULT), H5Aclose,
                 std::string("cannot open attribute ") + name);
}

hssize_t element_count(hid_t attribute, const char* name) {
  const Handle space = checked(H5Aget_space(attribute), H5Sclose, "attribute dataspace");
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0) fail(std::string("cannot size attribute ") + name);
  return count;
}

// Reads every string of a string attribute, fixed- or variable-length.
std::vector<std::string> read_strings(hid_t attribute, const char* name) {
  const Handle file_type = checked(H5Aget_type(attribute), H5Tclose, "attribute type");
  if (H5Tget_class(file_type.get()) != H5T_STRING) {
    throw Error(std::string("attribute '") + name + "' is not a string");
  }
  const auto count = static_cast<std::size_t>(element_count(attribute, name));
  std::vector<std::string> values;
  if (count == 0) return values;
  if (H5Tis_variable_str(file_type.get()) > 0) {
    const Handle memory_type = vlen_string_type();
    std::vector<char*> pointers(count, nullptr);
    check(H5Aread(attribute, memory_type.get(), pointers.data()),
          std::string("cannot read attribute ") + name);
    for (char* p : pointers) {
      values.emplace_back(p != nullptr ? p : "");
      H5free_memory(p);  // HDF5 allocated them
    }
    return values;
  }
  const std::size_t width = H5Tget_size(file_type.get());
  Handle memory_type = checked(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(memory_type.get(), width), "string type size");
  check(H5Tset_strpad(memory_type.get(), H5T_STR_NULLPAD), "string padding");
  std::vector<char> buffer(count * width + 1, '\0');
  check(H5Aread(attribute, memory_type.get(), buffer.data()),
        std::string("cannot read attribute ") + name);
  for (std::size_t i = 0; i < count; ++i) {
    const char* s = buffer.data() + i * width;
    values.emplace_back(s, strnlen(s, width));
  }
  return values;
}

template <class T>
T read_number(hid_t object, const char* name, hid_t memory_type, H5T_class_t expected) {
  const Handle attribute = open(object, name);
  const Handle file_type = checked(H5Aget_type(attribute.get()), H5Tclose, "attribute type");
  if (H5Tget_class(file_type.get()) != expected || element_count(attribute.get(), name) != 1) {
    throw Error(std::string("attribute '") + name +
                "' is not a single number of the expected kind");
  }
  T value{};
  check(H5Aread(attribute.get(), memory_type, &value),
        std::string("cannot read attribute ") + name);
  return value;
}

}  // namespace

void write_attribute(hid_t object, const char* name, const std::string& value) {
  const Handle type = vlen_string_type();
  const char* data = value.c_str();
  write_scalar(object, name, type.get(), type.get(), &data);
}

void write_attribute(hid_t object, const char* name, std::uint64_t value) {
  write_scalar(object, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value);
}

void write_attribute(hid_t object, const char* name, double value) {
  write_scalar(object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

void write_attribute(hid_t object, const char* name, const std::vector<std::string>& values) {
  const Handle type = vlen_string_type();
  std::vector<const char*> data;
  for (const std::string& v : values) data.push_back(v.c_str());
  const hsize_t dims = values.size();
  // HDF5 wants a buffer even for no elements; an empty list is a null dataspace instead.
  const Handle space = values.empty()
                           ? checked(H5Screate(H5S_NULL), H5Sclose, "dataspace")
                           : checked(H5Screate_simple(1, &dims, nullptr), H5Sclose, "dataspace");
  write(object, name, type.get(), type.get(), space.get(), values.empty() ? nullptr : data.data());
}

std::string read_string_attribute(hid_t object, const char* name) {
  const Handle attribute = open(object, name);
  std::vector<std::string> values = read_strings(attribute.get(), name);
  if (values.size() != 1) throw Error(std::string("attribute '") + name + "' is not one string");
  return std::move(values.front());
}

std::vector<std::string> read_string_list_attribute(hid_t object, const char* name) {
  const Handle attribute = open(object, name);
  return read_strings(attribute.get(), name);
}

std::uint64_t read_uint_attribute(hid_t object, const char* name) {
  return read_number<std::uint64_t>(object, name, H5T_NATIVE_UINT64, H5T_INTEGER);
}

double read_double_attribute(hid_t object, const char* name) {
  return read_number<double>(object, name, H5T_NATIVE_DOUBLE, H5T_FLOAT);
}

}  // namespace bordersim::hdf5
