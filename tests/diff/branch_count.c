/* Differential test: BRANCH ON COUNT (BCT, BCTR, BCTG, BCTGR, BRCT, BRCTG, BRCTH) with
 * counts reaching 0, wrapping from 0, and high halves that must survive; and BRANCH ON
 * INDEX (BXH, BXLE, BXHG, BXLEG, BRXH, BRXLE, BRXHG, BRXLG) with R3 even (separate
 * increment and limit) and odd (one register for both), R1 equal to R3 or to the limit
 * register, and sums that overflow. Lines: form, operands -> R1, taken flag. */
#include "rt.h"

static void show(const char *name, u64 a, u64 b, u64 c, u64 r, u64 taken)
{
    put_str(name);
    put_char(' ');
    put_hex(a);
    put_char(' ');
    put_hex(b);
    put_char(' ');
    put_hex(c);
    put_str(" -> ");
    put_hex(r);
    put_str(taken ? " taken\n" : " fall\n");
}

/* ASM branches to label 1 (r1 holds its address) or falls through. */
#define COUNT(name, V, ASM) do { \
    u64 r_ = (V), t_; \
    asm volatile("lghi %[t],1\n\tlarl %%r1,1f\n\t" ASM "\n\tlghi %[t],0\n1:" \
                 : [r] "+&a"(r_), [t] "=&d"(t_) : : "r1", "cc"); \
    show(name, (V), 0, 0, r_, t_); } while (0)

static void counts(u64 v)
{
    COUNT("bct", v, "bct %[r],0(%%r1)");
    COUNT("bctr", v, "bctr %[r],%%r1");
    COUNT("bctr-r0", v, "bctr %[r],0");
    COUNT("bctg", v, "bctg %[r],0(%%r1)");
    COUNT("bctgr", v, "bctgr %[r],%%r1");
    COUNT("bctgr-r0", v, "bctgr %[r],0");
    COUNT("brct", v, "brct %[r],1f");
    COUNT("brctg", v, "brctg %[r],1f");
    COUNT("brcth", v, "brcth %[r],1f");
}

/* The branch address is formed before R1 counts down, when R1 is also the base. */
static void count_self(void)
{
    u64 r, t;
    asm volatile("lghi %[t],1\n\tlarl %[r],1f\n\tbct %[r],0(%[r])\n\tlghi %[t],0\n1:"
                 : [r] "=&a"(r), [t] "=&d"(t) : : "cc");
    put_str("bct-self "); put_dec(t); put_char('\n');
    asm volatile("lghi %[t],1\n\tlarl %[r],1f\n\tbctgr %[r],%[r]\n\tlghi %[t],0\n1:"
                 : [r] "=&a"(r), [t] "=&d"(t) : : "cc");
    put_str("bctgr-self "); put_dec(t); put_char('\n');
}

/* Loops: the usual way compilers use these. */
static void loops(void)
{
    u64 n = 0, k = 10;
    asm volatile("0:\taghi %[n],2\n\tbrct %[k],0b" : [n] "+d"(n), [k] "+d"(k) : : "cc");
    put_str("brct-loop "); put_dec(n); put_char(' '); put_hex(k); put_char('\n');
    n = 0, k = 7;
    asm volatile("larl %%r1,0f\n0:\taghi %[n],3\n\tbctg %[k],0(%%r1)"
                 : [n] "+d"(n), [k] "+a"(k) : : "r1", "cc");
    put_str("bctg-loop "); put_dec(n); put_char(' '); put_hex(k); put_char('\n');
    n = 0, k = 0x0000000300000005UL;
    asm volatile("0:\taghi %[n],1\n\tbrcth %[k],0b" : [n] "+d"(n), [k] "+d"(k) : : "cc");
    put_str("brcth-loop "); put_dec(n); put_char(' '); put_hex(k); put_char('\n');
    n = 0;
    asm volatile("lghi %%r4,0\n\tlghi %%r2,4\n\tlghi %%r3,40\n"
                 "0:\taghi %[n],1\n\tbrxle %%r4,%%r2,0b\n"
                 "\tlghi %%r5,-1\n1:\taghi %[n],1\n\tbrxhg %%r3,%%r5,1b"
                 : [n] "+d"(n) : : "r2", "r3", "r4", "r5", "cc");
    put_str("brx-loop "); put_dec(n); put_char('\n');
}

/* One branch-on-index form with R1 = r4 and R3 = r2 (even: r2 increment, r3 limit),
 * R3 = r3 (odd: r3 both), R1 = r3 = the limit register, and R1 = R3 = r2. */
#define INDEX(name, IDX, INC, LIM, INSN, R1, R3, TGT) do { \
    u64 r_, t_; \
    asm volatile("lgr %%r4,%[i]\n\tlgr %%r2,%[c]\n\tlgr %%r3,%[l]\n\tlghi %[t],1\n" \
                 "\tlarl %%r1,1f\n\t" INSN " " R1 "," R3 "," TGT "\n\tlghi %[t],0\n" \
                 "1:\tlgr %[r]," R1 \
                 : [r] "=&d"(r_), [t] "=&d"(t_) \
                 : [i] "d"(IDX), [c] "d"(INC), [l] "d"(LIM) : "r1", "r2", "r3", "r4", "cc"); \
    show(name, (IDX), (INC), (LIM), r_, t_); } while (0)

#define INDEX_FORMS(name, INSN, TGT, i, c, l) do { \
    INDEX(name, i, c, l, INSN, "%%r4", "%%r2", TGT); \
    INDEX(name "-odd", i, c, l, INSN, "%%r4", "%%r3", TGT); \
    INDEX(name "-r1lim", i, c, l, INSN, "%%r3", "%%r2", TGT); \
    INDEX(name "-r1r3", i, c, l, INSN, "%%r2", "%%r2", TGT); } while (0)

static void index_all(u64 i, u64 c, u64 l)
{
    INDEX_FORMS("bxh", "bxh", "0(%%r1)", i, c, l);
    INDEX_FORMS("bxle", "bxle", "0(%%r1)", i, c, l);
    INDEX_FORMS("bxhg", "bxhg", "0(%%r1)", i, c, l);
    INDEX_FORMS("bxleg", "bxleg", "0(%%r1)", i, c, l);
    INDEX_FORMS("brxh", "brxh", "1f", i, c, l);
    INDEX_FORMS("brxle", "brxle", "1f", i, c, l);
    INDEX_FORMS("brxhg", "brxhg", "1f", i, c, l);
    INDEX_FORMS("brxlg", "brxlg", "1f", i, c, l);
}

static const u64 incs[] = {
    0, 1, -1UL, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
    0x7fffffffffffffff, 0x8000000000000000,
};

int main(void)
{
    for (unsigned i = 0; i < n_edges64; i++)
        counts(edges64[i]);
    counts(0x100000001);
    counts(0xffffffff00000000);
    count_self();
    loops();
    for (unsigned i = 0; i < n_edges64; i++)
        for (unsigned j = 0; j < sizeof(incs) / sizeof(incs[0]); j++) {
            u64 a = edges64[i], c = incs[j];
            index_all(a, c, edges64[(i * 7 + j * 3) % n_edges64]);
            index_all(a, c, a + c);                     /* the sum equals the limit */
        }
    for (unsigned k = 0; k < 40; k++) {
        u64 a = rnd64(), c = rnd64(), l = rnd64();
        if (k & 1)
            c = (u64)(s64)(s32)c;
        index_all(a, c, l);
    }
    rt_exit(0);
}
