/* Memory accounts: what each plugin holds of the Lua heap, and what it may.
 *
 * The allocator (state.c) tags every block with the account that made or last grew it and keeps
 * a byte count per account, so a free always comes off the account that holds the block, and
 * what a plugin keeps alive after its call (a big upvalue in a reminder's `due`) stays its own
 * when another plugin runs. While a budget runs, allocations go to its owner's account (an
 * ownerless budget inherits the one around it); outside any, to the host's. A plugin account
 * may hold its share; all plugin accounts together the limit less the host's headroom, so the
 * host can always report and go on. An account refused memory (and, when Lua collects in full
 * and asks again, refused again) is over, and its call is stopped as a spent CPU budget is
 * (hooks.c). */
#include "shim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int limber__accounts_init(limber_memory *m) {
    memset(m, 0, sizeof *m);
    m->capacity = 16;
    m->live = calloc(m->capacity, sizeof *m->live);
    m->hashes = calloc(m->capacity, sizeof *m->hashes);
    m->names = calloc(m->capacity, sizeof *m->names);
    if (m->live == NULL || m->hashes == NULL || m->names == NULL) {
        limber__accounts_free(m);
        return 0;
    }
    m->count = 1; /* the host's */
    return 1;
}

void limber__accounts_free(limber_memory *m) {
    if (m->names != NULL)
        for (unsigned i = 0; i < m->count; i++) free(m->names[i]);
    free(m->live);
    free(m->hashes);
    free(m->names);
    m->live = NULL;
    m->hashes = NULL;
    m->names = NULL;
    m->count = m->capacity = 0;
}

static uint32_t hash_of(const char *text) {
    uint32_t hash = 2166136261u; /* FNV-1a */
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) hash = (hash ^ *c) * 16777619u;
    return hash;
}

static unsigned find(limber_memory *m, const char *owner, uint32_t hash) {
    for (unsigned i = 1; i < m->count; i++)
        if (m->hashes[i] == hash && strcmp(m->names[i], owner) == 0) return i;
    return 0;
}

static int grow(limber_memory *m) {
    unsigned capacity = m->capacity * 2;
    if (capacity > LIMBER_MAX_ACCOUNTS) capacity = LIMBER_MAX_ACCOUNTS;
    size_t *live = realloc(m->live, capacity * sizeof *live);
    if (live == NULL) return 0;
    m->live = live;
    uint32_t *hashes = realloc(m->hashes, capacity * sizeof *hashes);
    if (hashes == NULL) return 0;
    m->hashes = hashes;
    char **names = realloc(m->names, capacity * sizeof *names);
    if (names == NULL) return 0;
    m->names = names;
    for (unsigned i = m->capacity; i < capacity; i++) {
        live[i] = 0;
        hashes[i] = 0;
        names[i] = NULL;
    }
    m->capacity = capacity;
    return 1;
}

/* Past LIMBER_MAX_ACCOUNTS owners (or out of memory for the table), new owners share the last
 * account made: still not the host's, still under a share. */
unsigned limber__account_for(limber_memory *m, const char *owner) {
    if (owner == NULL || *owner == 0) return 0;
    uint32_t hash = hash_of(owner);
    unsigned found = find(m, owner, hash);
    if (found) return found;
    if (m->count == m->capacity && (m->capacity >= LIMBER_MAX_ACCOUNTS || !grow(m))) return m->count - 1;
    char *name = strdup(owner);
    if (name == NULL) return m->count - 1;
    m->names[m->count] = name;
    m->hashes[m->count] = hash;
    return m->count++;
}

void limber__accounts_limits(limber_host *h) {
    limber_memory *m = &h->memory;
    m->pool = 0;
    if (h->limit != 0) m->pool = m->headroom < h->limit ? h->limit - m->headroom : h->limit;
    /* a share as large as the pool is no share: the pool refuses first */
    m->share = m->pool != 0 && m->share_asked >= m->pool ? 0 : m->share_asked;
}

void limber_set_memory_shares(lua_State *L, size_t share, size_t headroom) {
    limber_host *h = limber__host_of(L);
    h->memory.share_asked = share;
    h->memory.headroom = headroom;
    limber__accounts_limits(h);
}

size_t limber_memory_share(lua_State *L) { return limber__host_of(L)->memory.share_asked; }
size_t limber_memory_headroom(lua_State *L) { return limber__host_of(L)->memory.headroom; }

size_t limber_memory_of(lua_State *L, const char *owner) {
    limber_memory *m = &limber__host_of(L)->memory;
    if (owner == NULL || *owner == 0) return m->live[0];
    unsigned account = find(m, owner, hash_of(owner));
    return account ? m->live[account] : 0;
}

/* "128 MiB", or "512 KiB" below a mebibyte. */
static void format_size(char *out, size_t size, size_t bytes) {
    if (bytes >= (1u << 20)) snprintf(out, size, "%zu MiB", bytes >> 20);
    else snprintf(out, size, "%zu KiB", bytes >> 10);
}

/* "file:line: " of the Lua code that runs, found without allocating (the account may be full). */
static void where_running(lua_State *L, char *out, size_t size) {
    lua_Debug ar;
    out[0] = 0;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(out, size, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
}

void limber__spend_memory(lua_State *L, int with_position) {
    limber_host *h = limber__host_of(L);
    limber_memory *m = &h->memory;
    limber_budgets *b = &h->budgets;
    if (m->refused) {
        /* nothing asked again since: the refusal stands */
        m->over = m->refused;
        m->over_pool = m->refused_by_pool;
        m->refused = 0;
    }
    unsigned account = m->over;
    m->over = 0;
    int frame = 0;
    for (int i = 0; i < b->depth && !frame; i++)
        if (b->frames[i].account == account) frame = i + 1;
    if (frame == 0 || (b->spent != 0 && b->spent <= frame)) return;
    char where[LIMBER_OWNER_MAX + 32], share[32], limit[32], pool[32];
    where[0] = 0;
    if (with_position) where_running(L, where, sizeof where);
    if (where[0] == 0 && account < m->count && m->names[account] != NULL)
        snprintf(where, sizeof where, "%s: ", m->names[account]); /* no Lua code runs: its file */
    format_size(share, sizeof share, m->share);
    format_size(limit, sizeof limit, h->limit);
    format_size(pool, sizeof pool, m->pool);
    if (m->over_pool)
        snprintf(b->message, sizeof b->message,
                 "%snot enough memory: the plugins' %s of the %s Lua memory limit is used up", where, pool, limit);
    else
        snprintf(b->message, sizeof b->message, "%sused more than %s of memory", where, share);
    b->spent = frame;
}
