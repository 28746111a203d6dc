/* Differential test: TEST UNDER MASK. TM/TMY run every one of the 256 masks over
 * every byte value (one line of 256 CC digits per mask); TMLH/TMLL/TMHH/TMHL run
 * zero, full, single-bit, two-bit, leftmost-bit and random masks over crafted
 * values (selected bits zero, all one, mixed with the leftmost one or zero). */
#include "rt.h"

#define X4(M, b)  M(b) M((b) + 1) M((b) + 2) M((b) + 3)
#define X16(M, b) X4(M, b) X4(M, (b) + 4) X4(M, (b) + 8) X4(M, (b) + 12)
#define X64(M, b) X16(M, b) X16(M, (b) + 16) X16(M, (b) + 32) X16(M, (b) + 48)
#define X256(M)   X64(M, 0) X64(M, 64) X64(M, 128) X64(M, 192)

static u8 byte_at[64];

#define TM_MASK(MASK) do { \
    put_str("tm  "); put_hex32(MASK); put_char(' '); \
    for (unsigned v = 0; v < 256; v++) { u32 cc_; byte_at[7] = (u8)v; \
        asm volatile("tm %[b],%[m]\n\t" GET_CC : [cc] "=d"(cc_) : [b] "Q"(byte_at[7]), [m] "i"(MASK) : "cc"); \
        put_char('0' + cc_); } \
    put_str("\ntmy "); put_hex32(MASK); put_char(' '); \
    for (unsigned v = 0; v < 256; v++) { u32 cc_; byte_at[40] = (u8)v; \
        asm volatile("tmy %[b],%[m]\n\t" GET_CC : [cc] "=d"(cc_) : [b] "S"(byte_at[40]), [m] "i"(MASK) : "cc"); \
        put_char('0' + cc_); } \
    put_char('\n'); } while (0);

/* TMY with a negative long displacement, once. */
static void tmy_negdisp(void)
{
    u32 cc_;
    byte_at[20] = 0x81;
    asm volatile("tmy -300000(%[p]),0x81\n\t" GET_CC : [cc] "=d"(cc_)
                 : [p] "a"(&byte_at[20] + 300000), "m"(byte_at[20]) : "cc");
    line2("tmy -300000", 0x81, 0, cc_);
}

/* TM as the target of EXECUTE RELATIVE LONG: R1's low byte becomes the mask. */
static void tm_exrl(void)
{
    for (unsigned m = 0; m < 256; m += 5) {
        put_str("exrl tm ");
        put_hex32(m);
        put_char(' ');
        for (unsigned v = 0; v < 256; v += 3) {
            u32 cc_;
            byte_at[11] = (u8)v;
            asm volatile("exrl %[m],1f\n\tj 2f\n"
                         "1:\ttm 0(%[p]),0\n"
                         "2:\t" GET_CC
                         : [cc] "=d"(cc_) : [m] "a"((u64)m), [p] "a"(&byte_at[11]), "m"(byte_at[11]) : "cc");
            put_char('0' + cc_);
        }
        put_char('\n');
    }
}

#define N_VALS 64
static u64 vals[N_VALS];

/* Fill vals[] for one 16-bit mask; each pattern is replicated to all 4 halfwords
 * (and also placed in single halfwords) so every TMxx form sees it. */
static unsigned craft(u32 m)
{
    u32 top = m ? 0x8000 >> __builtin_clz(m << 16) : 0;
    u32 pats[] = { 0, 0xffff, m, ~m & 0xffff, top, m & ~top, (m & 0x5555) | top,
                   m & 0x5555 & ~top, m & 0xaaaa, (m & 0xaaaa) | top };
    unsigned n = 0;
    for (unsigned i = 0; i < sizeof(pats) / sizeof(pats[0]); i++) {
        u64 p = pats[i] & 0xffff;
        vals[n++] = p * 0x0001000100010001UL;
        vals[n++] = p << (16 * (i & 3));
    }
    while (n < N_VALS - 8)
        vals[n++] = rnd64();
    for (unsigned i = 0; n < N_VALS; i++)
        vals[n++] = edges64[i * 3 % n_edges64];
    return n;
}

#define TMR(mn, MASK) do { \
    put_str(#mn " "); put_hex32(MASK); put_char(' '); \
    for (unsigned i = 0; i < n; i++) { u32 cc_; \
        asm volatile(#mn " %[r],%[m]\n\t" GET_CC : [cc] "=d"(cc_) : [r] "d"(vals[i]), [m] "i"(MASK) : "cc"); \
        put_char('0' + cc_); } \
    put_char('\n'); } while (0)

#define TMR_ALL(MASK) do { unsigned n = craft(MASK); \
    TMR(tmlh, MASK); TMR(tmll, MASK); TMR(tmhh, MASK); TMR(tmhl, MASK); } while (0);

#define BIT(b) TMR_ALL(1u << (b))
#define TWO(b) TMR_ALL((1u << (b)) | (1u << ((b) ^ 9)))
#define TOP(b) TMR_ALL(0xffffu >> (b))
#define LOW(b) TMR_ALL((0xffffu << (b)) & 0xffff)

int main(void)
{
    X256(TM_MASK)
    tmy_negdisp();
    tm_exrl();
    X16(BIT, 0)
    X16(TWO, 0)
    X16(TOP, 0)
    X16(LOW, 0)
    TMR_ALL(0x5555) TMR_ALL(0xaaaa) TMR_ALL(0x8001) TMR_ALL(0x0180) TMR_ALL(0x1234)
    TMR_ALL(0xfedc) TMR_ALL(0x0f0f) TMR_ALL(0xf0f0) TMR_ALL(0x7ffe) TMR_ALL(0x0660)
    /* masks that only qemu's random generator picks: a seeded handful, all forms */
#define RNDM(k) TMR_ALL(((k) * 0x9e37u + 0x7f4au) & 0xffff)
    X16(RNDM, 0)
    rt_exit(0);
}
