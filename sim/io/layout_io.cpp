#include "layout_io.h"

#include <cmath>

#include "bordersim/io/result_rasters.h"
#include "bordersim/terrain/land_cover.h"
#include "hdf5_array.h"
#include "hdf5_attribute.h"
#include "hdf5_handle.h"
#include "hdf5_table.h"

namespace bordersim::layout_io {
namespace {

using hdf5::checked;
using hdf5::ColumnType;
using hdf5::Handle;
using hdf5::Table;

Handle create_group(hid_t parent, const char* name, const std::string& label) {
  return checked(H5Gcreate2(parent, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
                 "cannot create group " + label);
}

// One value per site or point, as a table column.
template <class Rows, class Field>
std::vector<double> reals(const Rows& rows, Field field) {
  std::vector<double> out;
  for (const auto& r : rows) out.push_back(field(r));
  return out;
}

Table site_table(const std::vector<LayoutSite>& sites, const char* radius_column, bool names,
                 bool counts) {
  Table t;
  if (names) {
    std::vector<std::string> text;
    for (const LayoutSite& s : sites) text.push_back(s.name);
    t.add_strings("name", std::move(text));
  }
  t.add_reals("x_m", reals(sites, [](const LayoutSite& s) { return s.x_m; }));
  t.add_reals("y_m", reals(sites, [](const LayoutSite& s) { return s.y_m; }));
  if (radius_column)
    t.add_reals(radius_column, reals(sites, [](const LayoutSite& s) { return s.radius_m; }));
  if (counts) {
    std::vector<std::uint64_t> n;
    for (const LayoutSite& s : sites) n.push_back(s.count);
    t.add_integers("teams", ColumnType::kUInt32, std::move(n));
  }
  return t;
}

std::vector<LayoutSite> sites_from(const Table& t, const char* radius_column, bool names,
                                   bool counts) {
  std::vector<LayoutSite> sites(t.rows());
  const auto& x = t.column("x_m").reals;
  const auto& y = t.column("y_m").reals;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    sites[i].x_m = x.at(i);
    sites[i].y_m = y.at(i);
    if (radius_column) sites[i].radius_m = t.column(radius_column).reals.at(i);
    if (names) sites[i].name = t.column("name").strings.at(i);
    if (counts) sites[i].count = static_cast<std::uint32_t>(t.column("teams").integers.at(i));
  }
  return sites;
}

Table line_table(const std::vector<LayoutLine>& lines) {
  std::vector<std::uint64_t> index;
  std::vector<double> x, y;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (const terrain::MapPoint& p : lines[l].points) {
      index.push_back(l);
      x.push_back(p.x);
      y.push_back(p.y);
    }
  }
  Table t;
  t.add_integers("line", ColumnType::kUInt32, std::move(index));
  t.add_reals("x_m", std::move(x));
  t.add_reals("y_m", std::move(y));
  return t;
}

std::vector<LayoutLine> lines_from(const Table& t) {
  std::vector<LayoutLine> lines;
  const auto& index = t.column("line").integers;
  const auto& x = t.column("x_m").reals;
  const auto& y = t.column("y_m").reals;
  for (std::size_t i = 0; i < index.size(); ++i) {
    if (index[i] >= lines.size()) lines.resize(index[i] + 1);
    lines[index[i]].points.push_back({x.at(i), y.at(i)});
  }
  return lines;
}

void write_grid_attributes(hid_t object, const terrain::GridGeometry& grid, const char* prefix) {
  const std::string p(prefix);
  hdf5::write_attribute(object, (p + "origin_x_m").c_str(), grid.west);
  hdf5::write_attribute(object, (p + "origin_y_m").c_str(), grid.north);
  hdf5::write_attribute(object, (p + "cell_m").c_str(), grid.cell_w);
}

}  // namespace

