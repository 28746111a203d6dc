/* Dynamic address translation (PoP ch.3 "Dynamic Address Translation"; zarch.md §4).
 * One walker for every use: host DAT, a guest's stage 1 (entries read through stage 2)
 * and shadow construction. Table entries are read through an ops struct. */
#ifndef ZHYP_DAT_H
#define ZHYP_DAT_H

#include "zhyp/types.h"

/* ASCE fields (zarch.md §4.3). */
#define ASCE_ORIGIN      0xfffffffffffff000ULL
#define ASCE_PRIVATE     0x100ULL
#define ASCE_REAL_SPACE  0x020ULL
#define ASCE_DT_MASK     0x00cULL
#define ASCE_TL_MASK     0x003ULL
#define ASCE_DT_REGION1  0x00cULL
#define ASCE_DT_REGION2  0x008ULL
#define ASCE_DT_REGION3  0x004ULL
#define ASCE_DT_SEGMENT  0x000ULL

/* Region-table entry (§4.4). */
#define RTE_ORIGIN       0xfffffffffffff000ULL
#define RTE_FC           0x400ULL
#define RTE_P            0x200ULL
#define RTE_TF_MASK      0x0c0ULL
#define RTE_INVALID      0x020ULL
#define RTE_CR           0x010ULL
#define RTE_TT_MASK      0x00cULL
#define RTE_TL_MASK      0x003ULL

/* Segment-table entry (§4.5). */
#define STE_PTO          0xfffffffffffff800ULL
#define STE_SFAA         0xfffffffffff00000ULL
#define STE_FC           0x400ULL
#define STE_P            0x200ULL
#define STE_IEP          0x100ULL
#define STE_INVALID      0x020ULL
#define STE_CS           0x010ULL
#define STE_TT_MASK      0x00cULL

/* Page-table entry (§4.6). */
#define PTE_PFRA         0xfffffffffffff000ULL
#define PTE_BIT52        0x800ULL
#define PTE_INVALID      0x400ULL
#define PTE_P            0x200ULL
#define PTE_IEP_CO       0x100ULL

/* TEID bits (§3.3). */
#define TEID_FETCH       0x800ULL
#define TEID_STORE       0x400ULL
#define TEID_DAT_PROT    0x004ULL

/* Table levels, top to bottom. */
enum dat_level { DAT_R1 = 0, DAT_R2 = 1, DAT_R3 = 2, DAT_SEG = 3, DAT_PAGE = 4 };

/* How the walker reads an 8-byte table entry at absolute address aa: 0 or a PGM code
 * (PGM_ADDRESSING outside storage; under SIE, a host-level fault of the stage-2 read). */
struct dat_tables {
    int (*read_entry)(void *ctx, uint64_t aa, uint64_t *entry);
    /* Optional: told of every entry a successful walk used (shadow reverse maps). */
    void (*visited)(void *ctx, enum dat_level level, uint64_t entry_aa);
    void *ctx;
};

/* Options of one translation. */
enum {
    DAT_STORE    = 0x01,         /* a store access (protection applies) */
    DAT_EDAT1    = 0x02,         /* EDAT-1 active: facility 8 and CR0 bit 40 */
    DAT_FSI      = 0x04,         /* facility 75: TEID carries the fetch/store indication */
    DAT_IFETCH   = 0x08,         /* instruction fetch */
};

struct dat_result {
    uint64_t addr;               /* real address, or absolute when 'absolute' */
    bool absolute;               /* an EDAT large frame: no prefixing afterwards */
    bool protect;                /* DAT protection applies (for fetches the caller may note it) */
};

struct dat_fault {
    uint64_t teid;               /* translation-exception identification */
    uint64_t entry_aa;           /* absolute address of the entry that failed (LRA), or ~0 */
    enum dat_level level;        /* level at which the walk stopped */
    bool invalid_bit;            /* the entry's I bit caused it (not a length violation) */
};

/* Translate logical address va under asce. asce_id (0 primary, 1 AR, 2 secondary, 3 home)
 * goes into the TEID. Returns 0 with *r filled, or a PGM code with *f filled: ASCE-type,
 * region-first/second/third, segment, page translation, translation specification,
 * protection (stores to DAT-protected pages), or what read_entry returned. */
MUST_CHECK int dat_translate_va(const struct dat_tables *t, uint64_t asce, uint64_t va,
                                unsigned opts, unsigned asce_id, struct dat_result *r,
                                struct dat_fault *f);

/* Real -> absolute under a prefix (zarch.md §2). */
static inline uint64_t dat_real_to_abs(uint64_t prefix, uint64_t ra)
{
    if (ra < 0x2000)
        return ra + prefix;
    if (ra >= prefix && ra < prefix + 0x2000)
        return ra - prefix;
    return ra;
}

#endif
