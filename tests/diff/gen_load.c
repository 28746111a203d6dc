/* Differential test: LOAD in register, storage (RX, RXY, indexed, unaligned), high-word,
 * reversed, insert-character, relative-long and immediate forms, and the non-trapping
 * path of LOAD AND TRAP, over edge and random values. R1 starts non-zero so bits an
 * instruction must keep show in the result. */
#include "rt.h"

static u8 buf[64] __attribute__((aligned(16)));
static const u64 r1_init[] = { 0, 0xffffffffffffffff, 0x0123456789abcdef, 0x8000000080000000 };

/* Fill buf with the big-endian pattern p, rotated one byte per doubleword. */
static void fill(u64 p)
{
    for (unsigned i = 0; i < sizeof(buf); i++)
        buf[i] = (u8)(p >> (8 * (7 - (i + i / 8) % 8)));
}

static u64 be64_at(unsigned off)
{
    u64 v = 0;
    for (unsigned i = 0; i < 8; i++)
        v = v << 8 | buf[off + i];
    return v;
}

/* R1 <- storage at buf+off through D2(B2) = disp(buf+off-disp). */
#define LD(mn, A_, off, disp) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r]," #disp "(%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [p] "a"((u64)buf + (off) - (disp)) : "cc", "memory"); \
    line3(#mn " " #disp, (A_), be64_at(off), r_, cc_); } while (0)

/* The same through D2(X2,B2) with both registers non-zero. */
#define LDX(mn, A_, off) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r],8(%[x],%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [p] "a"((u64)buf - 1000), [x] "a"((u64)(1000 - 8 + (off))) : "cc", "memory"); \
    line3(#mn " x", (A_), be64_at(off), r_, cc_); } while (0)

#define RR(mn, A_, B_) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r],%[y]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : [y] "d"((u64)(B_)) : "cc"); \
    line3(#mn, (A_), (B_), r_, cc_); } while (0)

#define RI(mn, A_, imm) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r]," #imm "\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : : "cc"); \
    line2(#mn " " #imm, (A_), r_, cc_); } while (0)

static void storage_loads(u64 a, unsigned off)
{
    LD(l, a, off, 0);       LD(l, a, off, 4095);     LD(ly, a, off, -524288); LD(ly, a, off, 524287);
    LD(lg, a, off, -8);     LD(lgf, a, off, 12);     LD(lgh, a, off, -1);     LD(lh, a, off, 4094);
    LD(lhy, a, off, -2);    LD(lb, a, off, 1);       LD(lgb, a, off, -3);     LD(llc, a, off, 7);
    LD(llgc, a, off, -7);   LD(llh, a, off, 2);      LD(llgh, a, off, 9);     LD(llgf, a, off, -16);
    LD(llgt, a, off, 0);    LD(lbh, a, off, 5);      LD(lhh, a, off, -5);     LD(lfh, a, off, 0);
    LD(llch, a, off, 100);  LD(llhh, a, off, -100);  LD(lrv, a, off, 0);      LD(lrvg, a, off, 3);
    LD(lrvh, a, off, -4);   LD(ic, a, off, 0);       LD(ic, a, off, 4095);    LD(icy, a, off, -4096);
    LDX(l, a, off);   LDX(ly, a, off);  LDX(lg, a, off);   LDX(lh, a, off);  LDX(llgf, a, off);
    LDX(llgc, a, off); LDX(ic, a, off); LDX(lfh, a, off);  LDX(lrv, a, off);
}

/* LOAD AND TRAP with a non-zero operand: the plain load, no interruption. */
static void trap_loads(u64 a, unsigned off)
{
    if (buf[off] | buf[off + 1] | buf[off + 2] | buf[off + 3]) {
        LD(lat, a, off, 0);  LD(llgfat, a, off, -4); LD(lfhat, a, off, 8);
    }
    if ((buf[off] & 0x7f) | buf[off + 1] | buf[off + 2] | buf[off + 3])
        LD(llgtat, a, off, 4);
    if (be64_at(off))
        LD(lgat, a, off, 16);
}

static void reg_loads(u64 a, u64 b)
{
    RR(lr, a, b);    RR(lgr, a, b);   RR(lgfr, a, b);  RR(lhr, a, b);   RR(lghr, a, b);
    RR(lbr, a, b);   RR(lgbr, a, b);  RR(llcr, a, b);  RR(llgcr, a, b); RR(llhr, a, b);
    RR(llghr, a, b); RR(llgfr, a, b); RR(llgtr, a, b); RR(lrvr, a, b);  RR(lrvgr, a, b);
}

static void imm_loads(u64 a)
{
    RI(lhi, a, 0);      RI(lhi, a, -1);      RI(lhi, a, 32767);   RI(lhi, a, -32768);
    RI(lghi, a, 0);     RI(lghi, a, -1);     RI(lghi, a, 32767);  RI(lghi, a, -32768);
    RI(lgfi, a, 0);     RI(lgfi, a, -1);     RI(lgfi, a, 2147483647); RI(lgfi, a, -2147483648);
    RI(llihh, a, 0);    RI(llihh, a, 0xffff); RI(llihh, a, 0x8001);
    RI(llihl, a, 0);    RI(llihl, a, 0xffff); RI(llihl, a, 0x8001);
    RI(llilh, a, 0);    RI(llilh, a, 0xffff); RI(llilh, a, 0x8001);
    RI(llill, a, 0);    RI(llill, a, 0xffff); RI(llill, a, 0x8001);
    RI(llihf, a, 0);    RI(llihf, a, 0xffffffff); RI(llihf, a, 0x80000001);
    RI(llilf, a, 0);    RI(llilf, a, 0xffffffff); RI(llilf, a, 0x80000001);
    RI(iihh, a, 0);     RI(iihh, a, 0xffff); RI(iihh, a, 0x8001);
    RI(iihl, a, 0);     RI(iihl, a, 0xffff); RI(iihl, a, 0x8001);
    RI(iilh, a, 0);     RI(iilh, a, 0xffff); RI(iilh, a, 0x8001);
    RI(iill, a, 0);     RI(iill, a, 0xffff); RI(iill, a, 0x8001);
    RI(iihf, a, 0);     RI(iihf, a, 0xffffffff); RI(iihf, a, 0x80000001);
    RI(iilf, a, 0);     RI(iilf, a, 0xffffffff); RI(iilf, a, 0x80000001);
}

/* Relative-long loads from aligned globals (the PC-relative target is exact). */
u64 g_dw __attribute__((aligned(8)));
u32 g_w[2] __attribute__((aligned(8)));
u16 g_h[4] __attribute__((aligned(8)));

#define RL(mn, A_, sym) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r]," #sym "\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : : "cc", "memory"); \
    line2(#mn " " #sym, (A_), r_, cc_); } while (0)

static void rel_loads(u64 a, u64 v)
{
    g_dw = v;
    g_w[0] = (u32)(v >> 32);  g_w[1] = (u32)v;
    g_h[0] = (u16)(v >> 48);  g_h[1] = (u16)(v >> 32); g_h[2] = (u16)(v >> 16); g_h[3] = (u16)v;
    put_str("rel ");
    put_hex(v);
    put_char('\n');
    RL(lrl, a, g_w);      RL(lrl, a, g_w+4);    RL(lgrl, a, g_dw);    RL(lgfrl, a, g_w);
    RL(lgfrl, a, g_w+4);  RL(lhrl, a, g_h);     RL(lhrl, a, g_h+2);   RL(lhrl, a, g_h+6);
    RL(lghrl, a, g_h);    RL(lghrl, a, g_h+4);  RL(llhrl, a, g_h);    RL(llhrl, a, g_h+2);
    RL(llghrl, a, g_h+6); RL(llghrl, a, g_h);   RL(llgfrl, a, g_w);   RL(llgfrl, a, g_w+4);
}

int main(void)
{
    static const unsigned offs[] = { 0, 3, 4, 6 };
    for (unsigned i = 0; i < n_edges64 + 20; i++) {
        u64 p = i < n_edges64 ? edges64[i] : rnd64();
        fill(p);
        for (unsigned k = 0; k < sizeof(offs) / sizeof(offs[0]); k++) {
            storage_loads(r1_init[(i + k) % 4], offs[k]);
            trap_loads(r1_init[(i + k + 1) % 4], offs[k]);
        }
        rel_loads(r1_init[i % 4], p);
    }
    for (unsigned i = 0; i < n_edges64; i++)
        for (unsigned k = 0; k < 4; k++)
            reg_loads(r1_init[k], edges64[i]);
    for (unsigned i = 0; i < 100; i++)
        reg_loads(rnd64(), rnd64());
    for (unsigned k = 0; k < 4; k++)
        imm_loads(r1_init[k]);
    imm_loads(rnd64());
    rt_exit(0);
}
