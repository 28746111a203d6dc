/* Freestanding runtime for the differential instruction tests: output through the
 * Linux write/exit system calls, edge values and a seeded generator. The same ELF
 * runs under qemu-s390x and zhyp user; their outputs must be identical. */
#ifndef DIFF_RT_H
#define DIFF_RT_H

typedef unsigned long u64;
typedef long s64;
typedef unsigned int u32;
typedef int s32;
typedef unsigned short u16;
typedef unsigned char u8;

void put_str(const char *s);
/* Write n bytes to stdout at once, unbuffered: for trap tests, whose buffered output
 * dies with the program. */
void rt_say(const char *s, u64 n);
void put_hex(u64 v);                 /* 16 hex digits */
void put_hex32(u32 v);               /* 8 hex digits */
void put_dec(s64 v);
void put_char(char ch);
void rt_exit(int status) __attribute__((noreturn));
void *rt_memset(void *d, int c, u64 n);
void *rt_memcpy(void *d, const void *s, u64 n);

/* One result line: "<name> <a> <b> -> <r> cc=<cc>" with 16-digit hex values. */
void line3(const char *name, u64 a, u64 b, u64 r, u32 cc);
void line2(const char *name, u64 a, u64 r, u32 cc);

/* Edge operands (0, +-1, min/max signed and unsigned, carries) and a fixed-seed generator. */
extern const u64 edges64[];
extern const unsigned n_edges64;
extern const u32 edges32[];
extern const unsigned n_edges32;
u64 rnd64(void);                     /* xorshift64*, fixed seed: identical on both emulators */

/* Condition code after an instruction: "ipm %[cc]; srl %[cc],28" into a u32. */
#define GET_CC "ipm %[cc]\n\tsrl %[cc],28\n\t"

#endif
