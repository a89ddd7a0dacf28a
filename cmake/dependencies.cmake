# Every third-party library comes from a Debian package (scripts/install-deps.sh).
# Some ship no CMake config, so they are found by hand here, once, and exposed as
# imported targets named pactum::<lib>.
find_package(PkgConfig REQUIRED)
find_package(ICU 70 REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(CURL REQUIRED)  # feeds: HTTP GET with conditional requests (ingest/http.h)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
pkg_check_modules(HS REQUIRED IMPORTED_TARGET libhs)

# libstemmer: no pkg-config or CMake file on Debian 12.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(pactum::stemmer UNKNOWN IMPORTED)
set_target_properties(pactum::stemmer PROPERTIES IMPORTED_LOCATION "${STEMMER_LIBRARY}"
                      INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")

# CLD2: only libcld2_full's tables tell nynorsk from bokmål. They must be kept
# by the linker although no symbol seems to need them (--no-as-needed) and come
# before libcld2, which holds the detector's code, so that the full tables win
# symbol resolution.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_FULL_LIBRARY cld2_full REQUIRED)
find_library(CLD2_CODE_LIBRARY cld2 REQUIRED)
add_library(pactum::cld2 INTERFACE IMPORTED)
set_target_properties(pactum::cld2 PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "-Wl,--no-as-needed;${CLD2_FULL_LIBRARY};${CLD2_CODE_LIBRARY};-Wl,--as-needed")

# MeCab (Japanese segmentation).
find_path(MECAB_INCLUDE_DIR mecab.h REQUIRED)
find_library(MECAB_LIBRARY mecab REQUIRED)
add_library(pactum::mecab UNKNOWN IMPORTED)
set_target_properties(pactum::mecab PROPERTIES IMPORTED_LOCATION "${MECAB_LIBRARY}"
                      INTERFACE_INCLUDE_DIRECTORIES "${MECAB_INCLUDE_DIR}")

if(PACTUM_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()

# cpp-httplib (pactum serve): Debian ships it compiled, with OpenSSL, zlib and
# brotli switched on; pkg-config carries the defines that match the library.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# libpq (the PostgreSQL store, store/pg_db.h): Debian's libpq-dev ships pkg-config.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)

# mimalloc (libmimalloc-dev) replaces glibc's malloc in the programs, not in the
# libraries: extraction allocates many small, short-lived strings and vectors per
# sentence, and glibc's malloc/free took ~15 % of its instructions. Measured in
# one bench run each (bench/README.md, session 18): extraction +5-17 % MB/s, the
# writer 5.66x -> 5.21x bare FTS5. Linking the shared library interposes malloc
# and operator new for the whole process (the loader finds it before libc).
# Sanitizer builds keep glibc's: ASan and TSan must own the heap.
string(TOUPPER "${CMAKE_BUILD_TYPE}" _pactum_build_type)
if(PACTUM_MIMALLOC AND NOT _pactum_build_type MATCHES "^(SANITIZE|TSAN)$" AND NOT PACTUM_FUZZ)
  find_package(mimalloc 2.0 REQUIRED)
  add_library(pactum_allocator INTERFACE)
  target_link_libraries(pactum_allocator INTERFACE "-Wl,--no-as-needed" mimalloc "-Wl,--as-needed")
  target_compile_definitions(pactum_allocator INTERFACE PACTUM_WITH_MIMALLOC=1)
else()
  add_library(pactum_allocator INTERFACE)
endif()
