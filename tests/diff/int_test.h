/* Shared pieces of the binary-integer differential tests (tests/diff/int_*.c):
 * operand lists, output lines and inline-asm templates for each operand form.
 * Every template prints the instruction, its inputs, its outputs and the CC. */
#ifndef DIFF_INT_TEST_H
#define DIFF_INT_TEST_H

#include "rt.h"

/* Operand values: the 64-bit edges, then the 32-bit edges under a nonzero high word
 * (to see that 32-bit operations keep it). */
#define N_VALS (n_edges64 + n_edges32)
static inline u64 val(unsigned i)
{
    return i < n_edges64 ? edges64[i] : 0xdeadbeef00000000UL | edges32[i - n_edges64];
}

/* A random value biased toward interesting ones: sometimes a small number or an
 * edge with random low bits, so carries and overflows are frequent. */
static inline u64 rval(void)
{
    u64 r = rnd64();
    switch (r & 7) {
    case 0:  return (u64)(s64)(s32)(r >> 40);
    case 1:  return val((unsigned)(r >> 8) % N_VALS) + ((r >> 60) - 8);
    case 2:  return r >> 33;
    default: return rnd64();
    }
}

/* "<name> v0 v1 ... -> cc=N" */
static inline void outn(const char *name, const u64 *v, unsigned n, u32 cc)
{
    put_str(name);
    for (unsigned i = 0; i < n; i++) {
        put_char(i == 2 && n > 4 ? '|' : ' ');
        put_hex(v[i]);
    }
    put_str(" cc=");
    put_char('0' + (cc & 3));
    put_char('\n');
}

/* Storage operands, aligned to their size (and a doubleword behind the halfword). */
extern u64 m64;
extern u32 m32;
extern u16 m16;
#define INT_TEST_STORAGE u64 m64 __attribute__((aligned(8))); u32 m32 __attribute__((aligned(8))); \
    u16 m16 __attribute__((aligned(8))); u8 ubuf[32] __attribute__((aligned(8)));

/* CC input: SPM takes the CC from bits 34-35 (and a zero program mask). */
#define CCIN(cc) ((u64)(cc) << 28)

/* R1 op= R2 with the CC preset to ccin [RR, RRE] */
#define T_RR(mn, A_, B_, ccin) do { \
    u64 r_ = (A_), b_ = (B_); u32 cc_; \
    asm volatile("spm %[ci]\n\t" mn " %[r],%[y]\n\t" GET_CC \
                 : [r] "+d"(r_), [cc] "=d"(cc_) : [y] "d"(b_), [ci] "d"(CCIN(ccin)) : "cc"); \
    line3(mn, (A_), b_, r_, cc_); } while (0)

/* R1 = R2 op R3, R1 preset to a marker [RRF-a distinct operands, high word] */
#define T_RRR(mn, A_, B_, C_) do { \
    u64 r_ = (C_), a_ = (A_), b_ = (B_); u32 cc_; \
    asm volatile(mn " %[r],%[x],%[y]\n\t" GET_CC \
                 : [r] "+&d"(r_), [cc] "=d"(cc_) : [x] "d"(a_), [y] "d"(b_) : "cc"); \
    u64 v_[4] = { a_, b_, (C_), r_ }; outn(mn, v_, 4, cc_); } while (0)

