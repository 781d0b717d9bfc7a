# cmake -DFLOTILLA=<flotilla executable> -P commandline.cmake
# `flotilla --help` and `flotilla --version` without any display (no DISPLAY, WAYLAND_DISPLAY or
# QT_QPA_PLATFORM): each prints its answer and exits 0, and a wrong option is named with exit
# code 1, all without starting a GUI (which would abort for want of a display).
if(NOT FLOTILLA)
    message(FATAL_ERROR "FLOTILLA is not set")
endif()

# An empty home for the settings (no language chosen there), the system's language from LANG.
set(home "${CMAKE_CURRENT_BINARY_DIR}/commandline-home")
file(REMOVE_RECURSE "${home}")
file(MAKE_DIRECTORY "${home}")
if(NOT DEFINED language)
    set(language "C.UTF-8")
endif()

function(run_without_display expected_code expected_text)
    execute_process(
        COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
                --unset=QT_QPA_PLATFORM --unset=LC_ALL --unset=LC_MESSAGES --unset=LANGUAGE
                "HOME=${home}" "XDG_CONFIG_HOME=${home}/.config" "LANG=${language}"
                "${FLOTILLA}" ${ARGN}
        RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
    if(NOT code STREQUAL "${expected_code}")
        message(FATAL_ERROR "flotilla ${ARGN}: exit code ${code}, expected ${expected_code}\n"
                            "stdout:\n${out}\nstderr:\n${err}")
    endif()
    string(FIND "${out}${err}" "${expected_text}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "flotilla ${ARGN}: no '${expected_text}' in the output\n"
                            "stdout:\n${out}\nstderr:\n${err}")
    endif()
    message(STATUS "flotilla ${ARGN}: exit code ${code}, says '${expected_text}'")
endfunction()

run_without_display(0 "--api <URL>" --help)
run_without_display(0 "--time-scale <X>" -h)
# What opens: the last profile or the welcome page by default, or one chosen.
run_without_display(0 "--profile <NAME>" --help)
run_without_display(0 "--demo" --help)
run_without_display(0 "--fresh-sandbox" --help)
run_without_display(0 "flotilla " --version)
run_without_display(1 "no-such-option" --no-such-option)

# On a German desktop the help and the errors are German, still without a display.
set(language "de_DE.UTF-8")
run_without_display(0 "Dieses Profil öffnen" --help)
run_without_display(0 "Optionen:" --help)
run_without_display(1 "Unbekannte Option" --no-such-option)
file(REMOVE_RECURSE "${home}")
