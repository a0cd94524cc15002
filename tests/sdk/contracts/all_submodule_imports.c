/* A v1 submodule importing the whole submodule ABI of <syncwasm/submodule.h>. */
#include <syncwasm/submodule.h>

typedef void (*sw_any_fn)(void);
static sw_any_fn const volatile all[] = {
    (sw_any_fn)&sw_submodule_callback,
    (sw_any_fn)&sw_submodule_get_input_size,
    (sw_any_fn)&sw_submodule_get_input,
    (sw_any_fn)&sw_submodule_return_value,
};

SW_EXPORT(main) void run(void) { sw_submodule_return_value(sizeof all, SW_PTR(all)); }
