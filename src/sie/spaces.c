/* The machine-wide parts of interpretive execution: the shadow cache with its hooks
 * into every CPU's TLB, and the numbering of stage-2 contexts that shadow keys use
 * (docs/sie.md "Shadows"). */
#include <stdlib.h>

#include "internal.h"

#define S2_IDS_MAX 256           /* then the shadows are flushed and numbering restarts */

/* What makes two stage-2 translations the same function. */
struct s2_ident {
    uint64_t host_asce, mso, glast;
    uint32_t host_prefix;
    unsigned host_opts;
    bool sm;
};

struct sie_s2_ids {
    unsigned n;
    struct s2_ident id[S2_IDS_MAX];
};

static bool ident_equal(const struct s2_ident *a, const struct s2_ident *b)
{
    if (a->sm != b->sm || a->mso != b->mso || a->glast != b->glast)
        return false;
    return !a->sm || (a->host_asce == b->host_asce && a->host_prefix == b->host_prefix &&
                      a->host_opts == b->host_opts);
}

/* A translation stopped being valid: every guest CPU drops its TLB slot for the page
 * (its fetch page too), whatever space it runs in. */
static void shadow_dropped(void *ctx, const struct shadow_key *k, uint64_t va_page)
{
    struct machine *m = ctx;
    (void)k;
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->sie[i])
            cpu_tlb_flush_page_index(sie_ctx_guest(m->sie[i]), (unsigned)(va_page >> 12) & 0xff);
}

/* A frame now holds table entries shadows depend on: no CPU may store into it through
 * its TLB, so that every store reaches shadow_store (mem.c). */
static void shadow_watch(void *ctx, uint64_t frame_haa)
{
    struct machine *m = ctx;
    for (unsigned i = 0; i < m->ncpus; i++) {
        if (m->cpu[i])
            cpu_tlb_revoke_write(m->cpu[i], m->storage + frame_haa);
        if (m->sie[i])
            cpu_tlb_revoke_write(sie_ctx_guest(m->sie[i]), m->storage + frame_haa);
    }
}

/* Make the shadow cache unless --no-shadow; CPUs then report stores into watched frames. */
void sie_shadow_enable(struct machine *m)
{
    if (m->shadow || m->no_shadow)
        return;
    struct shadow_hooks hooks = { shadow_dropped, shadow_watch, m };
    m->shadow = shadow_new(m->storage_size, &hooks);
    m->s2_ids = calloc(1, sizeof(*m->s2_ids));
    if (!m->shadow || !m->s2_ids) {           /* out of memory: run without shadows */
        shadow_free(m->shadow);
        free(m->s2_ids);
        m->shadow = NULL;
        m->s2_ids = NULL;
        return;
    }
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->cpu[i])
            m->cpu[i]->shadow = m->shadow;
}

void sie_machine_free(struct machine *m)
{
    for (unsigned i = 0; i < MACHINE_MAX_CPUS; i++) {
        sie_ctx_free(m->sie[i]);
        m->sie[i] = NULL;
    }
    shadow_free(m->shadow);
    free(m->s2_ids);
    m->shadow = NULL;
    m->s2_ids = NULL;
}

/* The number of this context's stage 2, as bits 2 and up of shadow keys' s2 (bit 1 is
 * the guest's EDAT-1). */
uint64_t sie_s2_number(struct sie_ctx *s)
{
    struct sie_s2_ids *t = s->m->s2_ids;
    struct s2_ident me = { s->host_asce, s->mso, s->glast, s->host_prefix, s->host_opts, s->sm };
    if (!t)
        return 0;
    for (unsigned i = 0; i < t->n; i++)
        if (ident_equal(&t->id[i], &me))
            return (uint64_t)i << 2;
    if (t->n == S2_IDS_MAX) {
        shadow_flush(s->m->shadow);
        t->n = 0;
    }
    t->id[t->n] = me;
    return (uint64_t)t->n++ << 2;
}
