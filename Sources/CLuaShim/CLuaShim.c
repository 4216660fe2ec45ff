#include "CLuaShim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <signal.h>

/* Per-state bookkeeping, reachable from any thread of the state as the allocator's ud. */
typedef struct limber_host {
    size_t used;
    size_t limit;
    double deadline;              /* thread CPU seconds; 0 when no budget runs */
    double budget;                /* the budget that set the deadline, for the message */
    volatile sig_atomic_t interrupted;
    int exit_requested;
    int exit_code;
    void *owner;
} limber_host;

static limber_dispatch_fn g_dispatch = NULL;
static limber_release_fn g_release = NULL;
static const char function_meta_key = 'f';
static const char box_marker_key = 'b';

#define LIMBER_COUNT_HOOK_STEP 1000

void limber_install_callbacks(limber_dispatch_fn dispatch, limber_release_fn release) {
    g_dispatch = dispatch;
    g_release = release;
}

static limber_host *host_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (limber_host *)ud;
}

/* ---- allocator with a cap ---- */

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
    return L;
}

void limber_close(lua_State *L) {
    limber_host *h = host_of(L);
    lua_close(L);
    free(h);
}

void limber_set_owner(lua_State *L, void *owner) { host_of(L)->owner = owner; }
void *limber_owner(lua_State *L) { return host_of(L)->owner; }

size_t limber_memory_used(lua_State *L) { return host_of(L)->used; }
size_t limber_memory_limit(lua_State *L) { return host_of(L)->limit; }
void limber_set_memory_limit(lua_State *L, size_t limit) { host_of(L)->limit = limit; }

/* ---- hooks: CPU budget, interrupts, exit ---- */

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

