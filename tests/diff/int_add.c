/* Differential test: ADD family (AR, AGR, AHI, AGHI) over edge and random values. */
#include "rt.h"

#define RR_TEST(mn, A_, B_) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r],%[y]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : [y] "d"((u64)(B_)) : "cc"); \
    line3(#mn, (A_), (B_), r_, cc_); } while (0)

#define RI_TEST(mn, A_, imm) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r]," #imm "\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : : "cc"); \
    line2(#mn " " #imm, (A_), r_, cc_); } while (0)

int main(void)
{
    for (unsigned i = 0; i < n_edges64; i++)
        for (unsigned j = 0; j < n_edges64; j++) {
            RR_TEST(ar, edges64[i], edges64[j]);
            RR_TEST(agr, edges64[i], edges64[j]);
        }
    for (unsigned i = 0; i < 200; i++) {
        u64 a = rnd64(), b = rnd64();
        RR_TEST(ar, a, b);
        RR_TEST(agr, a, b);
    }
    for (unsigned i = 0; i < n_edges64; i++) {
        RI_TEST(ahi, edges64[i], 1);
        RI_TEST(ahi, edges64[i], -1);
        RI_TEST(ahi, edges64[i], -32768);
        RI_TEST(aghi, edges64[i], 32767);
        RI_TEST(aghi, edges64[i], -1);
    }
    rt_exit(0);
}
