/* Differential test: the condition code the fast loop defers (src/cpu/xop_fast.c,
 * xop_run: AHI, AGHI, AR, AGR, A, CHI, CR, and CGR which is not deferred), read right
 * after the instruction two ways: by BRC (which reads the deferred value) and by IPM (a
 * table handler: the value must have been written back first), and once more after an
 * instruction that leaves the CC alone (LR) between the two. Operands at the edges:
 * zero, +-1, the extremes, overflow (CC 3, through the handlers' slow path). */
#include "rt.h"

/* CC by BRC: the first three masks that branch decide it (8 -> 0, 4 -> 1, 2 -> 2). */
#define BRC_CC  "\n\tbrc 8,10f\n\tbrc 4,11f\n\tbrc 2,12f\n\tlghi %[t],3\n\tj 19f\n" \
                "10:\tlghi %[t],0\n\tj 19f\n11:\tlghi %[t],1\n\tj 19f\n12:\tlghi %[t],2\n19:"

static void show(const char *name, u64 r, u64 t, u64 c, u64 t2)
{
    put_str(name); put_char(' '); put_hex(r);
    put_str(" brc="); put_dec((s64)t);
    put_str(" ipm="); put_dec((s64)((c >> 28) & 3));
    put_str(" lr-brc="); put_dec((s64)t2);
    put_char('\n');
}

/* OP with operand B0 (constraint CON) on r = A0; the CC read three ways. */
#define CASE(name, OP, A0, CON, B0) do {                                               \
        u64 r_ = (A0), r2_ = (A0), r3_ = (A0), t_, c_, t2_, x_;                        \
        asm volatile(OP BRC_CC : [r] "+d"(r_), [t] "=&d"(t_) : [b] CON(B0) : "cc");     \
        asm volatile(OP "\n\tipm %[c]" : [r] "+d"(r2_), [c] "=&d"(c_) : [b] CON(B0) : "cc"); \
        asm volatile(OP "\n\tlr %[x],%[r]" BRC_CC                                     \
                     : [r] "+d"(r3_), [t] "=&d"(t2_), [x] "=&d"(x_) : [b] CON(B0) : "cc"); \
        show(name, r_, t_, c_, t2_);                                                  \
    } while (0)

static const u64 vals[] = {
    0, 1, 0xffffffffULL, 0x7fffffffULL, 0x80000000ULL, 5, 0xfffffff9ULL,
    0x7fffffffffffffffULL, 0x8000000000000000ULL, 0xffffffffffffffffULL, 0x100000000ULL,
};
#define NV (sizeof(vals) / sizeof(vals[0]))

int main(void)
{
    for (unsigned i = 0; i < NV; i++) {
        u64 a = vals[i];
        CASE("ahi+1", "ahi %[r],%[b]", a, "i", 1);
        CASE("ahi-1", "ahi %[r],%[b]", a, "i", -1);
        CASE("ahi-5", "ahi %[r],%[b]", a, "i", -5);
        CASE("aghi+1", "aghi %[r],%[b]", a, "i", 1);
        CASE("aghi-1", "aghi %[r],%[b]", a, "i", -1);
        CASE("chi0", "chi %[r],%[b]", a, "i", 0);
        CASE("chi5", "chi %[r],%[b]", a, "i", 5);
        CASE("chi-1", "chi %[r],%[b]", a, "i", -1);
        for (unsigned j = 0; j < NV; j++) {
            u64 b = vals[j];
            u32 m = (u32)b;
            CASE("ar", "ar %[r],%[b]", a, "d", b);
            CASE("agr", "agr %[r],%[b]", a, "d", b);
            CASE("cr", "cr %[r],%[b]", a, "d", b);
            CASE("cgr", "cgr %[r],%[b]", a, "d", b);
            CASE("a", "a %[r],%[b]", a, "R", m);
        }
    }
    return 0;
}
