# syncwasm contract SDK: build C and C++ contracts to wasm32 with clang and wasm-ld (no libc).
#
# In this repository it is included by examples/sdk and tests/sdk. In your own project:
#
#   cmake_minimum_required(VERSION 3.20)
#   project(my_contracts NONE)               # no host compiler needed
#   include(path/to/syncwasm/sdk/syncwasm_sdk.cmake)
#   syncwasm_add_contract(counter counter.c)
#   syncwasm_add_contract(plugin plugin.c SUBMODULE)
#
# and `cmake -S . -B build -G Ninja && ninja -C build` writes build/counter.wasm, build/plugin.wasm.
#
# syncwasm_add_contract(<name> [SUBMODULE] [ALLOW_UNDEFINED]
#                       [SOURCES] <source>...
#                       [INCLUDE_DIRECTORIES <dir>...] [DEFINITIONS <NAME[=value]>...]
#                       [COMPILE_OPTIONS <flag>...] [LINK_OPTIONS <flag>...] [OUTPUT <file.wasm>])
#
#   Builds ${CMAKE_CURRENT_BINARY_DIR}/<name>.wasm (or OUTPUT) from C (.c) and C++ (.cc .cpp .cxx)
#   sources, each compiled separately with
#     clang --target=wasm32 -mcpu=mvp -O2 -nostdlib -ffreestanding -Wall [C++: -fno-exceptions
#           -fno-rtti -fno-threadsafe-statics] -I<sdk>/include
#   and linked with
#     clang --target=wasm32 -nostdlib -Wl,--no-entry -Wl,--export-dynamic
#   Creates the custom target <name> (part of ALL) whose property SYNCWASM_WASM is the .wasm path:
#     $<TARGET_PROPERTY:<name>,SYNCWASM_WASM>
#   Header dependencies are tracked (depfiles).
#
#   Methods are the functions marked SW_EXPORT(name) (= __attribute__((export_name("name")))); they
#   must have type void(void). Host functions are imports because <syncwasm/near.h> declares them
#   with import_module/import_name, so the link does not need --allow-undefined: any other undefined
#   symbol (a forgotten memcpy, a libc call) is a link error here rather than a LinkError when the
#   contract is loaded. ALLOW_UNDEFINED passes -Wl,--allow-undefined anyway (they become env imports).
#   clang may call memcpy/memset for struct copies: define SYNCWASM_SDK_DEFINE_LIBC in one source
#   (see <syncwasm/freestanding.h>), e.g. DEFINITIONS SYNCWASM_SDK_DEFINE_LIBC.
#
#   SUBMODULE: a v1 submodule. Defines SYNCWASM_SUBMODULE, which makes <syncwasm/near.h> an error:
#   submodules may import only <syncwasm/submodule.h>. Their entry point is SW_EXPORT(main).
#
#   C++: no exceptions, RTTI, libc++ or global constructors (wasm-ld with --no-entry does not run
#   them); static objects need constant initialization.
#
# Cache variables: SYNCWASM_SDK_CLANG (clang), SYNCWASM_SDK_WASM_LD (wasm-ld; passed with --ld-path
# when it is not the plain `wasm-ld` clang finds itself), SYNCWASM_SDK_WASM_CPU (default mvp, which
# keeps newer clangs from enabling post-MVP features NEAR's VM does not accept).
include_guard(GLOBAL)

if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "syncwasm_sdk.cmake needs CMake 3.20 or later (custom-command depfiles)")
endif()
if(POLICY CMP0116)
  cmake_policy(SET CMP0116 NEW)  # depfiles of custom commands relative to the build tree (Ninja)
endif()

find_program(SYNCWASM_SDK_CLANG NAMES clang clang-19 clang-18 clang-17 clang-16 clang-15 clang-14
             DOC "clang with the wasm32 target, for syncwasm contracts")
find_program(SYNCWASM_SDK_WASM_LD NAMES wasm-ld wasm-ld-19 wasm-ld-18 wasm-ld-17 wasm-ld-16 wasm-ld-15 wasm-ld-14
             DOC "wasm-ld (from lld), for syncwasm contracts")
set(SYNCWASM_SDK_WASM_CPU "mvp" CACHE STRING "-mcpu for syncwasm contracts")
set(SYNCWASM_SDK_INCLUDE_DIR "${CMAKE_CURRENT_LIST_DIR}/include")

