#pragma once
// Private to sim/io: the columns of the result file's tables, record by record, both ways.
// Column names and types here are the file format: change them only with format_version.
#include <vector>

#include "bordersim/io/result_columns.h"
#include "bordersim/results/summary.h"
#include "bordersim/run/batch.h"
#include "hdf5_table.h"

namespace bordersim::result_tables {

// With weather states, one column weather_NAME_s per state (ReplicationRecord::weather_s).
hdf5::Table from_replications(const std::vector<ReplicationRecord>& replications,
                              const std::vector<std::string>& weather_states = {});
// Every crossing of every replication, in replication order; sector names from `sectors`.
hdf5::Table from_crossings(const std::vector<ReplicationRecord>& replications,
                           const std::vector<SectorTally>& sectors);
hdf5::Table from_sectors(const std::vector<SectorTally>& sectors);
hdf5::Table from_summary(const std::vector<SummaryRow>& rows);

// Each throws hdf5::Error naming the table and the column that is missing or unreadable.
std::vector<ReplicationRecord> to_replications(const hdf5::Table& table);
// The NAMEs of the weather_NAME_s columns, in order (ReplicationRecord::weather_s).
std::vector<std::string> weather_states(const hdf5::Table& replications);
std::vector<CrossingRecord> to_crossings(const hdf5::Table& table);
std::vector<SectorTally> to_sectors(const hdf5::Table& table);
std::vector<SummaryRow> to_summary(const hdf5::Table& table);

// Each table's described columns (io/result_columns.h); the replications' weather columns
// are not among them.
std::vector<ColumnDoc> replication_docs();
std::vector<ColumnDoc> crossing_docs();
std::vector<ColumnDoc> sector_docs();
std::vector<ColumnDoc> summary_docs();

}  // namespace bordersim::result_tables
