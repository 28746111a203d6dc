/* Differential test: COMPARE AND BRANCH (CRJ CGRJ CLRJ CLGRJ, CIJ CGIJ CLIJ CLGIJ, CRB
 * CGRB CLRB CLGRB, CIB CGIB CLIB CLGIB) for all 16 masks over edge operand pairs (one
 * line per form and mask: a taken flag per pair), and COMPARE AND TRAP (CRT CGRT CLRT
 * CLGRT, CIT CGIT CLFIT CLGIT, CLT CLGT) with every mask that must not trap for the
 * pair (a trap would end the program). The trapping paths are the branch_trap_* tests. */
#include "rt.h"

#define X4(M, b)  M(b) M((b) + 1) M((b) + 2) M((b) + 3)
#define X16(M)    X4(M, 0) X4(M, 4) X4(M, 8) X4(M, 12)

static const u64 vals[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
    0x17fffffff, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffff80,
    0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffff00000000, 0x12345678ffffff80,
};
#define NV (sizeof(vals) / sizeof(vals[0]))

/* Register-register forms: one line per mask, a flag per (a, b) pair. */
#define RR_FORM(name, ASM, M) do { \
    put_str(name " "); put_dec(M); put_char(' '); \
    for (unsigned i = 0; i < NV; i++) \
        for (unsigned j = 0; j < NV; j++) { \
            u64 t_; \
            asm volatile("lghi %[t],1\n\tlarl %%r1,1f\n\t" ASM "\n\tlghi %[t],0\n1:" \
                         : [t] "=&d"(t_) : [a] "d"(vals[i]), [b] "d"(vals[j]), [m] "i"(M) \
                         : "r1", "cc"); \
            put_char('0' + t_); \
        } \
    put_char('\n'); } while (0)

#define RR_ALL(M) \
    RR_FORM("crj", "crj %[a],%[b],%[m],1f", M); \
    RR_FORM("cgrj", "cgrj %[a],%[b],%[m],1f", M); \
    RR_FORM("clrj", "clrj %[a],%[b],%[m],1f", M); \
    RR_FORM("clgrj", "clgrj %[a],%[b],%[m],1f", M); \
    RR_FORM("crb", "crb %[a],%[b],%[m],0(%%r1)", M); \
    RR_FORM("cgrb", "cgrb %[a],%[b],%[m],0(%%r1)", M); \
    RR_FORM("clrb", "clrb %[a],%[b],%[m],0(%%r1)", M); \
    RR_FORM("clgrb", "clgrb %[a],%[b],%[m],0(%%r1)", M);

/* Register-immediate forms: immediates 0, 1, 0x7f, 0x80 (-128 signed, 128 logical)
 * and 0xff (-1 signed, 255 logical), a flag per (a, immediate) pair. */
#define RI_ONE(ASM, M, I) do { \
    for (unsigned i = 0; i < NV; i++) { \
        u64 t_; \
        asm volatile("lghi %[t],1\n\tlarl %%r1,1f\n\t" ASM "\n\tlghi %[t],0\n1:" \
                     : [t] "=&d"(t_) : [a] "d"(vals[i]), [i2] "i"(I), [m] "i"(M) : "r1", "cc"); \
        put_char('0' + t_); \
    } } while (0)

#define RI_FORM(name, ASM, M, LO, HI) do { \
    put_str(name " "); put_dec(M); put_char(' '); \
    RI_ONE(ASM, M, 0); RI_ONE(ASM, M, 1); RI_ONE(ASM, M, 0x7f); \
    RI_ONE(ASM, M, LO); RI_ONE(ASM, M, HI); \
    put_char('\n'); } while (0)

#define RI_ALL(M) \
    RI_FORM("cij", "cij %[a],%[i2],%[m],1f", M, -128, -1); \
    RI_FORM("cgij", "cgij %[a],%[i2],%[m],1f", M, -128, -1); \
    RI_FORM("clij", "clij %[a],%[i2],%[m],1f", M, 128, 255); \
    RI_FORM("clgij", "clgij %[a],%[i2],%[m],1f", M, 128, 255); \
    RI_FORM("cib", "cib %[a],%[i2],%[m],0(%%r1)", M, -128, -1); \
    RI_FORM("cgib", "cgib %[a],%[i2],%[m],0(%%r1)", M, -128, -1); \
    RI_FORM("clib", "clib %[a],%[i2],%[m],0(%%r1)", M, 128, 255); \
    RI_FORM("clgib", "clgib %[a],%[i2],%[m],0(%%r1)", M, 128, 255);