function(syncwasm_add_contract name)
  cmake_parse_arguments(PARSE_ARGV 1 SW "SUBMODULE;ALLOW_UNDEFINED" "OUTPUT"
                        "SOURCES;INCLUDE_DIRECTORIES;DEFINITIONS;COMPILE_OPTIONS;LINK_OPTIONS")
  set(sources ${SW_UNPARSED_ARGUMENTS} ${SW_SOURCES})
  if(NOT sources)
    message(FATAL_ERROR "syncwasm_add_contract(${name}): no sources")
  endif()
  if(NOT SYNCWASM_SDK_CLANG)
    message(FATAL_ERROR "syncwasm_add_contract: clang not found (install clang and lld, or set SYNCWASM_SDK_CLANG)")
  endif()
  if(NOT SYNCWASM_SDK_WASM_LD)
    message(FATAL_ERROR "syncwasm_add_contract: wasm-ld not found (install lld, or set SYNCWASM_SDK_WASM_LD)")
  endif()

  set(out "${CMAKE_CURRENT_BINARY_DIR}/${name}.wasm")
  if(SW_OUTPUT)
    get_filename_component(out "${SW_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  set(objdir "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${name}.wasm.dir")

  set(common --target=wasm32 -mcpu=${SYNCWASM_SDK_WASM_CPU} -O2 -nostdlib -ffreestanding -Wall)
  # The SDK's own include directory (relative to this file, wherever it was included from).
  list(APPEND common "-I${CMAKE_CURRENT_FUNCTION_LIST_DIR}/include")
  foreach(dir IN LISTS SW_INCLUDE_DIRECTORIES)
    get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND common "-I${dir}")
  endforeach()
  if(SW_SUBMODULE)
    list(APPEND common -DSYNCWASM_SUBMODULE=1)
  endif()
  foreach(def IN LISTS SW_DEFINITIONS)
    list(APPEND common "-D${def}")
  endforeach()
  list(APPEND common ${SW_COMPILE_OPTIONS})

  set(objects "")
  set(index 0)
  foreach(src IN LISTS sources)
    get_filename_component(src "${src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(base "${src}" NAME)
    get_filename_component(ext "${src}" LAST_EXT)
    string(TOLOWER "${ext}" ext)
    if(ext STREQUAL ".c")
      set(lang_flags -x c)
    elseif(ext MATCHES "^\\.(cc|cpp|cxx|c\\+\\+)$")
      set(lang_flags -x c++ -fno-exceptions -fno-rtti -fno-threadsafe-statics)
    else()
      message(FATAL_ERROR "syncwasm_add_contract(${name}): ${src} is neither C (.c) nor C++ (.cc .cpp .cxx)")
    endif()
    set(obj "${objdir}/${index}_${base}.o")  # the index keeps equal file names apart
    math(EXPR index "${index} + 1")
    add_custom_command(
      OUTPUT "${obj}"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${objdir}"
      COMMAND "${SYNCWASM_SDK_CLANG}" ${common} -MD -MF "${obj}.d" ${lang_flags} -c "${src}" -o "${obj}"
      DEPENDS "${src}"
      DEPFILE "${obj}.d"
      COMMENT "Compiling wasm32 object ${base} for contract ${name}"
      VERBATIM)
    list(APPEND objects "${obj}")
  endforeach()

  set(link --target=wasm32 -nostdlib -Wl,--no-entry -Wl,--export-dynamic)
  get_filename_component(ld_name "${SYNCWASM_SDK_WASM_LD}" NAME)
  if(NOT ld_name STREQUAL "wasm-ld")
    list(APPEND link "--ld-path=${SYNCWASM_SDK_WASM_LD}")
  endif()
  if(SW_ALLOW_UNDEFINED)
    list(APPEND link -Wl,--allow-undefined)
  endif()
  list(APPEND link ${SW_LINK_OPTIONS})
  get_filename_component(outdir "${out}" DIRECTORY)
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${outdir}"
    COMMAND "${SYNCWASM_SDK_CLANG}" ${link} ${objects} -o "${out}"
    DEPENDS ${objects}
    COMMENT "Linking contract ${name}.wasm"
    VERBATIM)
  add_custom_target(${name} ALL DEPENDS "${out}")
  set_target_properties(${name} PROPERTIES SYNCWASM_WASM "${out}")
endfunction()
