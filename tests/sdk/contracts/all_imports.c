/* Imports every host function <syncwasm/near.h> declares: one reference per row of
 * src/near/host_functions.def (except the v1 submodule ABI, see all_submodule_imports.c), so a row
 * missing from near.h fails this build. sdk_test checks each import's name and signature against
 * the runtime's host table and instantiates the module. */
#include <syncwasm/near_helpers.h>

typedef void (*sw_any_fn)(void);
#define abort near_abort /* the C name of the "abort" import */
#define HOST_FN(name, params, result, view_allowed, capability) REF_##capability(name)
#define HOST_UNSUPPORTED HOST_FN
#define HOST_FN_AS(name, method, params, result, view_allowed, capability) REF_##capability(name)
#define REF(name) (sw_any_fn)&name,
#define REF_core REF
#define REF_logs REF
#define REF_context REF
#define REF_storage_read REF
#define REF_storage_write REF
#define REF_crypto REF
#define REF_promises REF
#define REF_sync_calls REF
#define REF_submodule_abi(name) /* <syncwasm/submodule.h> */
static sw_any_fn const volatile all[] = {
#include "near/host_functions.def"
};

/* Keeps the table (and so every import) alive. */
SW_EXPORT(touch) void touch(void) { value_return(sizeof all, SW_PTR(all)); }
SW_EXPORT(noop) void noop(void) {}
