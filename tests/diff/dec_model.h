/* A reference model for the decimal instructions qemu-s390x (7.2) does not implement:
 * ZAP AP SP CP MP DP SRP ED EDMK CVB CVBY CVBG CVDG. At start dec_probe() runs ZAP
 * under a SIGILL handler: where the instruction traps (qemu), every test computes its
 * results with this model instead, so the qemu run prints the model's output and the
 * comparison checks zhyp against the model. The model works digit by digit (schoolbook
 * add, subtract, multiply, long division), unlike zhyp's binary 128-bit arithmetic.
 * Where the model predicts a program interruption, exception tests raise the signal
 * Linux delivers for it (SIGILL for a decimal data exception, SIGFPE otherwise). */
#ifndef DIFF_DEC_MODEL_H
#define DIFF_DEC_MODEL_H

#include "dec_test.h"

/* ---- probing for the instructions ------------------------------------------------ */
static int have_dec = 1;
static volatile u64 probe_resume;

static inline long dm_sys(long nr, long a, long b, long c, long d)
{
    register long r1 asm("r1") = nr;
    register long r2 asm("r2") = a;
    register long r3 asm("r3") = b;
    register long r4 asm("r4") = c;
    register long r5 asm("r5") = d;
    asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4), "d"(r5) : "memory", "cc");
    return r2;
}

asm(".pushsection .text\n.globl dm_restorer\ndm_restorer:\n\tsvc 173\n.popsection");
void dm_restorer(void);

/* The handler sends the PSW on to the label after the probed instruction (the PSW
 * address sits at offset 48 of the s390x ucontext). Only an operation exception
 * (si_code ILL_ILLOPC) means "not implemented": anything else ends the test, so an
 * emulator that delivers signals cannot hide a faulting ZAP behind the model. */
static inline void dm_on_sigill(int sig, void *info, void *uc)
{
    (void)sig;
    if (((int *)info)[2] != 1)
        rt_exit(99);
    have_dec = 0;
    ((u64 *)uc)[6] = probe_resume;
}

struct dm_sigaction { void *handler; u64 flags; void *restorer; u64 mask; };

static inline void dm_handle_sigill(void *handler)
{
    struct dm_sigaction sa = { handler, handler ? 0x04000004UL : 0, (void *)dm_restorer, 0 };
    dm_sys(174, 4, (long)&sa, 0, 8);            /* rt_sigaction(SIGILL, SA_SIGINFO|SA_RESTORER) */
}

static inline void dec_probe(void)
{
    static u8 f[2] = { 0x01, 0x2c };
    dm_handle_sigill((void *)dm_on_sigill);
    asm volatile("larl %%r1,1f\n\tstg %%r1,%[res]\n\tzap 0(2,%[p]),0(2,%[p])\n1:"
                 : [res] "=m"(probe_resume) : [p] "a"(f) : "r1", "cc", "memory");
    dm_handle_sigill(0);                         /* SIG_DFL again */
}

/* End the program the way the interruption the model predicts would. */
enum { DM_OK = 0, DM_PROT = 4, DM_SPEC = 6, DM_DATA = 7, DM_FIXDIV = 9, DM_DECOVF = 10, DM_DECDIV = 11 };
static inline void dm_raise(int pgm)
{
    if (!pgm)
        return;
    int sig = pgm == DM_PROT ? 11 : pgm == DM_SPEC || pgm == DM_DATA ? 4 : 8;
    dm_sys(37, dm_sys(20, 0, 0, 0, 0), sig, 0, 0);   /* kill(getpid(), sig) */
}

/* ---- packed numbers as digit arrays ----------------------------------------------- */
#define DM_DIG 64
struct dnum {
    u8 d[DM_DIG];                /* d[0] is the units digit */
    int neg;
};

static inline void dm_zero(struct dnum *x)
{
    for (int i = 0; i < DM_DIG; i++)
        x->d[i] = 0;
    x->neg = 0;
}

