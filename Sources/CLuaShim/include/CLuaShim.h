#ifndef LIMBER_CLUASHIM_H
#define LIMBER_CLUASHIM_H
/*
 * limber's C shim around Lua 5.4, by concern: state.c (allocator, states, libraries),
 * hooks.c (CPU budget, interrupts, os.exit), boxes.c (retained Swift objects), trampoline.c
 * (the one entry for Swift functions, and the decoder of encoded values), calls.c (protected
 * calls, loading, references), pattern_match.c and pattern_lib.c (string.find, match, gmatch
 * and gsub on a matcher of our own that the CPU budget can stop).
 *
 * Everything in here exists so that Swift never runs on a stack that Lua may
 * longjmp across: functions that can raise (allocation, lua_error, metamethods)
 * run inside lua_pcall on C frames only, and Swift sees status codes.
 */
#include <stddef.h>
#include <stdint.h>
#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>

/* What a Swift host function hands back to the trampoline. `ops` holds the encoded results (see
 * limber_push_encoded): either `inline_ops` (a buffer of `inline_capacity` bytes on the
 * trampoline's own stack, so small results cost no allocation) or a buffer malloc'd by Swift and
 * freed by C. `error` (malloc'd) holds the message when the function failed. */
typedef struct limber_call_result {
    uint8_t *ops;
    size_t ops_len;
    char *error;
    size_t error_len;
    uint8_t *inline_ops;
    size_t inline_capacity;
} limber_call_result;

/* Runs the Swift function in `box`. Returns the number of values encoded in result->ops, or -1
 * with result->error set. It must not call any Lua function that can raise. */
typedef int (*limber_dispatch_fn)(lua_State *L, void *box, limber_call_result *result);
/* Releases a retained Swift object whose userdata Lua collected. */
typedef void (*limber_release_fn)(void *box);

/* Installs the Swift side's callbacks; call once before creating states. */
void limber_install_callbacks(limber_dispatch_fn dispatch, limber_release_fn release);

/* Ends the process for os.exit(code, true): closes the state as lua.c does (pending to-be-closed
 * variables, finalizers), then exits. It does not return. */
typedef void (*limber_exit_fn)(lua_State *L, int code);
void limber_install_exit_callback(limber_exit_fn exit_now);

/* A new state whose allocator refuses to grow past memory_limit bytes (0: no limit). */
lua_State *limber_newstate(size_t memory_limit);
void limber_close(lua_State *L);
size_t limber_memory_used(lua_State *L);
size_t limber_memory_limit(lua_State *L);
void limber_set_memory_limit(lua_State *L, size_t limit);
/* Memory by owner (accounts.c): while a budget of an owner runs, what Lua allocates is that
 * owner's. One owner may hold `share` bytes (0: no share of its own), all owners together the
 * limit less `headroom`, which only the host's own work may use. An owner refused memory is
 * stopped as by a spent budget, with "used more than N MiB of memory". */
void limber_set_memory_shares(lua_State *L, size_t share, size_t headroom);
size_t limber_memory_share(lua_State *L);
size_t limber_memory_headroom(lua_State *L);
/* Bytes the owner holds now (NULL: the host's own). */
size_t limber_memory_of(lua_State *L, const char *owner);

/* The Swift object that owns the state (unretained), reachable from any of its threads. */
void limber_set_owner(lua_State *L, void *owner);
void *limber_owner(lua_State *L);

/* Opens the standard libraries under protection, and replaces os.exit with one that unwinds
 * to the host instead of calling exit(3). Returns a Lua status; on failure the message is on top. */
int limber_openlibs(lua_State *L);

/* Encoded values, pushed by limber_push_encoded. Integers and doubles are in the machine's
 * own byte order (the encoder runs in the same process), unaligned. */
