#pragma once
// Night and day over a run, for crossers' arrivals: night while the sun is below the
// horizon (sensors::Light other than kDay: twilight counts as night, since a walker is
// hard to see once the sun has set). Judged per step of Model::kLightStep at the step's
// middle, from the model's light table when it has one (tower cameras) and from the sun's
// position at the scenario's site otherwise: the same values either way.
#include <cstddef>
#include <vector>

#include "bordersim/core/time.h"
#include "bordersim/run/model.h"

namespace bordersim {

class NightTable {
 public:
  explicit NightTable(const Model& model);

  bool is_night(Time t) const;
  // Share of [0, duration) that is night, each step weighted by its overlap.
  double night_fraction() const { return night_fraction_; }

 private:
  std::vector<bool> night_;  // per step
  double night_fraction_ = 0.0;
};

}  // namespace bordersim
