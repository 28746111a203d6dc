/* Differential test: LOAD/STORE MULTIPLE (LM, LMY, LMG, LMH, STM, STMY, STMG, STMH)
 * over register ranges that wrap from 15 to 0 and include the base register, and the
 * access-register moves (SAR, EAR, LAM, LAMY, STAM, STAMY). Each case saves all 16
 * GRs, loads a known pattern into them, runs the instruction, dumps all 16 with
 * STGRL (no base register needed) and restores the saved registers. */
#include "rt.h"

u64 g_save[16], g_pre[16], g_out[16];
u8 g_mem[160] __attribute__((aligned(8)));
u32 g_ar[16];

#define DUMP16 \
    "stgrl %%r0,g_out\n\t"     "stgrl %%r1,g_out+8\n\t"   "stgrl %%r2,g_out+16\n\t" \
    "stgrl %%r3,g_out+24\n\t"  "stgrl %%r4,g_out+32\n\t"  "stgrl %%r5,g_out+40\n\t" \
    "stgrl %%r6,g_out+48\n\t"  "stgrl %%r7,g_out+56\n\t"  "stgrl %%r8,g_out+64\n\t" \
    "stgrl %%r9,g_out+72\n\t"  "stgrl %%r10,g_out+80\n\t" "stgrl %%r11,g_out+88\n\t" \
    "stgrl %%r12,g_out+96\n\t" "stgrl %%r13,g_out+104\n\t" "stgrl %%r14,g_out+112\n\t" \
    "stgrl %%r15,g_out+120\n\t"

/* Run 'insn' with every GR = g_pre[], leaving the GRs after it in g_out[]. */
#define RUN(insn) asm volatile( \
    "stgrl %%r1,g_save+8\n\t" \
    "larl %%r1,g_save\n\t" \
    "stg %%r0,0(%%r1)\n\t" \
    "stmg %%r2,%%r15,16(%%r1)\n\t" \
    "larl %%r1,g_pre\n\t" \
    "lmg %%r0,%%r15,0(%%r1)\n\t" \
    insn "\n\t" \
    DUMP16 \
    "larl %%r1,g_save\n\t" \
    "lmg %%r0,%%r15,0(%%r1)" : : : "memory")

static void preset(unsigned base, u64 addr)
{
    for (unsigned i = 0; i < 16; i++)
        g_pre[i] = 0x0101010101010101UL * (0x10 + i) ^ 0x8000000000000000UL;
    g_pre[base] = addr;
}

static void fill_mem(u64 seed)
{
    for (unsigned i = 0; i < sizeof(g_mem); i++)
        g_mem[i] = (u8)(seed >> (8 * (i % 8))) ^ (u8)i;
}

static void dump_regs(const char *name)
{
    put_str(name);
    put_char('\n');
    for (unsigned i = 0; i < 16; i++) {
        put_str(i % 4 ? " " : "  ");
        put_hex(g_out[i]);
        if (i % 4 == 3)
            put_char('\n');
    }
}

static void dump_mem(const char *name)
{
    put_str(name);
    for (unsigned i = 0; i < sizeof(g_mem); i++) {
        if (i % 32 == 0)
            put_str("\n ");
        put_char("0123456789abcdef"[g_mem[i] >> 4]);
        put_char("0123456789abcdef"[g_mem[i] & 15]);
    }
    put_char('\n');
}

