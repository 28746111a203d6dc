/* Instruction-table internals shared by insn.c, run.c and the op_*.c handler files. */
#ifndef ZHYP_CPU_INSN_H
#define ZHYP_CPU_INSN_H

#include "zhyp/cpu.h"
#include "zhyp/mem.h"
#include "fmt.h"

enum insn_fmt {
    FMT_E, FMT_I, FMT_RR,                                    /* 2 bytes */
    FMT_RX, FMT_RS, FMT_RSI, FMT_RI, FMT_SI, FMT_S,          /* 4 bytes */
    FMT_RRE, FMT_RRF, FMT_RRD, FMT_IE,
    FMT_RXY, FMT_RXE, FMT_RXF, FMT_RSY, FMT_RSL, FMT_RIL,    /* 6 bytes */
    FMT_RIE, FMT_RIS, FMT_RRS, FMT_SIY, FMT_SIL, FMT_SS, FMT_SSE, FMT_SSF, FMT_SMI, FMT_MII,
    FMT_COUNT
};

/* Where a family keeps its extended opcode: chosen by the row's format. */
enum op2_kind { OP2_NONE, OP2_BYTE1, OP2_NIBBLE, OP2_BYTE5 };

enum {
    I_PRIV   = 0x01,
    I_ICPT   = 0x02,
    I_BRANCH = 0x04,
    I_NOEX   = 0x08,
    I_SEMI   = 0x10,
    I_SYNC   = 0x20,
    I_EXT5   = 0x8000,   /* dispatch-table marker: look at byte 5 (never in insn.def) */     /* reads the instruction count (clocks): run with c->icount exact */
};

struct insn_desc {
    uint16_t opcode;
    uint8_t fmt;
    uint8_t fac;
    uint16_t flags;
    const char *name;
    insn_fn fn;
};

enum insn_id {
#define INSN(op, mn, fmt, fac, fl, fn) INSN_##mn,
#include "insn.def"
#undef INSN
    INSN_COUNT
};

extern const struct insn_desc insn_table[INSN_COUNT];

/* Handler prototypes, one per distinct handler name (repeats are harmless). */
#define INSN(op, mn, fmt, fac, fl, fn) int fn(struct cpu *c, uint64_t iw);
#include "insn.def"
#undef INSN

int op_operation_exception(struct cpu *c, uint64_t iw);

/* Dispatch: one slot per first halfword; the families whose extended opcode is in byte 5
 * (E3, EB, EC, ED...) have a marker slot (I_EXT5, id = family number) and a second
 * 256-slot table. Replacing a two-level byte-0 index with this cut dispatch from 11 to 5
 * host instructions per emulated instruction (callgrind, bench/src/loop_ahi). */
#define ISA_EXT5_FAMILIES 8

struct isa {
    struct dispatch hw[65536];
    struct dispatch ext5[ISA_EXT5_FAMILIES][256];
    uint8_t fac[32];
};

static inline const struct dispatch *isa_slot(const struct isa *isa, uint64_t iw)
{
    const struct dispatch *d = &isa->hw[iw >> 48];
    if (d->flags & I_EXT5)
        d = &isa->ext5[d->id][(iw >> 16) & 0xff];
    return d;
}

static inline unsigned ilen_of(unsigned byte0)
{
    return byte0 < 0x40 ? 2 : byte0 < 0xc0 ? 4 : 6;
}

enum op2_kind insn_op2_kind(enum insn_fmt f);
unsigned insn_fmt_len(enum insn_fmt f);
const char *insn_fmt_name(enum insn_fmt f);

/* Execute one already-fetched instruction at c->ia (used by EXECUTE and the slow loop).
 * Returns what the handler returned, after the privileged-operation check. */
int insn_execute(struct cpu *c, const struct dispatch *d, uint64_t iw);

/* Compare-and-swap a big-endian 4- or 8-byte operand. *old is the expected value on
 * entry and the value found on return; true when 'new' was stored. */
static inline bool cas_be(uint8_t *p, unsigned size, uint64_t *old, uint64_t new)
{
    bool ok;
    if (size == 4) {
        uint32_t e = __builtin_bswap32((uint32_t)*old);
        ok = __atomic_compare_exchange_n((uint32_t *)p, &e, __builtin_bswap32((uint32_t)new),
                                         false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        *old = __builtin_bswap32(e);
    } else {
        uint64_t e = __builtin_bswap64(*old);
        ok = __atomic_compare_exchange_n((uint64_t *)p, &e, __builtin_bswap64(new),
                                         false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        *old = __builtin_bswap64(e);
    }
    return ok;
}

#endif
