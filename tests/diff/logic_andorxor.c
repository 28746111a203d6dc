/* Differential test: AND / OR / EXCLUSIVE OR in register, distinct-operand, storage,
 * long-displacement and immediate forms, over edge and random values. */
#include "rt.h"

/* R1 op R2 (RR, RRE). */
#define RR(mn, A_, B_) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r],%[y]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : [y] "d"((u64)(B_)) : "cc"); \
    line3(#mn, (A_), (B_), r_, cc_); } while (0)

/* R1 = R2 op R3 (RRF-a); R1 starts as garbage so a kept high half shows. */
#define RRK(mn, A_, B_) do { \
    u64 r_ = 0xa5a5a5a5c3c3c3c3UL; u32 cc_; \
    asm volatile(#mn " %[r],%[x],%[y]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [x] "d"((u64)(A_)), [y] "d"((u64)(B_)) : "cc"); \
    line3(#mn, (A_), (B_), r_, cc_); } while (0)

/* R1 op storage: the operand lies at 'base + off' and the instruction gets D2 = disp
 * with base register p = &mem - disp, so the displacement sign shows too. */
#define RXD(mn, A_, MEM_, T, disp) do { \
    u64 r_ = (A_); u32 cc_; T m_ = (T)(MEM_); \
    asm volatile(#mn " %[r]," #disp "(%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [p] "a"((char *)&m_ - (disp)), "m"(m_) : "cc"); \
    line3(#mn " " #disp, (A_), (u64)m_, r_, cc_); } while (0)

/* Indexed form D2(X2,B2) with both X2 and B2 nonzero. */
#define RXX(mn, A_, MEM_, T) do { \
    u64 r_ = (A_); u32 cc_; T m_ = (T)(MEM_); \
    asm volatile(#mn " %[r],16(%[x],%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [p] "a"((char *)&m_ - 1000), [x] "a"(1000 - 16), "m"(m_) : "cc"); \
    line3(#mn " x", (A_), (u64)m_, r_, cc_); } while (0)

#define RI(mn, A_, imm) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r]," #imm "\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : : "cc"); \
    line2(#mn " " #imm, (A_), r_, cc_); } while (0)

static void rr_all(u64 a, u64 b)
{
    RR(nr, a, b);   RR(or, a, b);   RR(xr, a, b);
    RR(ngr, a, b);  RR(ogr, a, b);  RR(xgr, a, b);
    RRK(nrk, a, b); RRK(ork, a, b); RRK(xrk, a, b);
    RRK(ngrk, a, b); RRK(ogrk, a, b); RRK(xgrk, a, b);
}

static void rx_all(u64 a, u64 b)
{
    RXD(n, a, b, u32, 0);      RXD(o, a, b, u32, 4095);  RXD(x, a, b, u32, 100);
    RXD(ny, a, b, u32, -524288); RXD(oy, a, b, u32, 524287); RXD(xy, a, b, u32, -1);
    RXD(ng, a, b, u64, 0);     RXD(og, a, b, u64, -4096); RXD(xg, a, b, u64, 8191);
    RXX(n, a, b, u32); RXX(o, a, b, u32); RXX(x, a, b, u32);
    RXX(ny, a, b, u32); RXX(oy, a, b, u32); RXX(xy, a, b, u32);
    RXX(ng, a, b, u64); RXX(og, a, b, u64); RXX(xg, a, b, u64);
}

static void ri_all(u64 a)
{
    RI(nihh, a, 0);  RI(nihh, a, 0xffff); RI(nihh, a, 0x8001); RI(nihh, a, 0x00f0);
    RI(nihl, a, 0);  RI(nihl, a, 0xffff); RI(nihl, a, 0x8001); RI(nihl, a, 0x0ff0);
    RI(nilh, a, 0);  RI(nilh, a, 0xffff); RI(nilh, a, 0x8001); RI(nilh, a, 0x7ffe);
    RI(nill, a, 0);  RI(nill, a, 0xffff); RI(nill, a, 0x8001); RI(nill, a, 0xff00);
    RI(oihh, a, 0);  RI(oihh, a, 0xffff); RI(oihh, a, 0x8001);
    RI(oihl, a, 0);  RI(oihl, a, 0xffff); RI(oihl, a, 0x8001);
    RI(oilh, a, 0);  RI(oilh, a, 0xffff); RI(oilh, a, 0x8001);
    RI(oill, a, 0);  RI(oill, a, 0xffff); RI(oill, a, 0x8001);
    RI(nihf, a, 0);  RI(nihf, a, 0xffffffff); RI(nihf, a, 0x80000001); RI(nihf, a, 0x0ff00ff0);
    RI(nilf, a, 0);  RI(nilf, a, 0xffffffff); RI(nilf, a, 0x80000001); RI(nilf, a, 0x0ff00ff0);
    RI(oihf, a, 0);  RI(oihf, a, 0xffffffff); RI(oihf, a, 0x80000001);
    RI(oilf, a, 0);  RI(oilf, a, 0xffffffff); RI(oilf, a, 0x80000001);
    RI(xihf, a, 0);  RI(xihf, a, 0xffffffff); RI(xihf, a, 0x80000001);
    RI(xilf, a, 0);  RI(xilf, a, 0xffffffff); RI(xilf, a, 0x80000001);
}

int main(void)
{
    for (unsigned i = 0; i < n_edges64; i++) {
        for (unsigned j = 0; j < n_edges64; j++) {
            rr_all(edges64[i], edges64[j]);
            rx_all(edges64[i], edges64[j]);
        }
        ri_all(edges64[i]);
    }
    for (unsigned i = 0; i < 300; i++) {
        u64 a = rnd64(), b = rnd64();
        rr_all(a, b);
        rr_all(a, a);
        rx_all(a, b);
        ri_all(a);
    }
    rt_exit(0);
}
