/* Plugin text that can reach a terminal goes through the host's one escaper.
 *
 * Plugins with the `files` grant keep the io library, and its writes bypass print: io.write,
 * io.stdout:write, io.stderr:write, a handle on /dev/tty or /dev/stdout. So file:write (the
 * method every handle shares through the FILE* metatable) and io.write are replaced by guards
 * that, while plugin code runs (limber_enter_sandbox), pass each string through the escaper
 * Swift registers (TerminalSafe, the same function every renderer uses) when the file is a
 * terminal or is limber's own standard output or error, whatever those are (a pipe often ends at
 * a terminal: cron's mail, a pager). Other files get the plugin's bytes as written. Trusted code
 * (`limber run`'s script, the REPL) writes raw; the guards check their arguments as the stock
 * functions do, so its error messages stay the same. */
#include "shim_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* Registry key (by address) of the escaper: function(text, multiline) -> text. */
static const char escaper_key = 0;

static int same_file(int fd, int other) {
    struct stat a, b;
    if (fstat(fd, &a) != 0 || fstat(other, &b) != 0) return 0;
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Whether what is written to f can reach a terminal: a terminal itself, or limber's own
 * standard output or error however it was reached (/dev/stdout, /proc/self/fd/2). */
static int reaches_terminal(FILE *f) {
    int fd = fileno(f);
    if (fd < 0) return 0;
    return fd == STDOUT_FILENO || fd == STDERR_FILENO || isatty(fd) || same_file(fd, STDOUT_FILENO) ||
           same_file(fd, STDERR_FILENO);
}

/* Each argument from first on must be a string or a number, as g_write in liolib.c asks. */
static void check_arguments(lua_State *L, int first) {
    int top = lua_gettop(L);
    for (int arg = first; arg <= top; arg++) {
        if (lua_type(L, arg) != LUA_TNUMBER) luaL_checklstring(L, arg, NULL);
    }
}

/* While plugin code runs and f can reach a terminal, replaces each string argument from first
 * on with what the escaper makes of it (numbers cannot hold a control character). */
static void escape_arguments(lua_State *L, FILE *f, int first) {
    if (limber__host_of(L)->sandboxed <= 0 || f == NULL || !reaches_terminal(f)) return;
    int top = lua_gettop(L);
    luaL_checkstack(L, 4, NULL);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &escaper_key) != LUA_TFUNCTION) {
        luaL_error(L, "plugin output cannot reach the terminal: limber's escaper is not installed");
    }
    int escaper = lua_gettop(L);
    for (int arg = first; arg <= top; arg++) {
        if (lua_type(L, arg) != LUA_TSTRING) continue;
        lua_pushvalue(L, escaper);
        lua_pushvalue(L, arg);
        lua_pushboolean(L, 1);
        lua_call(L, 2, 1);
        if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "limber's escaper returned no string");
        lua_replace(L, arg);
    }
    lua_pop(L, 1);
}

/* Calls the stock function (upvalue 1) with the arguments as they are now. */
static int call_stock(lua_State *L) {
    luaL_checkstack(L, 1, NULL);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static FILE *open_file(lua_State *L, int index) {
    luaL_Stream *stream = (luaL_Stream *)luaL_testudata(L, index, LUA_FILEHANDLE);
    return stream != NULL && stream->closef != NULL ? stream->f : NULL;
}

/* file:write(...) */
static int guarded_file_write(lua_State *L) {
    luaL_Stream *stream = (luaL_Stream *)luaL_checkudata(L, 1, LUA_FILEHANDLE);
    if (stream->closef == NULL) return luaL_error(L, "attempt to use a closed file");
    check_arguments(L, 2);
    escape_arguments(L, stream->f, 2);
    return call_stock(L);
}

/* io.write(...): to the default output file, which liolib keeps in the registry. */
static int guarded_io_write(lua_State *L) {
    check_arguments(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, "_IO_output");
    FILE *f = open_file(L, -1);
    lua_pop(L, 1);
    escape_arguments(L, f, 1);
    return call_stock(L);
}

void limber__install_output_guards(lua_State *L) {
    limber__replace_function(L, "io", "write", guarded_io_write, 0, 0);
    if (luaL_getmetatable(L, LUA_FILEHANDLE) == LUA_TTABLE) {
        if (lua_getfield(L, -1, "__index") == LUA_TTABLE) {
            lua_getfield(L, -1, "write");
            lua_pushcclosure(L, guarded_file_write, 1);
            lua_setfield(L, -2, "write");
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static int set_escaper(lua_State *L) {
    int ref = (int)(intptr_t)lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &escaper_key);
    return 0;
}

int limber_set_terminal_escaper(lua_State *L, int ref) {
    return limber__run_protected(L, set_escaper, (void *)(intptr_t)ref, 0);
}
