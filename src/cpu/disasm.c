/* A small disassembler for traces: the mnemonic from the instruction table and the
 * operands by format, in the assembler's order (register numbers, D(X,B), immediates). */
#include <stdio.h>
#include <inttypes.h>

#include "insn.h"

static int ops_short(enum insn_fmt f, uint64_t iw, uint64_t ia, char *b, size_t n)
{
    switch (f) {
    case FMT_RR:  return snprintf(b, n, "%u,%u", iw_r1(iw), iw_r2(iw));
    case FMT_I:   return snprintf(b, n, "%u", iw_i8(iw));
    case FMT_RX:  return snprintf(b, n, "%u,%u(%u,%u)", iw_r1(iw), iw_d2(iw), iw_r2(iw), iw_b2(iw));
    case FMT_RS:  return snprintf(b, n, "%u,%u,%u(%u)", iw_r1(iw), iw_r2(iw), iw_d2(iw), iw_b2(iw));
    case FMT_RSI: return snprintf(b, n, "%u,%u,0x%" PRIx64, iw_r1(iw), iw_r2(iw), (ia + 2 * sext16(iw_i16(iw))));
    case FMT_RI:  return snprintf(b, n, "%u,%d", iw_r1(iw), (int)sext16(iw_i16(iw)));
    case FMT_SI:  return snprintf(b, n, "%u(%u),0x%x", iw_d2(iw), iw_b2(iw), iw_i8(iw));
    case FMT_S:   return snprintf(b, n, "%u(%u)", iw_d2(iw), iw_b2(iw));
    case FMT_RRE: case FMT_RRD:
        return snprintf(b, n, "%u,%u", iw_rre_r1(iw), iw_rre_r2(iw));
    case FMT_RRF: return snprintf(b, n, "%u,%u,%u,%u", iw_rre_r1(iw), iw_rre_r2(iw), iw_rrf_r3(iw), iw_rrf_m4(iw));
    case FMT_IE:  return snprintf(b, n, "%u,%u", iw_rrf_r3(iw), iw_rrf_m4(iw));
    default:      return -1;
    }
}

static int ops_long(enum insn_fmt f, uint64_t iw, uint64_t ia, char *b, size_t n)
{
    switch (f) {
    case FMT_RXY: case FMT_RXE: case FMT_RXF:
        return snprintf(b, n, "%u,%" PRId64 "(%u,%u)", iw_r1(iw), iw_dl_dh(iw), iw_r2(iw), iw_b2(iw));
    case FMT_RSY: case FMT_RSL:
        return snprintf(b, n, "%u,%u,%" PRId64 "(%u)", iw_r1(iw), iw_r2(iw), iw_dl_dh(iw), iw_b2(iw));
    case FMT_SIY: return snprintf(b, n, "%" PRId64 "(%u),0x%x", iw_dl_dh(iw), iw_b2(iw), iw_i8(iw));
    case FMT_RIL: return snprintf(b, n, "%u,0x%x (rel 0x%" PRIx64 ")", iw_r1(iw), iw_i32(iw),
                                  ia + 2 * (uint64_t)sext32(iw_i32(iw)));
    case FMT_RIE: case FMT_RIS: case FMT_RRS:
        return snprintf(b, n, "%u,%u,0x%04x,0x%02x", iw_r1(iw), iw_r2(iw), iw_i16(iw),
                        IW_FIELD(iw, 32, 8));
    case FMT_SIL: return snprintf(b, n, "%u(%u),%d", iw_d2(iw), iw_b2(iw), (int)sext16(IW_FIELD(iw, 32, 16)));
    case FMT_SS:  return snprintf(b, n, "%u(%u,%u),%u(%u)", iw_d2(iw), iw_i8(iw) + 1, iw_b2(iw), iw_d4(iw), iw_b4(iw));
    case FMT_SSE: case FMT_SSF: case FMT_SMI: case FMT_MII:
        return snprintf(b, n, "%u(%u),%u(%u)", iw_d2(iw), iw_b2(iw), iw_d4(iw), iw_b4(iw));
    default:      return -1;
    }
}

/* Writes "MNEMONIC operands  [hex]" into buf. Returns the instruction length. */
int cpu_disasm(uint64_t iw, uint64_t ia, char *buf, size_t n)
{
    static const struct isa *isa;
    if (!isa)
        isa = isa_get(cpu_default_facilities);
    const struct dispatch *d = isa_slot(isa, iw);
    unsigned len = ilen_of((unsigned)(iw >> 56));
    char ops[64] = "";
    if (d->id != UINT16_MAX) {
        enum insn_fmt f = (enum insn_fmt)insn_table[d->id].fmt;
        if (ops_short(f, iw, ia, ops, sizeof(ops)) < 0)
            ops_long(f, iw, ia, ops, sizeof(ops));
    }
    uint64_t raw = iw >> (64 - 8 * len);
    snprintf(buf, n, "%-6s %-24s [%0*" PRIx64 "]", d->id != UINT16_MAX ? insn_table[d->id].name : "???",
             ops, (int)len * 2, raw);
    return (int)len;
}
