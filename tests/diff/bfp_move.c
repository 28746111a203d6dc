/* Differential test: FPR loads, stores and moves (LE LEY LD LDY STE STEY STD STDY LER LDR
 * LXR LZER LZDR LZXR LGDR LDGR CPSDR LCDFR LNDFR LPDFR) and the BFP sign instructions
 * (LTEBR LTDBR LTXBR LCEBR LCDBR LCXBR LPEBR LPDBR LPXBR LNEBR LNDBR LNXBR): short values
 * touch bits 0-31 only, CC 3 for NaNs. LOAD AND TEST of an SNaN is left out: the PoP
 * makes it an invalid operation with the quieted NaN as result, qemu-s390x 7.2 copies
 * the SNaN without a flag (zhyp follows the PoP). */
#include "bfp_test.h"

#define F0 0x1111111122222222UL
#define F2 0x3333333344444444UL

static void loads(u64 v)
{
    u64 r, s;
    m32 = (u32)(v >> 32);
    m64 = v;
    /* LE/LEY into bits 0-31; LD/LDY whole register. */
    asm volatile("ldgr %%f0,%[p0]\n\tle %%f0,4(%[i],%[p])\n\tlgdr %[r],%%f0\n\t"
                 "ldgr %%f0,%[p0]\n\tley %%f0,-100(%[i],%[q])\n\tlgdr %[s],%%f0"
                 : [r] "=&d"(r), [s] "=&d"(s)
                 : [p0] "d"(F0), [p] "a"(MBASE(&m32)), [q] "a"(MBASE(&m32) + 104), [i] "a"(16UL), "m"(m32)
                 : "f0");
    put_str("le/ley"); p_hex(v); p_hex(r); p_hex(s); put_char('\n');
    asm volatile("ldgr %%f0,%[p0]\n\tld %%f0,4(%[i],%[p])\n\tlgdr %[r],%%f0\n\t"
                 "ldgr %%f0,%[p0]\n\tldy %%f0,-100(%[i],%[q])\n\tlgdr %[s],%%f0"
                 : [r] "=&d"(r), [s] "=&d"(s)
                 : [p0] "d"(F0), [p] "a"(MBASE(&m64)), [q] "a"(MBASE(&m64) + 104), [i] "a"(16UL), "m"(m64)
                 : "f0");
    put_str("ld/ldy"); p_hex(v); p_hex(r); p_hex(s); put_char('\n');
}

static void stores(u64 v)
{
    u64 a, b, c, d;
    m32 = 0x55555555;
    asm volatile("ldgr %%f4,%[v]\n\tste %%f4,4(%[i],%[p])" : "=m"(m32)
                 : [v] "d"(v), [p] "a"(MBASE(&m32)), [i] "a"(16UL) : "f4");
    a = m32;
    m32 = 0x55555555;
    asm volatile("ldgr %%f4,%[v]\n\tstey %%f4,-100(%[i],%[q])" : "=m"(m32)
                 : [v] "d"(v), [q] "a"(MBASE(&m32) + 104), [i] "a"(16UL) : "f4");
    b = m32;
    m64 = 0;
    asm volatile("ldgr %%f4,%[v]\n\tstd %%f4,4(%[i],%[p])" : "=m"(m64)
                 : [v] "d"(v), [p] "a"(MBASE(&m64)), [i] "a"(16UL) : "f4");
    c = m64;
    m64 = 0;
    asm volatile("ldgr %%f4,%[v]\n\tstdy %%f4,-100(%[i],%[q])" : "=m"(m64)
                 : [v] "d"(v), [q] "a"(MBASE(&m64) + 104), [i] "a"(16UL) : "f4");
    d = m64;
    put_str("st"); p_hex(v); p_hex(a); p_hex(b); p_hex(c); p_hex(d); put_char('\n');
}

