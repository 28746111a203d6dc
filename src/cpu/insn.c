/* Builds dispatch tables from insn.def, filtered by the installed facilities, and
 * names instructions for traces, coverage and the disassembler. */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

#include "insn.h"

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

/* Slot of a row inside its family (the part of the index below byte 0). */
static unsigned row_sub(const struct insn_desc *d)
{
    switch (insn_op2_kind((enum insn_fmt)d->fmt)) {
    case OP2_NONE:   return 0;
    case OP2_NIBBLE: return d->opcode & 0x0f;
    default:         return d->opcode & 0xff;
    }
}

static void set_family(struct isa *isa, unsigned b0, enum op2_kind k)
{
    static const uint8_t shift[] = { [OP2_NONE] = 0, [OP2_BYTE1] = 48, [OP2_NIBBLE] = 48, [OP2_BYTE5] = 16 };
    static const uint8_t mask[] = { [OP2_NONE] = 0, [OP2_BYTE1] = 0xff, [OP2_NIBBLE] = 0x0f, [OP2_BYTE5] = 0xff };
    isa->op2_shift[b0] = shift[k];
    isa->op2_mask[b0] = mask[k];
}

static struct isa *isa_build(const uint8_t *fac)
{
    struct isa *isa = calloc(1, sizeof(*isa));
    if (!isa)
        return NULL;
    memcpy(isa->fac, fac, sizeof(isa->fac));
    for (unsigned i = 0; i < 256 * 256; i++)
        isa->disp[i] = (struct dispatch){ op_operation_exception, UINT16_MAX, 0, ilen_of(i >> 8) };
    for (unsigned id = 0; id < INSN_COUNT; id++) {
        const struct insn_desc *d = &insn_table[id];
        unsigned b0 = d->opcode >> 8;
        set_family(isa, b0, insn_op2_kind((enum insn_fmt)d->fmt));
        if (!fac_has(fac, d->fac))
            continue;
        isa->disp[b0 * 256 + row_sub(d)] = (struct dispatch){ d->fn, (uint16_t)id, d->flags, ilen_of(b0) };
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

const struct dispatch *isa_dispatch(const struct isa *isa) { return isa->disp; }

const struct dispatch *insn_lookup(const struct cpu *c, uint64_t iw)
{
    return isa_slot(c->isa, iw);
}

/* Privileged-operation check done here once for every row flagged I_PRIV. */
int insn_execute(struct cpu *c, const struct dispatch *d, uint64_t iw)
{
    if ((d->flags & I_PRIV) && (c->psw.mask & PSW_MASK_PSTATE))
        return PGM_PRIVILEGED_OP;
    if (c->coverage && d->id != UINT16_MAX)
        c->coverage[d->id >> 6] |= 1ULL << (d->id & 63);
    return d->fn(c, iw);
}
