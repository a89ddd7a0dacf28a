// The fuzz targets as plain executables (the normal gcc build, no libFuzzer):
// runs LLVMFuzzerTestOneInput once over every file named on the command line
// or found (recursively) under a folder named there, so the seed corpus and
// every past crash (fuzz/regressions/<target>/) are replayed by CTest.
// A crash, a sanitizer report or a hang fails the test; an input that runs
// through passes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

int run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 1;
  }
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::fprintf(stderr, "run %s (%zu bytes)\n", path.c_str(), bytes.size());
  // A copy of exactly size bytes, so that reading past the end is caught by
  // ASan in a sanitizer build, as under libFuzzer.
  auto* copy = new std::uint8_t[bytes.size() ? bytes.size() : 1];
  std::copy(bytes.begin(), bytes.end(), copy);
  LLVMFuzzerTestOneInput(copy, bytes.size());
  delete[] copy;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  int failures = 0;
  std::size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path p(argv[i]);
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> files;
      for (const auto& e : std::filesystem::recursive_directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        failures += run_file(f);
        ++runs;
      }
    } else if (std::filesystem::exists(p, ec)) {
      failures += run_file(p);
      ++runs;
    }  // a regression folder with no file yet is not an error
  }
  std::fprintf(stderr, "%zu inputs, %d unreadable\n", runs, failures);
  return failures ? 1 : 0;
}
