# cmake -DMETAINFO=<file> -DVERSION=<project version> -P releaseversion.cmake
# Fails when the AppStream metainfo's newest release (the first <release>) is not the project's
# version: software centres would show an old version for the installed one.
file(READ "${METAINFO}" metainfo)
string(REGEX MATCH "<release version=\"([^\"]+)\"" match "${metainfo}")
if(NOT match)
    message(FATAL_ERROR "${METAINFO}: no <release>")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR
        "${METAINFO}: newest release ${CMAKE_MATCH_1}, project version ${VERSION}: add a <release>")
endif()
message(STATUS "metainfo release ${CMAKE_MATCH_1}")
