# Reads every #include of the app (cmake -DCLIENT_DIR=<client-qml> -P this)
# and fails, naming the file and line, when
#  - a file outside grpc/ and app/ includes grpcpp/, google/protobuf/ or a
#    generated .pb.h: only grpc/ sees protobuf and gRPC (these headers are
#    found on the system, so the link graph alone does not hold them back);
#  - a file includes another feature's internals. A feature's public headers
#    are its value types (*_types.h), its backend interface (*_backend.h)
#    and its catalogue (*_catalogue.h: the words for its keys, which other
#    features show too), and identity/session.h.
cmake_minimum_required(VERSION 3.25)

if(NOT IS_DIRECTORY "${CLIENT_DIR}")
  message(FATAL_ERROR "Pass -DCLIENT_DIR=<the client-qml folder>.")
endif()

set(features identity directory matching relationships safeguarding goals notifications)
set(may_see_grpc grpc app)

file(GLOB_RECURSE sources RELATIVE "${CLIENT_DIR}" "${CLIENT_DIR}/*.h" "${CLIENT_DIR}/*.cpp")
list(SORT sources)
set(problems 0)
foreach(source IN LISTS sources)
  string(REGEX MATCH "^[^/]+" folder "${source}")
  file(STRINGS "${CLIENT_DIR}/${source}" lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
      continue()
    endif()
    set(included "${CMAKE_MATCH_1}")
    if(NOT folder IN_LIST may_see_grpc
       AND included MATCHES "^(grpcpp|grpc|google/protobuf)/|\\.pb\\.h$")
      message("${source}:${number}: includes ${included}; only grpc/ (and app/, the composition) may see gRPC or protobuf")
      math(EXPR problems "${problems} + 1")
    endif()
    if(included MATCHES "^([^/]+)/(.+)$")
      set(other "${CMAKE_MATCH_1}")
      set(name "${CMAKE_MATCH_2}")
      if(other IN_LIST features AND NOT other STREQUAL folder
         AND NOT name MATCHES "_(types|backend|catalogue)\\.h$"
         AND NOT included STREQUAL "identity/session.h")
        message("${source}:${number}: includes ${included}, an internal of ${other}/")
        math(EXPR problems "${problems} + 1")
      endif()
    endif()
  endforeach()
endforeach()

if(problems GREATER 0)
  message(FATAL_ERROR "${problems} include(s) break the app's layering (see above).")
endif()
list(LENGTH sources count)
message(STATUS "The includes of ${count} files of the app keep to its layers.")
