/* Shared pieces of the decimal differential tests (tests/diff/dec_*.c): SS-b
 * wrappers whose two lengths come from EXRL, packed-decimal operand makers. */
#ifndef DIFF_DEC_TEST_H
#define DIFF_DEC_TEST_H

#include "str_test.h"

/* SS-b instruction with L1/L2 from EXRL (target encodes both as 0); returns the CC
 * (preset to 3 for instructions that leave it alone). */
#define SSB_WRAP(fn, mn) \
    static u32 fn(u8 *d, u64 l1, u8 *s, u64 l2) \
    { \
        u32 cc_; \
        asm volatile("spm %[ci]\n\texrl %[l],1f\n\t" GET_CC \
                     ".pushsection .text.exrl,\"ax\"\n1:\t" mn " 0(1,%[dd]),0(1,%[ss])\n\t.popsection" \
                     : [cc] "=&d"(cc_) : [l] "a"((l1 - 1) << 4 | (l2 - 1)), [dd] "a"(d), [ss] "a"(s), \
                       [ci] "d"(CCIN(3)) : "cc", "memory"); \
        return cc_; \
    }

/* A valid packed number of len bytes: random digits (sometimes few significant ones),
 * sign chosen from all six sign codes. */
static inline void make_packed(u8 *p, u64 len, u64 seed)
{
    static const u8 signs[] = { 0xc, 0xd, 0xa, 0xb, 0xe, 0xf };
    u64 r = seed * 0x2545f4914f6cdd1dUL + 7;
    u64 sig = (r >> 3) % (2 * len);                 /* significant digits */
    for (u64 i = 0; i < len; i++) {
        r = r * 6364136223846793005UL + 1442695040888963407UL;
        unsigned hi = (unsigned)(r >> 33) % 10, lo = (unsigned)(r >> 45) % 10;
        u64 dhi = 2 * (len - 1 - i), dlo = dhi - 1;   /* digit numbers from the right */
        if (dhi >= sig)
            hi = 0;
        if (dlo >= sig || i == len - 1)
            lo = 0;
        p[i] = (u8)(hi << 4 | lo);
    }
    p[len - 1] = (u8)((p[len - 1] & 0xf0) | signs[(r >> 20) % 6]);
}

#endif
