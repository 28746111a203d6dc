/* Differential test: storage-immediate AND / OR / EXCLUSIVE OR (NI OI XI and the
 * long-displacement NIY OIY XIY) over every byte value with a set of immediates
 * (neighbouring bytes must not change), and the interlocked LOAD AND AND / OR /
 * EXCLUSIVE OR (LAN LAO LAX, LANG LAOG LAXG) over edge and random values. */
#include "rt.h"

static u8 buf[32];

/* One line per instruction and immediate: for each byte value, "<result><cc>". */
#define SI(mn, IMM, DISP) do { \
    put_str(#mn " " #IMM " " #DISP " "); \
    for (unsigned v = 0; v < 256; v++) { u32 cc_; \
        rt_memset(buf, 0x5a, sizeof(buf)); buf[9] = (u8)v; \
        asm volatile(#mn " " #DISP "(%[p])," #IMM "\n\t" GET_CC : [cc] "=d"(cc_) \
                     : [p] "a"(&buf[9] - (DISP)) : "memory", "cc"); \
        put_hexn2(buf[9]); put_char('0' + cc_); \
        if (buf[8] != 0x5a || buf[10] != 0x5a) put_char('!'); } \
    put_char('\n'); } while (0)

static void put_hexn2(u8 b)
{
    put_char("0123456789abcdef"[b >> 4]);
    put_char("0123456789abcdef"[b & 15]);
}

#define SI_ALL(IMM) \
    SI(ni, IMM, 0); SI(oi, IMM, 4095); SI(xi, IMM, 9); \
    SI(niy, IMM, -524288); SI(oiy, IMM, 524287); SI(xiy, IMM, -1);

static u32 w32[4] __attribute__((aligned(8)));
static u64 w64[2];

/* R1 = old storage, storage = old op R3, CC from the new value. R1 starts as garbage
 * (the 32-bit forms keep its high half). */
#define LA32(mn, M_, R3_) do { u64 r_ = 0xa5a5a5a5c3c3c3c3UL; u32 cc_; w32[1] = (u32)(M_); \
    asm volatile(#mn " %[r],%[s],%[m]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_), [m] "+QS"(w32[1]) \
                 : [s] "d"((u64)(R3_)) : "cc"); \
    line3(#mn, (u32)(M_), (R3_), r_, cc_); line2(#mn " mem", 0, w32[1], cc_); } while (0)
#define LA64(mn, M_, R3_) do { u64 r_ = 0xa5a5a5a5c3c3c3c3UL; u32 cc_; w64[1] = (M_); \
    asm volatile(#mn " %[r],%[s],%[m]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_), [m] "+QS"(w64[1]) \
                 : [s] "d"((u64)(R3_)) : "cc"); \
    line3(#mn, (M_), (R3_), r_, cc_); line2(#mn " mem", 0, w64[1], cc_); } while (0)
/* R1 == R3: the register is both the operand and the loaded old value. */
#define LA_SAME(mn, W, M_, R3_) do { u64 r_ = (R3_); u32 cc_; W = (M_); \
    asm volatile(#mn " %[r],%[r],%[m]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_), [m] "+QS"(W) : : "cc"); \
    line3(#mn " same", (M_), (R3_), r_, cc_); line2(#mn " same mem", 0, W, cc_); } while (0)
/* A negative long displacement with an explicit base. */
#define LA_NEG(mn, W, M_, R3_) do { u64 r_ = 0; u32 cc_; W = (M_); \
    asm volatile(#mn " %[r],%[s],-8(%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [s] "d"((u64)(R3_)), [p] "a"((char *)&W + 8) : "memory", "cc"); \
    line3(#mn " neg", (M_), (R3_), r_, cc_); line2(#mn " neg mem", 0, W, cc_); } while (0)

static void interlocked(u64 a, u64 b)
{
    LA32(lan, a, b); LA32(lao, a, b); LA32(lax, a, b);
    LA64(lang, a, b); LA64(laog, a, b); LA64(laxg, a, b);
}

int main(void)
{
    SI_ALL(0) SI_ALL(255) SI_ALL(0x80) SI_ALL(0x01) SI_ALL(0x55) SI_ALL(0xaa) SI_ALL(0x0f) SI_ALL(0xf0)
    for (unsigned i = 0; i < n_edges64; i++)
        for (unsigned j = 0; j < n_edges64; j++)
            interlocked(edges64[i], edges64[j]);
    for (unsigned i = 0; i < 200; i++) {
        u64 a = rnd64(), b = rnd64();
        interlocked(a, b);
        interlocked(a, a);
        interlocked(a, ~a);
    }
    LA_SAME(lan, w32[1], 0xf0f0f0f0, 0x123456783c3c3c3cUL);
    LA_SAME(lao, w32[1], 0xf0f0f0f0, 0x123456783c3c3c3cUL);
    LA_SAME(lax, w32[1], 0xf0f0f0f0, 0x12345678f0f0f0f0UL);
    LA_SAME(lang, w64[1], 0xf0f0f0f00f0f0f0fUL, 0x123456783c3c3c3cUL);
    LA_SAME(laog, w64[1], 0xf0f0f0f00f0f0f0fUL, 0x123456783c3c3c3cUL);
    LA_SAME(laxg, w64[1], 0xf0f0f0f00f0f0f0fUL, 0xf0f0f0f00f0f0f0fUL);
    LA_NEG(lan, w32[2], 0xffff0000, 0x0000ffffUL);
    LA_NEG(lao, w32[2], 0, 0);
    LA_NEG(lax, w32[2], 0x80000001, 0x80000001UL);
    LA_NEG(lang, w64[1], 0xffff0000ffff0000UL, 0x0000ffff0000ffffUL);
    LA_NEG(laog, w64[1], 0, 0x8000000000000000UL);
    LA_NEG(laxg, w64[1], 0x8000000000000001UL, 0x8000000000000001UL);
    rt_exit(0);
}
