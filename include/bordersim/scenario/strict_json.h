#pragma once
// Reading scenario text strictly: a regular file of bounded size; JSON whose nesting is
// checked while parsing (before any recursive copy), whose keys are unique per object and
// whose numbers fit a double. Every problem is an InputError with the offending pointer.
#include <optional>
#include <string>
#include <string_view>

#include "bordersim/scenario/load.h"

namespace bordersim {

// The file's bytes: refuses anything but a regular file (a FIFO would hang, /dev/zero never
// ends) and files over limits::kMaxScenarioBytes.
std::string read_scenario_bytes(const std::string& path);

// Parses text as JSON: nesting over limits::kMaxJsonDepth, a key twice in one object and a
// number outside double's range are errors naming their pointer.
Json parse_strict_json(const std::string& text, const std::string& file);

// A variant name must name an HDF5 group and a file: 1 to limits::kMaxVariantNameBytes
// characters from letters, digits, '-', '_', '.', '+', not starting with '.' or '-'.
// Names equal after lower-casing are duplicates (case-insensitive file systems).
void check_variant_names(const Json& variants, const std::string& file);

// "EPSG:<code>" with 1 to 6 digits and nothing else; empty for anything else, so that a
// code that does not parse never falls back silently to the automatic UTM zone.
std::optional<int> parse_epsg(std::string_view crs);

}  // namespace bordersim
