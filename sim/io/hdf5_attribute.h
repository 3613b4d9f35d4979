#pragma once
// Private to sim/io: scalar and string-list attributes on an HDF5 object. Strings are
// variable-length UTF-8, which h5py returns as Python str and which has no 64 KiB
// object-header limit (the resolved scenario text is long).
#include <hdf5.h>

#include <cstdint>
#include <string>
#include <vector>

namespace bordersim::hdf5 {

void write_attribute(hid_t object, const char* name, const std::string& value);
void write_attribute(hid_t object, const char* name, std::uint64_t value);
void write_attribute(hid_t object, const char* name, double value);
void write_attribute(hid_t object, const char* name, const std::vector<std::string>& values);

// Each throws hdf5::Error naming the attribute when it is missing or of another kind.
// Strings may be fixed- or variable-length in the file.
std::string read_string_attribute(hid_t object, const char* name);
std::uint64_t read_uint_attribute(hid_t object, const char* name);
double read_double_attribute(hid_t object, const char* name);
std::vector<std::string> read_string_list_attribute(hid_t object, const char* name);

}  // namespace bordersim::hdf5