/* 0 valid, 1 invalid digit or sign. */
static inline int dm_load(const u8 *p, u64 len, struct dnum *x)
{
    dm_zero(x);
    int k = 0, bad = 0;
    for (s64 i = (s64)len - 1; i >= 0; i--) {
        unsigned hi = p[i] >> 4, lo = p[i] & 15;
        if (i == (s64)len - 1) {
            bad |= lo < 10;
            x->neg = lo == 0xb || lo == 0xd;
        } else {
            bad |= lo > 9;
            x->d[k++] = (u8)lo;
        }
        bad |= hi > 9;
        x->d[k++] = (u8)hi;
    }
    return bad;
}

static inline void dm_store(u8 *p, u64 len, const struct dnum *x, int neg)
{
    int k = 0;
    for (s64 i = (s64)len - 1; i >= 0; i--) {
        if (i == (s64)len - 1) {
            p[i] = (u8)(x->d[k++] << 4 | (neg ? 0xd : 0xc));
        } else {
            p[i] = (u8)(x->d[k + 1] << 4 | x->d[k]);
            k += 2;
        }
    }
}

static inline int dm_ndig(const struct dnum *x)
{
    for (int i = DM_DIG - 1; i >= 0; i--)
        if (x->d[i])
            return i + 1;
    return 0;
}

