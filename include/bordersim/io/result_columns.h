#pragma once
// The columns of the result file's row tables (/variants/NAME/replications, crossings,
// sectors, summary, trace), in file order, as the descriptions that write and read them
// say (sim/io/column_spec.h). README.md's column lists are generated from these and a
// test checks that they are up to date (tests/unit/test_result_columns.cpp).
#include <string>
#include <string_view>
#include <vector>

namespace bordersim {

struct ColumnDoc {
  std::string_view name;
  std::string_view type;  // uint16, uint32, uint64, float64, string
  std::string_view doc;
};

// The names of the tables with described columns, in the README's order.
std::vector<std::string_view> result_table_names();

// One table's columns; throws std::invalid_argument for a name not in result_table_names().
std::vector<ColumnDoc> result_columns(std::string_view table);

// README.md's list of one table's columns: a Markdown table (column | type | meaning).
std::string result_columns_markdown(std::string_view table);

}  // namespace bordersim
