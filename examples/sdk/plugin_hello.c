/* The smallest v1 submodule: a plugin for examples/sdk/plugin_registry.c that returns "hello".
 * Built with syncwasm_add_contract(... SUBMODULE): it may import only <syncwasm/submodule.h>. */
#include <syncwasm/submodule.h>

SW_EXPORT(main) void hello_main(void) { sw_submodule_return_str("hello"); }
