#pragma once
// std::fmod(x, y) for finite x >= 0 and y > 0, bit for bit, without glibc's fmod, which
// shifts out the quotient one bit at a time: a drone's place on its back-and-forth track
// at every glimpse spent 6 % of a replication in it (bench/README.md, "Replications").
//
// Why it is exact: fmod's result x − n·y (n = ⌊x / y⌋) is always representable, so an fma
// with the right n returns it unrounded. x / y may round across an integer, making n one
// too large or too small; then x − n·y lies outside [0, y) and so does its rounding
// (0 and y are representable), and std::fmod answers instead.
#include <cmath>

namespace bordersim::sensors {

inline double exact_fmod(double x, double y) {
  if (x >= 0.0 && x < y) return x;
  if (x > 0.0 && y > 0.0 && x / y < 0x1p52) {
    const double n = std::floor(x / y);
    const double r = std::fma(-n, y, x);
    if (r >= 0.0 && r < y) return r;
  }
  return std::fmod(x, y);
}

}  // namespace bordersim::sensors
