/* Differential test: FIND LEFTMOST ONE (the even/odd result pair, also with R2 equal
 * to either register of the pair) and POPULATION COUNT (bytewise counts, CC). */
#include "rt.h"

#define FLOGR(V) do { register u64 e_ asm("r4") = 0x1111111111111111UL; register u64 o_ asm("r5") = 0x2222222222222222UL; u32 cc_; \
    asm volatile("flogr %[e],%[v]\n\t" GET_CC : [e] "+d"(e_), "+d"(o_), [cc] "=d"(cc_) : [v] "d"((u64)(V)) : "cc"); \
    u64 re_ = e_, ro_ = o_; line3("flogr", (V), ro_, re_, cc_); } while (0)
/* R2 is R1 (the even register) or R1+1 (the odd one). */
#define FLOGR_E(V) do { register u64 e_ asm("r4") = (V); register u64 o_ asm("r5") = 0x2222222222222222UL; u32 cc_; \
    asm volatile("flogr %%r4,%%r4\n\t" GET_CC : "+d"(e_), "+d"(o_), [cc] "=d"(cc_) : : "cc"); \
    u64 re_ = e_, ro_ = o_; line3("flogr even", (V), ro_, re_, cc_); } while (0)
#define FLOGR_O(V) do { register u64 e_ asm("r4") = 0x1111111111111111UL; register u64 o_ asm("r5") = (V); u32 cc_; \
    asm volatile("flogr %%r4,%%r5\n\t" GET_CC : "+d"(e_), "+d"(o_), [cc] "=d"(cc_) : : "cc"); \
    u64 re_ = e_, ro_ = o_; line3("flogr odd", (V), ro_, re_, cc_); } while (0)

#define POPCNT(V) do { u64 r_ = 0x3333333333333333UL; u32 cc_; \
    asm volatile("popcnt %[r],%[v]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : [v] "d"((u64)(V)) : "cc"); \
    line2("popcnt", (V), r_, cc_); } while (0)
#define POPCNT_SAME(V) do { u64 r_ = (V); u32 cc_; \
    asm volatile("popcnt %[r],%[r]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : : "cc"); \
    line2("popcnt same", (V), r_, cc_); } while (0)

static void all(u64 v)
{
    FLOGR(v); FLOGR_E(v); FLOGR_O(v);
    POPCNT(v); POPCNT_SAME(v);
}

int main(void)
{
    for (unsigned i = 0; i < n_edges64; i++)
        all(edges64[i]);
    for (unsigned n = 0; n < 64; n++) {
        all(1UL << n);
        all((1UL << n) | ((1UL << n) - 1));
        all((1UL << n) | (rnd64() & ((1UL << n) - 1)));
        all(0xffUL << (n & 56));
    }
    for (unsigned i = 0; i < 300; i++)
        all(rnd64() >> (i & 63));
    rt_exit(0);
}
