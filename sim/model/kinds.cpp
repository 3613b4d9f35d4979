#include "bordersim/model/kinds.h"

namespace bordersim {

std::string_view to_string(CrosserKind kind) {
  switch (kind) {
    case CrosserKind::kInfiltrator:
      return "infiltrator";
    case CrosserKind::kSmuggler:
      return "smuggler";
  }
  return "unknown";
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kUndetected:
      return "undetected";
    case Outcome::kDetectedNotIntercepted:
      return "detected";
    case Outcome::kIntercepted:
      return "intercepted";
    case Outcome::kAborted:
      return "aborted";
  }
  return "unknown";
}

}  // namespace bordersim
