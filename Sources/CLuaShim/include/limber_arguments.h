#ifndef LIMBER_ARGUMENTS_H
#define LIMBER_ARGUMENTS_H
/*
 * Reading a host call's arguments where they lie on the Lua stack (Swift's LuaArguments, for
 * host functions of the scalar form). None of these can raise: nothing is converted (a string
 * is never read as a number, nor a number as a string, which would allocate), no metamethod
 * runs, nothing is allocated. `i` is a 1-based argument position no greater than the call's
 * lua_gettop.
 */
#include <stddef.h>
#include <lua5.4/lua.h>

/* Argument i as a double when it is a number (an integer is converted); *ok says whether it was. */
static inline double limber_arg_number(lua_State *L, int i, int *ok) {
    if (lua_type(L, i) != LUA_TNUMBER) {
        *ok = 0;
        return 0;
    }
    *ok = 1;
    return lua_tonumberx(L, i, NULL);
}

/* Argument i's bytes and length when it is a string, else NULL. */
static inline const char *limber_arg_string(lua_State *L, int i, size_t *length) {
    if (lua_type(L, i) != LUA_TSTRING) return NULL;
    return lua_tolstring(L, i, length);
}

#endif
