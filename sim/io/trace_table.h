#pragma once
// Private to sim/io: the columns of /variants/NAME/trace (run/record.h, TraceRow), both
// ways. Column names and types are the file format, as in result_tables.h.
#include <vector>

#include "bordersim/io/result_columns.h"
#include "bordersim/run/record.h"
#include "hdf5_table.h"

namespace bordersim::trace_table {

// Every traced replication's rows, in replication order and, within one, in event order.
hdf5::Table from_replications(const std::vector<ReplicationRecord>& replications);

// Throws hdf5::Error naming the column that is missing or holds an unknown value.
std::vector<TraceRow> to_rows(const hdf5::Table& table);

// The described columns (io/result_columns.h).
std::vector<ColumnDoc> docs();

}  // namespace bordersim::trace_table
