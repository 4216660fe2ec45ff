#ifndef LIMBER_SHIM_INTERNAL_H
#define LIMBER_SHIM_INTERNAL_H
/* What the shim's C files share with each other; nothing here is visible to Swift. */
#include "CLuaShim.h"

#include <signal.h>

/* Per-state bookkeeping, reachable from any thread of the state as the allocator's ud. */
typedef struct limber_host {
    size_t used;
    size_t limit;
    double deadline;              /* thread CPU seconds; 0 when no budget runs */
    double budget;                /* the budget that set the deadline, for the message */
    volatile sig_atomic_t interrupted;
    volatile sig_atomic_t interrupt_held; /* interrupts.c: keep raising until released */
    int exit_requested;
    int exit_code;
    void *owner;
} limber_host;

/* How many VM instructions run between two looks at the CPU budget. */
#define LIMBER_COUNT_HOOK_STEP 1000

/* The Swift side's callbacks (state.c). */
extern limber_dispatch_fn limber__dispatch;
extern limber_release_fn limber__release;

/* Registry keys (by address) of the function-box metatable and of the marker that tells our
 * boxes' metatables from any other (boxes.c). */
extern const char limber__function_meta_key;
extern const char limber__box_marker_key;

static inline limber_host *limber__host_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (limber_host *)ud;
}

/* Calls f(ud) under lua_pcall with no message handler (state.c). */
int limber__run_protected(lua_State *L, lua_CFunction f, void *ud, int nresults);

/* The hook behind CPU budgets, interrupts and os.exit, and the os.exit that uses it (hooks.c). */
void limber__stop_hook(lua_State *L, lua_Debug *ar);
int limber__os_exit(lua_State *L);
/* Starts a CPU budget for the call about to run; returns 1 when this call owns it (0 when a
 * budget already runs, or none was asked for). limber__end_budget ends an owned one. */
int limber__begin_budget(lua_State *L, double cpu_seconds);
void limber__end_budget(lua_State *L);

/* Boxes: userdata holding one retained Swift object, released by __gc (boxes.c). */
int limber__box_gc(lua_State *L);
void limber__new_box(lua_State *L, void *box);

/* Decodes an ops stream whose cursor is the light userdata at index 1 (trampoline.c). */
int limber__decode_ops(lua_State *L);

#endif
