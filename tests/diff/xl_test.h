/* Shared pieces of the extended-translation differential tests (tests/diff/xl_*.c): the
 * string tests' work area and printers (str_test.h) plus helpers for two-byte data. */
#ifndef DIFF_XL_TEST_H
#define DIFF_XL_TEST_H

#include "str_test.h"

static inline void st16(u8 *p, u32 v)
{
    p[0] = (u8)(v >> 8);
    p[1] = (u8)v;
}

static inline u32 ld16(const u8 *p)
{
    return (u32)p[0] << 8 | p[1];
}

static inline void st32(u8 *p, u32 v)
{
    st16(p, v >> 16);
    st16(p + 2, v);
}

/* "name a b cc=N" then labelled registers: the common head of a result line. */
static inline void xl_head(const char *name, u64 a, u64 b, u32 cc)
{
    head(name, a, b);
    put_cc(cc);
}

/* An address inside pg printed as its offset, anything else in full. */
static inline void put_off(const char *label, u64 a)
{
    u64 base = (u64)pg;
    put_u(label, a >= base && a <= base + PG_SIZE ? a - base : a);
}

#endif
