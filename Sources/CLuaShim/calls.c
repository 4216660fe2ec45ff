/* Protected calls with a traceback and a CPU budget, text-only loading, registry references. */
#include "shim_internal.h"

/* luaL_traceback of the message in the light userdata at 1, from the level below its caller. */
int limber__build_traceback(lua_State *L) {
    const char *msg = (const char *)lua_touserdata(L, 1);
    luaL_traceback(L, L, msg, 2);
    return 1;
}

int limber__traceback_handler(lua_State *L) {
    limber_host *h = limber__host_of(L);
    const char *msg;
    if (h->budgets.spent) {
        /* During a stop no plugin code runs, not even an error object's __tostring. */
        msg = h->budgets.message;
    } else {
        msg = lua_tostring(L, 1);
        if (msg == NULL) {
            /* as lua.c: an error object that describes itself is the whole message */
            if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        }
    }
    /* The traceback is the host's to build, so a plugin near its memory share still has its own
     * error reported; without memory for it, the error goes on as it is. */
    unsigned account = h->memory.account;
    h->memory.account = 0;
    lua_pushcfunction(L, limber__build_traceback);
    lua_pushlightuserdata(L, (void *)msg);
    int status = lua_pcall(L, 1, 1, 0);
    h->memory.account = account;
    if (status != LUA_OK) lua_settop(L, 1);
    return 1;
}

int limber_pcall(lua_State *L, int nargs, int nresults, double cpu_seconds) {
    return limber_pcall_owned(L, nargs, nresults, cpu_seconds, NULL, NULL);
}

int limber_pcall_owned(lua_State *L, int nargs, int nresults, double cpu_seconds, const char *owner, int *spent) {
    limber_host *h = limber__host_of(L);
    int base = lua_gettop(L) - nargs;
    if (spent) *spent = 0;
    if (!lua_checkstack(L, 2)) return LUA_ERRMEM;
    lua_pushcfunction(L, limber__traceback_handler);
    lua_insert(L, base);
    unsigned account = h->memory.account;
    int frame = limber__begin_budget(L, cpu_seconds, owner);
    int status = lua_pcall(L, nargs, nresults, base);
    int was_spent = limber__end_budget(L, frame);
    h->memory.account = account;
    if (was_spent) {
        /* Whatever the plugin made of the stop (an error in its handler, a result), the call
         * failed with the stop error. */
        if (status == LUA_OK || lua_type(L, -1) != LUA_TSTRING) {
            lua_settop(L, base);
            lua_pushstring(L, h->budgets.message);
        } else if (status != LUA_ERRRUN) {
            lua_pop(L, 1);
            lua_pushstring(L, h->budgets.message);
        }
        status = LUA_ERRRUN;
        if (spent) *spent = 1;
    }
    lua_remove(L, base);
    return status;
}

/* The stop error of the last spent budget, "file:line: stopped after ..." (empty before any). */
const char *limber_stop_message(lua_State *L) { return limber__host_of(L)->budgets.message; }

int limber_load(lua_State *L, const char *buffer, size_t length, const char *chunkname) {
    return luaL_loadbufferx(L, buffer, length, chunkname, "t");
}

static int make_ref(lua_State *L) {
    int *out = (int *)lua_touserdata(L, 2);
    lua_settop(L, 1);
    *out = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

int limber_ref(lua_State *L, int index, int *ref) {
    int made = LUA_NOREF;
    index = lua_absindex(L, index);
    if (!lua_checkstack(L, 3)) return LUA_ERRMEM;
    lua_pushcfunction(L, make_ref);
    lua_pushvalue(L, index);
    lua_pushlightuserdata(L, &made);
    int status = lua_pcall(L, 2, 0, 0);
    if (ref) *ref = made;
    return status;
}

static int drop_ref(lua_State *L) {
    int *ref = (int *)lua_touserdata(L, 1);
    lua_pop(L, 1);
    luaL_unref(L, LUA_REGISTRYINDEX, *ref);
    return 0;
}

void limber_unref(lua_State *L, int ref) {
    if (ref == LUA_NOREF || ref == LUA_REFNIL) return;
    if (limber__run_protected(L, drop_ref, &ref, 0) != LUA_OK) lua_pop(L, 1);
}
