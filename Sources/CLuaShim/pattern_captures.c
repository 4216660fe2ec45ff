/* What a match captured: each capture as a value (a string, or a position for "()"), for the
 * four library functions (pattern_lib.c). */
#include "pattern.h"

ptrdiff_t limber__pattern_capture(limber_pattern *m, int i, const char *s, const char *e, const char **out) {
    if (i >= m->ncaptures) {
        if (i != 0) luaL_error(m->L, "invalid capture index %%%d", i + 1);
        *out = s;
        return e - s;
    }
    ptrdiff_t len = m->captures[i].len;
    *out = m->captures[i].start;
    if (len == LIMBER_CAPTURE_OPEN) luaL_error(m->L, "unfinished capture");
    if (len == LIMBER_CAPTURE_POSITION) lua_pushinteger(m->L, (m->captures[i].start - m->subject) + 1);
    return len;
}

void limber__pattern_push_capture(limber_pattern *m, int i, const char *s, const char *e) {
    const char *bytes;
    ptrdiff_t len = limber__pattern_capture(m, i, s, e, &bytes);
    if (len != LIMBER_CAPTURE_POSITION) lua_pushlstring(m->L, bytes, (size_t)len);
}

int limber__pattern_push_captures(limber_pattern *m, const char *s, const char *e) {
    int n = (m->ncaptures == 0 && s != NULL) ? 1 : m->ncaptures;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++) limber__pattern_push_capture(m, i, s, e);
    return n;
}
