/* Private helpers of the extended-translation handlers (op_xlate.c, op_xlate_cu.c). */
#ifndef ZHYP_CPU_XLATE_H
#define ZHYP_CPU_XLATE_H

#include "ss.h"

/* CPU-determined amount: bytes of the scanned operand one execution processes before it
 * ends with CC 3 (the string group's convention; programs branch back on CC 3). */
#define XL_UNIT 4096

/* Two facilities change these instructions without adding rows (include/zhyp/cpu.h):
 * FAC_ETF2_ENH (M3 test-character-comparison control, TRTO/TRTT tables on doublewords)
 * and FAC_ETF3_ENH (M3 well-formedness checking of the CONVERT UTF instructions). */

/* A one- or two-byte character (size 'n') at va. */
static inline MUST_CHECK int xl_load(struct cpu *c, uint64_t va, unsigned n, uint32_t *v)
{
    int pgm;
    if (n == 1) {
        uint8_t b;
        pgm = mem_read8_va(c, va, &b);
        *v = b;
    } else {
        uint16_t h;
        pgm = mem_read16_va(c, va, &h);
        *v = h;
    }
    return pgm;
}

static inline MUST_CHECK int xl_store(struct cpu *c, uint64_t va, unsigned n, uint32_t v)
{
    return n == 1 ? mem_write8_va(c, va, (uint8_t)v) : mem_write16_va(c, va, (uint16_t)v);
}

static inline uint64_t xl_next(const struct cpu *c, uint64_t va, int64_t n)
{
    return (va + (uint64_t)n) & c->amask;
}

#endif