enum {
    LIMBER_OP_NIL = 0,
    LIMBER_OP_TRUE = 1,
    LIMBER_OP_FALSE = 2,
    LIMBER_OP_INT = 3,       /* int64 */
    LIMBER_OP_NUM = 4,       /* double */
    LIMBER_OP_STR = 5,       /* uint64 length, bytes */
    LIMBER_OP_TABLE = 6,     /* uint32 array size hint, uint32 hash size hint */
    LIMBER_OP_SET = 7,       /* pops value and key, raw-sets them into the table now on top */
    LIMBER_OP_REF = 8,       /* int32 registry reference */
    LIMBER_OP_FUNC = 9,      /* pointer to a retained Swift function box: a C closure over the trampoline */
    LIMBER_OP_OBJ = 10,      /* pointer to a retained Swift object, int32 ref of its metatable */
    LIMBER_OP_BOXMETA = 11,  /* makes the table on top a metatable for Swift objects (adds __gc) */
    LIMBER_OP_GLOBALS = 12,  /* pushes the global table */
    LIMBER_OP_POP = 13,      /* pops one value */
    LIMBER_OP_RAWGET = 14,   /* pops a key and replaces the table now on top with table[key], raw */
};

/* Pushes the encoded values under protection. On LUA_OK, *count values are on the stack;
 * otherwise nothing is pushed but the error message. */
int limber_push_encoded(lua_State *L, const uint8_t *ops, size_t len, int *count);

/* lua_pcall with a traceback message handler. With cpu_seconds > 0 and no budget already
 * running, the call is stopped once this thread has used that much CPU time. */
int limber_pcall(lua_State *L, int nargs, int nresults, double cpu_seconds);
/* limber_pcall on behalf of owner (a plugin's path, for the watchdog's line; NULL for none).
 * Budgets nest: a call inside a budgeted one gets its own, and the outer one still counts.
 * Once a budget is spent every further instruction, call and return raises again until this
 * call returns, which then fails with the stop error ("file:line: stopped after 1.0 s of CPU
 * time (an endless loop?)") whatever the code did with it; *spent (when not NULL) says so. */
int limber_pcall_owned(lua_State *L, int nargs, int nresults, double cpu_seconds, const char *owner, int *spent);
/* Seconds the running budgeted calls may still take in wall-clock time; -1 when none runs. */
double limber_wall_remaining(lua_State *L);
/* The stop error of the last spent budget. */
const char *limber_stop_message(lua_State *L);
/* Lets the watchdog run in this process: once a budget runs, a thread ends the process with
 * one line on stderr and exit code 70 when a budgeted call stays away from the VM (stuck in C
 * code or a host call) for 5 times its budget, and at least floor_seconds. */
void limber_watchdog_enable(double floor_seconds);

/* Loads a chunk in text mode only (binary chunks are refused). */
int limber_load(lua_State *L, const char *buffer, size_t length, const char *chunkname);

/* Registry references, made under protection. */
int limber_ref(lua_State *L, int index, int *ref);
void limber_unref(lua_State *L, int ref);

/* The retained Swift object in the userdata at index, or NULL when it is not one of ours. */
void *limber_tobox(lua_State *L, int index);

/* Plugin code runs between these (nested calls count): string.dump, which trusted code
 * keeps, is refused to it. */
void limber_enter_sandbox(lua_State *L);
void limber_leave_sandbox(lua_State *L);

/* The function (registry reference ref) that file:write and io.write pass plugin text through
 * when it can reach a terminal: escaper(text, true) -> text (terminal_output.c). Protected. */
int limber_set_terminal_escaper(lua_State *L, int ref);

/* Stops running Lua code with an "interrupted" error, in whichever coroutine it runs. Call it on
 * the thread that runs the Lua code (a signal handler there): async-signal-safe. */
void limber_interrupt(lua_State *L);
/* An interrupt that holds (interrupts.c): every hook raises "interrupted" again, so code that
 * catches the error with pcall cannot carry on, until limber_interrupt_release. Async-signal-safe
 * and safe from any thread; it reaches the main thread and any code under a budget. */
void limber_interrupt_hold(lua_State *L);
/* Ends a held interrupt and forgets a pending one; a pending os.exit stays. */
void limber_interrupt_release(lua_State *L);
/* Whether os.exit was called, and with which code. */
int limber_exit_requested(lua_State *L, int *code);
/* Forgets a pending exit or interrupt (after the host has acted on it). */
void limber_reset_stop(lua_State *L);

/* Test only: the stock string.find, match, gmatch and gsub, as the global table stock_string,
 * to check limber's pattern matcher against (the state's string table keeps limber's). */
int limber_open_stock_patterns(lua_State *L);

/* Lua macros that Swift cannot see. */
static inline void limber_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline int limber_multret(void) { return LUA_MULTRET; }

/* Argument readers for host functions of the scalar form. */
#include "limber_arguments.h"

#endif
