/* Freestanding runtime for the differential tests (see rt.h). */
#include "rt.h"
#include "xorshift.h"

asm(".globl _start\n"
    "_start:\n"
    "  lgr %r2,%r15\n"               /* argc pointer, unused */
    "  aghi %r15,-160\n"
    "  xc 0(8,%r15),0(%r15)\n"
    "  brasl %r14,main\n"
    "  svc 248\n");                  /* exit_group(main's result) */

static long sys3(long nr, long a, long b, long c)
{
    register long r1 asm("1") = nr;
    register long r2 asm("2") = a;
    register long r3 asm("3") = b;
    register long r4 asm("4") = c;
    asm volatile("svc 0" : "+r"(r2) : "r"(r1), "r"(r3), "r"(r4) : "memory", "cc");
    return r2;
}

static char buf[4096];
static unsigned used;

static void flush(void)
{
    if (used)
        sys3(4, 1, (long)buf, used);
    used = 0;
}

void put_char(char ch)
{
    if (used == sizeof(buf))
        flush();
    buf[used++] = ch;
}

void put_str(const char *s)
{
    while (*s)
        put_char(*s++);
}

void rt_say(const char *s, u64 n)
{
    register u64 r1 asm("1") = 4;             /* write(1, s, n) */
    register u64 r2 asm("2") = 1;
    register u64 r3 asm("3") = (u64)s;
    register u64 r4 asm("4") = n;
    asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
}

static void put_hexn(u64 v, int digits)
{
    for (int i = digits - 1; i >= 0; i--)
        put_char("0123456789abcdef"[(v >> (i * 4)) & 15]);
}

void put_hex(u64 v) { put_hexn(v, 16); }
void put_hex32(u32 v) { put_hexn(v, 8); }

void put_dec(s64 v)
{
    char tmp[24];
    int n = 0;
    u64 u = v < 0 ? -(u64)v : (u64)v;
    if (v < 0)
        put_char('-');
    do {
        tmp[n++] = '0' + u % 10;
        u /= 10;
    } while (u);
    while (n)
        put_char(tmp[--n]);
}

void rt_exit(int status)
{
    flush();
    sys3(248, status, 0, 0);
    for (;;)
        ;
}

void *rt_memset(void *d, int c, u64 n)
{
    u8 *p = d;
    while (n--)
        *p++ = (u8)c;
    return d;
}

void *rt_memcpy(void *d, const void *s, u64 n)
{
    u8 *p = d;
    const u8 *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

/* gcc may emit calls to these even when freestanding. */
void *memset(void *d, int c, u64 n) { return rt_memset(d, c, n); }
void *memcpy(void *d, const void *s, u64 n) { return rt_memcpy(d, s, n); }

void line3(const char *name, u64 a, u64 b, u64 r, u32 cc)
{
    put_str(name);
    put_char(' ');
    put_hex(a);
    put_char(' ');
    put_hex(b);
    put_str(" -> ");
    put_hex(r);
    put_str(" cc=");
    put_char('0' + (cc & 3));
    put_char('\n');
}

void line2(const char *name, u64 a, u64 r, u32 cc)
{
    put_str(name);
    put_char(' ');
    put_hex(a);
    put_str(" -> ");
    put_hex(r);
    put_str(" cc=");
    put_char('0' + (cc & 3));
    put_char('\n');
}

const u64 edges64[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff,
    0x100000000, 0x7fffffffffffffff, 0x8000000000000000, 0xfffffffffffffffe, 0xffffffffffffffff,
    0x8000000000000001, 0x0123456789abcdef, 0xfedcba9876543210, 0x00000000ffff0000, 0x5555555555555555,
};
const unsigned n_edges64 = sizeof(edges64) / sizeof(edges64[0]);
const u32 edges32[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7ffffffe, 0x7fffffff,
    0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0x12345678, 0xedcba987, 0x55555555,
};
const unsigned n_edges32 = sizeof(edges32) / sizeof(edges32[0]);

static u64 seed = XORSHIFT_SEED;
u64 rnd64(void)
{
    return xorshift64star(&seed);
}
