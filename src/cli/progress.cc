#include "cli/progress.h"

#include <cstdio>
#include <unistd.h>

namespace pactum::cli {

ProgressBar::ProgressBar() : enabled_(::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputc('\n', stderr);
}

void ProgressBar::update(std::size_t done, std::size_t total, const std::string& label) {
  if (!enabled_ || total == 0) return;
  constexpr int kWidth = 30;
  int filled = static_cast<int>(kWidth * done / total);
  std::string name = label.size() > 40 ? "..." + label.substr(label.size() - 37) : label;
  std::fprintf(stderr, "\r[%-*s] %zu/%zu %-40s", kWidth, std::string(static_cast<std::size_t>(filled), '#').c_str(),
               done, total, name.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace pactum::cli
