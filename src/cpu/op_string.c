/* Storage-to-storage character instructions with lengths up to 256 (PoP ch.7): move,
 * compare, AND/OR/XOR, move numerics/zones/inverse, translate (and test), and the
 * immediate byte forms. TR/TRT access their 256-byte table only where it is used: the
 * PoP recognizes access exceptions only for the function bytes actually needed.
 * Both operands are translated before any byte is stored, so an access exception
 * leaves storage unchanged; the byte loops then follow the PoP's rule that overlapping
 * operands behave as if processed one byte at a time, left to right. */
#include "ss.h"
#include "alu.h"

int span_get(struct cpu *c, uint64_t va, unsigned len, enum acc acc, struct span *s)
{
    va &= c->amask;
    uint64_t room = page_room(va);
    s->len = len;
    s->n0 = len < room ? len : (unsigned)room;
    s->p1 = NULL;
    int pgm = mem_host_ptr(c, va, acc, &s->p0);
    if (!pgm && s->n0 < len)
        pgm = mem_host_ptr(c, (va + s->n0) & c->amask, acc, &s->p1);
    return pgm;
}

enum ss_op { SS_MOVE, SS_NUMERICS, SS_ZONES, SS_AND, SS_OR, SS_XOR };

/* One host-contiguous run of a byte-combining instruction; returns the OR of the result
 * bytes (for the CC of NC/OC/XC). The forward loops over char pointers keep the
 * one-byte-at-a-time result when the operands overlap. */
static inline uint8_t ss_run(enum ss_op op, uint8_t *d, const uint8_t *s, unsigned n)
{
    uint8_t any = 0;
    switch (op) {
    case SS_MOVE:
        copy_fwd(d, s, n);
        break;
    case SS_NUMERICS:
        for (unsigned i = 0; i < n; i++)
            d[i] = (d[i] & 0xf0) | (s[i] & 0x0f);
        break;
    case SS_ZONES:
        for (unsigned i = 0; i < n; i++)
            d[i] = (d[i] & 0x0f) | (s[i] & 0xf0);
        break;
    case SS_AND:
        for (unsigned i = 0; i < n; i++)
            any |= d[i] &= s[i];
        break;
    case SS_OR:
        for (unsigned i = 0; i < n; i++)
            any |= d[i] |= s[i];
        break;
    case SS_XOR:
        if (d == s) {                          /* XC x,x: the clearing idiom */
            memset(d, 0, n);
            break;
        }
        for (unsigned i = 0; i < n; i++)
            any |= d[i] ^= s[i];
        break;
    }
    return any;
}

/* The shared body of the SS-a byte-combining instructions: D1(L,B1),D2(B2). */
static inline int ss_combine(struct cpu *c, uint64_t iw, enum ss_op op)
{
    unsigned len = iw_i8(iw) + 1;
    struct span d, s;
    int pgm = span_get(c, ea_rs(c, iw), len, ACC_STORE, &d);
    if (!pgm)
        pgm = span_get(c, ea_ss2(c, iw), len, ACC_FETCH, &s);
    if (pgm)
        return pgm;
    uint8_t any = 0;
    for (unsigned i = 0; i < len;) {
        unsigned n = span_run(&d, &s, i);
        any |= ss_run(op, span_at(&d, i), span_at(&s, i), n);
        i += n;
    }
    if (op >= SS_AND)
        c->cc = any != 0;
    return 0;
}

/* D2   MVC   - Move (character)                           [SS-a] */
int op_mvc(struct cpu *c, uint64_t iw) { return ss_combine(c, iw, SS_MOVE); }

/* D1   MVN   - Move Numerics                              [SS-a] */
int op_mvn(struct cpu *c, uint64_t iw) { return ss_combine(c, iw, SS_NUMERICS); }

/* D3   MVZ   - Move Zones                                 [SS-a] */
int op_mvz(struct cpu *c, uint64_t iw) { return ss_combine(c, iw, SS_ZONES); }

/* D4   NC    - And (character)                            [SS-a] */
int op_nc(struct cpu *c, uint64_t iw) { return ss_combine(c, iw, SS_AND); }

/* D6   OC    - Or (character)                             [SS-a] */
int op_oc(struct cpu *c, uint64_t iw) { return ss_combine(c, iw, SS_OR); }

/* D7   XC    - Exclusive Or (character)                   [SS-a] */
int op_xc(struct cpu *c, uint64_t iw) { return ss_combine(c, iw, SS_XOR); }

/* D5   CLC   - Compare Logical (character)                [SS-a]
 * The whole of both operands is checked first: the PoP leaves it unpredictable whether
 * an inaccessible part beyond the first unequal byte is reported. */
int op_clc(struct cpu *c, uint64_t iw)
{
    unsigned len = iw_i8(iw) + 1;
    struct span a, b;
    int pgm = span_get(c, ea_rs(c, iw), len, ACC_FETCH, &a);
    if (!pgm)
        pgm = span_get(c, ea_ss2(c, iw), len, ACC_FETCH, &b);
    if (pgm)
        return pgm;
    int r = 0;
    for (unsigned i = 0; i < len && !r;) {
        unsigned n = span_run(&a, &b, i);
        r = memcmp(span_at(&a, i), span_at(&b, i), n);
        i += n;
    }
    c->cc = r == 0 ? 0 : r < 0 ? 1 : 2;
    return 0;
}

/* E8   MVCIN - Move Inverse                               [SS-a]
 * The second-operand address designates its rightmost byte. */
