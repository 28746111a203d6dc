/* The shadow translation cache: guest virtual page -> host absolute frame, for every
 * guest address space a machine has run, built lazily from the composed two-stage walk
 * and kept exactly coherent with the tables it came from (docs/sie.md "Shadows").
 *
 * Each cached translation records the host absolute addresses of the 8-byte table
 * entries it was computed from: the guest's region/segment/page entries and every
 * host (stage-2) entry used to reach them and the final page. Frames holding such
 * entries are *watched*: a store into one (by any CPU, or by the machine itself) drops
 * exactly the translations that depend on an entry it overlaps, nothing wider. */
#ifndef ZHYP_SIE_SHADOW_H
#define ZHYP_SIE_SHADOW_H

#include "zhyp/types.h"

/* Identifies one guest address space: the guest ASCE and what stage 2 was (MSO, SM,
 * the host ASCE) plus translation options; two spaces with equal keys translate alike. */
struct shadow_key {
    uint64_t asce;               /* guest ASCE (as in guest CR1/CR7/CR13) */
    uint64_t s2;                 /* stage-2 identity, computed by the caller */
};

struct shadow_xlate {
    uint64_t haa;                /* host absolute address of the 4K frame */
    bool protect;                /* DAT protection applies (guest tables) */
    bool host_protect;           /* stage 2 protects the frame: a store is a host-level fault */
};

/* Called when a translation is dropped (so that guest TLBs drop it too), and when a
 * frame becomes watched (so that no CPU keeps a writable TLB entry for it). Hooks must
 * not call back into the cache. Either pointer may be NULL. */
struct shadow_hooks {
    void (*dropped)(void *ctx, const struct shadow_key *k, uint64_t va_page);
    void (*watch)(void *ctx, uint64_t frame_haa);
    void *ctx;
};

#define SHADOW_MAX_DEPS 16       /* entries one translation can depend on */

struct shadow_stats {
    uint64_t lookups, hits;      /* shadow_lookup calls, and those that found a translation */
    uint64_t inserts;            /* translations cached */
    uint64_t drops;              /* translations dropped, for any reason */
    uint64_t flushes;            /* shadow_flush calls, including those of a full pool */
};

struct shadow;

/* A cache for host storage of storage_size bytes (frames are watched by a count per
 * frame), holding up to 1 << 18 translations. hooks is copied; NULL means none.
 * Returns NULL when out of memory. */
struct shadow *shadow_new(uint64_t storage_size, const struct shadow_hooks *hooks);
/* The same with a pool of 'entries' translations (tests use small pools). */
struct shadow *shadow_new_sized(uint64_t storage_size, const struct shadow_hooks *hooks,
                                uint32_t entries);
void shadow_free(struct shadow *sh);

/* The cached translation of va_page (4K aligned) in space k, if any. */
bool shadow_lookup(struct shadow *sh, const struct shadow_key *k, uint64_t va_page,
                   struct shadow_xlate *out);

/* Cache a translation computed from the entries at dep_haa[0..ndeps) (host absolute,
 * 8-byte aligned, inside storage; duplicates allowed). A translation already cached for
 * the page is dropped first (and reported). Frames newly watched are reported through
 * hooks->watch. When the cache is full everything is dropped first (a flush).
 * Returns false, caching nothing, when there are more than SHADOW_MAX_DEPS distinct
 * entries: the caller then uses its translation once, uncached. */
bool shadow_insert(struct shadow *sh, const struct shadow_key *k, uint64_t va_page,
                   const struct shadow_xlate *x, const uint64_t *dep_haa, unsigned ndeps);

/* Whether the 4K frame holding host absolute haa has entries translations depend on. */
bool shadow_watched(const struct shadow *sh, uint64_t haa);

/* A store of len bytes at host absolute haa is about to happen: drop every translation
 * that depends on an entry overlapping [haa, haa + len). Returns how many were dropped. */
unsigned shadow_store(struct shadow *sh, uint64_t haa, uint64_t len);

/* Drop everything (each drop reported, in a fixed order). */
void shadow_flush(struct shadow *sh);

const struct shadow_stats *shadow_get_stats(const struct shadow *sh);

#endif