void write_layout(hid_t variant_group, const Layout& layout, const std::string& label) {
  const std::string base = label + "/layout";
  const Handle group = create_group(variant_group, "layout", base);
  hdf5::write_attribute(group.get(), "crs", layout.crs);
  write_grid_attributes(group.get(), layout.grid, "grid_");
  hdf5::write_attribute(group.get(), "grid_cols", static_cast<std::uint64_t>(layout.grid.cols));
  hdf5::write_attribute(group.get(), "grid_rows", static_cast<std::uint64_t>(layout.grid.rows));
  auto write = [&](const char* name, Table table) {
    table.label = base + "/" + name;
    hdf5::write_table(group.get(), name, table);
  };
  Table border;
  std::vector<double> x, y, s;
  double along = 0.0;
  for (std::size_t i = 0; i < layout.border.points.size(); ++i) {
    const terrain::MapPoint p = layout.border.points[i];
    if (i > 0) along += std::hypot(p.x - x.back(), p.y - y.back());
    x.push_back(p.x);
    y.push_back(p.y);
    s.push_back(along);
  }
  border.add_reals("x_m", std::move(x));
  border.add_reals("y_m", std::move(y));
  border.add_reals("s_m", std::move(s));
  write("border", std::move(border));

  Table sectors;
  std::vector<std::string> names, jurisdictions;
  std::vector<double> from, to;
  for (const LayoutSector& sector : layout.sectors) {
    names.push_back(sector.name);
    jurisdictions.push_back(sector.jurisdiction);
    from.push_back(sector.from_m);
    to.push_back(sector.to_m);
  }
  sectors.add_strings("name", std::move(names));
  sectors.add_strings("jurisdiction", std::move(jurisdictions));
  sectors.add_reals("from_m", std::move(from));
  sectors.add_reals("to_m", std::move(to));
  write("sectors", std::move(sectors));

  write("towers", site_table(layout.towers, "range_m", false, false));
  Table radars;
  radars.add_reals("x_m", reals(layout.radars, [](const LayoutRadar& r) { return r.x_m; }));
  radars.add_reals("y_m", reals(layout.radars, [](const LayoutRadar& r) { return r.y_m; }));
  radars.add_reals("range_m", reals(layout.radars, [](const LayoutRadar& r) { return r.range_m; }));
  radars.add_reals("bearing_deg",
                   reals(layout.radars, [](const LayoutRadar& r) { return r.bearing_deg; }));
  radars.add_reals("width_deg",
                   reals(layout.radars, [](const LayoutRadar& r) { return r.width_deg; }));
  write("radars", std::move(radars));
  write("qrf_bases", site_table(layout.qrf_bases, nullptr, false, true));
  write("ground_sensors", site_table(layout.ground_sensors, "radius_m", false, false));
  write("towns", site_table(layout.towns, "radius_m", true, false));
  write("patrol_roads", line_table(layout.patrol_roads));
  write("drone_orbits", line_table(layout.drone_orbits));
  write("rivers", line_table(layout.rivers));

  const auto rows = static_cast<std::size_t>(layout.grid.rows);
  const auto cols = static_cast<std::size_t>(layout.grid.cols);
  if (!layout.land_cover.empty()) {
    hdf5::write_array(group.get(), "land_cover",
                      hdf5::Array2D<std::uint8_t>{rows, cols, layout.land_cover});
    const Handle cover = checked(H5Dopen2(group.get(), "land_cover", H5P_DEFAULT), H5Dclose,
                                 "cannot open " + base + "/land_cover");
    std::vector<std::string> classes;
    for (std::size_t c = 0; c < terrain::kLandCoverCount; ++c)
      classes.emplace_back(terrain::to_string(static_cast<terrain::LandCover>(c)));
    hdf5::write_attribute(cover.get(), "classes", classes);
  }
  if (!layout.elevation.empty())
    hdf5::write_array(group.get(), "elevation", hdf5::Array2D<float>{rows, cols, layout.elevation});
}

