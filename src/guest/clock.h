/* TOD clock, clock comparator and CPU timer for bare-metal guests. TOD bit 51 is one
 * microsecond, so a microsecond is 4096 units (shift 12). The comparator raises external
 * interruption 0x1004 (CR0 bit 52) while TOD > CKC; the CPU timer raises 0x1005 (CR0
 * bit 53) while it is negative. */
#ifndef GUEST_CLOCK_H
#define GUEST_CLOCK_H

#include <stdint.h>

#define TOD_UNITS_PER_US    4096UL
#define CKC_NEVER           0xffffffffffffffffUL   /* compare value that never fires */

/* STCK; returns the condition code in *cc when non-NULL (0 set, 1 not set, 3 stopped). */
static inline uint64_t stck_cc(int *cc)
{
    uint64_t t;
    int c;
    asm volatile("stck %[t]\n\tipm %[c]\n\tsrl %[c],28" : [t] "=Q"(t), [c] "=d"(c) : : "cc");
    if (cc)
        *cc = c;
    return t;
}

static inline uint64_t stck(void)
{
    return stck_cc(0);
}

/* STCKF: no uniqueness interlock (facility 25). */
static inline uint64_t stckf(void)
{
    uint64_t t;
    asm volatile("stckf %[t]" : [t] "=Q"(t) : : "cc");
    return t;
}

static inline void sckc(uint64_t v)
{
    asm volatile("sckc %[v]" : : [v] "Q"(v) : "memory");
}

static inline uint64_t stckc(void)
{
    uint64_t v;
    asm volatile("stckc %[v]" : [v] "=Q"(v));
    return v;
}

/* SPT/STPT: the CPU timer counts down in TOD units while the CPU runs. */
static inline void spt(int64_t v)
{
    asm volatile("spt %[v]" : : [v] "Q"(v) : "memory");
}

static inline int64_t stpt(void)
{
    int64_t v;
    asm volatile("stpt %[v]" : [v] "=Q"(v));
    return v;
}

static inline uint64_t tod_from_us(uint64_t us)
{
    return us * TOD_UNITS_PER_US;
}

static inline uint64_t tod_to_us(uint64_t tod)
{
    return tod / TOD_UNITS_PER_US;
}

/* Busy-wait for us microseconds of TOD time. */
static inline void udelay(uint64_t us)
{
    uint64_t end = stck() + tod_from_us(us);
    while (stck() < end)
        ;
}

#endif