static void stop_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    limber_host *h = host_of(L);
    if (h->exit_requested) {
        lua_sethook(L, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
        luaL_error(L, "exit");
    }
    if (h->interrupted) {
        h->interrupted = 0;
        lua_sethook(L, h->deadline > 0 ? stop_hook : NULL, h->deadline > 0 ? LUA_MASKCOUNT : 0,
                    LIMBER_COUNT_HOOK_STEP);
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

void limber_interrupt(lua_State *L) {
    limber_host *h = host_of(L);
    h->interrupted = 1;
    lua_sethook(L, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

int limber_exit_requested(lua_State *L, int *code) {
    limber_host *h = host_of(L);
    if (h->exit_requested && code) *code = h->exit_code;
    return h->exit_requested;
}

void limber_reset_stop(lua_State *L) {
    limber_host *h = host_of(L);
    h->interrupted = 0;
    h->exit_requested = 0;
    h->exit_code = 0;
    lua_sethook(L, h->deadline > 0 ? stop_hook : NULL, h->deadline > 0 ? LUA_MASKCOUNT : 0,
                LIMBER_COUNT_HOOK_STEP);
}

/* os.exit([code]) unwinds to the host, which exits after its own clean-up. */
static int host_os_exit(lua_State *L) {
    limber_host *h = host_of(L);
    int code = 0;
    if (lua_isboolean(L, 1)) code = lua_toboolean(L, 1) ? 0 : 1;
    else code = (int)luaL_optinteger(L, 1, 0);
    h->exit_requested = 1;
    h->exit_code = code;
    lua_sethook(L, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
    return luaL_error(L, "exit");
}

static int box_gc(lua_State *L);

static int open_libs(lua_State *L) {
    luaL_openlibs(L);
    lua_getglobal(L, "os");
    lua_pushcfunction(L, host_os_exit);
    lua_setfield(L, -2, "exit");
    lua_pop(L, 1);
    /* the shared metatable of Swift function boxes */
    lua_newtable(L);
    lua_pushcfunction(L, box_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &box_marker_key);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &function_meta_key);
    return 0;
}

static int run_protected(lua_State *L, lua_CFunction f, void *ud, int nresults) {
    if (!lua_checkstack(L, 2)) return LUA_ERRMEM;
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, ud);
    return lua_pcall(L, 1, nresults, 0);
}

static int open_libs_entry(lua_State *L) {
    lua_pop(L, 1);
    return open_libs(L);
}

int limber_openlibs(lua_State *L) { return run_protected(L, open_libs_entry, NULL, 0); }

/* ---- boxes: retained Swift objects in userdata ---- */

static int box_gc(lua_State *L) {
    void **slot = (void **)lua_touserdata(L, 1);
    if (slot != NULL && *slot != NULL) {
        void *box = *slot;
        *slot = NULL;
        if (g_release) g_release(box);
    }
    return 0;
}

static void new_box(lua_State *L, void *box) {
    void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
}

void *limber_tobox(lua_State *L, int index) {
    if (lua_type(L, index) != LUA_TUSERDATA) return NULL;
    if (!lua_checkstack(L, 2)) return NULL;
    if (!lua_getmetatable(L, index)) return NULL;
    int marked = lua_rawgetp(L, -1, &box_marker_key) != LUA_TNIL;
    lua_pop(L, 2);
    if (!marked) return NULL;
    void **slot = (void **)lua_touserdata(L, index);
    return slot ? *slot : NULL;
}

/* ---- the trampoline: every Swift function Lua can call ---- */

typedef struct ops_cursor {
    const uint8_t *at;
    const uint8_t *end;
} ops_cursor;

static int decode_ops(lua_State *L);

static int trampoline(lua_State *L) {
    void **slot = (void **)lua_touserdata(L, lua_upvalueindex(1));
    limber_call_result result = {0};
    int n = g_dispatch(L, slot ? *slot : NULL, &result);
    if (n < 0) {
        char message[2048];
        size_t length = result.error_len < sizeof(message) ? result.error_len : sizeof(message);
        if (result.error) memcpy(message, result.error, length);
        free(result.error);
        free(result.ops);
        luaL_where(L, 1);
        lua_pushlstring(L, message, length);
        lua_concat(L, 2);
        return lua_error(L); /* raised here, after the Swift frame has returned */
    }
    free(result.error);
    if (result.ops_len == 0) {
        free(result.ops);
        return 0;
    }
    if (!lua_checkstack(L, 2)) {
        free(result.ops);
        return luaL_error(L, "stack overflow");
    }
    int base = lua_gettop(L);
    ops_cursor cursor = {result.ops, result.ops + result.ops_len};
    lua_pushcfunction(L, decode_ops);
    lua_pushlightuserdata(L, &cursor);
    int status = lua_pcall(L, 1, LUA_MULTRET, 0);
    free(result.ops);
    if (status != LUA_OK) return lua_error(L);
    return lua_gettop(L) - base;
}

/* ---- decoding of encoded values ---- */

static void take(lua_State *L, ops_cursor *c, void *out, size_t size) {
    if ((size_t)(c->end - c->at) < size) luaL_error(L, "limber: truncated value encoding");
    memcpy(out, c->at, size);
    c->at += size;
}

static int decode_ops(lua_State *L) {
    ops_cursor *c = (ops_cursor *)lua_touserdata(L, 1);
    lua_pop(L, 1);
    int base = lua_gettop(L);
    while (c->at < c->end) {
        uint8_t op = *c->at++;
        luaL_checkstack(L, 3, "value too deeply nested");
        switch (op) {
        case LIMBER_OP_NIL: lua_pushnil(L); break;
        case LIMBER_OP_TRUE: lua_pushboolean(L, 1); break;
        case LIMBER_OP_FALSE: lua_pushboolean(L, 0); break;
        case LIMBER_OP_INT: {
            int64_t v;
            take(L, c, &v, sizeof v);
            lua_pushinteger(L, (lua_Integer)v);
            break;
        }
        case LIMBER_OP_NUM: {
            double v;
            take(L, c, &v, sizeof v);
            lua_pushnumber(L, v);
            break;
        }
        case LIMBER_OP_STR: {
            uint64_t length;
            take(L, c, &length, sizeof length);
            if ((uint64_t)(c->end - c->at) < length) return luaL_error(L, "limber: truncated string");
            lua_pushlstring(L, (const char *)c->at, (size_t)length);
            c->at += length;
            break;
        }
        case LIMBER_OP_TABLE: {
            uint32_t narr, nrec;
            take(L, c, &narr, sizeof narr);
            take(L, c, &nrec, sizeof nrec);
            lua_createtable(L, (int)narr, (int)nrec);
            break;
        }
        case LIMBER_OP_SET:
            if (lua_gettop(L) - base < 3 || !lua_istable(L, -3))
                return luaL_error(L, "limber: bad table encoding");
            lua_rawset(L, -3);
            break;
        case LIMBER_OP_REF: {
            int32_t ref;
            take(L, c, &ref, sizeof ref);
            lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
            break;
        }
        case LIMBER_OP_FUNC: {
            void *box;
            take(L, c, &box, sizeof box);
            new_box(L, box);
            lua_rawgetp(L, LUA_REGISTRYINDEX, &function_meta_key);
            lua_setmetatable(L, -2);
            lua_pushcclosure(L, trampoline, 1);
            break;
        }
        case LIMBER_OP_OBJ: {
            void *box;
            int32_t meta;
            take(L, c, &box, sizeof box);
            take(L, c, &meta, sizeof meta);
            new_box(L, box);
            lua_rawgeti(L, LUA_REGISTRYINDEX, meta);
            lua_setmetatable(L, -2);
            break;
        }
        case LIMBER_OP_BOXMETA:
            luaL_checktype(L, -1, LUA_TTABLE);
            lua_pushcfunction(L, box_gc);
            lua_setfield(L, -2, "__gc");
            lua_pushboolean(L, 1);
            lua_rawsetp(L, -2, &box_marker_key);
            break;
        case LIMBER_OP_GLOBALS:
            lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
            break;
        case LIMBER_OP_RAWGET:
            if (lua_gettop(L) - base < 2 || !lua_istable(L, -2))
                return luaL_error(L, "limber: bad table read in encoding");
            lua_rawget(L, -2);
            lua_remove(L, -2);
            break;
        case LIMBER_OP_POP:
            if (lua_gettop(L) <= base) return luaL_error(L, "limber: bad pop in encoding");
            lua_pop(L, 1);
            break;
        default:
            return luaL_error(L, "limber: unknown encoding op %d", (int)op);
        }
    }
    return lua_gettop(L) - base;
}

int limber_push_encoded(lua_State *L, const uint8_t *ops, size_t len, int *count) {
    int base = lua_gettop(L);
    ops_cursor cursor = {ops, ops + len};
    int status = run_protected(L, decode_ops, &cursor, LUA_MULTRET);
    if (count) *count = status == LUA_OK ? lua_gettop(L) - base : 0;
    return status;
}

/* ---- protected calls ---- */

static int traceback_handler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
            msg = lua_tostring(L, -1);
        } else {
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        }
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int limber_pcall(lua_State *L, int nargs, int nresults, double cpu_seconds) {
    limber_host *h = host_of(L);
    int base = lua_gettop(L) - nargs;
    if (!lua_checkstack(L, 1)) return LUA_ERRMEM;
    lua_pushcfunction(L, traceback_handler);
    lua_insert(L, base);
    int owns_budget = cpu_seconds > 0 && h->deadline == 0;
    if (owns_budget) {
        h->budget = cpu_seconds;
        h->deadline = thread_cpu_seconds() + cpu_seconds;
        if (!h->exit_requested && !h->interrupted)
            lua_sethook(L, stop_hook, LUA_MASKCOUNT, LIMBER_COUNT_HOOK_STEP);
    }
    int status = lua_pcall(L, nargs, nresults, base);
    if (owns_budget) {
        h->deadline = 0;
        if (!h->exit_requested && !h->interrupted) lua_sethook(L, NULL, 0, 0);
    }
    lua_remove(L, base);
    return status;
}

int limber_load(lua_State *L, const char *buffer, size_t length, const char *chunkname) {
    return luaL_loadbufferx(L, buffer, length, chunkname, "t");
}

/* ---- registry references ---- */

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
    if (run_protected(L, drop_ref, &ref, 0) != LUA_OK) lua_pop(L, 1);
}

void limber_push_ref(lua_State *L, int ref) { lua_rawgeti(L, LUA_REGISTRYINDEX, ref); }
