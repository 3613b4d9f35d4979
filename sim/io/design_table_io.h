#pragma once
// Private to sim/io: a sweep's design matrix as the result file's /design table (one row
// per design point: `variant`, then a float64 column per factor named by its JSON pointer),
// with attributes `design` (its name) and `factors` (the factor definitions as JSON text).
#include <hdf5.h>

#include <optional>

#include "bordersim/scenario/design_table.h"

namespace bordersim::design_table_io {

void write_design(hid_t file, const DesignTable& design);

// nullopt when the file has no /design (a batch that is not a sweep).
std::optional<DesignTable> read_design(hid_t file);

}  // namespace bordersim::design_table_io
