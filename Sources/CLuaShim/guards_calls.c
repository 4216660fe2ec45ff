/* The guarded functions that call other code: collectgarbage looks at the budget after a
 * collection; xpcall's handler and the coroutine functions pass a stop through untouched (a
 * hook that raised leaves Lua's hooks off, so the handler or the resumed coroutine would run
 * unwatched), so a stop inside a coroutine is seen by the thread that resumed it at once. */
#include "shim_internal.h"

/* Calls the stock function in upvalue 1, then looks at the budget. */
static int call_then_check(lua_State *L) {
    limber_budget_check(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    limber_budget_check(L);
    return lua_gettop(L);
}

/* Before code runs on coroutine co: while a budget runs, co carries the hook (it may have been
 * made before the budget, without one), and co is the running thread an interrupt reaches.
 * Returns the running thread to put back after. */
static lua_State *enter_thread(lua_State *L, lua_State *co) {
    limber_host *h = limber__host_of(L);
    if (limber__stopping(L)) limber__stop_mode(co);
    else if (h->budgets.depth > 0) limber__arm_thread(co);
    lua_State *outer = h->running;
    h->running = co;
    return outer;
}

/* After code ran on a coroutine: the thread enter_thread returned runs again. */
static void leave_thread(lua_State *L, lua_State *outer) { limber__host_of(L)->running = outer; }

/* Calls the coroutine function in upvalue 1 on the thread at 1; when a stop began inside,
 * this thread stops too (its next hook event raises). Upvalue 2 true: string errors get the
 * caller's position, as the stock functions add it. */
static int resume_then_see_stop(lua_State *L) {
    int n = lua_gettop(L);
    lua_State *outer = enter_thread(L, lua_tothread(L, 1));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int status = lua_pcall(L, n, LUA_MULTRET, 0);
    leave_thread(L, outer);
    if (limber__stopping(L)) limber__stop_mode(L);
    if (status != LUA_OK) {
        if (status != LUA_ERRMEM && lua_toboolean(L, lua_upvalueindex(2)) && lua_type(L, -1) == LUA_TSTRING &&
            !limber__stopping(L)) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return lua_gettop(L);
}

/* coroutine.close: during a stop it raises instead, because a coroutine that a stop ended
 * would run its __close handlers with hooks off (Lua leaves them off after an error raised by a
 * hook), out of the budget's sight. */
static int guarded_close(lua_State *L) {
    luaL_argexpected(L, lua_tothread(L, 1) != NULL, 1, "thread");
    limber_budget_check(L);
    return resume_then_see_stop(L);
}

static int guarded_resume(lua_State *L) {
    luaL_argexpected(L, lua_tothread(L, 1) != NULL, 1, "thread");
    return resume_then_see_stop(L);
}

/* The function coroutine.wrap returns: resumes the coroutine in upvalue 1 and returns what it
 * yields or returns, or raises its error (with the caller's position, as the stock wrap). A
 * coroutine that failed is closed, running its __close handlers, except during a stop. */
static int wrapped_resume(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int nargs = lua_gettop(L);
    if (!lua_checkstack(co, nargs)) return luaL_error(L, "too many arguments to resume");
    lua_xmove(L, co, nargs);
    int nresults = 0;
    lua_State *outer = enter_thread(L, co);
    int status = lua_resume(co, L, nargs, &nresults);
    leave_thread(L, outer);
    int stopping = limber__stopping(L);
    if (stopping) limber__stop_mode(L);
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nresults + 1)) {
            lua_pop(co, nresults);
            return luaL_error(L, "too many results to resume");
        }
        lua_xmove(co, L, nresults);
        return nresults;
    }
    lua_xmove(co, L, 1);
    if (!stopping && lua_status(co) != LUA_OK && lua_status(co) != LUA_YIELD) {
        outer = enter_thread(L, co);
        int closed = lua_resetthread(co);
        leave_thread(L, outer);
        if (closed != LUA_OK && closed != status) {
            lua_pop(L, 1);
            lua_xmove(co, L, 1);
            status = closed;
        }
    }
    if (status != LUA_ERRMEM && !stopping && lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int guarded_wrap(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, wrapped_resume, 1);
    return 1;
}

/* An xpcall message handler, wrapped: during a stop the error goes through untouched, since
 * Lua calls the handler with hooks off right after a hook raised. */
static int guarded_handler(lua_State *L) {
    if (limber__stopping(L)) {
        lua_settop(L, 1);
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int all_results(lua_State *L, int status, lua_KContext context) {
    (void)status;
    (void)context;
    return lua_gettop(L);
}

static int guarded_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_callk(L, n, LUA_MULTRET, 0, all_results);
    return lua_gettop(L);
}

void limber__install_call_guards(lua_State *L) {
    limber__replace_global(L, "collectgarbage", call_then_check);
    limber__replace_global(L, "xpcall", guarded_xpcall);
    limber__replace_function(L, "coroutine", "resume", guarded_resume, 1, 0);
    limber__replace_function(L, "coroutine", "close", guarded_close, 1, 1);
    if (lua_getglobal(L, "coroutine") == LUA_TTABLE) {
        lua_pushcfunction(L, guarded_wrap);
        lua_setfield(L, -2, "wrap");
    }
    lua_pop(L, 1);
}