static inline int dm_cmpmag(const struct dnum *a, const struct dnum *b)
{
    for (int i = DM_DIG - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

static inline void dm_addmag(struct dnum *r, const struct dnum *a, const struct dnum *b)
{
    int carry = 0;
    for (int i = 0; i < DM_DIG; i++) {
        int s = a->d[i] + b->d[i] + carry;
        carry = s > 9;
        r->d[i] = (u8)(s % 10);
    }
}

static inline void dm_submag(struct dnum *r, const struct dnum *a, const struct dnum *b)   /* a >= b */
{
    int borrow = 0;
    for (int i = 0; i < DM_DIG; i++) {
        int s = a->d[i] - b->d[i] - borrow;
        borrow = s < 0;
        r->d[i] = (u8)(s < 0 ? s + 10 : s);
    }
}

/* r = a + b (signed); the sign of a zero result is left to the caller. */
static inline void dm_addsigned(struct dnum *r, const struct dnum *a, const struct dnum *b)
{
    struct dnum t;
    dm_zero(&t);
    if (a->neg == b->neg) {
        dm_addmag(&t, a, b);
        t.neg = a->neg;
    } else if (dm_cmpmag(a, b) >= 0) {
        dm_submag(&t, a, b);
        t.neg = a->neg;
    } else {
        dm_submag(&t, b, a);
        t.neg = b->neg;
    }
    *r = t;
}

static inline void dm_mulmag(struct dnum *r, const struct dnum *a, const struct dnum *b)
{
    int acc[2 * DM_DIG] = { 0 };
    for (int i = 0; i < DM_DIG; i++)
        for (int j = 0; j < DM_DIG && i + j < 2 * DM_DIG; j++)
            acc[i + j] += a->d[i] * b->d[j];
    int carry = 0;
    for (int i = 0; i < DM_DIG; i++) {
        int s = acc[i] + carry;
        r->d[i] = (u8)(s % 10);
        carry = s / 10;
    }
}

/* Long division of magnitudes: q = a / b, rem = a % b (b nonzero). */
static inline void dm_divmag(struct dnum *q, struct dnum *rem, const struct dnum *a, const struct dnum *b)
{
    struct dnum r;
    dm_zero(&r);
    dm_zero(q);
    for (int i = DM_DIG - 1; i >= 0; i--) {
        for (int k = DM_DIG - 1; k > 0; k--)     /* r = r * 10 + a->d[i] */
            r.d[k] = r.d[k - 1];
        r.d[0] = a->d[i];
        int n = 0;
        while (dm_cmpmag(&r, b) >= 0) {
            dm_submag(&r, &r, b);
            n++;
        }
        q->d[i] = (u8)n;
    }
    *rem = r;
}

/* Digits that fit in a field of len bytes. */
static inline int dm_cap(u64 len) { return (int)(2 * len - 1); }

static inline void dm_truncate(struct dnum *x, int ndig)
{
    for (int i = ndig; i < DM_DIG; i++)
        x->d[i] = 0;
}

/* ---- instruction models: operate on buffers, return the PGM code, set *cc ---------- */
struct dm_res { int pgm; u32 cc; };

/* Result store for ZAP/AP/SP/SRP: CC 3 when digits are lost (sign kept), zero positive. */
static inline struct dm_res dm_result(u8 *op1, u64 l1, struct dnum *r, int pm_decovf)
{
    struct dm_res res = { 0, 0 };
    int ovf = dm_ndig(r) > dm_cap(l1), zero = dm_ndig(r) == 0;
    dm_truncate(r, dm_cap(l1));
    dm_store(op1, l1, r, zero ? 0 : r->neg);
    res.cc = ovf ? 3 : zero ? 0 : r->neg ? 1 : 2;
    if (ovf && pm_decovf)
        res.pgm = DM_DECOVF;
    return res;
}

/* op: 'z' ZAP, 'a' AP, 's' SP, 'c' CP */
static inline struct dm_res dm_addsub(char op, u8 *op1, u64 l1, const u8 *op2, u64 l2, int pm)
{
    struct dnum a, b, r;
    struct dm_res res = { DM_DATA, 0 };
    int bad1 = dm_load(op1, l1, &a), bad2 = dm_load(op2, l2, &b);
    if (bad2 || (op != 'z' && bad1))
        return res;
    if (op == 'z')
        return dm_result(op1, l1, &b, pm);
    if (op == 's')
        b.neg = !b.neg;
    if (op == 'c') {
        res.pgm = 0;
        int za = dm_ndig(&a) == 0, zb = dm_ndig(&b) == 0;
        int sa = za ? 0 : a.neg ? -1 : 1, sb = zb ? 0 : b.neg ? -1 : 1;
        int c = sa != sb ? (sa < sb ? -1 : 1) : sa * dm_cmpmag(&a, &b);
        res.cc = c == 0 ? 0 : c < 0 ? 1 : 2;
        return res;
    }
    dm_addsigned(&r, &a, &b);
    return dm_result(op1, l1, &r, pm);
}

static inline struct dm_res dm_mp(u8 *op1, u64 l1, const u8 *op2, u64 l2)
{
    struct dnum a, b, r;
    struct dm_res res = { DM_SPEC, 3 };
    if (l2 > 8 || l2 >= l1)
        return res;
    res.pgm = DM_DATA;
    if (dm_load(op1, l1, &a) | dm_load(op2, l2, &b))
        return res;
    for (u64 i = 0; i < l2; i++)                  /* leftmost l2 bytes of op1 must be zero */
        if (op1[i])
            return res;
    dm_zero(&r);
    dm_mulmag(&r, &a, &b);
    dm_store(op1, l1, &r, a.neg != b.neg);
    res.pgm = 0;
    return res;
}

static inline struct dm_res dm_dp(u8 *op1, u64 l1, const u8 *op2, u64 l2)
{
    struct dnum a, b, q, r;
    struct dm_res res = { DM_SPEC, 3 };
    if (l2 > 8 || l2 >= l1)
        return res;
    res.pgm = DM_DATA;
    if (dm_load(op1, l1, &a) | dm_load(op2, l2, &b))
        return res;
    res.pgm = DM_DECDIV;
    if (dm_ndig(&b) == 0)
        return res;
    dm_divmag(&q, &r, &a, &b);
    if (dm_ndig(&q) > dm_cap(l1 - l2))
        return res;
    u8 out[16];
    dm_store(out, l1 - l2, &q, a.neg != b.neg);
    dm_store(out + l1 - l2, l2, &r, a.neg);
    for (u64 i = 0; i < l1; i++)
        op1[i] = out[i];
    res.pgm = 0;
    return res;
}

static inline struct dm_res dm_srp(u8 *op1, u64 l1, u64 addr2, unsigned round, int pm)
{
    struct dnum a, r;
    struct dm_res res = { DM_DATA, 0 };
    if (dm_load(op1, l1, &a) || round > 9)
        return res;
    int sh = (int)(addr2 & 63);
    dm_zero(&r);
    r.neg = a.neg;
    if (sh < 32) {
        for (int i = 0; i + sh < DM_DIG; i++)
            r.d[i + sh] = a.d[i];
        return dm_result(op1, l1, &r, pm);
    }
    int n = 64 - sh;
    int carry = (a.d[n - 1] + (int)round) >= 10;
    for (int i = 0; i + n < DM_DIG; i++)
        r.d[i] = a.d[i + n];
    for (int i = 0; carry && i < DM_DIG; i++) {
        int s = r.d[i] + 1;
        carry = s > 9;
        r.d[i] = (u8)(s % 10);
    }
    return dm_result(op1, l1, &r, pm);
}

/* ED/EDMK following the PoP's table of pattern characters and the S trigger. */
static inline struct dm_res dm_edit(u8 *pat, u64 len, const u8 *src, int *mark)
{
    struct dm_res res = { 0, 0 };
    u8 out[256], fill = pat[0];
    int s_trig = 0, nz = 0, nib = 0;             /* nib: 0 = next digit is a left nibble */
    u64 si = 0;
    *mark = -1;
    for (u64 i = 0; i < len; i++) {
        u8 pc = pat[i];
        if (pc == 0x20 || pc == 0x21) {
            unsigned dg = nib ? (src[si - 1] & 15) : (src[si++] >> 4);
            int sign_follows = 0;
            if (!nib && dg > 9) {
                res.pgm = DM_DATA;
                return res;
            }
            if (!nib && (src[si - 1] & 15) > 9)
                sign_follows = 1;
            nib = !nib && !sign_follows;
            if (s_trig)
                out[i] = (u8)(0xf0 + dg);
            else if (dg) {
                out[i] = (u8)(0xf0 + dg);
                *mark = (int)i;
            } else
                out[i] = fill;
            if (dg)
                nz = 1;
            if (dg || pc == 0x21)
                s_trig = 1;
            if (sign_follows) {
                unsigned sg = src[si - 1] & 15;
                if (sg != 0xb && sg != 0xd)
                    s_trig = 0;
            }
        } else if (pc == 0x22) {
            out[i] = fill;
            s_trig = 0;
            nz = 0;
        } else {
            out[i] = s_trig ? pc : fill;
        }
    }
    for (u64 i = 0; i < len; i++)
        pat[i] = out[i];
    res.cc = !nz ? 0 : s_trig ? 1 : 2;
    return res;
}

/* CVB/CVBY (8 bytes, 32-bit result), CVBG (16 bytes, 64-bit result). */
static inline struct dm_res dm_cvb(const u8 *p, u64 len, u64 *reg)
{
    struct dnum a;
    struct dm_res res = { DM_DATA, 0 };
    if (dm_load(p, len, &a))
        return res;
    u64 v = 0;
    int big = 0;
    for (int i = DM_DIG - 1; i >= 0; i--) {
        if (v > 0x1999999999999999UL)
            big = 1;
        v = v * 10 + a.d[i];
        if (v < a.d[i])
            big = 1;
    }
    u64 lim = a.neg ? 0x8000000000000000UL : 0x7fffffffffffffffUL;
    if (len == 16) {
        res.pgm = big || v > lim ? DM_FIXDIV : 0;
        if (!res.pgm)
            *reg = a.neg ? -v : v;
        return res;
    }
    u64 sv = a.neg ? -v : v;
    *reg = (*reg & 0xffffffff00000000UL) | (u32)sv;
    lim = a.neg ? 0x80000000UL : 0x7fffffffUL;
    res.pgm = v > lim ? DM_FIXDIV : 0;
    return res;
}

static inline void dm_cvdg(u64 reg, u8 *p)
{
    struct dnum a;
    dm_zero(&a);
    u64 v = (s64)reg < 0 ? -reg : reg;
    for (int i = 0; v; i++, v /= 10)
        a.d[i] = (u8)(v % 10);
    dm_store(p, 16, &a, (s64)reg < 0);
}

#endif
