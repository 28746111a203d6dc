/* The part of tests/diff/rt/rt.h that bench/src/cbench.c uses, for bare metal: the
 * same names and types, implemented by bench/src/bare_rt.c without system calls. This
 * directory holds only this header, so that cbench.c builds unchanged for both. */
#ifndef BENCH_BARE_RT_H
#define BENCH_BARE_RT_H

typedef unsigned long u64;
typedef long s64;
typedef unsigned int u32;
typedef int s32;
typedef unsigned short u16;
typedef unsigned char u8;

void put_str(const char *s);
void put_hex(u64 v);                 /* 16 hex digits; the value is also the checksum */
void put_char(char ch);
void rt_exit(int status) __attribute__((noreturn));
void *rt_memset(void *d, int c, u64 n);
u64 rnd64(void);                     /* the generator of tests/diff/rt: same sequence */

#endif
