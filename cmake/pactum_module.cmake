# pactum_module(NAME DEPS...): one static library per pipeline stage, built from
# every .cc in src/NAME except *_test.cc, with src/ on the include path so that
# headers are included as "stage/header.h".
function(pactum_module name)
  file(GLOB _srcs CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cc")
  list(FILTER _srcs EXCLUDE REGEX "_test\\.cc$")
  # A stage with no code yet is an interface library, so later stages can
  # already depend on it and the dependency order stays visible.
  if(_srcs)
    add_library(pactum_${name} STATIC ${_srcs})
    target_include_directories(pactum_${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(pactum_${name} PUBLIC ${ARGN})
  else()
    add_library(pactum_${name} INTERFACE)
    target_include_directories(pactum_${name} INTERFACE "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(pactum_${name} INTERFACE ${ARGN})
  endif()
endfunction()

# pactum_test(NAME SOURCES... LIBS ...): a GoogleTest binary registered with CTest.
function(pactum_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE
    PACTUM_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/data"
    PACTUM_TEST_DIR="${PROJECT_SOURCE_DIR}/tests")
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300 LABELS unit)
endfunction()

# pactum_module_tests(NAME): the unit tests that sit beside a module
# (src/NAME/*_test.cc) become one binary, pactum_NAME_test.
function(pactum_module_tests name)
  if(NOT PACTUM_BUILD_TESTS)
    return()
  endif()
  file(GLOB _tests CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc")
  if(_tests)
    pactum_test(pactum_${name}_test SOURCES ${_tests} LIBS pactum_${name})
  endif()
endfunction()
