/* The pattern engine: a backtracking matcher over Lua 5.4 patterns that counts its steps.
 *
 * It reads the pattern as it goes, as stock Lua does, so a malformed part of a pattern is an
 * error only when a match attempt reaches it; and it nests its calls where stock Lua nests
 * them, so "pattern too complex" comes at the same depth. Every call, every character a
 * repetition or %b scans and every byte range a back-reference compares counts as steps. */
#include "pattern.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* How many steps run between two looks at the CPU clock (a look costs a system call). */
#define CHECK_EVERY 4096

_Thread_local long limber__pattern_steps_left = CHECK_EVERY;

/* Called every CHECK_EVERY steps: the budget of the call now running (hooks.c) decides. Once it
 * is spent, no fresh steps are given, so the next matcher call looks again and fails at once. */
void limber__pattern_check_budget(lua_State *L) {
    limber__pattern_steps_left = CHECK_EVERY;
    if (limber_budget_exceeded(L)) {
        limber__pattern_steps_left = 0;
        limber_budget_check(L); /* raises the stop (or a pending exit or interrupt) */
    }
}

void limber__pattern_init(limber_pattern *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp) {
    m->L = L;
    m->subject = s;
    m->subject_end = s + ls;
    m->pattern_end = p + lp;
    limber__pattern_reset(m);
}

void limber__pattern_reset(limber_pattern *m) {
    m->ncaptures = 0;
    m->depth_left = LIMBER_PATTERN_MAX_DEPTH;
}

/* Whether byte c is in class letter cl (%a, %d, ...); an upper-case letter is the complement,
 * and any other character stands for itself. */
static int in_class(int c, int cl) {
    int yes;
    switch (tolower(cl)) {
    case 'a': yes = isalpha(c); break;
    case 'c': yes = iscntrl(c); break;
    case 'd': yes = isdigit(c); break;
    case 'g': yes = isgraph(c); break;
    case 'l': yes = islower(c); break;
    case 'p': yes = ispunct(c); break;
    case 's': yes = isspace(c); break;
    case 'u': yes = isupper(c); break;
    case 'w': yes = isalnum(c); break;
    case 'x': yes = isxdigit(c); break;
    case 'z': yes = (c == 0); break; /* deprecated in Lua, still understood */
    default: return cl == c;
    }
    if (isupper(cl)) return !yes;
    return yes != 0;
}

/* Whether byte c is in the set that opens at p ('[') and closes at close (']'). */
static int in_set(limber_pattern *m, int c, const char *p, const char *close) {
    int found = 1;
    limber__pattern_steps(m->L, 1 + ((close - p) >> 5));
    p++;
    if (*p == '^') {
        found = 0;
        p++;
    }
    for (; p < close; p++) {
        if (*p == '%') {
            p++;
            if (in_class(c, (unsigned char)*p)) return found;
        } else if (p[1] == '-' && p + 2 < close) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return found;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return found;
        }
    }
    return !found;
}

/* Just past the single-character class that starts at p (a byte, '.', %x or a set). */
static const char *class_end(limber_pattern *m, const char *p) {
    const char *end = m->pattern_end;
    char c = *p++;
    if (c == '%') {
        if (p >= end) luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c != '[') return p;
    if (p < end && *p == '^') p++;
    /* the first character is in the set even when it is ']' */
    do {
        if (p >= end) luaL_error(m->L, "malformed pattern (missing ']')");
        c = *p++;
        if (c == '%' && p < end) p++;
    } while (p >= end || *p != ']');
    return p + 1;
}

