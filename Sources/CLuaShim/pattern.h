#ifndef LIMBER_PATTERN_H
#define LIMBER_PATTERN_H
/*
 * limber's own Lua pattern matcher (Lua 5.4 reference manual §6.4.1), behaving as stock
 * string.find/match/gmatch/gsub do, but counting its steps so that a CPU budget stops it:
 * the count hook never fires inside one C call, and a backtracking pattern can run for ever
 * inside one. pattern_match.c is the engine, pattern_lib.c the four library functions.
 */
#include "shim_internal.h"

/* Lua 5.4's limits: captures per pattern, and nested match calls ("pattern too complex"). */
#define LIMBER_PATTERN_MAX_CAPTURES 32
#define LIMBER_PATTERN_MAX_DEPTH 200

/* A capture's length while it is still open, and the length that marks a position capture. */
#define LIMBER_CAPTURE_OPEN (-1)
#define LIMBER_CAPTURE_POSITION (-2)

typedef struct limber_capture {
    const char *start;
    ptrdiff_t len;
} limber_capture;

typedef struct limber_pattern {
    lua_State *L;
    const char *subject;
    const char *subject_end;
    const char *pattern_end;
    int depth_left;
    int ncaptures;
    limber_capture captures[LIMBER_PATTERN_MAX_CAPTURES];
} limber_pattern;

/* Steps left before the next look at the CPU budget, for this thread (pattern_match.c). */
extern _Thread_local long limber__pattern_steps_left;

/* Looks at the CPU budget; raises the budget's stop error when it is spent (pattern_match.c). */
void limber__pattern_check_budget(lua_State *L);

/* Counts n steps of matcher work, and looks at the budget every few thousand. */
static inline void limber__pattern_steps(lua_State *L, long n) {
    limber__pattern_steps_left -= n;
    if (limber__pattern_steps_left <= 0) limber__pattern_check_budget(L);
}

/* Sets up a match of pattern [p, p+lp) over the subject [s, s+ls). */
void limber__pattern_init(limber_pattern *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp);
/* Forgets the captures of the last attempt, before a new one. */
void limber__pattern_reset(limber_pattern *m);
/* The end of a match of the pattern from p at subject position s, or NULL. May raise. */
const char *limber__pattern_match(limber_pattern *m, const char *s, const char *p);

/* Pushes capture i of the match [s, e) (the whole match when the pattern has no captures and
 * i is 0). Raises for an unfinished or missing capture. */
void limber__pattern_push_capture(limber_pattern *m, int i, const char *s, const char *e);
/* Capture i as bytes in *out, returning its length; for a position capture, pushes the position
 * as an integer and returns LIMBER_CAPTURE_POSITION. */
ptrdiff_t limber__pattern_capture(limber_pattern *m, int i, const char *s, const char *e, const char **out);
/* Pushes every capture (or the whole match, when there are none and s is not NULL). */
int limber__pattern_push_captures(limber_pattern *m, const char *s, const char *e);

/* Replaces find, match, gmatch and gsub in the string table on top of the stack (pattern_lib.c). */
void limber__install_patterns(lua_State *L);

#endif
