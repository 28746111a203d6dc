/* Shared inside src/sie: the context of one host CPU's interpretive execution. */
#ifndef ZHYP_SIE_INTERNAL_H
#define ZHYP_SIE_INTERNAL_H

#include "zhyp/sie.h"
#include "zhyp/dat.h"
#include "../machine/internal.h"
#include "../cpu/insn.h"
#include "shadow.h"

struct sie_ctx {
    struct machine *m;
    struct cpu *host;            /* the host CPU this context belongs to */
    struct cpu g;                /* the guest CPU */
    uint64_t sd_ha;              /* state description of the current run */
    uint64_t sie_ia;             /* host address of the SIE instruction (host exits) */

    /* From the SD at entry. */
    uint32_t cpuflags, ictl;
    uint16_t lctl;
    uint64_t mso;                /* host address of guest absolute 0 */
    uint64_t glast;              /* last valid guest absolute address */
    bool sm;                     /* stage 2 through host DAT */
    uint64_t host_asce;          /* host CR1 at SIE time (SM) */
    uint32_t host_prefix;        /* host prefix at SIE time (host DAT results are real) */
    unsigned host_opts;          /* DAT_EDAT1 | DAT_FSI as the host had them */
    uint64_t s2id;               /* stage-2 identity for shadow keys */
    uint8_t fac[32];             /* the guest's facility list */
    uint8_t *lowcore_ha;         /* host address of the guest's prefix page 0 */
    uint64_t tlb_sd, tlb_s2;     /* SD and stage 2 the guest TLB holds entries of */

    /* The exit being prepared: -1 while the guest runs. */
    int icpt;
    uint16_t ipa;
    uint32_t ipb;
    uint8_t icptstatus;
    int pgm_code;                /* ICPT_PROGI: the interruption's parameters */
    unsigned pgm_ilc;
    uint64_t pgm_teid;
    uint8_t pgm_eai;
    uint32_t pgm_dxc;
    int host_pgm;                /* a host-level fault waiting for the host, or 0 */
    uint64_t host_teid;

    /* Dependencies of the walk in progress (shadow construction). */
    bool recording;
    unsigned ndeps;
    uint64_t deps[SHADOW_MAX_DEPS];
    bool deps_overflow;

    struct sie_stats st;
};

/* spaces.c */
void sie_shadow_enable(struct machine *m);
uint64_t sie_s2_number(struct sie_ctx *s);

/* sie.c */
void sie_store_sd(struct sie_ctx *s, int icpt);

/* icpt.c: what a guest instruction or interruption makes of the run. */
void sie_icpt_validity(struct sie_ctx *s, uint16_t reason);

/* stage2.c: the guest CPU's memory and machine services. */
extern const struct mem_ops sie_mem_ops;
extern const struct sys_ops sie_sys_ops;
/* Map the guest prefix area through stage 2: 0, or a PGM_HOST code (fault kept in s),
 * or PGM_ADDRESSING when the prefix lies outside guest storage. */
int sie_map_prefix(struct sie_ctx *s);

#endif