/* Register-to-register forms: f0 preset, f2 = v. */
#define MOVE(name, text) do { u64 r_; \
    asm volatile("ldgr %%f0,%[p0]\n\tldgr %%f2,%[v]\n\t" text "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_) : [p0] "d"(F0), [v] "d"(v), [w] "d"(w) : "f0", "f2", "f4"); \
    put_str(name); p_hex(v); p_hex(w); p_hex(r_); put_char('\n'); } while (0)

static void moves(u64 v, u64 w)
{
    u64 g;
    MOVE("ler", "ler %%f0,%%f2");
    MOVE("ldr", "ldr %%f0,%%f2");
    MOVE("lzer", "lzer %%f0");
    MOVE("lzdr", "lzdr %%f0");
    MOVE("lcdfr", "lcdfr %%f0,%%f2");
    MOVE("lndfr", "lndfr %%f0,%%f2");
    MOVE("lpdfr", "lpdfr %%f0,%%f2");
    MOVE("cpsdr.a", "ldgr %%f4,%[w]\n\tcpsdr %%f0,%%f4,%%f2");
    MOVE("cpsdr.b", "ldgr %%f4,%[w]\n\tcpsdr %%f0,%%f2,%%f4");
    asm volatile("ldgr %%f6,%[v]\n\tlgdr %[g],%%f6" : [g] "=d"(g) : [v] "d"(v) : "f6");
    put_str("ldgr/lgdr"); p_hex(v); p_hex(g); put_char('\n');
}

/* Extended register moves: f1:f3 = x, f4:f6 preset; LXR f4,f1 and LZXR. */
static void moves_x(x128 x)
{
    x128 r, z;
    asm volatile("ldgr %%f1,%[h]\n\tldgr %%f3,%[l]\n\tldgr %%f4,%[p0]\n\tldgr %%f6,%[p0]\n\t"
                 "lxr %%f4,%%f1\n\tlgdr %[rh],%%f4\n\tlgdr %[rl],%%f6\n\t"
                 "lzxr %%f1\n\tlgdr %[zh],%%f1\n\tlgdr %[zl],%%f3"
                 : [rh] "=&d"(r.hi), [rl] "=&d"(r.lo), [zh] "=&d"(z.hi), [zl] "=&d"(z.lo)
                 : [h] "d"(x.hi), [l] "d"(x.lo), [p0] "d"(F0) : "f1", "f3", "f4", "f6");
    put_str("lxr/lzxr"); p_x(x); p_x(r); p_x(z); put_char('\n');
}

static int is_snan_s(u32 v) { return (v & 0x7fc00000) == 0x7f800000 && (v & 0x3fffff); }
static int is_snan_d(u64 v) { return (v & 0x7ff8000000000000) == 0x7ff0000000000000 && (v & 0x7ffffffffffff); }
static int is_snan_x(x128 v)
{
    return (v.hi & 0x7fff800000000000) == 0x7fff000000000000 && ((v.hi & 0x7fffffffffff) || v.lo);
}

/* LOAD AND TEST / POSITIVE / NEGATIVE / COMPLEMENT: f0 = op(f2), CC, FPC. */
static void signs(u32 s, u64 d, x128 x)
{
    if (!is_snan_s(s))
        T_R1("ltebr", F0, SHORT_IN(s), 0, 1);
    T_R1("lcebr", F0, SHORT_IN(s), 0, 1);
    T_R1("lpebr", F0, SHORT_IN(s), 0, 1);
    T_R1("lnebr", F0, SHORT_IN(s), 0, 1);
    if (!is_snan_d(d))
        T_R1("ltdbr", F0, d, 0, 1);
    T_R1("lcdbr", F0, d, 0, 1);
    T_R1("lpdbr", F0, d, 0, 1);
    T_R1("lndbr", F0, d, 0, 1);
    if (!is_snan_x(x))
        T_X1("ltxbr", x, 0, 1);
    T_X1("lcxbr", x, 0, 1);
    T_X1("lpxbr", x, 0, 1);
    T_X1("lnxbr", x, 0, 1);
}

int main(void)
{
    for (unsigned i = 0; i < 40; i++) {
        u32 s = es[i % N_ES];
        u64 d = ed[i % N_ED], w = ed[(i * 7 + 3) % N_ED];
        x128 x = ex[i % N_EX];
        loads(d);
        loads(SHORT_IN(s));
        stores(d);
        moves(d, w);
        moves(SHORT_IN(s), w);
        moves_x(x);
        signs(s, d, x);
    }
    for (unsigned i = 0; i < 200; i++) {
        u64 d = rnd_d();
        loads(d);
        stores(d);
        moves(d, rnd64());
        moves_x(rnd_x());
        signs(rnd_s(), d, rnd_x());
    }
    rt_exit(0);
}
