# cmake -DSOURCE_DIR=<repo> -P CheckLayers.cmake
# The console's layers, as the build cannot see them alone: a file under views/ or app/ talks
# to models and services only. It fails, listing file:line, when one includes a header of the
# cache (store/…) or of the REST client (remote/…), Qt SQL (<QSql…>) or Qt's network classes
# (<QNetwork…>, <QTcp…>, <QUdp…>, <QSsl…>, <QHostAddress>, <QLocalSocket>, <QtNetwork/…>,
# <QtSql/…>). <QUrl> and <QUrlQuery> are Qt Core: fine.
file(GLOB_RECURSE sources
    "${SOURCE_DIR}/views/*.cpp" "${SOURCE_DIR}/views/*.h"
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h")
set(layer_regex
    "^[ \t]*#[ \t]*include[ \t]*[<\"]((store|remote)/|QSql|QtSql/|QNetwork|QtNetwork/|QTcp|QUdp|QSsl|QHostAddress|QLocalSocket|QLocalServer|QDns|QAuthenticator|QHttp)")
set(offences "")
foreach(file IN LISTS sources)
    file(STRINGS "${file}" lines)
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        if(line MATCHES "${layer_regex}")
            file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
            string(STRIP "${line}" line)
            list(APPEND offences "${relative}:${number}: ${line}")
        endif()
    endforeach()
endforeach()
list(LENGTH sources count)
if(count EQUAL 0)
    message(FATAL_ERROR "No sources found under ${SOURCE_DIR}/views and ${SOURCE_DIR}/app")
endif()
if(offences)
    list(JOIN offences "\n  " listing)
    message(FATAL_ERROR
        "Views and the app talk to models and services only (models/session, sync, rollout, "
        "tree, edit): no cache, REST client, SQL or network of their own:\n  ${listing}")
endif()
message(STATUS "${count} files of views/ and app/ keep to their layer")
