# Runs `node --test conformance.test.mjs` in CONFORMANCE_DIR for CTest, after checking that Node.js
# and the npm dependencies are there. Usage (see CMakeLists.txt):
#   cmake -DNODE_EXECUTABLE=<node> -DCONFORMANCE_DIR=<dir> -P run-conformance.cmake
set(install_hint "run `npm ci --prefix tests/conformance` from the repository root")

if(NOT NODE_EXECUTABLE OR NOT EXISTS "${NODE_EXECUTABLE}")
    # Node may have been installed after CMake ran: look again before giving up.
    unset(NODE_EXECUTABLE)
    find_program(NODE_EXECUTABLE node)
endif()
if(NOT NODE_EXECUTABLE)
    message(FATAL_ERROR "conformance_particle_api_js: Node.js (node) was not found on PATH. "
                        "Install Node.js 18 or newer, then ${install_hint}.")
endif()
if(NOT EXISTS "${CONFORMANCE_DIR}/node_modules/particle-api-js/package.json")
    message(FATAL_ERROR "conformance_particle_api_js: ${CONFORMANCE_DIR}/node_modules is missing "
                        "particle-api-js: ${install_hint}.")
endif()
if(NOT DEFINED ENV{FLOTILLA_SANDBOX} OR NOT EXISTS "$ENV{FLOTILLA_SANDBOX}")
    message(FATAL_ERROR "conformance_particle_api_js: FLOTILLA_SANDBOX does not name the "
                        "flotilla-sandbox executable ('$ENV{FLOTILLA_SANDBOX}'); build it first.")
endif()

execute_process(COMMAND "${NODE_EXECUTABLE}" --test conformance.test.mjs
                WORKING_DIRECTORY "${CONFORMANCE_DIR}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "conformance_particle_api_js: node --test failed (${result})")
endif()
