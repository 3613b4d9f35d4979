#pragma once
// An elevation grid as GDAL's in-memory dataset, for comparing our viewsheds with
// GDALViewshedGenerate on the same cells (tests and bench/viewshed_bench share it).
#include <gdal_priv.h>

#include <memory>
#include <stdexcept>

#include "bordersim/terrain/grid.h"

namespace bordersim::testing {

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(GDALDataset::ToHandle(ds)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// Same cells, geotransform and CRS: the CRS matters, since GDAL takes the earth radius of
// its curvature term from it.
inline DatasetPtr mem_dataset(const terrain::ElevationGrid& grid) {
  GDALAllRegister();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  DatasetPtr ds(mem->Create("", grid.cols(), grid.rows(), 1, GDT_Float32, nullptr));
  const terrain::GridGeometry& g = grid.geometry();
  double gt[6] = {g.west, g.cell_w, 0.0, g.north, 0.0, -g.cell_h};
  ds->SetGeoTransform(gt);
  ds->SetProjection(grid.crs_wkt().c_str());
  if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, grid.cols(), grid.rows(),
                                     const_cast<float*>(grid.values().data()), grid.cols(),
                                     grid.rows(), GDT_Float32, 0, 0, nullptr) != CE_None)
    throw std::runtime_error("cannot fill the MEM dataset");
  return ds;
}

}  // namespace bordersim::testing
