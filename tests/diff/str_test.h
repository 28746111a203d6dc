/* Shared pieces of the string differential tests (tests/diff/str_*.c): a page-aligned
 * work area whose second page starts at pg + 4096 (operands near that boundary cross
 * it), deterministic fills, and output of storage regions and registers. */
#ifndef DIFF_STR_TEST_H
#define DIFF_STR_TEST_H

#include "rt.h"

#define PAGE 4096UL
#define PG_SIZE (8 * PAGE)
extern u8 pg[PG_SIZE];
#define STR_TEST_STORAGE u8 pg[PG_SIZE] __attribute__((aligned(4096)));

/* Bytes from a small xorshift stream: the same on both emulators. */
static inline void fill(u8 *p, u64 n, u64 seed)
{
    u64 x = seed * 0x9e3779b97f4a7c15UL + 1;
    for (u64 i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        p[i] = (u8)(x >> 24);
    }
}

static inline void fill_byte(u8 *p, u64 n, u8 v)
{
    for (u64 i = 0; i < n; i++)
        p[i] = v;
}

static inline u64 hash(const u8 *p, u64 n)
{
    u64 h = 0xcbf29ce484222325UL;
    for (u64 i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3UL;
    return h;
}

/* A region: its bytes in hex when short, else its hash and first/last bytes. */
static inline void put_bytes(const u8 *p, u64 n)
{
    static const char hx[] = "0123456789abcdef";
    put_char(' ');
    if (n > 32) {
        put_char('#');
        put_hex(hash(p, n));
        put_char(':');
        put_hex32(p[0] << 24 | p[1] << 16 | p[n - 2] << 8 | p[n - 1]);
        return;
    }
    for (u64 i = 0; i < n; i++) {
        put_char(hx[p[i] >> 4]);
        put_char(hx[p[i] & 15]);
    }
}

static inline void put_u(const char *label, u64 v)
{
    put_char(' ');
    put_str(label);
    put_char('=');
    put_hex(v);
}

static inline void put_cc(u32 cc)
{
    put_str(" cc=");
    put_char('0' + (cc & 3));
}

static inline void head(const char *name, u64 a, u64 b)
{
    put_str(name);
    put_char(' ');
    put_dec((s64)a);
    put_char(' ');
    put_dec((s64)b);
}

/* Offset of an address inside pg (for printing addresses the same on both sides). */
static inline u64 off(const void *p)
{
    return (u64)((const u8 *)p - pg);
}

/* CC input for SPM: bits 34-35 of the register. */
#define CCIN(cc) ((u64)(cc) << 28)

#endif