int op_mvcin(struct cpu *c, uint64_t iw)
{
    unsigned len = iw_i8(iw) + 1;
    struct span d, s;
    int pgm = span_get(c, ea_rs(c, iw), len, ACC_STORE, &d);
    if (!pgm)
        pgm = span_get(c, ea_ss2(c, iw) - (len - 1), len, ACC_FETCH, &s);
    if (pgm)
        return pgm;
    for (unsigned i = 0; i < len; i++)
        *span_at(&d, i) = *span_at(&s, len - 1 - i);
    return 0;
}

/* 92   MVI   - Move (immediate)                           [SI]
 * EB52 MVIY  - Move (immediate)                           [SIY] */
int op_mvi(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0x92 ? ea_rs(c, iw) : ea_rsy(c, iw);
    return mem_write8_va(c, ea, (uint8_t)iw_i8(iw));
}

/* 95   CLI   - Compare Logical (immediate)                [SI]
 * EB55 CLIY  - Compare Logical (immediate)                [SIY] */
int op_cli(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0x95 ? ea_rs(c, iw) : ea_rsy(c, iw);
    uint8_t b;
    int pgm = mem_read8_va(c, ea, &b);
    if (pgm)
        return pgm;
    cc_cmp_u(c, b, iw_i8(iw));
    return 0;
}

/* Compare the bytes of 'reg' selected by mask m (left to right) with storage at ea. */
static int clm_core(struct cpu *c, uint32_t reg, unsigned m, uint64_t ea)
{
    uint8_t buf[4];
    unsigned n = (unsigned)__builtin_popcount(m), j = 0;
    int pgm = n ? mem_read_slow(c, ea, buf, n) : 0;   /* mask 0: storage not accessed */
    if (pgm)
        return pgm;
    c->cc = 0;
    for (unsigned k = 0; k < 4; k++) {
        if (!(m & (8 >> k)))
            continue;
        uint8_t rb = (uint8_t)(reg >> (24 - 8 * k));
        if (rb != buf[j++]) {
            c->cc = rb < buf[j - 1] ? 1 : 2;
            return 0;
        }
    }
    return 0;
}

/* BD   CLM   - Compare Logical Characters under Mask      [RS-b]
 * EB21 CLMY  - Compare Logical Characters under Mask      [RSY-b] */
int op_clm(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0xbd ? ea_rs(c, iw) : ea_rsy(c, iw);
    return clm_core(c, (uint32_t)c->gr[iw_r1(iw)], iw_r2(iw), ea);
}

/* EB20 CLMH  - Compare Logical Characters under Mask (high) [RSY-b] */
int op_clmh(struct cpu *c, uint64_t iw)
{
    return clm_core(c, (uint32_t)(c->gr[iw_r1(iw)] >> 32), iw_r2(iw), ea_rsy(c, iw));
}

/* TR when the whole table is not accessible: first touch every function byte the
 * current arguments need, so an exception leaves op1 unchanged; then translate byte by
 * byte. Only an argument changed by an overlapping earlier store can still fault late. */
static int tr_bytewise(struct cpu *c, const struct span *d, uint64_t tbl)
{
    uint8_t f;
    for (unsigned i = 0; i < d->len; i++) {
        int pgm = mem_read8_va(c, (tbl + *span_at(d, i)) & c->amask, &f);
        if (pgm)
            return pgm;
    }
    for (unsigned i = 0; i < d->len; i++) {
        uint8_t *p = span_at(d, i);
        int pgm = mem_read8_va(c, (tbl + *p) & c->amask, &f);
        if (pgm)
            return pgm;
        *p = f;
    }
    return 0;
}

/* DC   TR    - Translate                                  [SS-a] */
int op_tr(struct cpu *c, uint64_t iw)
{
    unsigned len = iw_i8(iw) + 1;
    uint64_t tbl = ea_ss2(c, iw);
    struct span d, t;
    int pgm = span_get(c, ea_rs(c, iw), len, ACC_STORE, &d);
    if (pgm)
        return pgm;
    if (span_get(c, tbl, 256, ACC_FETCH, &t))
        return tr_bytewise(c, &d, tbl);
    /* Each byte is stored before the next argument is fetched (overlap rule). */
    for (unsigned i = 0; i < len; i++) {
        uint8_t *p = span_at(&d, i);
        *p = *span_at(&t, *p);
    }
    return 0;
}

/* TRT/TRTR: scan 'len' argument bytes from a1 in direction 'step' (+1/-1) until a
 * nonzero function byte; GR1 gets the argument address, GR2 bits 56-63 the function byte. */
static int trt_scan(struct cpu *c, uint64_t a1, unsigned len, uint64_t tbl, int step)
{
    for (unsigned i = 0; i < len; i++) {
        uint64_t va = (a1 + (uint64_t)(int64_t)(step * (int)i)) & c->amask;
        uint8_t arg, f;
        int pgm = mem_read8_va(c, va, &arg);
        if (!pgm)
            pgm = mem_read8_va(c, (tbl + arg) & c->amask, &f);
        if (pgm)
            return pgm;
        if (f) {
            set_reg_mark(c, 1, va);
            c->gr[2] = (c->gr[2] & ~0xffULL) | f;
            c->cc = i == len - 1 ? 2 : 1;
            return 0;
        }
    }
    c->cc = 0;
    return 0;
}

/* DD   TRT   - Translate and Test                         [SS-a] */
int op_trt(struct cpu *c, uint64_t iw)
{
    return trt_scan(c, ea_rs(c, iw), iw_i8(iw) + 1, ea_ss2(c, iw), 1);
}

/* D0   TRTR  - Translate and Test Reverse                 [SS-a]
 * The first-operand address designates its rightmost byte. */
int op_trtr(struct cpu *c, uint64_t iw)
{
    return trt_scan(c, ea_rs(c, iw), iw_i8(iw) + 1, ea_ss2(c, iw), -1);
}