/* Relations the test expects (0 equal, 1 low, 2 high), to pick non-trapping masks. */
static unsigned rel_s32(u64 a, u64 b) { s32 x = (s32)a, y = (s32)b; return x == y ? 0 : x < y ? 1 : 2; }
static unsigned rel_s64(u64 a, u64 b) { s64 x = (s64)a, y = (s64)b; return x == y ? 0 : x < y ? 1 : 2; }
static unsigned rel_u32(u64 a, u64 b) { u32 x = (u32)a, y = (u32)b; return x == y ? 0 : x < y ? 1 : 2; }
static unsigned rel_u64(u64 a, u64 b) { return a == b ? 0 : a < b ? 1 : 2; }

static unsigned traps_run;

/* Run ASM with mask M when M does not select 'rel'; CC and operands must survive. */
#define TRAP_SAFE(ASM, M, REL, ...) do { \
    if (!((M) & (8 >> (REL)))) { \
        u64 c1_; \
        asm volatile("spm %[s]\n\t" ASM "\n\tipm %[c1]" : [c1] "=&d"(c1_) \
                     : [s] "d"((u64)((M) & 3) << 28), [m] "i"(M), __VA_ARGS__ : "cc"); \
        traps_run++; \
        if (((c1_ >> 28) & 3) != ((M) & 3)) \
            put_str("trap changed the CC\n"); \
    } } while (0)

static u64 mem64;
static u32 mem32;

#define TRAPS_RR(M) \
    TRAP_SAFE("crt %[a],%[b],%[m]", M, rel_s32(a, b), [a] "d"(a), [b] "d"(b)); \
    TRAP_SAFE("cgrt %[a],%[b],%[m]", M, rel_s64(a, b), [a] "d"(a), [b] "d"(b)); \
    TRAP_SAFE("clrt %[a],%[b],%[m]", M, rel_u32(a, b), [a] "d"(a), [b] "d"(b)); \
    TRAP_SAFE("clgrt %[a],%[b],%[m]", M, rel_u64(a, b), [a] "d"(a), [b] "d"(b)); \
    TRAP_SAFE("clt %[a],%[m],%[q]", M, rel_u32(a, b), [a] "d"(a), [q] "S"(mem32)); \
    TRAP_SAFE("clgt %[a],%[m],%[q]", M, rel_u64(a, b), [a] "d"(a), [q] "S"(mem64));

static void traps_rr(u64 a, u64 b)
{
    mem64 = b;
    mem32 = (u32)b;
    X16(TRAPS_RR)
}

/* Immediate traps: 16-bit immediates, sign- or zero-extended by the form. */
#define TRAPS_RI_ONE(M, I) \
    TRAP_SAFE("cit %[a],%[i2],%[m]", M, rel_s32(a, (u64)(s64)(I)), [a] "d"(a), [i2] "i"((short)(I))); \
    TRAP_SAFE("cgit %[a],%[i2],%[m]", M, rel_s64(a, (u64)(s64)(I)), [a] "d"(a), [i2] "i"((short)(I))); \
    TRAP_SAFE("clfit %[a],%[i2],%[m]", M, rel_u32(a, (u16)(I)), [a] "d"(a), [i2] "i"((I) & 0xffff)); \
    TRAP_SAFE("clgit %[a],%[i2],%[m]", M, rel_u64(a, (u16)(I)), [a] "d"(a), [i2] "i"((I) & 0xffff));

#define TRAPS_RI(M) \
    TRAPS_RI_ONE(M, 0) TRAPS_RI_ONE(M, 1) TRAPS_RI_ONE(M, 0x7fff) \
    TRAPS_RI_ONE(M, -32768) TRAPS_RI_ONE(M, -1)

static void traps_ri(u64 a)
{
    X16(TRAPS_RI)
}

int main(void)
{
    X16(RR_ALL)
    X16(RI_ALL)
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++)
            traps_rr(vals[i], vals[j]);
        traps_ri(vals[i]);
    }
    for (unsigned k = 0; k < 100; k++)
        traps_rr(rnd64(), rnd64());
    put_str("compare-and-trap: ");
    put_dec(traps_run);
    put_str(" did not trap\n");
    rt_exit(0);
}
