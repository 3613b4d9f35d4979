#include "hdf5_table.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "hdf5_handle.h"

namespace bordersim::hdf5 {
namespace {

// Chunks of about this many bytes: large enough for deflate to work well, small enough
// that reading a few rows does not inflate megabytes.
constexpr std::size_t kChunkBytes = 256 * 1024;
// Below this a table is stored contiguously: chunk indexing would cost more than it saves.
constexpr std::size_t kCompressAboveBytes = 16 * 1024;
constexpr unsigned kDeflateLevel = 4;

std::size_t string_width(const Column& column) {
  std::size_t width = 1;  // HDF5 has no 0-byte strings
  for (const std::string& s : column.strings) width = std::max(width, s.size());
  return width;
}

// One column's HDF5 type, in memory (native) or in the file (little-endian, so that a file
// reads the same everywhere).
Handle column_type(ColumnType type, std::size_t width, bool in_file) {
  switch (type) {
    case ColumnType::kUInt16:
      return checked(H5Tcopy(in_file ? H5T_STD_U16LE : H5T_NATIVE_UINT16), H5Tclose, "type");
    case ColumnType::kUInt32:
      return checked(H5Tcopy(in_file ? H5T_STD_U32LE : H5T_NATIVE_UINT32), H5Tclose, "type");
    case ColumnType::kUInt64:
      return checked(H5Tcopy(in_file ? H5T_STD_U64LE : H5T_NATIVE_UINT64), H5Tclose, "type");
    case ColumnType::kFloat64:
      return checked(H5Tcopy(in_file ? H5T_IEEE_F64LE : H5T_NATIVE_DOUBLE), H5Tclose, "type");
    case ColumnType::kString: {
      Handle s = checked(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
      check(H5Tset_size(s.get(), width), "string type size");
      // Null-padded: a name exactly as wide as the column keeps its last character.
      check(H5Tset_strpad(s.get(), H5T_STR_NULLPAD), "string padding");
      check(H5Tset_cset(s.get(), H5T_CSET_UTF8), "string character set");
      return s;
    }
  }
  throw Error("unknown column type");
}

// The packed layout of one row: columns back to back, no alignment padding (rows are
// copied in and out with memcpy, never accessed as structs).
struct Layout {
  std::vector<std::size_t> offsets;
  std::vector<std::size_t> widths;  // strings: characters; others: bytes
  std::size_t row_bytes = 0;
};

std::size_t byte_size(ColumnType type, std::size_t width) {
  switch (type) {
    case ColumnType::kUInt16:
      return 2;
    case ColumnType::kUInt32:
      return 4;
    case ColumnType::kUInt64:
    case ColumnType::kFloat64:
      return 8;
    case ColumnType::kString:
      return width;
  }
  return 0;
}

Handle compound_type(const std::vector<Column>& columns, const Layout& layout, bool in_file) {
  Handle compound = checked(H5Tcreate(H5T_COMPOUND, std::max<std::size_t>(layout.row_bytes, 1)),
                            H5Tclose, "compound type");
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Handle member = column_type(columns[i].type, layout.widths[i], in_file);
    check(H5Tinsert(compound.get(), columns[i].name.c_str(), layout.offsets[i], member.get()),
          "compound member " + columns[i].name);
  }
  return compound;
}

template <class T>
void put(unsigned char* at, std::uint64_t value, const std::string& column) {
  if (value > std::numeric_limits<T>::max()) {
    throw Error("value " + std::to_string(value) + " does not fit column " + column);
  }
  const T narrow = static_cast<T>(value);
  std::memcpy(at, &narrow, sizeof narrow);
}

void pack(const Column& column, std::size_t row, unsigned char* at) {
  switch (column.type) {
    case ColumnType::kUInt16:
      put<std::uint16_t>(at, column.integers[row], column.name);
      break;
    case ColumnType::kUInt32:
      put<std::uint32_t>(at, column.integers[row], column.name);
      break;
    case ColumnType::kUInt64:
      put<std::uint64_t>(at, column.integers[row], column.name);
      break;
    case ColumnType::kFloat64:
      std::memcpy(at, &column.reals[row], sizeof(double));
      break;
    case ColumnType::kString: {
      const std::string& s = column.strings[row];
      // HDF5 fixed-length strings need no terminator; the rest of the buffer is already zero.
      std::memcpy(at, s.data(), s.size());  // NOLINT(bugprone-not-null-terminated-result)
      break;
    }
  }
}

void unpack(Column& column, const unsigned char* at, std::size_t width) {
  switch (column.type) {
    case ColumnType::kUInt64: {
      std::uint64_t v = 0;
      std::memcpy(&v, at, sizeof v);
      column.integers.push_back(v);
      break;
    }
    case ColumnType::kFloat64: {
      double v = 0.0;
      std::memcpy(&v, at, sizeof v);
      column.reals.push_back(v);
      break;
    }
    case ColumnType::kString: {
      const char* chars = reinterpret_cast<const char*>(at);
      column.strings.emplace_back(chars, strnlen(chars, width));
      break;
    }
    default:
      throw Error("unexpected column type on read");
  }
}

Handle dataset_properties(std::size_t rows, std::size_t row_bytes) {
  Handle dcpl = checked(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dataset properties");
  if (rows * row_bytes <= kCompressAboveBytes) return dcpl;
  const hsize_t chunk =
      std::clamp<std::size_t>(kChunkBytes / std::max<std::size_t>(row_bytes, 1), 1, rows);
  check(H5Pset_chunk(dcpl.get(), 1, &chunk), "chunk size");
  // Deflate is optional in HDF5 builds; without it the file is larger, not wrong.
  if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0) {
    check(H5Pset_shuffle(dcpl.get()), "shuffle filter");
    check(H5Pset_deflate(dcpl.get(), kDeflateLevel), "deflate filter");
  }
  return dcpl;
}

}  // namespace

std::size_t Column::size() const {
  switch (type) {
    case ColumnType::kFloat64:
      return reals.size();
    case ColumnType::kString:
      return strings.size();
    default:
      return integers.size();
  }
}

void Table::add(Column column) {
  if (!columns_.empty() && column.size() != rows()) {
    throw Error(label + ": column " + column.name + " has " + std::to_string(column.size()) +
                " rows, others " + std::to_string(rows()));
  }
  columns_.push_back(std::move(column));
}

void Table::add_integers(std::string name, ColumnType type, std::vector<std::uint64_t> values) {
  add(Column{std::move(name), type, std::move(values), {}, {}});
}

void Table::add_reals(std::string name, std::vector<double> values) {
  add(Column{std::move(name), ColumnType::kFloat64, {}, std::move(values), {}});
}

void Table::add_strings(std::string name, std::vector<std::string> values) {
  add(Column{std::move(name), ColumnType::kString, {}, {}, std::move(values)});
}

const Column* Table::find(std::string_view name) const {
  for (const Column& c : columns_) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

const Column& Table::column(std::string_view name) const {
  if (const Column* c = find(name)) return *c;
  throw Error(label + " has no column '" + std::string(name) + "'");
}

void write_table(hid_t parent, const std::string& name, const Table& table) {
  const std::vector<Column>& columns = table.columns();
  Layout layout;
  for (const Column& c : columns) {
    const std::size_t width = c.type == ColumnType::kString ? string_width(c) : 0;
    layout.offsets.push_back(layout.row_bytes);
    layout.widths.push_back(width);
    layout.row_bytes += byte_size(c.type, width);
  }
  const std::size_t rows = table.rows();
  std::vector<unsigned char> buffer(rows * layout.row_bytes, 0);
  for (std::size_t r = 0; r < rows; ++r) {
    unsigned char* row = buffer.data() + r * layout.row_bytes;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      pack(columns[i], r, row + layout.offsets[i]);
    }
  }

  const Handle memory_type = compound_type(columns, layout, false);
  const Handle file_type = compound_type(columns, layout, true);
  const hsize_t dims = rows;
  const Handle space = checked(H5Screate_simple(1, &dims, nullptr), H5Sclose, "dataspace");
  const Handle dcpl = dataset_properties(rows, layout.row_bytes);
  const Handle dataset = checked(H5Dcreate2(parent, name.c_str(), file_type.get(), space.get(),
                                            H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                                 H5Dclose, "cannot create dataset " + table.label);
  if (rows > 0) {
    check(H5Dwrite(dataset.get(), memory_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()),
          "cannot write dataset " + table.label);
  }
}

Table read_table(hid_t parent, const std::string& name) {
  Table table;
  table.label = name;
  const Handle dataset =
      checked(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose, "cannot open dataset " + name);
  const Handle file_type = checked(H5Dget_type(dataset.get()), H5Tclose, "type of " + name);
  if (H5Tget_class(file_type.get()) != H5T_COMPOUND) throw Error(name + " is not a table");
  const Handle space = checked(H5Dget_space(dataset.get()), H5Sclose, "dataspace of " + name);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) throw Error(name + " is not 1-D");
  hsize_t rows = 0;
  check(H5Sget_simple_extent_dims(space.get(), &rows, nullptr), "extent of " + name);

  const int members = H5Tget_nmembers(file_type.get());
  if (members < 0) fail("members of " + name);
  std::vector<Column> columns;
  Layout layout;
  for (unsigned i = 0; i < static_cast<unsigned>(members); ++i) {
    char* member_name = H5Tget_member_name(file_type.get(), i);
    if (member_name == nullptr) fail("member names of " + name);
    Column column{member_name, ColumnType::kUInt64, {}, {}, {}};
    H5free_memory(member_name);
    const Handle member =
        checked(H5Tget_member_type(file_type.get(), i), H5Tclose, "member type of " + name);
    std::size_t width = 0;
    switch (H5Tget_class(member.get())) {
      case H5T_INTEGER:
        column.type = ColumnType::kUInt64;
        break;
      case H5T_FLOAT:
        column.type = ColumnType::kFloat64;
        break;
      case H5T_STRING:
        if (H5Tis_variable_str(member.get()) > 0) {
          throw Error(name + "/" + column.name + ": variable-length strings are not supported");
        }
        column.type = ColumnType::kString;
        width = H5Tget_size(member.get());
        break;
      default:
        throw Error(name + "/" + column.name + ": unsupported column type");
    }
    layout.offsets.push_back(layout.row_bytes);
    layout.widths.push_back(width);
    layout.row_bytes += byte_size(column.type, width);
    columns.push_back(std::move(column));
  }

  // HDF5 converts each member by name from the file's types to the native ones.
  const Handle memory_type = compound_type(columns, layout, false);
  std::vector<unsigned char> buffer(rows * layout.row_bytes);
  if (rows > 0) {
    check(H5Dread(dataset.get(), memory_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()),
          "cannot read dataset " + name);
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    for (std::size_t r = 0; r < rows; ++r) {
      unpack(columns[i], buffer.data() + r * layout.row_bytes + layout.offsets[i],
             layout.widths[i]);
    }
  }
  for (Column& c : columns) {
    switch (c.type) {
      case ColumnType::kFloat64:
        table.add_reals(std::move(c.name), std::move(c.reals));
        break;
      case ColumnType::kString:
        table.add_strings(std::move(c.name), std::move(c.strings));
        break;
      default:
        table.add_integers(std::move(c.name), c.type, std::move(c.integers));
        break;
    }
  }
  return table;
}

}  // namespace bordersim::hdf5
