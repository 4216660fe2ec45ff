/* What keeps trusted Lua (`limber run`, the REPL, test files) as lua5.4 has it, beside the
 * sandbox: warn() as lua.c prints it, and the one standard function plugins must not reach
 * through the shared string metatable (string.dump), refused while plugin code runs. */
#include "shim_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- warn(): off until "@on", to stderr as "Lua warning: ..." (the manual, 6.1 and 4.6) ---- */

static void warn_to_stderr(void *ud, const char *message, int tocont) {
    limber_host *h = (limber_host *)ud;
    if (!h->warn_continuing && message[0] == '@') {
        /* a control message: only @on and @off mean anything */
        if (strcmp(message, "@on") == 0) h->warn_on = 1;
        else if (strcmp(message, "@off") == 0) h->warn_on = 0;
        return;
    }
    if (h->warn_on) {
        if (!h->warn_continuing) fputs("Lua warning: ", stderr);
        fputs(message, stderr);
        if (!tocont) fputs("\n", stderr);
        fflush(stderr);
    }
    h->warn_continuing = tocont;
}

void limber__install_warn(lua_State *L) {
    lua_setwarnf(L, warn_to_stderr, limber__host_of(L));
}

/* ---- string.dump, refused inside the sandbox ---- */

static int guarded_dump(lua_State *L) {
    if (limber__host_of(L)->sandboxed > 0) return luaL_error(L, "string.dump is not available to plugins");
    luaL_checktype(L, 1, LUA_TFUNCTION); /* as stock checks it, so the message names 'dump' */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* Replaces string.dump in the string table on top of the stack. */
void limber__guard_dump(lua_State *L) {
    lua_getfield(L, -1, "dump");
    lua_pushcclosure(L, guarded_dump, 1);
    lua_setfield(L, -2, "dump");
}

void limber_enter_sandbox(lua_State *L) { limber__host_of(L)->sandboxed++; }

void limber_leave_sandbox(lua_State *L) {
    limber_host *h = limber__host_of(L);
    if (h->sandboxed > 0) h->sandboxed--;
}
