/* The one hook: CPU budgets, interrupts (Ctrl-C) and os.exit all stop Lua code through it.
 *
 * A hook costs every VM instruction it watches (a count hook makes Lua 5.4 trap each one), so a
 * thread carries it only while it is needed: while a budget runs, and during a stop. A budget
 * sets it on the thread that starts it; lua_newthread copies it into every coroutine made
 * inside; a coroutine made before is given it when plugin code resumes or closes it (the
 * guarded coroutine functions, guards_calls.c); a thread whose hook fires after the last
 * budget ended drops it. Trusted code outside budgets (a script, a REPL line) runs hook-free,
 * at stock speed; an interrupt or os.exit sets the hook on the thread that runs (and the
 * threads that resumed it see the stop as each resume returns). While a budget runs the hook
 * is a count hook that looks at the CPU clock. Once a budget is spent (or os.exit was called)
 * the thread that notices switches to firing on every instruction, call and return, and each
 * firing raises the same error again, so no pcall, xpcall handler, coroutine or error object
 * can run plugin code on; the stop lasts until the protected call that owns the budget
 * returns. Coroutine resumers learn of a stop from the guarded coroutine functions (guards.c). */
#include "shim_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static double thread_cpu_seconds(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double monotonic_seconds(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_seconds(double cpu_seconds) {
    double wall = LIMBER_WALL_FACTOR * cpu_seconds;
    return wall < LIMBER_WALL_FLOOR ? LIMBER_WALL_FLOOR : wall;
}

/* The hook while a budget runs: a look at the clocks every LIMBER_COUNT_HOOK_STEP instructions. */
static void count_mode(lua_State *L) { lua_sethook(L, limber__stop_hook, LUA_MASKCOUNT, LIMBER_COUNT_HOOK_STEP); }

void limber__baseline_hook(lua_State *L) {
    if (limber__host_of(L)->budgets.depth > 0) count_mode(L);
    else lua_sethook(L, NULL, 0, 0);
}

void limber__arm_thread(lua_State *L) {
    if (lua_gethook(L) != limber__stop_hook || lua_gethookmask(L) == 0) count_mode(L);
}

void limber__stop_mode(lua_State *L) {
    lua_sethook(L, limber__stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

/* Pushes "file:line: " for the Lua code that is running: in a hook, level 0 is the running
 * function, and when that is a C function (the hook fired on its call or return, or C code
 * asked), its nearest Lua caller. */
static void push_where_running(lua_State *L) {
    lua_Debug ar;
    int level = 0;
    while (lua_getstack(L, level, &ar)) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) break;
        level++;
    }
    luaL_where(L, level);
}

/* Raises the message on top of the stack at the position of the Lua code that is running. */
static int raise_where_running(lua_State *L) {
    push_where_running(L);
    lua_insert(L, -2);
    lua_concat(L, 2);
    return lua_error(L);
}

int limber__stopping(lua_State *L) {
    limber_host *h = limber__host_of(L);
    return h->exit_requested || h->interrupted || h->budgets.spent || h->memory.over || h->memory.refused;
}

/* The 1-based frame of the outermost budget whose CPU or wall-clock deadline passed, or 0;
 * *by_wall says which. */
static int passed_budget(limber_budgets *b, int *by_wall) {
    if (b->depth == 0) return 0;
    double now = thread_cpu_seconds();
    double wall = monotonic_seconds();
    for (int i = 0; i < b->depth; i++) {
        *by_wall = wall > b->frames[i].wall_deadline;
        if (now > b->frames[i].deadline || *by_wall) return i + 1;
    }
    return 0;
}

