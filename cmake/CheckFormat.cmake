# cmake -DCLANG_FORMAT=<exe> -DSOURCE_DIR=<repo> -P CheckFormat.cmake
# Fails, listing the files, when a C++ source of the project differs from clang-format's output.
file(GLOB_RECURSE sources
    "${SOURCE_DIR}/sandbox/*.cpp" "${SOURCE_DIR}/sandbox/*.h"
    "${SOURCE_DIR}/models/*.cpp" "${SOURCE_DIR}/models/*.h"
    "${SOURCE_DIR}/views/*.cpp" "${SOURCE_DIR}/views/*.h"
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
    "${SOURCE_DIR}/resources/*.cpp" "${SOURCE_DIR}/resources/*.h"
    "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h")
list(FILTER sources EXCLUDE REGEX "/node_modules/")
set(unformatted "")
foreach(file IN LISTS sources)
    execute_process(COMMAND "${CLANG_FORMAT}" --style=file --dry-run --Werror "${file}"
                    RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
    if(NOT result EQUAL 0)
        list(APPEND unformatted "${file}")
    endif()
endforeach()
list(LENGTH sources count)
if(unformatted)
    list(JOIN unformatted "\n  " listing)
    message(FATAL_ERROR "Not formatted with clang-format (run clang-format -i on them):\n  ${listing}")
endif()
message(STATUS "${count} files formatted")
