#pragma once
// Private to sim/io: a table held column by column, written as one HDF5 compound dataset
// (what h5py reads as a numpy structured array and pandas as a DataFrame) and read back
// generically, whatever its columns.
#include <hdf5.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bordersim::hdf5 {

enum class ColumnType { kUInt16, kUInt32, kUInt64, kFloat64, kString };

struct Column {
  std::string name;
  ColumnType type = ColumnType::kFloat64;
  std::vector<std::uint64_t> integers;  // kUInt16, kUInt32, kUInt64
  std::vector<double> reals;            // kFloat64
  std::vector<std::string> strings;     // kString: fixed-length, as wide as the longest

  std::size_t size() const;
};

class Table {
 public:
  void add_integers(std::string name, ColumnType type, std::vector<std::uint64_t> values);
  void add_reals(std::string name, std::vector<double> values);
  void add_strings(std::string name, std::vector<std::string> values);

  // Throws hdf5::Error naming the dataset and the column when there is no such column.
  const Column& column(std::string_view name) const;
  // nullptr when there is no such column (one added in a later writer).
  const Column* find(std::string_view name) const;
  const std::vector<Column>& columns() const { return columns_; }
  std::size_t rows() const { return columns_.empty() ? 0 : columns_.front().size(); }

  std::string label;  // for messages: the dataset's path

 private:
  void add(Column column);
  std::vector<Column> columns_;
};

// Writes `table` as dataset `name` under `parent`: contiguous when small, chunked and
// compressed (shuffle + deflate) when large; a table with no rows is a valid 0-row dataset.
void write_table(hid_t parent, const std::string& name, const Table& table);

// Reads every column of a 1-D compound dataset: integers as kUInt64, floats as kFloat64,
// fixed-length strings as kString.
Table read_table(hid_t parent, const std::string& name);

}  // namespace bordersim::hdf5