/* Marks frame as spent and keeps the stop error, positioned where the code runs now. */
static void spend(lua_State *L, int frame, int by_wall) {
    limber_budgets *b = &limber__host_of(L)->budgets;
    double seconds = b->frames[frame - 1].seconds;
    if (by_wall) seconds = wall_seconds(seconds);
    char text[96];
    /* 1.0 s, 0.3 s, 0.05 s */
    int tenths = seconds >= 1 || (double)(long)(seconds * 10 + 0.5) == seconds * 10;
    const char *what = by_wall ? "of waiting (plugin code may not hold limber longer)" : "of CPU time (an endless loop?)";
    snprintf(text, sizeof text, tenths ? "stopped after %.1f s %s" : "stopped after %.2f s %s", seconds, what);
    if (lua_checkstack(L, 3)) {
        push_where_running(L);
        size_t length = 0;
        const char *where = lua_tolstring(L, -1, &length);
        snprintf(b->message, sizeof b->message, "%s%s", where ? where : "", text);
        lua_pop(L, 1);
    } else {
        snprintf(b->message, sizeof b->message, "%s", text);
    }
    b->spent = frame;
}

static int raise_stop(lua_State *L) {
    lua_pushstring(L, limber__host_of(L)->budgets.message);
    return lua_error(L);
}

/* Whether the hook fired on the call or return of limber_pcall's message handler (or of the
 * traceback it builds), which must run during a stop to say where it happened. */
static int in_handler(lua_State *L, lua_Debug *ar) {
    if (ar->event != LUA_HOOKCALL && ar->event != LUA_HOOKRET && ar->event != LUA_HOOKTAILCALL) return 0;
    if (!lua_getinfo(L, "f", ar)) return 0;
    lua_CFunction running = lua_tocfunction(L, -1);
    int ours = running == limber__traceback_handler || running == limber__build_traceback;
    lua_pop(L, 1);
    return ours;
}

void limber__stop_hook(lua_State *L, lua_Debug *ar) {
    limber_host *h = limber__host_of(L);
    limber__tick(L);
    if (h->memory.over || h->memory.refused) limber__spend_memory(L, 1);
    if (h->exit_requested) {
        if (in_handler(L, ar)) return;
        limber__stop_mode(L);
        luaL_error(L, "exit");
    }
    if (h->budgets.spent) {
        if (in_handler(L, ar)) return;
        limber__stop_mode(L);
        raise_stop(L);
    }
    if (h->interrupted) {
        /* Like a spent budget, an interrupt holds until the host forgets it (limber_reset_stop). */
        if (in_handler(L, ar)) return;
        limber__stop_mode(L);
        lua_pushliteral(L, "interrupted");
        raise_where_running(L);
    }
    int by_wall = 0;
    int passed = passed_budget(&h->budgets, &by_wall);
    if (passed) {
        spend(L, passed, by_wall);
        limber__stop_mode(L);
        raise_stop(L);
    }
    /* A thread left in stop mode by an earlier stop goes back to counting, and one that still
     * carries the hook after the last budget ended drops it. */
    if (h->budgets.depth == 0 || lua_gethookmask(L) != LUA_MASKCOUNT || lua_gethookcount(L) != LIMBER_COUNT_HOOK_STEP)
        limber__baseline_hook(L);
}

int limber_budget_exceeded(lua_State *L) {
    limber_host *h = limber__host_of(L);
    limber__tick(L);
    if (h->memory.over || h->memory.refused) {
        limber__spend_memory(L, 1);
        limber__stop_mode(L);
    }
    if (limber__stopping(L)) return 1;
    int by_wall = 0;
    int passed = passed_budget(&h->budgets, &by_wall);
    if (!passed) return 0;
    spend(L, passed, by_wall);
    limber__stop_mode(L);
    return 1;
}

double limber_wall_remaining(lua_State *L) {
    limber_budgets *b = &limber__host_of(L)->budgets;
    if (b->depth == 0) return -1;
    double now = monotonic_seconds(), least = -1;
    for (int i = 0; i < b->depth; i++) {
        double left = b->frames[i].wall_deadline - now;
        if (least < 0 || left < least) least = left < 0 ? 0 : left;
    }
    return least;
}

int limber_budget_check(lua_State *L) {
    if (!limber_budget_exceeded(L)) return 0;
    limber_host *h = limber__host_of(L);
    if (h->exit_requested) return luaL_error(L, "exit");
    if (h->budgets.spent) return raise_stop(L);
    limber__stop_mode(L);
    lua_pushliteral(L, "interrupted");
    return raise_where_running(L);
}

