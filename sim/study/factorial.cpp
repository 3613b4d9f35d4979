#include <stdexcept>
#include <string>

#include "bordersim/study/designs.h"

namespace bordersim::study {

Design full_factorial(std::span<const std::size_t> levels, std::size_t max_points) {
  if (levels.empty()) throw std::invalid_argument("a factorial design needs at least one factor");
  std::size_t points = 1;
  for (std::size_t f = 0; f < levels.size(); ++f) {
    if (levels[f] == 0)
      throw std::invalid_argument("factor " + std::to_string(f) + " has no level");
    // Checked before multiplying, so that the product cannot overflow.
    if (points > max_points / levels[f])
      throw std::invalid_argument("more than " + std::to_string(max_points) + " design points");
    points *= levels[f];
  }
  Design d{points, levels.size(), std::vector<double>(points * levels.size())};
  for (std::size_t p = 0; p < points; ++p) {
    std::size_t rest = p;  // mixed-radix digits of p, the last factor least significant
    for (std::size_t f = levels.size(); f-- > 0;) {
      const std::size_t index = rest % levels[f];
      rest /= levels[f];
      d.x[p * d.factors + f] =
          levels[f] == 1 ? 0.0 : static_cast<double>(index) / static_cast<double>(levels[f] - 1);
    }
  }
  return d;
}

}  // namespace bordersim::study
