/* Differential test: the unprivileged status instructions. IPM and SPM over edge
 * register values (the bits they must leave alone), SAM31/SAM64 and TAM, EPSW (only the
 * CC, program mask and addressing-mode bits are compared: the rest of the user PSW is
 * the emulator's choice; qemu leaves the CC out, see epsw()), STFLE (CC 0 with room for 4 doublewords, GR0 bits 0-55 kept,
 * facility bits both emulators have), STCK/STCKF/STCKE (CC and ordering only: the clock
 * values differ), ECAG (runs; the values are model data, only the invalid request's
 * all-ones answer is compared). */
#include "rt.h"

static void ipm_spm(void)
{
    for (unsigned i = 0; i < n_edges64; i++) {
        u64 v = edges64[i], r = v, c = 0;
        /* SPM takes CC and program mask from bits 34-39 and ignores the rest; IPM puts
         * them back in bits 34-39, zeroes bits 32-33 and keeps bits 0-31 and 40-63.
         * The program mask must not enable the fixed-point overflow trap: AGHI below. */
        u64 s = v & ~0x08000000UL;
        asm volatile("spm %[s]\n\tipm %[r]\n\taghi %[c],0\n\tipm %[c]"
                     : [r] "+d"(r), [c] "+d"(c) : [s] "d"(s) : "cc");
        line3("spm/ipm", s, r, c, 0);
    }
    /* The program mask stays across CC-setting instructions; IPM on various registers. */
    u64 a = 0xffffffffffffffffUL, b = 0;
    asm volatile("lghi %%r1,0x0700\n\tsllg %%r1,%%r1,16\n\tspm %%r1\n\taghi %[b],1\n\tipm %[a]\n"
                 "\tlghi %%r1,0\n\tspm %%r1" : [a] "+d"(a), [b] "+d"(b) : : "r1", "cc");
    line2("pm-kept", 0x0700, a, 0);
}

static void amode(void)
{
    u64 a, b, c, d;
    asm volatile("tam\n\tipm %[a]\n\tsam64\n\ttam\n\tipm %[b]\n\tsam31\n\ttam\n\tipm %[c]\n"
                 "\tsam31\n\tsam64\n\ttam\n\tipm %[d]"
                 : [a] "=&d"(a), [b] "=&d"(b), [c] "=&d"(c), [d] "=&d"(d) : : "cc");
    put_str("tam/sam "); put_dec((a >> 28) & 3); put_dec((b >> 28) & 3);
    put_dec((c >> 28) & 3); put_dec((d >> 28) & 3); put_char('\n');
}

static void epsw(void)
{
    for (u64 cc = 0; cc < 4; cc++) {
        u64 a = 0x1234567800000000UL, b = 0x9abcdef000000000UL, z = 0x5555555555555555UL;
        asm volatile("spm %[s]\n\tepsw %[a],%[b]\n\tepsw %[z],0"
                     : [a] "+d"(a), [b] "+d"(b), [z] "+d"(z) : [s] "d"((cc << 28) | 0x03000000) : "cc");
        asm volatile("lghi %%r1,0\n\tspm %%r1" : : : "r1", "cc");
        /* Bits 0-31 kept; program mask 0x0f00, EA 0x1; BA in R2 0x80000000. The CC
         * (0x3000) is left out: qemu-s390x 7.2 does not merge it into EPSW's result. */
        line3("epsw", a & 0xffffffff00000f01UL, b & 0xffffffff80000000UL, z & 0xffffffff00000f01UL, 0);
    }
}

static u64 fac[8];

static void stfle(void)
{
    u64 cc, keep;
    for (unsigned i = 0; i < 8; i++)
        fac[i] = 0;
    asm volatile("llihf %%r0,0x12345678\n\toilf %%r0,0x9abcde03\n\tstfle %[f]\n\tipm %[cc]\n"
                 "\tlgr %[k],%%r0"
                 : [f] "=Q"(fac), [cc] "=d"(cc), [k] "=d"(keep) : : "r0", "cc");
    /* N3, z/Arch installed and active, STFLE, long displacement, extended immediate,
     * store clock fast, general-instructions and execute extensions, z196, zEC12. */
    u64 want = 0xe100000000000000UL | 1UL << (63 - 18) | 1UL << (63 - 21) | 1UL << (63 - 25) |
               1UL << (63 - 34) | 1UL << (63 - 35) | 1UL << (63 - 45) | 1UL << (63 - 49);
    line3("stfle", fac[0] & want, keep & ~0xffUL, fac[4] | fac[5], (u32)(cc >> 28));
}

static u8 tod_e[2][16] __attribute__((aligned(8)));

static void clocks(void)
{
    u64 t[4], cc[4];
    for (unsigned i = 0; i < 2; i++)
        for (unsigned j = 0; j < 16; j++)
            tod_e[i][j] = 0xaa;
    asm volatile("stck %[t0]\n\tipm %[c0]\n\tstckf %[t1]\n\tipm %[c1]\n\tstcke %[e0]\n\tipm %[c2]\n"
                 "\tstck %[t2]\n\tipm %[c3]\n\tstcke %[e1]"
                 : [t0] "=Q"(t[0]), [t1] "=Q"(t[1]), [t2] "=Q"(t[2]), [e0] "=Q"(tod_e[0]),
                   [e1] "=Q"(tod_e[1]), [c0] "=d"(cc[0]), [c1] "=d"(cc[1]), [c2] "=d"(cc[2]),
                   [c3] "=d"(cc[3]) : : "cc");
    u64 e0 = 0, e1 = 0;
    for (unsigned i = 1; i < 9; i++) {
        e0 = e0 << 8 | tod_e[0][i];
        e1 = e1 << 8 | tod_e[1][i];
    }
    put_str("clock cc ");
    for (unsigned i = 0; i < 4; i++)
        put_dec((cc[i] >> 28) & 3);
    put_str(" nonzero ");
    put_dec(t[0] != 0);
    put_str(" ordered ");
    put_dec(t[0] <= t[1]);
    put_dec(t[1] <= e0);
    put_dec(e0 <= t[2]);
    put_dec(t[2] <= e1);
    put_str(" epoch-index ");
    put_dec(tod_e[0][0]);
    put_str(" programmable ");
    put_dec(tod_e[0][14] << 8 | tod_e[0][15]);
    put_char('\n');
    /* A burst: the clock never goes backwards. */
    u64 prev = 0, ok = 1;
    for (unsigned i = 0; i < 1000; i++) {
        u64 v;
        asm volatile("stck %[v]" : [v] "=Q"(v) : : "cc");
        ok &= v >= prev;
        prev = v;
    }
    put_str("clock burst ordered "); put_dec(ok); put_char('\n');
}

static void ecag(void)
{
    u64 r[6];
    asm volatile("ecag %[r0],0,0\n\tecag %[r1],0,0x10\n\tecag %[r2],0,0x23\n"
                 "\tecag %[r3],0,0x30\n\tecag %[r4],%%r1,0(%%r1)\n\tecag %[r5],0,0xf0"
                 : [r0] "=d"(r[0]), [r1] "=d"(r[1]), [r2] "=d"(r[2]), [r3] "=d"(r[3]),
                   [r4] "=d"(r[4]), [r5] "=d"(r[5]) : : "r1");
    put_str("ecag invalid "); put_hex(r[5]); put_char('\n');
}

int main(void)
{
    ipm_spm();
    amode();
    epsw();
    stfle();
    clocks();
    ecag();
    rt_exit(0);
}
