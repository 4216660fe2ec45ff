#ifndef LIMBER_SHIM_INTERNAL_H
#define LIMBER_SHIM_INTERNAL_H
/* What the shim's C files share with each other; nothing here is visible to Swift. */
#include "CLuaShim.h"

#include <signal.h>
#include <stdatomic.h>

/* One CPU budget that runs: a protected call's, on behalf of an owner (a plugin's path). */
#define LIMBER_MAX_BUDGETS 8
#define LIMBER_OWNER_MAX 256
typedef struct limber_budget {
    double deadline;              /* thread CPU seconds */
    double seconds;               /* the budget, for messages */
    double wall_deadline;         /* monotonic seconds: how long the call may take in all */
    char owner[LIMBER_OWNER_MAX]; /* "" when the call has no owner */
    unsigned account;             /* the memory account its allocations go to (accounts.c) */
} limber_budget;

/* Budgets of one state, nested: budgets[0] is the outermost. Once one is spent, every hook
 * event raises until the protected call that owns it returns (budget.c, hooks.c). The watch
 * fields are what the watchdog thread reads (watchdog.c). */
typedef struct limber_budgets {
    limber_budget frames[LIMBER_MAX_BUDGETS];
    int depth;                    /* frames running; calls past LIMBER_MAX_BUDGETS share the last */
    int overflow;                 /* nested budgeted calls past the last frame */
    int spent;                    /* 1-based index of the spent frame; 0 when none is */
    char message[512];            /* the stop error, "file:line: stopped after ..." */
    atomic_ulong ticks;           /* bumped whenever the thread is in the VM or comes back to it */
    atomic_int watched;           /* nonzero while a budget runs */
    atomic_long watch_limit_ms;   /* how long the thread may stay away from the VM */
    char watch_owner[LIMBER_OWNER_MAX];
    /* the watchdog's own, under its lock */
    struct limber_host *watch_next;
    unsigned long watch_seen_ticks;
    double watch_seen_at;
} limber_budgets;

/* Memory by owner (accounts.c). Every block the allocator hands out carries, in two bytes past
 * the size Lua asked for, the account that made or last grew it; so a free is taken off the
 * account that holds the block, whoever frees it. Account 0 is the host's; each plugin (a
 * budget's owner) gets its own. While a budget runs, what is allocated goes to its account. */
typedef uint16_t limber_tag;
#define LIMBER_MAX_ACCOUNTS 65535
typedef struct limber_memory {
    size_t *live;                 /* bytes each account holds now */
    uint32_t *hashes;             /* of each account's owner, for lookup */
    char **names;                 /* each account's owner; names[0] is NULL (the host) */
    unsigned count, capacity;
    unsigned account;             /* where allocations go now */
    size_t share;                 /* what one plugin account may hold; 0 for no limit */
    size_t share_asked;           /* the share the host set (share is 0 when the pool is smaller) */
    size_t headroom;              /* what plugins leave of the limit for the host */
    size_t pool;                  /* what plugin accounts may hold together; 0 for no limit */
    /* The last refusal, until the next growth: Lua may collect in full and ask again for the
     * same block, and an account that gets it then was not over after all. */
    unsigned refused;             /* its account (0: none) */
    void *refused_block;
    size_t refused_size;
    int refused_by_pool;
    unsigned over;                /* an account refused for good: its call is stopped (0: none) */
    int over_pool;                /* whether the pool, not the share, refused it */
} limber_memory;

/* Per-state bookkeeping, reachable from any thread of the state as the allocator's ud. */
typedef struct limber_host {
    size_t used;
    size_t limit;
    limber_memory memory;
    volatile sig_atomic_t interrupted;
    int exit_requested;
    int exit_code;
    void *owner;
    int sandboxed;                /* > 0 while plugin code runs (limber_enter_sandbox) */
    int warn_on;                  /* warn("@on") was called */
    int warn_continuing;          /* inside a warning of several pieces */
    /* The innermost coroutine resumed or closed through the guarded coroutine functions, NULL
     * while none runs: an interrupt (perhaps from a signal handler) sets the hook on it too. */
    lua_State *volatile running;
    limber_budgets budgets;
} limber_host;

/* A budgeted call may also take this many times its CPU budget in wall-clock time, and at
 * least LIMBER_WALL_FLOOR seconds: waiting is bounded too. */
#define LIMBER_WALL_FACTOR 3
#define LIMBER_WALL_FLOOR 3.0

/* How many VM instructions run between two looks at the CPU budget. */
#define LIMBER_COUNT_HOOK_STEP 1000

/* The Swift side's callbacks (state.c). */
extern limber_dispatch_fn limber__dispatch;
extern limber_release_fn limber__release;
extern limber_exit_fn limber__exit_now;

/* Registry keys (by address) of the function-box metatable and of the marker that tells our
 * boxes' metatables from any other (boxes.c). */
