/* Lua states: the capped allocator, creation and closing, the standard libraries. */
#include "shim_internal.h"
#include "pattern.h"

#include <stdio.h>
#include <stdlib.h>

limber_dispatch_fn limber__dispatch = NULL;
limber_release_fn limber__release = NULL;
limber_exit_fn limber__exit_now = NULL;

void limber_install_exit_callback(limber_exit_fn exit_now) { limber__exit_now = exit_now; }

void limber_install_callbacks(limber_dispatch_fn dispatch, limber_release_fn release) {
    limber__dispatch = dispatch;
    limber__release = release;
}

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    limber_host *h = (limber_host *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        h->used -= old;
        return NULL;
    }
    if (h->limit != 0 && nsize > old && h->used + (nsize - old) > h->limit) {
        return NULL; /* Lua turns this into a "not enough memory" error */
    }
    void *fresh = realloc(ptr, nsize);
    if (fresh == NULL) return NULL;
    h->used = h->used - old + nsize;
    return fresh;
}

static int at_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "limber: unprotected Lua error: %s\n", msg ? msg : "(no message)");
    abort();
}

lua_State *limber_newstate(size_t memory_limit) {
    limber_host *h = calloc(1, sizeof(limber_host));
    if (h == NULL) return NULL;
    h->limit = memory_limit;
    lua_State *L = lua_newstate(capped_alloc, h);
    if (L == NULL) {
        free(h);
        return NULL;
    }
    lua_atpanic(L, at_panic);
    limber__baseline_hook(L); /* every coroutine copies it from here */
    limber__watch_add(h);
    return L;
}

void limber_close(lua_State *L) {
    limber_host *h = limber__host_of(L);
    limber__watch_remove(h);
    lua_close(L);
    free(h);
}

void limber_set_owner(lua_State *L, void *owner) { limber__host_of(L)->owner = owner; }
void *limber_owner(lua_State *L) { return limber__host_of(L)->owner; }

size_t limber_memory_used(lua_State *L) { return limber__host_of(L)->used; }
size_t limber_memory_limit(lua_State *L) { return limber__host_of(L)->limit; }
void limber_set_memory_limit(lua_State *L, size_t limit) { limber__host_of(L)->limit = limit; }

int limber__run_protected(lua_State *L, lua_CFunction f, void *ud, int nresults) {
    if (!lua_checkstack(L, 2)) return LUA_ERRMEM;
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, ud);
    return lua_pcall(L, 1, nresults, 0);
}

static int open_libs(lua_State *L) {
    lua_pop(L, 1);
    luaL_openlibs(L);
    lua_getglobal(L, "os");
    lua_pushcfunction(L, limber__os_exit);
    lua_setfield(L, -2, "exit");
    lua_pop(L, 1);
    /* string.dump refused to plugins; pattern matching that a CPU budget can stop, for trusted
     * code and plugins alike */
    lua_getglobal(L, "string");
    limber__guard_dump(L);
    limber__install_patterns(L);
    lua_pop(L, 1);
    limber__install_warn(L);
    limber__install_guards(L);
    limber__install_output_guards(L);
    /* the shared metatable of Swift function boxes */
    lua_newtable(L);
    lua_pushcfunction(L, limber__box_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &limber__box_marker_key);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &limber__function_meta_key);
    return 0;
}

int limber_openlibs(lua_State *L) { return limber__run_protected(L, open_libs, NULL, 0); }
