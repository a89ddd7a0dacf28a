// A one-line progress bar on stderr, drawn only when stderr is a terminal
// (Debian 12 ships no C++ progress-bar library; this is twenty lines).
#pragma once

#include <cstddef>
#include <string>

namespace pactum::cli {

class ProgressBar {
 public:
  ProgressBar();
  ~ProgressBar();
  void update(std::size_t done, std::size_t total, const std::string& label);

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace pactum::cli
