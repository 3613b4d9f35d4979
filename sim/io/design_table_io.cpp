#include "design_table_io.h"

#include "hdf5_attribute.h"
#include "hdf5_handle.h"
#include "hdf5_table.h"

namespace bordersim::design_table_io {

void write_design(hid_t file, const DesignTable& design) {
  hdf5::Table table;
  table.label = "/design";
  table.add_strings("variant", design.variants);
  for (std::size_t f = 0; f < design.factors.size(); ++f) {
    std::vector<double> column;
    for (std::size_t p = 0; p < design.variants.size(); ++p) column.push_back(design.at(p, f));
    table.add_reals(design.factors[f], std::move(column));
  }
  hdf5::write_table(file, "design", table);
  const hdf5::Handle dataset =
      hdf5::checked(H5Dopen2(file, "design", H5P_DEFAULT), H5Dclose, "cannot open /design");
  hdf5::write_attribute(dataset.get(), "design", design.design);
  hdf5::write_attribute(dataset.get(), "factors", design.factors_json);
}

std::optional<DesignTable> read_design(hid_t file) {
  if (H5Lexists(file, "design", H5P_DEFAULT) <= 0) return std::nullopt;
  hdf5::Table table = hdf5::read_table(file, "design");
  table.label = "/design";
  DesignTable design;
  design.variants = table.column("variant").strings;
  for (const hdf5::Column& column : table.columns()) {
    if (column.name == "variant") continue;
    if (column.type != hdf5::ColumnType::kFloat64)
      throw hdf5::Error("/design: column " + column.name + " is not float64");
    design.factors.push_back(column.name);
  }
  design.values.resize(design.variants.size() * design.factors.size());
  for (std::size_t f = 0; f < design.factors.size(); ++f) {
    const std::vector<double>& values = table.column(design.factors[f]).reals;
    for (std::size_t p = 0; p < design.variants.size(); ++p)
      design.values[p * design.factors.size() + f] = values[p];
  }
  const hdf5::Handle dataset =
      hdf5::checked(H5Dopen2(file, "design", H5P_DEFAULT), H5Dclose, "cannot open /design");
  design.design = hdf5::read_string_attribute(dataset.get(), "design");
  design.factors_json = hdf5::read_string_attribute(dataset.get(), "factors");
  return design;
}

}  // namespace bordersim::design_table_io
