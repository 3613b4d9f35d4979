#include "bordersim/scenario/strict_json.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <vector>

#include "bordersim/core/error.h"
#include "bordersim/scenario/limits.h"
#include "field_io.h"

namespace bordersim {
namespace {

// Checks what nlohmann's parser lets through (duplicate keys, nesting deeper than the
// limit), as a SAX pass before the DOM is built. The frames track where the parser is, so
// that an error names the pointer of the element being read. (A callback passed to
// Json::parse would do the same, but its end_object rescans the parent container: arrays
// of 70 000 objects took a second, and over 30 s under AddressSanitizer.)
class StrictParse : public nlohmann::json_sax<Json> {
 public:
  explicit StrictParse(const std::string& file) : file_(file) {}

  bool null() override { return element_done(); }
  bool boolean(bool) override { return element_done(); }
  bool number_integer(number_integer_t) override { return element_done(); }
  bool number_unsigned(number_unsigned_t) override { return element_done(); }
  bool number_float(number_float_t, const string_t&) override { return element_done(); }
  bool string(string_t&) override { return element_done(); }
  bool binary(binary_t&) override { return element_done(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Frame& f = frames_.back();
    f.key = name;
    if (!f.keys.insert(f.key).second)
      throw InputError(file_, pointer(), "duplicate key (each key may appear once per object)");
    return true;
  }

  // Syntax errors stop the pass; the DOM parse that follows reports them.
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  struct Frame {
    bool array;
    std::size_t index;
    std::string key;
    std::set<std::string> keys;
  };

  bool open(bool array) {
    if (static_cast<int>(frames_.size()) + 1 > limits::kMaxJsonDepth)
      throw InputError(file_, pointer(),
                       fmt::format("nested deeper than {} levels (the limit of scenario files)",
                                   limits::kMaxJsonDepth));
    frames_.push_back({array, 0, {}, {}});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return element_done();
  }

  bool element_done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }

  std::string pointer() const {
    std::string out;
    for (const Frame& f : frames_)
      out += "/" + (f.array ? std::to_string(f.index) : detail::pointer_token(f.key));
    return out;
  }

  const std::string& file_;
  std::vector<Frame> frames_;
};

// nlohmann's messages start with "[json.exception.parse_error.101] "; users need the rest.
std::string without_prefix(std::string what) {
  if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
  return what;
}

}  // namespace

std::string read_scenario_bytes(const std::string& path) {
  // stat before open: opening a FIFO blocks until a writer comes.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw InputError(path, "",
                     fmt::format("cannot open the scenario file: {}", std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) throw InputError(path, "", "the scenario is not a regular file");
  if (static_cast<std::uint64_t>(st.st_size) > limits::kMaxScenarioBytes)
    throw InputError(
        path, "",
        fmt::format("the scenario file is larger than {} MiB, the limit of scenario files",
                    limits::kMaxScenarioBytes >> 20));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open the scenario file");
  // Read no more than the cap even if the file grew after stat.
  std::string text(limits::kMaxScenarioBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > limits::kMaxScenarioBytes)
    throw InputError(
        path, "",
        fmt::format("the scenario file is larger than {} MiB, the limit of scenario files",
                    limits::kMaxScenarioBytes >> 20));
  return text;
}

Json parse_strict_json(const std::string& text, const std::string& file) {
  StrictParse check(file);
  try {
    Json::sax_parse(text, &check);
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw InputError(file, "", "not valid JSON: " + without_prefix(e.what()));
  } catch (const Json::out_of_range& e) {
    // "number overflow parsing '1e400'": a number no double holds.
    throw InputError(file, "", "not valid JSON: " + without_prefix(e.what()));
  }
}

void check_variant_names(const Json& variants, const std::string& file) {
  if (variants.size() > limits::kMaxVariants)
    throw InputError(
        file, "/variants",
        fmt::format("{} variants, over the limit of {}", variants.size(), limits::kMaxVariants));
  std::map<std::string, std::string> seen;  // lower-cased -> as written
  for (const auto& [name, unused] : variants.items()) {
    const std::string ptr = "/variants/" + detail::pointer_token(name);
    const auto fail = [&](const std::string& problem) { throw InputError(file, ptr, problem); };
    if (name.empty()) fail("a variant name may not be empty");
    if (name.size() > limits::kMaxVariantNameBytes)
      fail(fmt::format("variant name longer than {} characters", limits::kMaxVariantNameBytes));
    std::string lower;
    for (const char c : name) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '+';
      if (!ok)
        fail(
            "a variant name may hold only letters, digits, '-', '_', '.' and '+' "
            "(it names an HDF5 group and files)");
      lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (name.front() == '.' || name.front() == '-')
      fail("a variant name may not start with '.' or '-'");
    if (auto [it, fresh] = seen.emplace(lower, name); !fresh)
      fail(fmt::format(
          "same name as variant \"{}\" but for case (names must differ on case-insensitive "
          "file systems)",
          it->second));
  }
}

std::optional<int> parse_epsg(std::string_view crs) {
  if (!crs.starts_with("EPSG:")) return std::nullopt;
  const std::string_view digits = crs.substr(5);
  int code = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code);
  if (digits.empty() || digits.size() > 6 || ec != std::errc() ||
      end != digits.data() + digits.size() || code <= 0)
    return std::nullopt;
  return code;
}

}  // namespace bordersim
