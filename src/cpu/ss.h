/* Storage-operand helpers shared by the string and decimal handlers (op_string*.c,
 * op_pack.c, op_decimal*.c). An operand is resolved to host memory once its access is
 * checked, so a handler can keep the PoP's "one byte at a time" overlap rules and still
 * leave storage untouched when an access exception is recognized. */
#ifndef ZHYP_CPU_SS_H
#define ZHYP_CPU_SS_H

#include "insn.h"

/* An operand of 1..4096 bytes in host memory: at most two pieces, split where its first
 * page ends (the end of the addressing mode is page aligned, so wrapping splits there too). */
struct span {
    uint8_t *p0, *p1;
    unsigned n0;                 /* bytes at p0; the rest are at p1 */
    unsigned len;
};

static inline uint8_t *span_at(const struct span *s, unsigned i)
{
    return i < s->n0 ? s->p0 + i : s->p1 + (i - s->n0);
}

/* Bytes from i that are contiguous in host memory in both spans (a and b as long). */
static inline unsigned span_run(const struct span *a, const struct span *b, unsigned i)
{
    unsigned end = a->len;
    if (i < a->n0)
        end = a->n0;
    if (i < b->n0 && b->n0 < end)
        end = b->n0;
    return end - i;
}

/* Translate [va, va+len) for 'acc' (ACC_STORE also serves fetch-and-store operands). */
MUST_CHECK int span_get(struct cpu *c, uint64_t va, unsigned len, enum acc acc, struct span *s);

/* Register forms of addresses and lengths for the long and string instructions (PoP ch.7:
 * "the address in bits 40-63 (24-bit), 33-63 (31-bit) or 0-63 (64-bit)"). */
static inline uint64_t reg_addr(const struct cpu *c, unsigned r)
{
    return c->gr[r] & c->amask;
}

/* Store an updated address: bits 0-31 stay in 24/31-bit mode, the bits above the
 * address inside bits 32-63 become zeros. */
static inline void set_reg_addr(struct cpu *c, unsigned r, uint64_t a)
{
    if (c->amask == ~0ULL)
        c->gr[r] = a;
    else
        set_low32(c, r, (uint32_t)(a & c->amask));
}

/* The address of a found byte (TRT, TRTR, EDMK): like set_reg_addr, except that the
 * 24-bit mode leaves bits 32-39 alone. */
static inline void set_reg_mark(struct cpu *c, unsigned r, uint64_t a)
{
    if (c->amask == 0xffffffULL)
        c->gr[r] = (c->gr[r] & ~0xffffffULL) | (a & 0xffffffULL);
    else
        set_reg_addr(c, r, a);
}

/* 32-bit lengths in 24/31-bit mode, 64-bit lengths in 64-bit mode (MVCLE, CLCLE, CKSM...). */
static inline uint64_t reg_len(const struct cpu *c, unsigned r)
{
    return c->amask == ~0ULL ? c->gr[r] : (uint32_t)c->gr[r];
}

static inline void set_reg_len(struct cpu *c, unsigned r, uint64_t n)
{
    if (c->amask == ~0ULL)
        c->gr[r] = n;
    else
        set_low32(c, r, (uint32_t)n);
}

/* A forward byte-by-byte copy: a destination just right of its source propagates
 * bytes (MVC 1(255,r),0(r)); anything else may use memmove. */
static inline void copy_fwd(uint8_t *d, const uint8_t *s, size_t n)
{
    if ((uintptr_t)d > (uintptr_t)s && (uintptr_t)d < (uintptr_t)s + n) {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    } else {
        memmove(d, s, n);
    }
}

/* Bytes left in va's page: the most one host pointer covers. */
static inline uint64_t page_room(uint64_t va)
{
    return 4096 - (va & PAGE_MASK_LOW);
}

#endif
