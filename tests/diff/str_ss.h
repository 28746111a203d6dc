/* SS-a instruction wrappers for the string tests: the length comes from EXECUTE
 * RELATIVE LONG (the target has L=0 and EXRL ORs len-1 into bits 8-15), and a driver
 * that runs one over disjoint, page-crossing and overlapping operand placements. */
#ifndef DIFF_STR_SS_H
#define DIFF_STR_SS_H

#include "str_test.h"

typedef u32 (*ss_fn)(u8 *d, u8 *s, u64 len);

/* One wrapper per mnemonic: returns the CC after the instruction (preset to 3). */
#define SS_WRAP(fn, mn) \
    static u32 fn(u8 *d, u8 *s, u64 len) \
    { \
        u32 cc_; \
        asm volatile("spm %[ci]\n\texrl %[l],1f\n\t" GET_CC \
                     ".pushsection .text.exrl,\"ax\"\n1:\t" mn " 0(1,%[dd]),0(%[ss])\n\t.popsection" \
                     : [cc] "=&d"(cc_) : [l] "a"(len - 1), [dd] "a"(d), [ss] "a"(s), [ci] "d"(CCIN(3)) \
                     : "cc", "memory"); \
        return cc_; \
    }

/* Operand placements as (destination offset, source offset) inside pg; the second page
 * starts at 4096. Negative 'rel' places the source relative to the destination. */
struct place { s64 d, s; int rel; };
static const struct place places[] = {
    { 100, 2000, 0 },            /* disjoint, same page */
    { 4096 - 5, 8192 + 300, 0 }, /* destination crosses the page boundary */
    { 300, 4096 - 77, 0 },       /* source crosses */
    { 4096 - 130, 8192 - 9, 0 }, /* both cross, at different points */
    { 4096 - 1, 8192 - 1, 0 },   /* both start one byte before a boundary */
    { 1000, 1, 1 },              /* destination = source + 1: propagation */
    { 1000, 2, 1 },
    { 1000, 7, 1 },
    { 1000, 100, 1 },
    { 4096 - 3, 1, 1 },          /* propagation across the boundary */
    { 1000, -1, 1 },             /* destination = source - 1 */
    { 1000, -50, 1 },
    { 4096 - 60, -33, 1 },
    { 1500, 0, 1 },              /* exact overlap */
};
#define N_PLACES (sizeof(places) / sizeof(places[0]))

static const u64 lens[] = { 1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 64, 100, 128, 200, 255, 256 };
#define N_LENS (sizeof(lens) / sizeof(lens[0]))

/* Run fn at every placement and length; print the destination with 8 bytes of margin
 * on each side (so stray stores show) and the CC when 'show_cc'. */
static inline void ss_sweep(const char *name, ss_fn fn, int show_cc)
{
    for (unsigned p = 0; p < N_PLACES; p++) {
        for (unsigned k = 0; k < N_LENS; k++) {
            u64 len = lens[k];
            s64 dof = places[p].d, sof = places[p].rel ? dof + places[p].s : places[p].s;
            u8 *d = pg + PAGE + dof, *s = pg + PAGE + sof;
            s64 lo = (dof < sof ? dof : sof) - 8, hi = (dof > sof ? dof : sof) + (s64)len + 8;
            fill(pg + PAGE + lo, (u64)(hi - lo), p * 131 + k);
            if (p == 1 || p == 3)          /* some zero bytes for the logical ops */
                fill_byte(s + len / 2, len / 4, 0);
            u32 cc = fn(d, s, len);
            head(name, p, len);
            put_bytes(d - 8, len + 16);
            if (show_cc)
                put_cc(cc);
            put_char('\n');
        }
    }
}

#endif
