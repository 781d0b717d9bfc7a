# ctest install_components: each install component holds what the packages promise.
#   cmake -DBUILD_DIR=<build> -DWORK_DIR=<scratch> -DEXE_SUFFIX=<.exe or empty> -P check-install.cmake
# flotilla: the console and flotillactl, without the sandbox; sandbox: flotilla-sandbox alone.
cmake_minimum_required(VERSION 3.25)
foreach(var BUILD_DIR WORK_DIR)
    if(NOT ${var})
        message(FATAL_ERROR "${var} is not set")
    endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")

function(install_component component)
    execute_process(
        COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --component ${component}
                --prefix "${WORK_DIR}/${component}"
        RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
    if(result)
        message(FATAL_ERROR "installing the ${component} component failed: ${errors}")
    endif()
    file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${WORK_DIR}/${component}"
         "${WORK_DIR}/${component}/*")
    set(${component}_files "${files}" PARENT_SCOPE)
endfunction()

install_component(flotilla)
install_component(sandbox)

foreach(expected bin/flotilla${EXE_SUFFIX} bin/flotillactl${EXE_SUFFIX})
    if(NOT expected IN_LIST flotilla_files)
        message(FATAL_ERROR "the flotilla component has no ${expected}: ${flotilla_files}")
    endif()
endforeach()
if("bin/flotilla-sandbox${EXE_SUFFIX}" IN_LIST flotilla_files)
    message(FATAL_ERROR "the flotilla component holds the sandbox")
endif()
if(NOT sandbox_files STREQUAL "bin/flotilla-sandbox${EXE_SUFFIX}")
    message(FATAL_ERROR "the sandbox component should hold bin/flotilla-sandbox only: ${sandbox_files}")
endif()
list(LENGTH flotilla_files count)
message(STATUS "flotilla: ${count} files; sandbox: ${sandbox_files}")
file(REMOVE_RECURSE "${WORK_DIR}")
