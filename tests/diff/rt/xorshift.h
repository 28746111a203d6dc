/* The xorshift64* generator shared by the test runtime (rt.c) and bench/src/bare_rt.c:
 * cbench's keys must come out the same in user mode and on bare metal. The includer
 * defines u64. */
#ifndef ZHYP_RT_XORSHIFT_H
#define ZHYP_RT_XORSHIFT_H

#define XORSHIFT_SEED 0x9e3779b97f4a7c15ULL

static inline u64 xorshift64star(u64 *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dULL;
}

#endif
