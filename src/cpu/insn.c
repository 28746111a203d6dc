/* Builds dispatch tables from insn.def, filtered by the installed facilities, and
 * names instructions for traces, coverage and the disassembler. */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

#include "insn.h"
#include "zhyp/sie.h"

const struct insn_desc insn_table[INSN_COUNT] = {
#define INSN(op, mn, fmt, fac, fl, fn) { op, FMT_##fmt, fac, fl, #mn, fn },
#include "insn.def"
#undef INSN
};

static const struct { const char *name; uint8_t len; uint8_t op2; } fmt_info[FMT_COUNT] = {
    [FMT_E] = { "E", 2, OP2_BYTE1 },     [FMT_I] = { "I", 2, OP2_NONE },
    [FMT_RR] = { "RR", 2, OP2_NONE },    [FMT_RX] = { "RX", 4, OP2_NONE },
    [FMT_RS] = { "RS", 4, OP2_NONE },    [FMT_RSI] = { "RSI", 4, OP2_NONE },
    [FMT_RI] = { "RI", 4, OP2_NIBBLE },  [FMT_SI] = { "SI", 4, OP2_NONE },
    [FMT_S] = { "S", 4, OP2_BYTE1 },     [FMT_RRE] = { "RRE", 4, OP2_BYTE1 },
    [FMT_RRF] = { "RRF", 4, OP2_BYTE1 }, [FMT_RRD] = { "RRD", 4, OP2_BYTE1 },
    [FMT_IE] = { "IE", 4, OP2_BYTE1 },   [FMT_RXY] = { "RXY", 6, OP2_BYTE5 },
    [FMT_RXE] = { "RXE", 6, OP2_BYTE5 }, [FMT_RXF] = { "RXF", 6, OP2_BYTE5 },
    [FMT_RSY] = { "RSY", 6, OP2_BYTE5 }, [FMT_RSL] = { "RSL", 6, OP2_BYTE5 },
    [FMT_RIL] = { "RIL", 6, OP2_NIBBLE }, [FMT_RIE] = { "RIE", 6, OP2_BYTE5 },
    [FMT_RIS] = { "RIS", 6, OP2_BYTE5 }, [FMT_RRS] = { "RRS", 6, OP2_BYTE5 },
    [FMT_SIY] = { "SIY", 6, OP2_BYTE5 }, [FMT_SIL] = { "SIL", 6, OP2_BYTE1 },
    [FMT_SS] = { "SS", 6, OP2_NONE },    [FMT_SSE] = { "SSE", 6, OP2_BYTE1 },
    [FMT_SSF] = { "SSF", 6, OP2_NIBBLE }, [FMT_SMI] = { "SMI", 6, OP2_NONE },
    [FMT_MII] = { "MII", 6, OP2_NONE },
};

enum op2_kind insn_op2_kind(enum insn_fmt f) { return (enum op2_kind)fmt_info[f].op2; }
unsigned insn_fmt_len(enum insn_fmt f) { return fmt_info[f].len; }
const char *insn_fmt_name(enum insn_fmt f) { return fmt_info[f].name; }
const char *insn_name(unsigned id) { return id < INSN_COUNT ? insn_table[id].name : "?"; }
unsigned insn_count(void) { return INSN_COUNT; }
int insn_length(uint8_t byte0) { return (int)ilen_of(byte0); }

/* 00 -- an unassigned or uninstalled opcode: operation exception (PoP ch.6). */
int op_operation_exception(struct cpu *c, uint64_t iw)
{
    (void)c; (void)iw;
    return PGM_OPERATION;
}

