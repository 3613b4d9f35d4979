#pragma once
// Private to sim/io: a row table's columns described once (name, HDF5 type, documentation,
// how to get and set the record's field), from which the table is written and read back
// (result_tables.cpp, trace_table.cpp) and README.md's column lists are checked
// (io/result_columns.h). A column's place in its description is its place in the file.
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "bordersim/io/result_columns.h"
#include "hdf5_handle.h"
#include "hdf5_table.h"

namespace bordersim::hdf5 {

struct NoContext {};

// Context: what the writer needs beyond the row (the crossings' sector names).
template <class Row, class Context = NoContext>
struct ColumnSpec {
  std::string_view name;
  ColumnType type = ColumnType::kFloat64;
  std::string_view doc;
  // Added after format 1 came out: files from before it lack the column, and their rows
  // keep the record's defaults.
  bool optional = false;
  // One pair, by type; a setter returns false for a value the field cannot hold. A column
  // without a setter is written only (derived from others, as sector_name).
  std::uint64_t (*integer)(const Row&) = nullptr;
  bool (*set_integer)(Row&, std::uint64_t) = nullptr;
  double (*real)(const Row&) = nullptr;
  void (*set_real)(Row&, double) = nullptr;
  std::string (*text)(const Row&, const Context&) = nullptr;
  bool (*set_text)(Row&, const std::string&) = nullptr;
};

namespace column_detail {
template <class T>
struct MemberOf;
template <class R, class M>
struct MemberOf<M R::*> {
  using Row = R;
  using Field = M;
};
template <auto Member>
using RowOf = typename MemberOf<decltype(Member)>::Row;
template <auto Member>
using FieldOf = typename MemberOf<decltype(Member)>::Field;
}  // namespace column_detail

// An integer field (or a bool, written 0/1) as an unsigned HDF5 integer of `type`.
template <auto Member, class Context = NoContext>
constexpr ColumnSpec<column_detail::RowOf<Member>, Context> integer_column(std::string_view name,
                                                                           ColumnType type,
                                                                           std::string_view doc,
                                                                           bool optional = false) {
  using Row = column_detail::RowOf<Member>;
  using Field = column_detail::FieldOf<Member>;
  ColumnSpec<Row, Context> c{name, type, doc, optional};
  c.integer = [](const Row& r) { return static_cast<std::uint64_t>(r.*Member); };
  c.set_integer = [](Row& r, std::uint64_t v) {
    if constexpr (std::is_same_v<Field, bool>) {
      r.*Member = v != 0;
    } else {
      if (v > std::numeric_limits<Field>::max()) return false;
      r.*Member = static_cast<Field>(v);
    }
    return true;
  };
  return c;
}

template <auto Member, class Context = NoContext>
constexpr ColumnSpec<column_detail::RowOf<Member>, Context> real_column(std::string_view name,
                                                                        std::string_view doc,
                                                                        bool optional = false) {
  using Row = column_detail::RowOf<Member>;
  ColumnSpec<Row, Context> c{name, ColumnType::kFloat64, doc, optional};
  c.real = [](const Row& r) { return static_cast<double>(r.*Member); };
  c.set_real = [](Row& r, double v) { r.*Member = v; };
  return c;
}

// An enum field written as its to_string() name and read back against `Values`.
template <auto Member, const auto& Values, class Context = NoContext>
constexpr ColumnSpec<column_detail::RowOf<Member>, Context> enum_column(std::string_view name,
                                                                        std::string_view doc,
                                                                        bool optional = false) {
  using Row = column_detail::RowOf<Member>;
  ColumnSpec<Row, Context> c{name, ColumnType::kString, doc, optional};
  c.text = [](const Row& r, const Context&) { return std::string(to_string(r.*Member)); };
  c.set_text = [](Row& r, const std::string& text) {
    for (const auto v : Values) {
      if (to_string(v) == text) {
        r.*Member = v;
        return true;
      }
    }
    return false;
  };
  return c;
}

template <auto Member, class Context = NoContext>
constexpr ColumnSpec<column_detail::RowOf<Member>, Context> string_column(std::string_view name,
                                                                          std::string_view doc,
                                                                          bool optional = false) {
  using Row = column_detail::RowOf<Member>;
  ColumnSpec<Row, Context> c{name, ColumnType::kString, doc, optional};
  c.text = [](const Row& r, const Context&) { return std::string(r.*Member); };
  c.set_text = [](Row& r, const std::string& text) {
    r.*Member = text;
    return true;
  };
  return c;
}

// The table of `rows` (any range of Row) with the described columns, in order.
template <class Row, class Context, class Rows>
Table write_columns(std::string label, std::span<const ColumnSpec<Row, Context>> specs,
                    const Rows& rows, const Context& context = {}) {
  Table t;
  t.label = std::move(label);
  for (const ColumnSpec<Row, Context>& c : specs) {
    if (c.integer) {
      std::vector<std::uint64_t> values;
      for (const Row& r : rows) values.push_back(c.integer(r));
      t.add_integers(std::string(c.name), c.type, std::move(values));
    } else if (c.real) {
      std::vector<double> values;
      for (const Row& r : rows) values.push_back(c.real(r));
      t.add_reals(std::string(c.name), std::move(values));
    } else {
      std::vector<std::string> values;
      for (const Row& r : rows) values.push_back(c.text(r, context));
      t.add_strings(std::string(c.name), std::move(values));
    }
  }
  return t;
}

// The rows of `t`, every described column that has a setter read into them. Throws
// hdf5::Error naming the table and the column that is missing, of the wrong type, or holds
// a value the record cannot (an unknown name, an integer out of range).
template <class Row, class Context>
std::vector<Row> read_columns(const Table& t, std::span<const ColumnSpec<Row, Context>> specs) {
  std::vector<Row> rows(t.rows());
  const auto fail = [&](std::string_view name, const std::string& what) {
    return Error(t.label + "/" + std::string(name) + what);
  };
  for (const ColumnSpec<Row, Context>& c : specs) {
    if (!c.set_integer && !c.set_real && !c.set_text) continue;
    if (c.optional && !t.find(c.name)) continue;
    const Column& column = t.column(c.name);
    const bool integer_found =
        column.type != ColumnType::kFloat64 && column.type != ColumnType::kString;
    const bool type_ok = c.set_integer ? integer_found : column.type == c.type;
    if (!type_ok) throw fail(c.name, " has the wrong type");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (c.set_integer) {
        if (!c.set_integer(rows[i], column.integers[i]))
          throw fail(c.name, ": value " + std::to_string(column.integers[i]) + " out of range");
      } else if (c.set_real) {
        c.set_real(rows[i], column.reals[i]);
      } else if (!c.set_text(rows[i], column.strings[i])) {
        throw fail(c.name, ": unknown value '" + column.strings[i] + "'");
      }
    }
  }
  return rows;
}

std::string_view type_name(ColumnType type);

template <class Row, class Context>
std::vector<ColumnDoc> column_docs(std::span<const ColumnSpec<Row, Context>> specs) {
  std::vector<ColumnDoc> docs;
  for (const ColumnSpec<Row, Context>& c : specs)
    docs.push_back({c.name, type_name(c.type), c.doc});
  return docs;
}

}  // namespace bordersim::hdf5
