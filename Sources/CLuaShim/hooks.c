/* The one hook: CPU budgets, interrupts (Ctrl-C) and os.exit all stop Lua code through it. */
#include "shim_internal.h"

#include <stdio.h>
#include <time.h>

static double thread_cpu_seconds(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Raises the message on top of the stack at the position of the Lua code that was running:
 * in a hook, level 0 is the running function (luaL_error's level 1 would name its caller),
 * and when that is a C function (the hook fired on its call or return), its Lua caller. */
static int raise_where_running(lua_State *L) {
    lua_Debug ar;
    int level = 0;
    while (lua_getstack(L, level, &ar)) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) break;
        level++;
    }
    luaL_where(L, level);
    lua_insert(L, -2);
    lua_concat(L, 2);
    return lua_error(L);
}

void limber__stop_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    limber_host *h = limber__host_of(L);
    if (h->exit_requested) {
        lua_sethook(L, limber__stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
        luaL_error(L, "exit");
    }
    if (h->interrupted) {
        if (!h->interrupt_held) {
            h->interrupted = 0;
            lua_sethook(L, h->deadline > 0 ? limber__stop_hook : NULL, h->deadline > 0 ? LUA_MASKCOUNT : 0,
                        LIMBER_COUNT_HOOK_STEP);
        }
        lua_pushliteral(L, "interrupted");
        raise_where_running(L);
    }
    if (h->deadline > 0 && thread_cpu_seconds() > h->deadline) {
        h->deadline = 0;
        lua_sethook(L, NULL, 0, 0);
        char message[96];
        snprintf(message, sizeof message, "stopped after %.1f s of CPU time (an endless loop?)", h->budget);
        lua_pushstring(L, message);
        raise_where_running(L);
    }
}

/* Starts a budget of cpu_seconds for the call about to run; returns whether this call owns it
 * (a nested call runs under the budget already running). */
int limber__begin_budget(lua_State *L, double cpu_seconds) {
    limber_host *h = limber__host_of(L);
    if (!(cpu_seconds > 0 && h->deadline == 0)) return 0;
    h->budget = cpu_seconds;
    h->deadline = thread_cpu_seconds() + cpu_seconds;
    if (!h->exit_requested && !h->interrupted)
        lua_sethook(L, limber__stop_hook, LUA_MASKCOUNT, LIMBER_COUNT_HOOK_STEP);
    return 1;
}

void limber__end_budget(lua_State *L) {
    limber_host *h = limber__host_of(L);
    h->deadline = 0;
    if (!h->exit_requested && !h->interrupted) lua_sethook(L, NULL, 0, 0);
}

void limber_interrupt(lua_State *L) {
    limber_host *h = limber__host_of(L);
    h->interrupted = 1;
    lua_sethook(L, limber__stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

int limber_exit_requested(lua_State *L, int *code) {
    limber_host *h = limber__host_of(L);
    if (h->exit_requested && code) *code = h->exit_code;
    return h->exit_requested;
}

void limber_reset_stop(lua_State *L) {
    limber_host *h = limber__host_of(L);
    h->interrupted = 0;
    h->exit_requested = 0;
    h->exit_code = 0;
    lua_sethook(L, h->deadline > 0 ? limber__stop_hook : NULL, h->deadline > 0 ? LUA_MASKCOUNT : 0,
                LIMBER_COUNT_HOOK_STEP);
}

/* os.exit([code]) unwinds to the host, which exits after its own clean-up. */
int limber__os_exit(lua_State *L) {
    limber_host *h = limber__host_of(L);
    int code = 0;
    if (lua_isboolean(L, 1)) code = lua_toboolean(L, 1) ? 0 : 1;
    else code = (int)luaL_optinteger(L, 1, 0);
    h->exit_requested = 1;
    h->exit_code = code;
    lua_sethook(L, limber__stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
    return luaL_error(L, "exit");
}
