/* Differential test: STORE in its widths (RX, RXY, indexed, unaligned), high-word,
 * reversed and relative-long forms, and MOVE (immediate) MVHHI/MVHI/MVGHI. Each store
 * goes into a buffer pre-filled with a marker; the 16 bytes around it are printed. */
#include "rt.h"

static u8 buf[64] __attribute__((aligned(16)));

static u64 be64_at(unsigned off)
{
    u64 v = 0;
    for (unsigned i = 0; i < 8; i++)
        v = v << 8 | buf[off + i];
    return v;
}

static void reset(void)
{
    for (unsigned i = 0; i < sizeof(buf); i++)
        buf[i] = (u8)(0xa0 + i);
}

/* Print the value stored and the two doublewords at buf+16, buf+24 (the target area). */
static void show(const char *name, u64 v)
{
    line3(name, v, be64_at(16), be64_at(24), 0);
}

/* R1 -> storage at buf+off through D2(B2) = disp(buf+off-disp). */
#define ST(mn, V_, off, disp) do { \
    reset(); \
    asm volatile(#mn " %[v]," #disp "(%[p])" : : [v] "d"((u64)(V_)), \
                 [p] "a"((u64)buf + (off) - (disp)) : "memory"); \
    show(#mn " " #disp, (V_)); } while (0)

#define STX(mn, V_, off) do { \
    reset(); \
    asm volatile(#mn " %[v],8(%[x],%[p])" : : [v] "d"((u64)(V_)), \
                 [p] "a"((u64)buf - 1000), [x] "a"((u64)(1000 - 8 + (off))) : "memory"); \
    show(#mn " x", (V_)); } while (0)

/* SIL: immediate to D1(B1). */
#define MVI(mn, imm, off, disp) do { \
    reset(); \
    asm volatile(#mn " " #disp "(%[p])," #imm : : [p] "a"((u64)buf + (off) - (disp)) : "memory"); \
    show(#mn " " #imm, 0); } while (0)

static void stores(u64 v, unsigned off)
{
    ST(st, v, off, 0);      ST(st, v, off, 4095);     ST(sty, v, off, -524288); ST(sty, v, off, 524287);
    ST(stg, v, off, -8);    ST(sth, v, off, 4094);    ST(sthy, v, off, -2);     ST(stc, v, off, 1);
    ST(stcy, v, off, -3);   ST(stch, v, off, 7);      ST(sthh, v, off, -7);     ST(stfh, v, off, 12);
    ST(strv, v, off, 0);    ST(strvg, v, off, 100);   ST(strvh, v, off, -100);
    STX(st, v, off); STX(sty, v, off); STX(stg, v, off); STX(sth, v, off); STX(stc, v, off);
    STX(stfh, v, off); STX(strv, v, off);
}

static void moves(unsigned off)
{
    MVI(mvhhi, 0, off, 0);      MVI(mvhhi, -1, off, 4095);  MVI(mvhhi, 32767, off, 8);
    MVI(mvhhi, -32768, off, 0); MVI(mvhi, 0, off, 0);       MVI(mvhi, -1, off, 4095);
    MVI(mvhi, 32767, off, 2);   MVI(mvhi, -32768, off, 0);  MVI(mvhi, 0x1234, off, 0);
    MVI(mvghi, 0, off, 0);      MVI(mvghi, -1, off, 4095);  MVI(mvghi, 32767, off, 1);
    MVI(mvghi, -32768, off, 0); MVI(mvghi, -2, off, 0);
}

/* Relative-long stores into aligned globals. */
u64 g_sdw[2] __attribute__((aligned(8)));

#define SRL(mn, V_, sym) do { \
    g_sdw[0] = 0xa1a2a3a4a5a6a7a8; g_sdw[1] = 0xb1b2b3b4b5b6b7b8; \
    asm volatile(#mn " %[v]," #sym : : [v] "d"((u64)(V_)) : "memory"); \
    line3(#mn " " #sym, (V_), g_sdw[0], g_sdw[1], 0); } while (0)

static void rel_stores(u64 v)
{
    SRL(strl, v, g_sdw);     SRL(strl, v, g_sdw+4);  SRL(strl, v, g_sdw+12);
    SRL(stgrl, v, g_sdw);    SRL(stgrl, v, g_sdw+8);
    SRL(sthrl, v, g_sdw);    SRL(sthrl, v, g_sdw+2); SRL(sthrl, v, g_sdw+6); SRL(sthrl, v, g_sdw+14);
}

int main(void)
{
    static const unsigned offs[] = { 16, 17, 19, 20, 22 };
    for (unsigned i = 0; i < n_edges64 + 30; i++) {
        u64 v = i < n_edges64 ? edges64[i] : rnd64();
        stores(v, offs[i % 5]);
        rel_stores(v);
    }
    for (unsigned k = 0; k < 5; k++)
        moves(offs[k]);
    rt_exit(0);
}
