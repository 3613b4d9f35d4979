#pragma once
// Typed errors, caught once in main and mapped to exit codes. Library code never exits.
#include <stdexcept>
#include <string>

namespace bordersim {

// Bad input (scenario, flags, files): exit status 2, message "FILE: /json/pointer: problem".
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string pointer, const std::string& problem)
      : std::runtime_error(file + ": " + (pointer.empty() ? std::string("/") : pointer) + ": " +
                           problem),
        file_(std::move(file)),
        pointer_(std::move(pointer)),
        problem_(problem) {}
  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::string pointer_;
  std::string problem_;
};

}  // namespace bordersim