/* Fill every first-halfword slot that a row of byte 0 'b0' owns. */
static void fill_row(struct isa *isa, const struct insn_desc *d, struct dispatch slot)
{
    unsigned b0 = d->opcode >> 8;
    switch (insn_op2_kind((enum insn_fmt)d->fmt)) {
    case OP2_NONE:                               /* any second byte */
        for (unsigned x = 0; x < 256; x++)
            isa->hw[b0 << 8 | x] = slot;
        break;
    case OP2_NIBBLE:                             /* bits 12-15, any R1 */
        for (unsigned r1 = 0; r1 < 16; r1++)
            isa->hw[b0 << 8 | r1 << 4 | (d->opcode & 0x0f)] = slot;
        break;
    case OP2_BYTE1:
        isa->hw[d->opcode] = slot;
        break;
    case OP2_BYTE5:
        break;                                   /* handled through the family table */
    }
}

/* Give byte-5 family b0 a family table and point its 256 halfword slots at it. */
static int ext5_family(struct isa *isa, unsigned b0, unsigned *nfam, int *fam_of)
{
    if (fam_of[b0] >= 0)
        return fam_of[b0];
    if (*nfam >= ISA_EXT5_FAMILIES)
        abort();                                 /* table invariant: raise ISA_EXT5_FAMILIES */
    fam_of[b0] = (int)(*nfam)++;
    for (unsigned x = 0; x < 256; x++)
        isa->hw[b0 << 8 | x] = (struct dispatch){ NULL, (uint16_t)fam_of[b0], I_EXT5, 6 };
    for (unsigned x = 0; x < 256; x++)
        isa->ext5[fam_of[b0]][x] = (struct dispatch){ op_operation_exception, UINT16_MAX, 0, 6 };
    return fam_of[b0];
}

static struct isa *isa_build(const uint8_t *fac)
{
    struct isa *isa = calloc(1, sizeof(*isa));
    int fam_of[256];
    unsigned nfam = 0;
    if (!isa)
        return NULL;
    memcpy(isa->fac, fac, sizeof(isa->fac));
    for (unsigned i = 0; i < 256; i++)
        fam_of[i] = -1;
    for (unsigned i = 0; i < 65536; i++)
        isa->hw[i] = (struct dispatch){ op_operation_exception, UINT16_MAX, 0, ilen_of(i >> 8) };
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        const struct insn_desc *d = &insn_table[id];
        bool ext5 = insn_op2_kind((enum insn_fmt)d->fmt) == OP2_BYTE5;
        int fam = ext5 ? ext5_family(isa, d->opcode >> 8, &nfam, fam_of) : -1;
        if (!fac_has(fac, d->fac))
            continue;
        struct dispatch slot = { d->fn, (uint16_t)id, d->flags, ilen_of(d->opcode >> 8) };
        if (ext5)
            isa->ext5[fam][d->opcode & 0xff] = slot;
        else
            fill_row(isa, d, slot);
    }
    return isa;
}

/* One table per distinct facility set, shared by every CPU that uses it. */
const struct isa *isa_get(const uint8_t *fac)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static struct isa *cache[8];
    const struct isa *found = NULL;
    pthread_mutex_lock(&lock);
    for (unsigned i = 0; i < ARRAY_SIZE(cache) && !found; i++) {
        if (!cache[i]) {
            cache[i] = isa_build(fac);
            found = cache[i];
        } else if (!memcmp(cache[i]->fac, fac, sizeof(cache[i]->fac))) {
            found = cache[i];
        }
    }
    pthread_mutex_unlock(&lock);
    return found ? found : isa_build(fac);
}


const struct dispatch *insn_lookup(const struct cpu *c, uint64_t iw)
{
    return isa_slot(c->isa, iw);
}

/* Privileged-operation check done here once for every row flagged I_PRIV. */
int insn_execute(struct cpu *c, const struct dispatch *d, uint64_t iw)
{
    if ((d->flags & I_PRIV) && (c->psw.mask & PSW_MASK_PSTATE))
        return PGM_PRIVILEGED_OP;
    if (unlikely(c->sie) && (d->flags & I_PRIV)) {
        int rc = sie_guest_insn(c, d, iw);
        if (rc)
            return rc;
    }
    if (c->coverage && d->id != UINT16_MAX)
        c->coverage[d->id >> 6] |= 1ULL << (d->id & 63);
    return d->fn(c, iw);
}
