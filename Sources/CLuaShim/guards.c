/* Library functions whose loops the count hook cannot see, replaced with guarded ones.
 *
 * The count hook fires between VM instructions; a C function that loops on plugin input runs
 * none. table.move(t, 1, math.maxinteger, 2) moves nils for 2^63 steps and allocates nothing;
 * table.insert and table.remove shift up to #t elements, and __len may claim any length;
 * table.concat and table.sort may call C metamethods (__index = rawlen) that run no Lua code
 * either; string.rep("", n) loops n times over nothing; one collectgarbage() of a large heap
 * takes a good part of a second. Each guarded function behaves as the stock one and checks the
 * budget as it goes (limber_budget_check). The coroutine functions, xpcall and collectgarbage
 * are guarded in guards_calls.c. */
#include "shim_internal.h"

#include <limits.h>
#include <string.h>

/* How many loop steps run between two looks at the budget. */
#define GUARD_STEP 1024

#define TAB_R 1
#define TAB_W 2
#define TAB_L 4

static int has_metafield(lua_State *L, int arg, const char *event) {
    if (luaL_getmetafield(L, arg, event) == LUA_TNIL) return 0;
    lua_pop(L, 1);
    return 1;
}

/* A table, or a value whose metatable gives the access asked for (as the stock library). */
static void check_table(lua_State *L, int arg, int what) {
    if (lua_type(L, arg) == LUA_TTABLE) return;
    if (lua_getmetatable(L, arg)) {
        lua_pop(L, 1);
        if ((!(what & TAB_R) || has_metafield(L, arg, "__index")) &&
            (!(what & TAB_W) || has_metafield(L, arg, "__newindex")) &&
            (!(what & TAB_L) || has_metafield(L, arg, "__len")))
            return;
    }
    luaL_checktype(L, arg, LUA_TTABLE);
}

static lua_Integer length_of(lua_State *L, int arg, int what) {
    check_table(L, arg, what | TAB_L);
    return luaL_len(L, arg);
}

static void step(lua_State *L, lua_Integer k) {
    if ((k & (GUARD_STEP - 1)) == GUARD_STEP - 1) limber_budget_check(L);
}

static int guarded_move(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1;
    check_table(L, 1, TAB_R);
    check_table(L, tt, TAB_W);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        /* Overlapping ranges in one table move from the end, so nothing is read after it was written. */
        int forward = t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ));
        for (lua_Integer k = 0; k < n; k++) {
            lua_Integer i = forward ? k : n - 1 - k;
            lua_geti(L, 1, f + i);
            lua_seti(L, tt, t + i);
            step(L, k);
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

static int guarded_insert(lua_State *L) {
    lua_Integer end = length_of(L, 1, TAB_R | TAB_W);
    end = (lua_Integer)((lua_Unsigned)end + 1u); /* the first empty slot */
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = end;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)end, 2, "position out of bounds");
        for (lua_Integer i = end, k = 0; i > pos; i--, k++) {
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
            step(L, k);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int guarded_remove(lua_State *L) {
    lua_Integer size = length_of(L, 1, TAB_R | TAB_W);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        /* argument 1, as the stock message has it */
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 1, "position out of bounds");
    lua_geti(L, 1, pos);
    for (lua_Integer k = 0; pos < size; pos++, k++) {
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
        step(L, k);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

static void add_field(lua_State *L, luaL_Buffer *b, lua_Integer i) {
    lua_geti(L, 1, i);
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid value (%s) at index %I in table for 'concat'", luaL_typename(L, -1), (LUAI_UACINT)i);
    luaL_addvalue(b);
}

static int guarded_concat(lua_State *L) {
    luaL_Buffer b;
    lua_Integer last = length_of(L, 1, TAB_R);
    size_t separator_length;
    const char *separator = luaL_optlstring(L, 2, "", &separator_length);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    luaL_buffinit(L, &b);
    for (lua_Integer k = 0; i < last; i++, k++) {
        add_field(L, &b, i);
        luaL_addlstring(&b, separator, separator_length);
        step(L, k);
    }
    if (i == last) add_field(L, &b, i);
    luaL_pushresult(&b);
    return 1;
}

/* The comparison table.sort makes: the plugin's function or `<`, counted. Upvalues: the
 * function (nil for `<`) and the count. */
static int counted_compare(lua_State *L) {
    lua_settop(L, 2);
    lua_Integer count = lua_tointeger(L, lua_upvalueindex(2)) + 1;
    lua_pushinteger(L, count);
    lua_replace(L, lua_upvalueindex(2));
    /* One comparison of long strings can take long by itself. */
    int long_strings = (lua_type(L, 1) == LUA_TSTRING && lua_rawlen(L, 1) > 256) ||
                       (lua_type(L, 2) == LUA_TSTRING && lua_rawlen(L, 2) > 256);
    if (long_strings || (count & 255) == 0) limber_budget_check(L);
    if (lua_isnil(L, lua_upvalueindex(1))) {
        lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

static int guarded_sort(lua_State *L) {
    check_table(L, 1, TAB_R | TAB_W | TAB_L);
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
    if (lua_type(L, 1) == LUA_TTABLE && !has_metafield(L, 1, "__len"))
        luaL_argcheck(L, lua_rawlen(L, 1) < INT_MAX, 1, "array too big");
    lua_settop(L, 2);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, counted_compare, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushvalue(L, -3);
    int status = lua_pcall(L, 2, 0, 0);
    if (status != LUA_OK) {
        /* The stock sort's own error names the line that called it; from here it cannot. */
        const char *message = lua_tostring(L, -1);
        if (lua_type(L, -1) == LUA_TSTRING && strcmp(message, "invalid order function for sorting") == 0) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return 0;
}

static int guarded_rep(lua_State *L) {
    size_t length, separator_length;
    luaL_checklstring(L, 1, &length);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &separator_length);
    if (n <= 0 || length + separator_length == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    if (length + separator_length < length || length + separator_length > (size_t)INT_MAX / (size_t)n)
        return luaL_error(L, "resulting string too large");
    /* What is left allocates its whole result first, so the memory cap bounds its one loop. */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* Replaces library[name] with f closed over the stock function (and a boolean upvalue after
 * it when with_flag). */
void limber__replace_function(lua_State *L, const char *library, const char *name, lua_CFunction f, int with_flag, int flag) {
    if (lua_getglobal(L, library) != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    lua_getfield(L, -1, name);
    if (with_flag) lua_pushboolean(L, flag);
    lua_pushcclosure(L, f, with_flag ? 2 : 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

void limber__replace_global(lua_State *L, const char *name, lua_CFunction f) {
    lua_getglobal(L, name);
    lua_pushcclosure(L, f, 1);
    lua_setglobal(L, name);
}

void limber__install_guards(lua_State *L) {
    if (lua_getglobal(L, "table") == LUA_TTABLE) {
        lua_pushcfunction(L, guarded_move);
        lua_setfield(L, -2, "move");
        lua_pushcfunction(L, guarded_insert);
        lua_setfield(L, -2, "insert");
        lua_pushcfunction(L, guarded_remove);
        lua_setfield(L, -2, "remove");
        lua_pushcfunction(L, guarded_concat);
        lua_setfield(L, -2, "concat");
    }
    lua_pop(L, 1);
    limber__replace_function(L, "table", "sort", guarded_sort, 0, 0);
    limber__replace_function(L, "string", "rep", guarded_rep, 0, 0);
    limber__install_call_guards(L);
}
