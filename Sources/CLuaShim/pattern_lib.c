/* string.find, string.match, string.gmatch and string.gsub over limber's pattern engine, with
 * stock Lua 5.4's arguments, results and errors; installed in place of the stock ones. */
#define _GNU_SOURCE /* memmem */
#include "pattern.h"

#include <ctype.h>
#include <string.h>

/* A 1-based, possibly negative, start position as a 0-based offset (len + 1 when past it). */
static size_t start_offset(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len) return 0;
    return (size_t)((lua_Integer)len + pos);
}

/* Whether the pattern has none of the characters that make it more than plain text. */
static int is_plain(const char *p, size_t lp) {
    static const char specials[] = "^$*+?.([%-";
    for (size_t i = 0; i < lp; i++)
        if (p[i] != '\0' && strchr(specials, p[i]) != NULL) return 0;
    return 1;
}

/* Plain text search, linear in the subject, so no steps to count: a short needle is quickest
 * with memchr (each candidate costs at most 16 bytes compared), a longer one with memmem. */
static const char *find_plain(const char *s, size_t ls, const char *p, size_t lp) {
    if (lp == 0) return s;
    if (lp > ls) return NULL;
    if (lp > 16) return memmem(s, ls, p, lp);
    const char *last = s + (ls - lp);
    while (s <= last) {
        const char *at = memchr(s, p[0], (size_t)(last - s) + 1);
        if (at == NULL) return NULL;
        if (memcmp(at + 1, p + 1, lp - 1) == 0) return at;
        s = at + 1;
    }
    return NULL;
}

/* find (with positions) and match (captures only) share their arguments and their scan. */
static int find_or_match(lua_State *L, int positions) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    limber__pattern_steps(L, 1);
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (positions && (lua_toboolean(L, 4) || is_plain(p, lp))) {
        const char *at = find_plain(s + init, ls - init, p, lp);
        if (at != NULL) {
            lua_pushinteger(L, (at - s) + 1);
            lua_pushinteger(L, (at - s) + (lua_Integer)lp);
            return 2;
        }
        luaL_pushfail(L);
        return 1;
    }
    int anchored = lp > 0 && *p == '^';
    if (anchored) {
        p++;
        lp--;
    }
    limber_pattern m;
    limber__pattern_init(&m, L, s, ls, p, lp);
    const char *from = s + init;
    for (;;) {
        limber__pattern_reset(&m);
        const char *e = limber__pattern_match(&m, from, p);
        if (e != NULL) {
            if (!positions) return limber__pattern_push_captures(&m, from, e);
            lua_pushinteger(L, (from - s) + 1);
            lua_pushinteger(L, e - s);
            return limber__pattern_push_captures(&m, NULL, NULL) + 2;
        }
        if (anchored || from >= m.subject_end) break;
        from++;
    }
    luaL_pushfail(L);
    return 1;
}

static int pattern_find(lua_State *L) { return find_or_match(L, 1); }
static int pattern_match(lua_State *L) { return find_or_match(L, 0); }

/* What a gmatch iterator keeps between calls; its strings live on as the closure's upvalues. */
typedef struct gmatch_state {
    limber_pattern m;
    const char *next;
    const char *pattern;
    const char *last_end; /* the end of the last match: an empty match there is skipped */
} gmatch_state;

static int gmatch_step(lua_State *L) {
    gmatch_state *g = (gmatch_state *)lua_touserdata(L, lua_upvalueindex(3));
    g->m.L = L; /* the iterator may run on another coroutine than the one that made it */
    limber__pattern_steps(L, 1);
    for (const char *from = g->next; from <= g->m.subject_end; from++) {
        limber__pattern_reset(&g->m);
        const char *e = limber__pattern_match(&g->m, from, g->pattern);
        if (e != NULL && e != g->last_end) {
            g->next = g->last_end = e;
            return limber__pattern_push_captures(&g->m, from, e);
        }
    }
    return 0;
}

