/* Lua states: the capped allocator, creation and closing, the standard libraries. */
#include "shim_internal.h"
#include "pattern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

limber_dispatch_fn limber__dispatch = NULL;
limber_release_fn limber__release = NULL;
limber_exit_fn limber__exit_now = NULL;

void limber_install_exit_callback(limber_exit_fn exit_now) { limber__exit_now = exit_now; }

void limber_install_callbacks(limber_dispatch_fn dispatch, limber_release_fn release) {
    limber__dispatch = dispatch;
    limber__release = release;
}

/* The account a block is charged to, in the two bytes past its size (see limber_memory). */
static inline limber_tag tag_of(void *block, size_t size) {
    limber_tag tag;
    memcpy(&tag, (char *)block + size, sizeof tag);
    return tag;
}

/* The refusal the growth of (block, size) for account settles: asking again for the same block
 * after Lua collected, the account was over only if refused again; anything else confirms it
 * (Lua raised "not enough memory" without collecting). */
static int settle(limber_memory *m, unsigned account, void *block, size_t size) {
    int again = m->refused == account && m->refused_block == block && m->refused_size == size;
    if (!again) {
        m->over = m->refused;
        m->over_pool = m->refused_by_pool;
    }
    m->refused = 0;
    return again;
}

static void *refuse(limber_memory *m, unsigned account, void *block, size_t size, int by_pool) {
    if (m->refused && settle(m, account, block, size)) {
        m->over = account;
        m->over_pool = by_pool;
        return NULL;
    }
    m->refused = account;
    m->refused_block = block;
    m->refused_size = size;
    m->refused_by_pool = by_pool;
    return NULL; /* Lua turns this into a "not enough memory" error */
}

/* Lua's allocator: the host may fill the whole limit; a plugin's account only its share, and
 * all plugins together the limit less the host's headroom. */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    limber_host *h = (limber_host *)ud;
    limber_memory *m = &h->memory;
    size_t old = ptr ? osize : 0;
    unsigned was = ptr ? tag_of(ptr, osize) : 0;
    if (nsize == 0) {
        free(ptr);
        h->used -= old;
        m->live[was] -= old;
        return NULL;
    }
    unsigned now = m->account;
    if (nsize > old) {
        size_t grow = nsize - old;
        if (now != 0) {
            if ((m->pool != 0 && h->used + grow > m->pool) || (h->limit != 0 && h->used + grow > h->limit))
                return refuse(m, now, ptr, nsize, 1);
            if (m->share != 0 && m->live[now] + (was == now ? grow : nsize) > m->share)
                return refuse(m, now, ptr, nsize, 0);
        } else if (h->limit != 0 && h->used + grow > h->limit) {
            return NULL;
        }
        if (m->refused) settle(m, now, ptr, nsize);
    } else {
        now = was; /* a block that shrinks stays where it is */
    }
    void *fresh = realloc(ptr, nsize + sizeof(limber_tag));
    if (fresh == NULL) return NULL;
    limber_tag tag = (limber_tag)now;
    memcpy((char *)fresh + nsize, &tag, sizeof tag);
    h->used = h->used - old + nsize;
    m->live[was] -= old;
    m->live[now] += nsize;
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
    if (!limber__accounts_init(&h->memory)) {
        free(h);
        return NULL;
    }
    h->limit = memory_limit;
    lua_State *L = lua_newstate(capped_alloc, h);
    if (L == NULL) {
        limber__accounts_free(&h->memory);
        free(h);
        return NULL;
    }
    lua_atpanic(L, at_panic);
    limber__baseline_hook(L); /* none: no budget runs yet */
    limber__watch_add(h);
    return L;
}

void limber_close(lua_State *L) {
    limber_host *h = limber__host_of(L);
    limber__watch_remove(h);
    lua_close(L);
    limber__accounts_free(&h->memory);
    free(h);
}

void limber_set_owner(lua_State *L, void *owner) { limber__host_of(L)->owner = owner; }
void *limber_owner(lua_State *L) { return limber__host_of(L)->owner; }

size_t limber_memory_used(lua_State *L) { return limber__host_of(L)->used; }
size_t limber_memory_limit(lua_State *L) { return limber__host_of(L)->limit; }
void limber_set_memory_limit(lua_State *L, size_t limit) {
    limber_host *h = limber__host_of(L);
    h->limit = limit;
    limber__accounts_limits(h);
}

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