/* R1 op= immediate (a literal), CC preset to ccin [RI, RIL] */
#define T_RI(mn, A_, imm, ccin) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile("spm %[ci]\n\t" mn " %[r]," #imm "\n\t" GET_CC \
                 : [r] "+d"(r_), [cc] "=d"(cc_) : [ci] "d"(CCIN(ccin)) : "cc"); \
    line3(mn " " #imm, (A_), (u64)(s64)(imm), r_, cc_); } while (0)

/* R1 = R3 op immediate [RIE-d] */
#define T_RIE(mn, A_, imm, C_) do { \
    u64 r_ = (C_), a_ = (A_); u32 cc_; \
    asm volatile(mn " %[r],%[x]," #imm "\n\t" GET_CC \
                 : [r] "+&d"(r_), [cc] "=d"(cc_) : [x] "d"(a_) : "cc"); \
    u64 v_[3] = { a_, (C_), r_ }; outn(mn " " #imm, v_, 3, cc_); } while (0)

/* R1 op= storage at D(X,B) with an explicit index and base, so the address
 * arithmetic (12-bit or signed 20-bit displacement) is exercised too. */
#define T_RX(mn, A_, var, M_, D, ccin) do { \
    u64 r_ = (A_), x_ = 0x38, b_ = (u64)&var - (D) - 0x38; u32 cc_; \
    var = (M_); \
    asm volatile("spm %[ci]\n\t" mn " %[r]," #D "(%[x],%[b])\n\t" GET_CC \
                 : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [x] "a"(x_), [b] "a"(b_), "m"(var), [ci] "d"(CCIN(ccin)) : "cc"); \
    line3(mn, (A_), (u64)var, r_, cc_); } while (0)

/* Storage *p (any alignment) at D(B) op= immediate [SIY] */
#define T_SIY(mn, p, M_, imm, D) do { \
    u64 b_ = (u64)(p) - (D); u32 cc_; \
    *(p) = (M_); \
    asm volatile(mn " " #D "(%[b])," #imm "\n\t" GET_CC \
                 : [cc] "=d"(cc_), "+m"(*(p)) : [b] "a"(b_) : "cc"); \
    line3(mn " " #imm, (u64)(M_), (u64)(s64)(imm), (u64)*(p), cc_); } while (0)

/* A buffer for operands that are deliberately not aligned. */
extern u8 ubuf[32];
#define U32P ((u32 *)(ubuf + 6))
#define U64P ((u64 *)(ubuf + 12))

/* Compare storage at D(B) with an immediate [SIL] */
#define T_SIL(mn, var, M_, imm) do { \
    u64 b_ = (u64)&var - 0x7f0; u32 cc_; \
    var = (M_); \
    asm volatile(mn " 0x7f0(%[b])," #imm "\n\t" GET_CC : [cc] "=d"(cc_) : [b] "a"(b_), "m"(var) : "cc"); \
    line2(mn " " #imm, (u64)var, 0, cc_); } while (0)

/* Even/odd pair R2:R3 op= register or storage; the CC is preset to 'ccin' so that
 * instructions which leave it alone show that they do. The operands are evaluated
 * before the register variables are bound: a call in between would clobber them. */
#define T_PAIR_RR(mn, HI_, LO_, B_, ccin) do { \
    u64 hv_ = (HI_), lv_ = (LO_), b_ = (B_); u32 cc_; \
    register u64 h_ asm("r2") = hv_; register u64 l_ asm("r3") = lv_; \
    asm volatile("spm %[ci]\n\t" mn " %[h],%[y]\n\t" GET_CC \
                 : [h] "+d"(h_), "+d"(l_), [cc] "=d"(cc_) : [y] "d"(b_), [ci] "d"(CCIN(ccin)) : "cc"); \
    u64 v_[5] = { hv_, lv_, b_, h_, l_ }; outn(mn, v_, 5, cc_); } while (0)

/* The same with the second operand being R1+1 itself ("mn %r2,%r3"). */
#define T_PAIR_SELF(mn, HI_, LO_, ccin) do { \
    u64 hv_ = (HI_), lv_ = (LO_); u32 cc_; \
    register u64 h_ asm("r2") = hv_; register u64 l_ asm("r3") = lv_; \
    asm volatile("spm %[ci]\n\t" mn " %%r2,%%r3\n\t" GET_CC \
                 : "+d"(h_), "+d"(l_), [cc] "=d"(cc_) : [ci] "d"(CCIN(ccin)) : "cc"); \
    u64 v_[5] = { hv_, lv_, 0, h_, l_ }; outn(mn " self", v_, 5, cc_); } while (0)

#define T_PAIR_RX(mn, HI_, LO_, var, M_, D, ccin) do { \
    u64 hv_ = (HI_), lv_ = (LO_), x_ = 0x38, b_ = (u64)&var - (D) - 0x38; u32 cc_; \
    var = (M_); \
    register u64 h_ asm("r2") = hv_; register u64 l_ asm("r3") = lv_; \
    asm volatile("spm %[ci]\n\t" mn " %[h]," #D "(%[x],%[b])\n\t" GET_CC \
                 : [h] "+d"(h_), "+d"(l_), [cc] "=d"(cc_) \
                 : [x] "a"(x_), [b] "a"(b_), "m"(var), [ci] "d"(CCIN(ccin)) : "cc"); \
    u64 v_[5] = { hv_, lv_, (u64)var, h_, l_ }; outn(mn, v_, 5, cc_); } while (0)

/* R1 against the storage operand 'var' addressed relative to the instruction [RIL-b] */
#define T_RL(mn, A_, var, M_) do { \
    u64 r_ = (A_); u32 cc_; \
    var = (M_); \
    asm volatile(mn " %[r]," #var "\n\t" GET_CC : [cc] "=d"(cc_) : [r] "d"(r_), "m"(var) : "cc"); \
    line3(mn, r_, (u64)var, 0, cc_); } while (0)

/* For the int_trap_* programs: write a line at once (the rt buffer would be lost
 * when the program interruption ends the program). */
static inline void say_now(const char *s)
{
    u64 n = 0;
    while (s[n])
        n++;
    register u64 r1 asm("r1") = 4;
    register u64 r2 asm("r2") = 1;
    register u64 r3 asm("r3") = (u64)s;
    register u64 r4 asm("r4") = n;
    asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
}

#endif
