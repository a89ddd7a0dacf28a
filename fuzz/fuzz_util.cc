// The fuzz targets' data folder.
#include "fuzz_util.h"

#include <cstdlib>

namespace pactum::fuzz {

const char* data_dir() {
  const char* env = std::getenv("PACTUM_DATA");
  return env && *env ? env : PACTUM_FUZZ_DATA_DIR;
}

}  // namespace pactum::fuzz