extern const char limber__function_meta_key;
extern const char limber__box_marker_key;

static inline limber_host *limber__host_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (limber_host *)ud;
}

/* Notes that the thread is in, or came back to, the VM (for the watchdog). */
static inline void limber__tick(lua_State *L) {
    atomic_fetch_add_explicit(&limber__host_of(L)->budgets.ticks, 1, memory_order_relaxed);
}

/* Memory accounts (accounts.c): made with the state, freed after it; the account of an owner
 * (made on first use; 0 for NULL or ""); what limits the plugins' accounts. */
int limber__accounts_init(limber_memory *m);
void limber__accounts_free(limber_memory *m);
unsigned limber__account_for(limber_memory *m, const char *owner);
void limber__accounts_limits(limber_host *h);
/* Turns a refused account (memory.over) into a spent budget: the outermost frame of that
 * account is stopped with "file:line: used more than N MiB of memory" (with_position: the
 * position of the Lua code that runs, else none). */
void limber__spend_memory(lua_State *L, int with_position);

/* Calls f(ud) under lua_pcall with no message handler (state.c). */
int limber__run_protected(lua_State *L, lua_CFunction f, void *ud, int nresults);

/* The hook behind CPU budgets, interrupts and os.exit, and the os.exit that uses it (hooks.c). */
void limber__stop_hook(lua_State *L, lua_Debug *ar);
int limber__os_exit(lua_State *L);
/* Starts a CPU budget of cpu_seconds for the call about to run, on behalf of owner (NULL for
 * none); returns its 1-based frame, or 0 when none was asked for. limber__end_budget ends it
 * and returns whether it was spent. */
int limber__begin_budget(lua_State *L, double cpu_seconds, const char *owner);
int limber__end_budget(lua_State *L, int frame);
/* Sets the hook a thread carries outside stops: the count hook while a budget runs, none
 * otherwise (hooks.c). */
void limber__baseline_hook(lua_State *L);
/* Gives the thread the count hook unless it already carries the stop hook (a budget starting on
 * it, or plugin code about to resume it). */
void limber__arm_thread(lua_State *L);
/* Sets the interrupt flag and puts the thread in stop mode; safe from a signal handler. */
void limber__interrupt_thread(lua_State *L);
/* Makes the thread's hook fire on every instruction, call and return (a stop in force). */
void limber__stop_mode(lua_State *L);
/* Whether a stop (spent budget, os.exit, interrupt) is in force (hooks.c). */
int limber__stopping(lua_State *L);
/* The message handler of limber_pcall; the hook lets it run during a stop (calls.c). */
int limber__traceback_handler(lua_State *L);
/* What the handler calls, under protection, to build the traceback on the host's account. */
int limber__build_traceback(lua_State *L);

/* For C code that loops on plugin input (the pattern matcher, the guarded library functions):
 * limber_budget_exceeded says whether the running budget is spent (checking the CPU clock; it
 * also sees os.exit and interrupts); call it every thousand steps or so. limber_budget_check
 * raises the stop error when it is, and returns 0 otherwise. Both are cheap enough for that. */
int limber_budget_exceeded(lua_State *L);
int limber_budget_check(lua_State *L);

/* Replaces the library functions whose loops the count hook cannot see with guarded ones:
 * table.move, insert, remove, concat and sort, string.rep, collectgarbage, and the coroutine
 * functions, so a stop reaches the resuming thread at once (guards.c). Runs under protection. */
void limber__install_guards(lua_State *L);

/* The watchdog (watchdog.c): states register while they live; the thread starts with the first
 * budget once limber_watchdog_enable was called. */
void limber__watch_add(limber_host *h);
void limber__watch_remove(limber_host *h);
void limber__watch_start(void);
/* How long a budget of `seconds` lets its thread stay away from the VM before the watchdog acts. */
long limber__watch_limit_ms(double seconds);

/* Boxes: userdata holding one retained Swift object, released by __gc (boxes.c). */
int limber__box_gc(lua_State *L);
void limber__new_box(lua_State *L, void *box);

/* warn() as lua.c has it, and string.dump refused in the sandbox (stock.c). */
void limber__install_warn(lua_State *L);
void limber__guard_dump(lua_State *L);

/* Decodes an ops stream whose cursor is the light userdata at index 1 (trampoline.c). */
int limber__decode_ops(lua_State *L);

/* Replacing a library function with a guarded closure over the stock one (guards.c), and the
 * guards of functions that call other code (guards_calls.c). */
void limber__replace_function(lua_State *L, const char *library, const char *name, lua_CFunction f, int with_flag, int flag);
void limber__replace_global(lua_State *L, const char *name, lua_CFunction f);
void limber__install_call_guards(lua_State *L);

/* file:write and io.write, escaping plugin text that can reach a terminal (terminal_output.c). */
void limber__install_output_guards(lua_State *L);

#endif
