#pragma once
// Reading and writing the keys of per-crossing distributions and of arrival timing
// (scenario/distribution.h, NightPreference): private to sim/scenario, used by
// field_io.h's visitors. A fixed value is written back as a plain number and a uniform
// group size as [min, max], so scenarios that do not use the new forms resolve to the
// same text as before.
#include <string>

#include "bordersim/scenario/distribution.h"
#include "bordersim/scenario/field_rules.h"
#include "bordersim/scenario/load.h"
#include "bordersim/scenario/threat_keys.h"

namespace bordersim::detail {

// A number (fixed) or {"family": ..., parameters}; errors name the parameter's pointer.
Distribution read_distribution(const Json& j, const std::string& ptr, const std::string& file,
                               const DistributionCheck& check);
// [min, max] (uniform integer, today's form) or an object as above, without exponential;
// values in `range`, whole numbers except a lognormal's mean and cv.
GroupSizeDistribution read_group_size(const Json& j, const std::string& ptr,
                                      const std::string& file, const Range& range);
// A share in `range`, or null / "none": no preference.
NightPreference read_night_preference(const Json& j, const std::string& ptr,
                                      const std::string& file, const Range& range);

Json distribution_json(const Distribution& d);
Json group_size_json(const GroupSizeDistribution& d);
Json night_preference_json(const NightPreference& p);

}  // namespace bordersim::detail
