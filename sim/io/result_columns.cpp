#include "bordersim/io/result_columns.h"

#include <fmt/format.h>

#include <stdexcept>

#include "column_spec.h"
#include "result_tables.h"
#include "trace_table.h"

namespace bordersim {

std::string_view hdf5::type_name(ColumnType type) {
  switch (type) {
    case ColumnType::kUInt16:
      return "uint16";
    case ColumnType::kUInt32:
      return "uint32";
    case ColumnType::kUInt64:
      return "uint64";
    case ColumnType::kFloat64:
      return "float64";
    case ColumnType::kString:
      return "string";
  }
  return "unknown";
}

std::vector<std::string_view> result_table_names() {
  return {"replications", "crossings", "sectors", "summary", "trace"};
}

std::vector<ColumnDoc> result_columns(std::string_view table) {
  if (table == "replications") return result_tables::replication_docs();
  if (table == "crossings") return result_tables::crossing_docs();
  if (table == "sectors") return result_tables::sector_docs();
  if (table == "summary") return result_tables::summary_docs();
  if (table == "trace") return trace_table::docs();
  throw std::invalid_argument(fmt::format("result_columns: no table '{}'", table));
}

std::string result_columns_markdown(std::string_view table) {
  std::string out = "| column | type | meaning |\n|---|---|---|\n";
  for (const ColumnDoc& c : result_columns(table))
    out += fmt::format("| `{}` | {} | {} |\n", c.name, c.type, c.doc);
  return out;
}

}  // namespace bordersim