/* Whether the subject byte at s matches the class [p, ep). */
static int single_match(limber_pattern *m, const char *s, const char *p, const char *ep) {
    if (s >= m->subject_end) return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case '%': return in_class(c, (unsigned char)p[1]);
    case '[': return in_set(m, c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

static const char *match(limber_pattern *m, const char *s, const char *p);

/* %bxy at s: the end of a balanced x...y run, or NULL. */
static const char *balanced(limber_pattern *m, const char *s, const char *p) {
    if (p + 1 >= m->pattern_end) luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->subject_end || *s != p[0]) return NULL;
    char open = p[0], close = p[1];
    int depth = 1;
    const char *start = s;
    while (++s < m->subject_end) {
        if (((s - start) & 1023) == 0) limber__pattern_steps(m->L, 1024);
        if (*s == close) {
            if (--depth == 0) return s + 1;
        } else if (*s == open) {
            depth++;
        }
    }
    return NULL;
}

/* %1..%9 (and the invalid %0) at s: the end of a copy of that capture, or NULL. */
static const char *back_reference(limber_pattern *m, const char *s, int digit) {
    int i = digit - '1';
    if (i < 0 || i >= m->ncaptures || m->captures[i].len == LIMBER_CAPTURE_OPEN)
        luaL_error(m->L, "invalid capture index %%%d", i + 1);
    ptrdiff_t len = m->captures[i].len;
    if (len < 0) return NULL; /* a position capture never matches text */
    limber__pattern_steps(m->L, 1 + (len >> 6));
    if (m->subject_end - s >= len && memcmp(m->captures[i].start, s, (size_t)len) == 0) return s + len;
    return NULL;
}

static const char *open_capture(limber_pattern *m, const char *s, const char *p, ptrdiff_t kind) {
    int n = m->ncaptures;
    if (n >= LIMBER_PATTERN_MAX_CAPTURES) luaL_error(m->L, "too many captures");
    m->captures[n].start = s;
    m->captures[n].len = kind;
    m->ncaptures = n + 1;
    const char *result = match(m, s, p);
    if (result == NULL) m->ncaptures--;
    return result;
}

static const char *close_capture(limber_pattern *m, const char *s, const char *p) {
    int i = m->ncaptures - 1;
    while (i >= 0 && m->captures[i].len != LIMBER_CAPTURE_OPEN) i--;
    if (i < 0) luaL_error(m->L, "invalid pattern capture");
    m->captures[i].len = s - m->captures[i].start;
    const char *result = match(m, s, p);
    if (result == NULL) m->captures[i].len = LIMBER_CAPTURE_OPEN;
    return result;
}

/* The class [p, ep) as many times as it matches from s, then the rest, giving back one at a time. */
static const char *longest(limber_pattern *m, const char *s, const char *p, const char *ep) {
    ptrdiff_t n = 0;
    while (single_match(m, s + n, p, ep)) {
        n++;
        if ((n & 255) == 0) limber__pattern_steps(m->L, 256);
    }
    for (; n >= 0; n--) {
        const char *result = match(m, s + n, ep + 1);
        if (result != NULL) return result;
    }
    return NULL;
}

/* The rest of the pattern as early as it matches, taking one more of the class [p, ep) each time. */
static const char *shortest(limber_pattern *m, const char *s, const char *p, const char *ep) {
    for (;;) {
        const char *result = match(m, s, ep + 1);
        if (result != NULL) return result;
        if (!single_match(m, s, p, ep)) return NULL;
        s++;
    }
}

/* The pattern from p at subject position s. Each call is one level of nesting: "pattern too
 * complex" past LIMBER_PATTERN_MAX_DEPTH of them. Items that need no backtracking loop here. */
static const char *match(limber_pattern *m, const char *s, const char *p) {
    const char *end = m->pattern_end;
    if (m->depth_left-- == 0) luaL_error(m->L, "pattern too complex");
    while (p < end) {
        limber__pattern_steps(m->L, 1);
        switch (*p) {
        case '(':
            if (p + 1 < end && p[1] == ')') s = open_capture(m, s, p + 2, LIMBER_CAPTURE_POSITION);
            else s = open_capture(m, s, p + 1, LIMBER_CAPTURE_OPEN);
            goto done;
        case ')':
            s = close_capture(m, s, p + 1);
            goto done;
        case '$':
            if (p + 1 == end) {
                if (s != m->subject_end) s = NULL;
                goto done;
            }
            break; /* a '$' elsewhere is a plain character */
        case '%':
            if (p + 1 >= end) break; /* class_end reports the lone '%' */
            if (p[1] == 'b') {
                s = balanced(m, s, p + 2);
                if (s == NULL) goto done;
                p += 4;
                continue;
            }
            if (p[1] == 'f') {
                p += 2;
                if (p >= end || *p != '[') luaL_error(m->L, "missing '[' after '%%f' in pattern");
                const char *ep = class_end(m, p);
                int before = (s == m->subject) ? 0 : (unsigned char)s[-1];
                int here = (s < m->subject_end) ? (unsigned char)*s : 0;
                if (!in_set(m, before, p, ep - 1) && in_set(m, here, p, ep - 1)) {
                    p = ep;
                    continue;
                }
                s = NULL;
                goto done;
            }
            if (isdigit((unsigned char)p[1])) {
                s = back_reference(m, s, (unsigned char)p[1]);
                if (s == NULL) goto done;
                p += 2;
                continue;
            }
            break;
        default:
            break;
        }
        /* one single-character class, maybe with a quantifier after it */
        const char *ep = class_end(m, p);
        char quantifier = ep < end ? *ep : '\0';
        if (!single_match(m, s, p, ep)) {
            if (quantifier == '*' || quantifier == '?' || quantifier == '-') {
                p = ep + 1; /* zero of them will do */
                continue;
            }
            s = NULL;
            goto done;
        }
        switch (quantifier) {
        case '?': {
            const char *result = match(m, s + 1, ep + 1);
            if (result != NULL) {
                s = result;
                goto done;
            }
            p = ep + 1;
            continue;
        }
        case '+': s = longest(m, s + 1, p, ep); goto done;
        case '*': s = longest(m, s, p, ep); goto done;
        case '-': s = shortest(m, s, p, ep); goto done;
        default:
            s++;
            p = ep;
            continue;
        }
    }
done:
    m->depth_left++;
    return s;
}

const char *limber__pattern_match(limber_pattern *m, const char *s, const char *p) { return match(m, s, p); }
