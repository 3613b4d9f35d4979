#pragma once
// The border's sectors, each held by a jurisdiction: what the model, the results and the
// seam statistics (stats/seams.h) share.
#include <cstdint>
#include <string>

namespace bordersim {

struct SectorInfo {
  std::string name;
  std::string jurisdiction;
  std::uint16_t jurisdiction_index = 0;  // into scenario.jurisdictions
  double from_m = 0.0;                   // arc length along the border
  double to_m = 0.0;
};

}  // namespace bordersim