/* LOAD MULTIPLE from g_mem+8 through disp(base). */
#define LMT(mn, r1, r3, base, disp) do { \
    preset(base, (u64)g_mem + 8 - (disp)); \
    RUN(#mn " %%r" #r1 ",%%r" #r3 "," #disp "(%%r" #base ")"); \
    dump_regs(#mn " " #r1 "," #r3 "," #disp "(" #base ")"); } while (0)

/* STORE MULTIPLE to g_mem+8 through disp(base). 'hi' keeps the high words of the
 * preset: 0 for STMH, whose high words QEMU 7.2 stores as zeros (its op_stmh shifts
 * left instead of right); the PoP stores bits 0-31, which zhyp does. */
#define STMT_(mn, r1, r3, base, disp, hi) do { \
    preset(base, (u64)g_mem + 8 - (disp)); \
    for (unsigned i_ = 0; i_ < 16; i_++) g_pre[i_] &= (hi) | 0xffffffffUL; \
    for (unsigned i_ = 0; i_ < sizeof(g_mem); i_++) g_mem[i_] = 0xee; \
    RUN(#mn " %%r" #r1 ",%%r" #r3 "," #disp "(%%r" #base ")"); \
    dump_mem(#mn " " #r1 "," #r3 "," #disp "(" #base ")"); } while (0)
#define STMT(mn, r1, r3, base, disp) STMT_(mn, r1, r3, base, disp, ~0UL)
#define STMHT(r1, r3, base, disp) STMT_(stmh, r1, r3, base, disp, 0)

static void load_multiple(void)
{
    LMT(lm, 0, 15, 5, 0);    LMT(lm, 14, 2, 4, 4095); LMT(lm, 5, 5, 1, 12);   LMT(lm, 15, 0, 3, 0);
    LMT(lm, 3, 1, 2, 100);   LMT(lm, 2, 9, 11, 7);    LMT(lm, 9, 2, 7, 0);
    LMT(lmy, 0, 15, 6, -524288); LMT(lmy, 14, 2, 3, 524287); LMT(lmy, 7, 7, 7, -1);
    LMT(lmg, 0, 15, 1, 0);   LMT(lmg, 14, 2, 4, -8);  LMT(lmg, 6, 6, 2, 8);   LMT(lmg, 3, 1, 2, 9);
    LMT(lmg, 13, 12, 5, 4096);
    LMT(lmh, 0, 15, 1, 0);   LMT(lmh, 14, 2, 4, -8);  LMT(lmh, 6, 6, 2, 3);   LMT(lmh, 3, 1, 2, 0);
}

static void store_multiple(void)
{
    STMT(stm, 0, 15, 5, 0);  STMT(stm, 14, 2, 4, 4095); STMT(stm, 5, 5, 1, 12); STMT(stm, 15, 0, 3, 0);
    STMT(stm, 3, 1, 2, 1);   STMT(stm, 2, 9, 11, 7);
    STMT(stmy, 0, 15, 6, -524288); STMT(stmy, 14, 2, 3, 524287); STMT(stmy, 7, 7, 7, -1);
    STMT(stmg, 0, 15, 1, 0); STMT(stmg, 14, 2, 4, -8); STMT(stmg, 6, 6, 2, 8); STMT(stmg, 3, 1, 2, 9);
    STMHT(0, 15, 1, 0);      STMHT(14, 2, 4, -8);      STMHT(6, 6, 2, 3);     STMHT(3, 1, 2, 5);
}

/* Access registers: LAM from g_mem, STAM all 16 to g_ar, EAR/SAR round trips. */
#define LAMT(mn, r1, r3, disp) do { \
    asm volatile(#mn " %%a" #r1 ",%%a" #r3 "," #disp "(%[p])" : : [p] "a"((u64)g_mem + 8 - (disp)) : "memory"); \
    asm volatile("stam %%a0,%%a15,0(%[p])" : : [p] "a"(g_ar) : "memory"); \
    put_str(#mn " " #r1 "," #r3); \
    for (unsigned i_ = 0; i_ < 16; i_++) { put_char(' '); put_hex32(g_ar[i_]); } \
    put_char('\n'); } while (0)

#define STAMT(mn, r1, r3, disp) do { \
    for (unsigned i_ = 0; i_ < sizeof(g_mem); i_++) g_mem[i_] = 0xee; \
    asm volatile(#mn " %%a" #r1 ",%%a" #r3 "," #disp "(%[p])" : : [p] "a"((u64)g_mem + 8 - (disp)) : "memory"); \
    dump_mem(#mn " " #r1 "," #r3); } while (0)

#define EART(ar, V_) do { \
    u64 r_ = 0xfedcba9876543210UL; \
    asm volatile("sar %%a" #ar ",%[v]\n\tear %[r],%%a" #ar : [r] "+d"(r_) : [v] "d"((u64)(V_))); \
    line2("sar/ear " #ar, (V_), r_, 0); } while (0)

static void access_regs(u64 seed)
{
    fill_mem(seed);
    LAMT(lam, 0, 15, 0); LAMT(lam, 14, 2, 4095); LAMT(lamy, 5, 5, -524288); LAMT(lamy, 3, 1, 524287);
    fill_mem(~seed);
    LAMT(lam, 0, 15, 4);
    STAMT(stam, 0, 15, 0); STAMT(stam, 14, 2, 4095); STAMT(stamy, 5, 5, -1); STAMT(stamy, 3, 1, 4);
    EART(0, seed); EART(1, ~seed); EART(7, seed >> 3); EART(15, 0);
}

int main(void)
{
    for (unsigned i = 0; i < 6; i++) {
        fill_mem(i < 2 ? (i ? ~0UL : 0) : rnd64());
        load_multiple();
    }
    store_multiple();
    for (unsigned i = 0; i < 6; i++)
        access_regs(i < 2 ? (i ? ~0UL : 0x8000000000000001UL) : rnd64());
    rt_exit(0);
}
