/* The watchdog: the last line of defence when a budgeted call never comes back to the VM.
 *
 * The count hook only runs between VM instructions; a C function that loops, or a host call
 * that blocks, is out of its sight. Every state with a budget running bumps a tick counter
 * whenever its thread is in the VM or returns to it; one thread per process looks at the
 * counters ten times a second, and when one has not moved for 5 times the budget (and at least
 * the floor the executable chose), it writes one line naming the plugin and ends the process.
 * A hung limber is worse than a dead one: cron would collect them. */
#include "shim_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The exit code of a process the watchdog ended (EX_SOFTWARE). */
#define LIMBER_WATCHDOG_EXIT 70

static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static limber_host *watched_states = NULL;
static atomic_int watchdog_enabled = 0;
static double watchdog_floor = 1.0;
static pthread_once_t watchdog_once = PTHREAD_ONCE_INIT;

static double monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void limber_watchdog_enable(double floor_seconds) {
    if (floor_seconds > 0) watchdog_floor = floor_seconds;
    atomic_store(&watchdog_enabled, 1);
}

long limber__watch_limit_ms(double seconds) {
    double limit = 5 * seconds;
    if (limit < watchdog_floor) limit = watchdog_floor;
    return (long)(limit * 1000);
}

void limber__watch_add(limber_host *h) {
    pthread_mutex_lock(&watch_lock);
    h->budgets.watch_next = watched_states;
    watched_states = h;
    pthread_mutex_unlock(&watch_lock);
}

void limber__watch_remove(limber_host *h) {
    pthread_mutex_lock(&watch_lock);
    for (limber_host **at = &watched_states; *at; at = &(*at)->budgets.watch_next) {
        if (*at == h) {
            *at = h->budgets.watch_next;
            break;
        }
    }
    pthread_mutex_unlock(&watch_lock);
}

static void give_up(limber_host *h, long limit_ms) {
    char line[LIMBER_OWNER_MAX + 128];
    const char *owner = h->budgets.watch_owner[0] ? h->budgets.watch_owner : "a plugin";
    int length = snprintf(line, sizeof line, "limber: %.*s did not come back from C code within %.1f s; stopping\n",
                          LIMBER_OWNER_MAX - 1, owner, (double)limit_ms / 1000);
    if (length > 0) {
        ssize_t written = write(STDERR_FILENO, line, (size_t)length < sizeof line ? (size_t)length : sizeof line - 1);
        (void)written;
    }
    _exit(LIMBER_WATCHDOG_EXIT);
}

static void *watch(void *unused) {
    (void)unused;
    const struct timespec interval = {0, 100 * 1000 * 1000};
    for (;;) {
        nanosleep(&interval, NULL);
        double now = monotonic_seconds();
        pthread_mutex_lock(&watch_lock);
        for (limber_host *h = watched_states; h; h = h->budgets.watch_next) {
            limber_budgets *b = &h->budgets;
            unsigned long ticks = atomic_load(&b->ticks);
            if (!atomic_load(&b->watched) || ticks != b->watch_seen_ticks || b->watch_seen_at == 0) {
                b->watch_seen_ticks = ticks;
                b->watch_seen_at = now;
                continue;
            }
            long limit_ms = atomic_load(&b->watch_limit_ms);
            if ((now - b->watch_seen_at) * 1000 >= (double)limit_ms) give_up(h, limit_ms);
        }
        pthread_mutex_unlock(&watch_lock);
    }
    return NULL;
}

static void start_watchdog(void) {
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attributes, 64 * 1024);
    if (pthread_create(&thread, &attributes, watch, NULL) != 0) {
        static const char line[] = "limber: cannot start the watchdog thread; budgets still apply\n";
        ssize_t written = write(STDERR_FILENO, line, sizeof line - 1);
        (void)written;
    }
    pthread_attr_destroy(&attributes);
}

void limber__watch_start(void) {
    if (atomic_load_explicit(&watchdog_enabled, memory_order_relaxed)) pthread_once(&watchdog_once, start_watchdog);
}