/* In Lua 5.4 a '^' does not anchor gmatch: it is matched as a plain character. */
static int pattern_gmatch(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    lua_settop(L, 2);
    gmatch_state *g = (gmatch_state *)lua_newuserdatauv(L, sizeof(gmatch_state), 0);
    if (init > ls) init = ls + 1;
    limber__pattern_init(&g->m, L, s, ls, p, lp);
    g->next = s + init;
    g->pattern = p;
    g->last_end = NULL;
    lua_pushcclosure(L, gmatch_step, 3);
    return 1;
}

/* Appends the replacement string (argument 3) for the match [s, e): %0 the match, %1..%9 its
 * captures, %% a '%'. */
static void add_replacement_string(limber_pattern *m, luaL_Buffer *b, const char *s, const char *e) {
    lua_State *L = m->L;
    size_t len;
    const char *r = lua_tolstring(L, 3, &len);
    const char *r_end = r + len;
    limber__pattern_steps(L, 1 + (long)(len >> 6));
    for (;;) {
        const char *escape = memchr(r, '%', (size_t)(r_end - r));
        if (escape == NULL) break;
        luaL_addlstring(b, r, (size_t)(escape - r));
        char c = escape + 1 < r_end ? escape[1] : '\0';
        if (c == '%') {
            luaL_addchar(b, '%');
        } else if (c == '0') {
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (isdigit((unsigned char)c)) {
            const char *bytes;
            ptrdiff_t n = limber__pattern_capture(m, c - '1', s, e, &bytes);
            if (n == LIMBER_CAPTURE_POSITION) luaL_addvalue(b);
            else luaL_addlstring(b, bytes, (size_t)n);
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", '%');
        }
        r = escape + 2;
    }
    luaL_addlstring(b, r, (size_t)(r_end - r));
}

/* Appends the replacement for the match [s, e); returns whether it differs from the match. */
static int add_replacement(limber_pattern *m, luaL_Buffer *b, const char *s, const char *e, int kind) {
    lua_State *L = m->L;
    if (kind == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = limber__pattern_push_captures(m, s, e);
        lua_call(L, n, 1);
    } else if (kind == LUA_TTABLE) {
        limber__pattern_push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_replacement_string(m, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) { /* nil or false: the match stays */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1)) return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

static int pattern_gsub(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int kind = lua_type(L, 3);
    lua_Integer most = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L, kind == LUA_TNUMBER || kind == LUA_TSTRING || kind == LUA_TFUNCTION || kind == LUA_TTABLE,
                     3, "string/function/table");
    limber__pattern_steps(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int anchored = lp > 0 && *p == '^';
    if (anchored) {
        p++;
        lp--;
    }
    limber_pattern m;
    limber__pattern_init(&m, L, s, ls, p, lp);
    const char *last_end = NULL;
    lua_Integer count = 0;
    int changed = 0;
    while (count < most) {
        limber__pattern_reset(&m);
        const char *e = limber__pattern_match(&m, s, p);
        if (e != NULL && e != last_end) {
            count++;
            changed |= add_replacement(&m, &b, s, e, kind);
            s = last_end = e;
        } else if (s < m.subject_end) {
            luaL_addchar(&b, *s++);
        } else {
            break;
        }
        if (anchored) break;
    }
    if (changed) {
        luaL_addlstring(&b, s, (size_t)(m.subject_end - s));
        luaL_pushresult(&b);
    } else {
        lua_pushvalue(L, 1);
    }
    lua_pushinteger(L, count);
    return 2;
}

void limber__install_patterns(lua_State *L) {
    static const luaL_Reg functions[] = {
        {"find", pattern_find},
        {"match", pattern_match},
        {"gmatch", pattern_gmatch},
        {"gsub", pattern_gsub},
        {NULL, NULL},
    };
    luaL_setfuncs(L, functions, 0);
}

static int open_stock(lua_State *L) {
    lua_settop(L, 0);
    lua_pushliteral(L, "");
    lua_getmetatable(L, 1); /* luaopen_string replaces the string metatable: keep ours */
    lua_pushcfunction(L, luaopen_string);
    lua_call(L, 0, 1);
    lua_pushvalue(L, 2);
    lua_setmetatable(L, 1);
    lua_setglobal(L, "stock_string");
    return 0;
}

int limber_open_stock_patterns(lua_State *L) { return limber__run_protected(L, open_stock, NULL, 0); }