Layout read_layout(hid_t variant_group, const std::string& label) {
  Layout layout;
  if (H5Lexists(variant_group, "layout", H5P_DEFAULT) <= 0) return layout;
  const std::string base = label + "/layout";
  const Handle group = checked(H5Gopen2(variant_group, "layout", H5P_DEFAULT), H5Gclose,
                               "cannot open group " + base);
  layout.crs = hdf5::read_string_attribute(group.get(), "crs");
  layout.grid.west = hdf5::read_double_attribute(group.get(), "grid_origin_x_m");
  layout.grid.north = hdf5::read_double_attribute(group.get(), "grid_origin_y_m");
  layout.grid.cell_w = layout.grid.cell_h = hdf5::read_double_attribute(group.get(), "grid_cell_m");
  layout.grid.cols = static_cast<int>(hdf5::read_uint_attribute(group.get(), "grid_cols"));
  layout.grid.rows = static_cast<int>(hdf5::read_uint_attribute(group.get(), "grid_rows"));
  auto read = [&](const char* name) {
    Table table = hdf5::read_table(group.get(), name);
    table.label = base + "/" + name;
    return table;
  };
  const Table border = read("border");
  for (std::size_t i = 0; i < border.rows(); ++i)
    layout.border.points.push_back({border.column("x_m").reals[i], border.column("y_m").reals[i]});
  const Table sectors = read("sectors");
  for (std::size_t i = 0; i < sectors.rows(); ++i)
    layout.sectors.push_back({sectors.column("name").strings[i],
                              sectors.column("jurisdiction").strings[i],
                              sectors.column("from_m").reals[i], sectors.column("to_m").reals[i]});
  layout.towers = sites_from(read("towers"), "range_m", false, false);
  if (H5Lexists(group.get(), "radars", H5P_DEFAULT) > 0) {  // files from before radars: none
    const Table radars = read("radars");
    for (std::size_t i = 0; i < radars.rows(); ++i)
      layout.radars.push_back({radars.column("x_m").reals.at(i), radars.column("y_m").reals.at(i),
                               radars.column("range_m").reals.at(i),
                               radars.column("bearing_deg").reals.at(i),
                               radars.column("width_deg").reals.at(i)});
  }
  layout.qrf_bases = sites_from(read("qrf_bases"), nullptr, false, true);
  layout.ground_sensors = sites_from(read("ground_sensors"), "radius_m", false, false);
  layout.towns = sites_from(read("towns"), "radius_m", true, false);
  layout.patrol_roads = lines_from(read("patrol_roads"));
  layout.drone_orbits = lines_from(read("drone_orbits"));
  layout.rivers = lines_from(read("rivers"));
  const auto cells = static_cast<std::size_t>(std::max<std::int64_t>(layout.grid.cell_count(), 0));
  auto check_shape = [&](std::size_t size, const char* name) {
    if (size != cells) throw hdf5::Error(base + "/" + name + " does not match the grid's shape");
  };
  if (H5Lexists(group.get(), "land_cover", H5P_DEFAULT) > 0) {
    layout.land_cover =
        hdf5::read_array<std::uint8_t>(group.get(), "land_cover", base + "/land_cover").values;
    check_shape(layout.land_cover.size(), "land_cover");
  }
  if (H5Lexists(group.get(), "elevation", H5P_DEFAULT) > 0) {
    layout.elevation =
        hdf5::read_array<float>(group.get(), "elevation", base + "/elevation").values;
    check_shape(layout.elevation.size(), "elevation");
  }
  return layout;
}

void write_rasters(hid_t variant_group, const Layout& layout,
                   const std::vector<ReplicationRecord>& replications) {
  const Handle group = create_group(variant_group, "rasters", "rasters");
  const ResultRasters rasters = count_rasters(layout.grid, replications);
  const auto rows = static_cast<std::size_t>(std::max(layout.grid.rows, 0));
  const auto cols = static_cast<std::size_t>(std::max(layout.grid.cols, 0));
  const std::pair<const char*, const CountRaster*> all[] = {
      {"crossings", &rasters.crossings},
      {"detections", &rasters.detections},
      {"interceptions", &rasters.interceptions}};
  for (const auto& [name, raster] : all) {
    hdf5::write_array(group.get(), name, hdf5::Array2D<std::uint32_t>{rows, cols, raster->counts});
    const Handle dataset =
        checked(H5Dopen2(group.get(), name, H5P_DEFAULT), H5Dclose, std::string("rasters/") + name);
    write_grid_attributes(dataset.get(), layout.grid, "");
    hdf5::write_attribute(dataset.get(), "crs", layout.crs);
    hdf5::write_attribute(dataset.get(), "outside", raster->outside);
  }
}

}  // namespace bordersim::layout_io
