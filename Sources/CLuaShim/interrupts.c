/* Interrupts that hold: a guided session ended by q, Ctrl-C or SIGTERM stops the hook that is
 * running, and a hook that catches "interrupted" with pcall is stopped again at once. */
#include "shim_internal.h"

void limber_interrupt_hold(lua_State *L) {
    limber_host *h = limber__host_of(L);
    h->interrupt_held = 1;
    limber_interrupt(L);
}

void limber_interrupt_release(lua_State *L) {
    limber_host *h = limber__host_of(L);
    h->interrupt_held = 0;
    h->interrupted = 0;
    if (!h->exit_requested)
        lua_sethook(L, h->deadline > 0 ? limber__stop_hook : NULL, h->deadline > 0 ? LUA_MASKCOUNT : 0,
                    LIMBER_COUNT_HOOK_STEP);
}
