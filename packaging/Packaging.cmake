# Installers with CPack (packaging/README.md): a DEB per component on Linux, an NSIS installer on
# Windows, a DragNDrop .dmg of flotilla.app on macOS. Included last from the top CMakeLists, so
# the deploy steps below run after every install rule of the product.
#
# Components:
#   flotilla  the console and flotillactl, with the desktop file, metainfo and icons (the default
#             component of every install rule that names none);
#   sandbox   flotilla-sandbox, the local cloud for training and the demo.
# cmake --install <build> --component sandbox installs one of them.

# Bundle metadata (the icons of the executables and of the bundle are set under resources/,
# which also provides FLOTILLA_APP_ID and FLOTILLA_APP_ICON_ICO for the installer).
if(NOT FLOTILLA_APP_ID)
    set(FLOTILLA_APP_ID "example.flotilla.Flotilla")
endif()
set_target_properties(flotilla PROPERTIES
    MACOSX_BUNDLE_BUNDLE_NAME "Flotilla"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${FLOTILLA_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_COPYRIGHT "Flotilla contributors, MIT licence")

# Qt's deploy tools (windeployqt, macdeployqt) at install time: the Qt libraries, the platform,
# style, image format, SVG icon, TLS and SQLite plugins and Qt's own translations next to the
# executables. On Linux the distribution's Qt is used (the DEB's dependencies).
if(WIN32 OR APPLE)
    if(APPLE)
        set(console_exe "flotilla.app")
        set(extra_exes "flotilla.app/Contents/MacOS/flotillactl")
        if(FLOTILLA_PACKAGE_SANDBOX)
            list(APPEND extra_exes "flotilla.app/Contents/MacOS/flotilla-sandbox")
        endif()
    else()
        set(console_exe "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:flotilla>")
        set(extra_exes "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:flotillactl>")
    endif()
    if(WIN32)
        # windeployqt copies Qt only: QtKeychain, libzip and libxlsxwriter (and what they need)
        # come from their package manager's bin folders.
        # (A second install rule of the two executables, for the dependency set; windeployqt
        # then overwrites the Qt libraries among them with its own choice.)
        set(dll_dirs "$<TARGET_FILE_DIR:Qt6::Core>" "$<TARGET_FILE_DIR:Qt6Keychain::Qt6Keychain>")
        foreach(prefix IN LISTS CMAKE_PREFIX_PATH)
            list(APPEND dll_dirs "${prefix}/bin")
        endforeach()
        install(TARGETS flotilla flotillactl RUNTIME_DEPENDENCY_SET flotilla_runtime
                RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT flotilla)
        install(RUNTIME_DEPENDENCY_SET flotilla_runtime
            COMPONENT flotilla
            DESTINATION ${CMAKE_INSTALL_BINDIR}
            DIRECTORIES ${dll_dirs}
            PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
            POST_EXCLUDE_REGEXES "[/\\\\][Ss]ystem32[/\\\\]")
        # The C++ runtime of the compiler (MSVC), beside the executables.
        set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT flotilla)
        set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
        include(InstallRequiredSystemLibraries)
    endif()
    set(deploy_script "${CMAKE_CURRENT_BINARY_DIR}/packaging/deploy-flotilla-$<CONFIG>.cmake")
    file(GENERATE OUTPUT "${deploy_script}" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \"${console_exe}\"
    ADDITIONAL_EXECUTABLES ${extra_exes}
    GENERATE_QT_CONF)
")
    install(SCRIPT "${deploy_script}" COMPONENT flotilla)
    if(WIN32 AND FLOTILLA_PACKAGE_SANDBOX)
        # The sandbox's own Qt modules (HttpServer, WebSockets) and SQLite driver, so that the
        # component works alone.
        set(sandbox_script "${CMAKE_CURRENT_BINARY_DIR}/packaging/deploy-sandbox-$<CONFIG>.cmake")
        file(GENERATE OUTPUT "${sandbox_script}" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \"${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:flotilla-sandbox>\"
    GENERATE_QT_CONF)
")
        install(SCRIPT "${sandbox_script}" COMPONENT sandbox)
    endif()
endif()

# CPack
set(CPACK_PACKAGE_NAME "flotilla")
set(CPACK_PACKAGE_VENDOR "Flotilla")
set(CPACK_PACKAGE_CONTACT "Flotilla maintainers <flotilla@flotilla.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Flotilla")
set(CPACK_PACKAGE_EXECUTABLES "flotilla" "Flotilla")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_LIST_DIR}/LICENSE.txt")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/")
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake")

