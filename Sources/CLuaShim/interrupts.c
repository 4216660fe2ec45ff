/* Interrupts that hold: a guided session ended by q, Ctrl-C or SIGTERM stops the hook that is
 * running, and a hook that catches "interrupted" with pcall is stopped again at once. Every
 * interrupt already holds until it is forgotten (hooks.c), so holding is interrupting; releasing
 * forgets the interrupt but not a pending exit or a spent budget. */
#include "shim_internal.h"

/* From any thread: the flag and the main thread's hook only. Code under a budget sees the flag at
 * its next count hook on whichever thread it runs; the running coroutine's pointer is not read,
 * since on another thread it may name one that is being collected. */
void limber_interrupt_hold(lua_State *L) { limber__interrupt_thread(L); }

void limber_interrupt_release(lua_State *L) {
    limber_host *h = limber__host_of(L);
    h->interrupted = 0;
    /* back to the ordinary hook, unless something else still stops the code */
    if (!h->exit_requested && !h->budgets.spent) limber__baseline_hook(L);
}
