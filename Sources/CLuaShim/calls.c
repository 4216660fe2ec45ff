/* Protected calls with a traceback and a CPU budget, text-only loading, registry references. */
#include "shim_internal.h"

static int traceback_handler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        /* as lua.c: an error object that describes itself is the whole message */
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int limber_pcall(lua_State *L, int nargs, int nresults, double cpu_seconds) {
    int base = lua_gettop(L) - nargs;
    if (!lua_checkstack(L, 1)) return LUA_ERRMEM;
    lua_pushcfunction(L, traceback_handler);
    lua_insert(L, base);
    int owns_budget = limber__begin_budget(L, cpu_seconds);
    int status = lua_pcall(L, nargs, nresults, base);
    if (owns_budget) limber__end_budget(L);
    lua_remove(L, base);
    return status;
}

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