set(CPACK_COMPONENTS_ALL flotilla)
if(FLOTILLA_PACKAGE_SANDBOX AND NOT APPLE) # on macOS it is inside flotilla.app (sandbox/)
    list(APPEND CPACK_COMPONENTS_ALL sandbox)
endif()
# Listed before include(CPack): the component descriptions below need cpack_add_component.
set(CPACK_COMPONENT_FLOTILLA_DISPLAY_NAME "Flotilla console and flotillactl")
set(CPACK_COMPONENT_SANDBOX_DISPLAY_NAME "Sandbox cloud (demo and training)")

# DEB: one package per component (descriptions: the synopsis, then the text, which CPackDeb
# indents), flotilla_<version>_amd64.deb and
# flotilla-sandbox_<version>_amd64.deb.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://flotilla.example")
set(CPACK_DEBIAN_FLOTILLA_PACKAGE_NAME "flotilla")
set(CPACK_DEBIAN_FLOTILLA_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_FLOTILLA_DESCRIPTION
    "Operations console for Particle device fleets
Flotilla shows a Particle product's fleet as customers, groups and device
pools, pre-assigns shipments, takes back returned units and rolls firmware
out in waves, with the changes staged and reviewed before they reach the
cloud. flotillactl does the same from the command line.")
# What dpkg-shlibdeps cannot see: Qt's plugins (SQLite driver for the cache, the SVG icon engine
# and image format) are loaded at run time.
set(CPACK_DEBIAN_FLOTILLA_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# Qt's own German strings (standard buttons), a Secret Service for the keychain (QtKeychain's
# own recommendation, repeated for installs without recommends of libraries), the sandbox for
# the demo.
set(flotilla_recommends "qt6-translations-l10n, gnome-keyring | kwalletmanager | keepassxc")
if(FLOTILLA_PACKAGE_SANDBOX)
    string(APPEND flotilla_recommends ", flotilla-sandbox (= ${PROJECT_VERSION})")
endif()
set(CPACK_DEBIAN_FLOTILLA_PACKAGE_RECOMMENDS "${flotilla_recommends}")
set(CPACK_DEBIAN_FLOTILLA_PACKAGE_SUGGESTS "qt6-wayland")
set(CPACK_DEBIAN_SANDBOX_PACKAGE_NAME "flotilla-sandbox")
set(CPACK_DEBIAN_SANDBOX_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_SANDBOX_DESCRIPTION
    "Local Particle cloud for Flotilla demos and training
flotilla-sandbox serves the Particle REST API on the loopback interface and
simulates a product's devices, so that Flotilla and flotillactl can be tried
and taught without an account or real hardware.")
set(CPACK_DEBIAN_SANDBOX_PACKAGE_DEPENDS "libqt6sql6-sqlite")

# NSIS (Windows): a component page (the sandbox can be left out), a start menu shortcut, the
# icon, the install folder on PATH for flotillactl.
set(CPACK_NSIS_DISPLAY_NAME "Flotilla")
set(CPACK_NSIS_PACKAGE_NAME "Flotilla ${PROJECT_VERSION}")
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\flotilla.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "https://flotilla.example")
if(FLOTILLA_APP_ICON_ICO)
    set(CPACK_NSIS_MUI_ICON "${FLOTILLA_APP_ICON_ICO}")
    set(CPACK_NSIS_MUI_UNIICON "${FLOTILLA_APP_ICON_ICO}")
endif()

# DragNDrop (macOS): one .dmg with flotilla.app (flotillactl and, unless left out, the sandbox
# inside the bundle, where the console looks for it) and a link to /Applications.
set(CPACK_DMG_VOLUME_NAME "Flotilla ${PROJECT_VERSION}")
if(APPLE)
    set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
endif()

if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB)
endif()

include(CPack)

cpack_add_component(flotilla
    DISPLAY_NAME "${CPACK_COMPONENT_FLOTILLA_DISPLAY_NAME}"
    DESCRIPTION "The operations console and the flotillactl command line."
    REQUIRED)
cpack_add_component(sandbox
    DISPLAY_NAME "${CPACK_COMPONENT_SANDBOX_DISPLAY_NAME}"
    DESCRIPTION "A local Particle cloud with a simulated fleet, for the demo and for training.")

# The components' contents, checked by installing each (Linux: on Windows and macOS the install
# step runs the deploy tools, which is the CI workflow's cpack).
if(BUILD_TESTING AND UNIX AND NOT APPLE)
    add_test(NAME install_components
             COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR}
                     -DWORK_DIR=${CMAKE_BINARY_DIR}/packaging/install-check
                     -P ${CMAKE_CURRENT_LIST_DIR}/check-install.cmake)
    set_tests_properties(install_components PROPERTIES LABELS unit TIMEOUT 120)
endif()