static void watch_innermost(limber_budgets *b) {
    if (b->depth == 0) {
        atomic_store(&b->watched, 0);
        return;
    }
    limber_budget *f = &b->frames[b->depth - 1];
    memcpy(b->watch_owner, f->owner, sizeof b->watch_owner);
    atomic_store(&b->watch_limit_ms, limber__watch_limit_ms(f->seconds));
    atomic_store(&b->watched, 1);
}

/* Starts a budget of cpu_seconds for the call about to run, nested in any that runs. */
int limber__begin_budget(lua_State *L, double cpu_seconds, const char *owner) {
    limber_budgets *b = &limber__host_of(L)->budgets;
    if (!(cpu_seconds > 0) || b->depth >= LIMBER_MAX_BUDGETS) return 0;
    limber_memory *m = &limber__host_of(L)->memory;
    if (m->over || m->refused) limber__spend_memory(L, 1); /* the running owner's, before another's */
    limber_budget *f = &b->frames[b->depth];
    f->seconds = cpu_seconds;
    f->deadline = thread_cpu_seconds() + cpu_seconds;
    f->wall_deadline = monotonic_seconds() + wall_seconds(cpu_seconds);
    snprintf(f->owner, sizeof f->owner, "%s", owner ? owner : "");
    f->account = owner && *owner ? limber__account_for(m, owner) : b->depth > 0 ? b->frames[b->depth - 1].account : 0;
    m->account = f->account;
    b->depth++;
    limber__arm_thread(L);
    limber__tick(L);
    watch_innermost(b);
    limber__watch_start();
    return b->depth;
}

int limber__end_budget(lua_State *L, int frame) {
    limber_host *h = limber__host_of(L);
    limber_budgets *b = &h->budgets;
    if (frame == 0 || frame > b->depth) return 0;
    if (h->memory.over || h->memory.refused) limber__spend_memory(L, 0);
    int was_spent = b->spent == frame;
    if (was_spent) b->spent = 0;
    b->depth = frame - 1;
    h->memory.account = b->depth > 0 ? b->frames[b->depth - 1].account : 0;
    watch_innermost(b);
    limber__tick(L);
    if (!limber__stopping(L)) limber__baseline_hook(L);
    return was_spent;
}

void limber__interrupt_thread(lua_State *L) {
    limber__host_of(L)->interrupted = 1;
    limber__stop_mode(L);
}

void limber_interrupt(lua_State *L) {
    limber__interrupt_thread(L);
    /* The coroutine that runs may carry no hook (trusted code outside budgets). Read here, on
     * the thread that runs Lua (a signal handler), the pointer names a live coroutine. */
    lua_State *running = limber__host_of(L)->running;
    if (running != NULL && running != L) limber__interrupt_thread(running);
}

int limber_exit_requested(lua_State *L, int *code) {
    limber_host *h = limber__host_of(L);
    if (h->exit_requested && code) *code = h->exit_code;
    return h->exit_requested;
}

void limber_reset_stop(lua_State *L) {
    limber_host *h = limber__host_of(L);
    h->interrupted = 0;
    h->exit_requested = 0;
    h->exit_code = 0;
    if (!h->budgets.spent) limber__baseline_hook(L);
}

/* os.exit([code]) unwinds to the host, which exits after its own clean-up. os.exit(code, true)
 * closes the state first, as lua.c does, so pending to-be-closed variables and finalizers run:
 * the host's exit callback closes it and exits without coming back. */
int limber__os_exit(lua_State *L) {
    limber_host *h = limber__host_of(L);
    int code = 0;
    if (lua_isboolean(L, 1)) code = lua_toboolean(L, 1) ? 0 : 1;
    else code = (int)luaL_optinteger(L, 1, 0);
    if (lua_toboolean(L, 2) && limber__exit_now != NULL) limber__exit_now(L, code);
    h->exit_requested = 1;
    h->exit_code = code;
    limber__stop_mode(L);
    /* from a coroutine, the main thread must stop too, or its <close> handlers would run */
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD) == LUA_TTHREAD) {
        lua_State *main = lua_tothread(L, -1);
        if (main != L) limber__stop_mode(main);
    }
    lua_pop(L, 1);
    return luaL_error(L, "exit");
}
