/* The trampoline every Swift function goes through, and the decoder of encoded values that
 * carries Swift's results (and every push of Swift data) onto the Lua stack. */
#include "shim_internal.h"

#include <stdlib.h>
#include <string.h>


typedef struct ops_cursor {
    const uint8_t *at;
    const uint8_t *end;
} ops_cursor;

/* Bytes of results a host function can hand back without an allocation. */
#define LIMBER_INLINE_OPS 256

/* How many values `ops` holds when every one is nil, a boolean, an integer or a number; -1
 * when any other op is there (or the encoding is cut short). Pushing such values cannot raise
 * (no allocation, no metamethod) once lua_checkstack has made room for them. */
static int scalar_count(const uint8_t *at, const uint8_t *end) {
    int count = 0;
    while (at < end) {
        switch (*at++) {
        case LIMBER_OP_NIL: case LIMBER_OP_TRUE: case LIMBER_OP_FALSE: break;
        case LIMBER_OP_INT: case LIMBER_OP_NUM:
            if ((size_t)(end - at) < 8) return -1;
            at += 8;
            break;
        default: return -1;
        }
        count++;
    }
    return count;
}

/* Pushes what scalar_count accepted, unprotected: none of these pushes can raise. */
static void push_scalars(lua_State *L, const uint8_t *at, const uint8_t *end) {
    while (at < end) {
        uint8_t op = *at++;
        if (op == LIMBER_OP_NIL) lua_pushnil(L);
        else if (op == LIMBER_OP_TRUE) lua_pushboolean(L, 1);
        else if (op == LIMBER_OP_FALSE) lua_pushboolean(L, 0);
        else if (op == LIMBER_OP_INT) {
            int64_t v;
            memcpy(&v, at, sizeof v);
            at += sizeof v;
            lua_pushinteger(L, (lua_Integer)v);
        } else {
            double v;
            memcpy(&v, at, sizeof v);
            at += sizeof v;
            lua_pushnumber(L, v);
        }
    }
}

static void free_ops(limber_call_result *result) {
    if (result->ops != result->inline_ops) free(result->ops);
}

static int trampoline(lua_State *L) {
    int top = lua_gettop(L);
    void **slot = (void **)lua_touserdata(L, lua_upvalueindex(1));
    uint8_t inline_ops[LIMBER_INLINE_OPS];
    limber_call_result result;
    result.ops = NULL;
    result.ops_len = 0;
    result.error = NULL;
    result.error_len = 0;
    result.inline_ops = inline_ops;
    result.inline_capacity = sizeof inline_ops;
    int n = limber__dispatch(L, slot ? *slot : NULL, &result);
    if (n < 0) {
        char message[2048];
        size_t length = result.error_len < sizeof(message) ? result.error_len : sizeof(message);
        if (result.error) memcpy(message, result.error, length);
        free(result.error);
        free_ops(&result);
        luaL_where(L, 1);
        lua_pushlstring(L, message, length);
        lua_concat(L, 2);
        return lua_error(L); /* raised here, after the Swift frame has returned */
    }
    if (result.error) free(result.error);
    if (result.ops_len == 0) {
        free_ops(&result);
        return 0;
    }
    const uint8_t *end = result.ops + result.ops_len;
    int scalars = scalar_count(result.ops, end);
    if (scalars >= 0) {
        /* the fast path: room first (Lua gives a C function LUA_MINSTACK slots past its
         * arguments), then pushes that cannot fail */
        if ((scalars > LUA_MINSTACK || lua_gettop(L) != top) && !lua_checkstack(L, scalars)) {
            free_ops(&result);
            return luaL_error(L, "stack overflow");
        }
        push_scalars(L, result.ops, end);
        free_ops(&result);
        return scalars;
    }
    if (!lua_checkstack(L, 2)) {
        free_ops(&result);
        return luaL_error(L, "stack overflow");
    }
    int base = lua_gettop(L);
    ops_cursor cursor = {result.ops, end};
    lua_pushcfunction(L, limber__decode_ops);
    lua_pushlightuserdata(L, &cursor);
    int status = lua_pcall(L, 1, LUA_MULTRET, 0);
    free_ops(&result);
    if (status != LUA_OK) return lua_error(L);
    return lua_gettop(L) - base;
}

static void take(lua_State *L, ops_cursor *c, void *out, size_t size) {
    if ((size_t)(c->end - c->at) < size) luaL_error(L, "limber: truncated value encoding");
    memcpy(out, c->at, size);
    c->at += size;
}

int limber__decode_ops(lua_State *L) {
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
            limber__new_box(L, box);
            lua_rawgetp(L, LUA_REGISTRYINDEX, &limber__function_meta_key);
            lua_setmetatable(L, -2);
            lua_pushcclosure(L, trampoline, 1);
            break;
        }
        case LIMBER_OP_OBJ: {
            void *box;
            int32_t meta;
            take(L, c, &box, sizeof box);
            take(L, c, &meta, sizeof meta);
            limber__new_box(L, box);
            lua_rawgeti(L, LUA_REGISTRYINDEX, meta);
            lua_setmetatable(L, -2);
            break;
        }
        case LIMBER_OP_BOXMETA:
            luaL_checktype(L, -1, LUA_TTABLE);
            lua_pushcfunction(L, limber__box_gc);
            lua_setfield(L, -2, "__gc");
            lua_pushboolean(L, 1);
            lua_rawsetp(L, -2, &limber__box_marker_key);
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
    int status = limber__run_protected(L, limber__decode_ops, &cursor, LUA_MULTRET);
    if (count) *count = status == LUA_OK ? lua_gettop(L) - base : 0;
    return status;
}
