/* Differential test: FPC instructions EFPC SFPC LFPC STFPC SRNM SRNMB SFASR LFAS on valid
 * values (reserved bits and invalid modes trap: see bfp_trap_*.c), and that the rounding
 * mode they set is the one arithmetic uses. SFASR/LFAS run where no flag is enabled. */
#include "bfp_test.h"

static const u32 fpcs[] = {
    0x00000000, 0x00000001, 0x00000002, 0x00000003, 0x00000007, 0xf8000000, 0x00f80000,
    0x0000ff00, 0x00000070, 0x04040000, 0xf8f8ff77, 0x00800003, 0x48080001, 0x00000047,
};
#define N_FPCS (sizeof(fpcs) / sizeof(fpcs[0]))

static void set_get(u32 v)
{
    u64 g = 0x1234567800000000UL, h = 0x9abcdef000000000UL;
    u32 st = 0;
    m32 = v;
    asm volatile("sfpc %[v]\n\tefpc %[g]\n\tstfpc %[st]\n\tsfpc %[z]\n\t"
                 "lfpc 4(%[p])\n\tefpc %[h]\n\tsfpc %[z]"
                 : [g] "+&d"(g), [h] "+&d"(h), [st] "=Q"(st)
                 : [v] "d"(v), [z] "d"(0), [p] "a"((u64)&m32 - 4), "m"(m32));
    put_str("sfpc/efpc/stfpc/lfpc"); p_hex(v); p_hex(g); p_hex(st); p_hex(h); put_char('\n');
}

/* SRNM/SRNMB take the mode from the second-operand address. */
#define SRNM(insn, ADDR) do { u32 f_; \
    asm volatile("sfpc %[s]\n\t" insn " 0(%[a])\n\tefpc %[f]\n\tsfpc %[z]" \
                 : [f] "=&d"(f_) : [s] "d"(start), [a] "a"(ADDR), [z] "d"(0)); \
    put_str(insn); p_hex(start); p_hex(ADDR); p_hex(f_); put_char('\n'); } while (0)

static void modes(u32 start)
{
    for (u64 a = 0; a < 8; a++) {
        SRNM("srnm", a);
        SRNM("srnm", a | 0xfffff0);
        if (a < 4 || a == 7) {
            SRNM("srnmb", a);
            SRNM("srnmb", a | 0x7fff00);
        }
    }
}

/* Set FPC and signal, with no enabled flag: the old flags survive into the new FPC. */
static void signal(u32 old, u32 v)
{
    u32 f, g;
    m32 = v;
    asm volatile("sfpc %[o]\n\tsfasr %[v]\n\tefpc %[f]\n\tsfpc %[o]\n\tlfas 4(%[p])\n\tefpc %[g]\n\tsfpc %[z]"
                 : [f] "=&d"(f), [g] "=&d"(g)
                 : [o] "d"(old), [v] "d"(v), [z] "d"(0), [p] "a"((u64)&m32 - 4), "m"(m32));
    put_str("sfasr/lfas"); p_hex(old); p_hex(v); p_hex(f); p_hex(g); put_char('\n');
}

/* 1 + 2^-60 and -(1 + 2^-60) in the mode SRNM/SRNMB set. */
static void use_mode(u64 a)
{
    u64 r, s;
    asm volatile("srnmb 0(%[a])\n\tldgr %%f0,%[one]\n\tldgr %%f2,%[tiny]\n\tadbr %%f0,%%f2\n\t"
                 "lgdr %[r],%%f0\n\tlcdbr %%f0,%%f0\n\tsdbr %%f0,%%f2\n\tlgdr %[s],%%f0\n\tsfpc %[z]"
                 : [r] "=&d"(r), [s] "=&d"(s)
                 : [a] "a"(a), [one] "d"(0x3ff0000000000000UL), [tiny] "d"(0x3c30000000000000UL),
                   [z] "d"(0) : "cc", "f0", "f2");
    put_str("srnmb+adbr"); p_hex(a); p_hex(r); p_hex(s); put_char('\n');
}

int main(void)
{
    for (unsigned i = 0; i < N_FPCS; i++)
        set_get(fpcs[i]);
    modes(0);
    modes(0xf8f8ff07);
    modes(0x00000072);
    for (unsigned i = 0; i < N_FPCS; i++) {
        signal(0x00f80000 | (fpcs[i] & 0x77), fpcs[i] & 0x00ffff77);
        signal(fpcs[i] & 0xff00ff77, fpcs[i]);
        signal(0x00500003, 0xa8000001);
    }
    for (u64 a = 0; a < 8; a++)
        if (a < 4 || a == 7)
            use_mode(a);
    rt_exit(0);
}
