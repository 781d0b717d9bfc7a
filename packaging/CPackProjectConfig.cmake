# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "DEB")
    # Each DEB's synopsis is the first line of its own description (CPACK_DEBIAN_<C>_DESCRIPTION):
    # CPackDeb would put the project's summary in front of both.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
