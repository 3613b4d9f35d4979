#pragma once
// Typed errors, caught once in main and mapped to exit codes. Library code never exits.
#include <stdexcept>
#include <string>
#include <string_view>

namespace bordersim {

// Bad input (scenario, flags, files): exit status 2, message "FILE: /json/pointer: problem".
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string pointer, const std::string& problem)
      : std::runtime_error(printable(file) + ": " +
                           (pointer.empty() ? std::string("/") : printable(pointer)) + ": " +
                           printable(problem, "\n\t")),
        file_(std::move(file)),
        pointer_(std::move(pointer)),
        problem_(problem) {}
  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& problem() const { return problem_; }

  // Control characters (a NUL in a key would cut the message short where what() is
  // printed) shown as \u00XX, as JSON writes them.
  static std::string printable(const std::string& text, std::string_view keep = {}) {
    std::string out;
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if ((byte < 0x20 || byte == 0x7f) && keep.find(c) == std::string_view::npos) {
        constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xf];
      } else {
        out += c;
      }
    }
    return out;
  }

 private:
  std::string file_;
  std::string pointer_;
  std::string problem_;
};

}  // namespace bordersim
