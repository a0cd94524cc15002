# Compiles a freestanding C contract to wasm32 with Debian's clang and wasm-ld (no libc).
# syncwasm_c_contract(NAME SOURCE [INCLUDE_DIR]) creates target contract_NAME building
# ${SYNCWASM_CONTRACTS_DIR}/NAME.wasm.
find_program(SYNCWASM_CLANG NAMES clang clang-14 REQUIRED)
set(SYNCWASM_CONTRACTS_DIR ${CMAKE_BINARY_DIR}/contracts)

function(syncwasm_c_contract name source)
  set(out ${SYNCWASM_CONTRACTS_DIR}/${name}.wasm)
  get_filename_component(dir ${source} DIRECTORY)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${SYNCWASM_CONTRACTS_DIR}
    COMMAND ${SYNCWASM_CLANG} --target=wasm32 -O2 -nostdlib -ffreestanding -Wall
            -Wl,--no-entry -Wl,--allow-undefined -I${dir} -MD -MF ${out}.d ${source} -o ${out}
    DEPENDS ${source}
    DEPFILE ${out}.d  # headers too: a changed near_env.h rebuilds the contracts
    COMMENT "Compiling contract ${name}.wasm")
  add_custom_target(contract_${name} ALL DEPENDS ${out})
endfunction()
