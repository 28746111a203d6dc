/* Differential test: BRANCH ON CONDITION in every form (BC, BCR, BRC, BRCL; NOP and
 * NOPR are mask 0). Each mask runs under each CC; a line per mask shows, per CC, '1'
 * if it branched and '.' if the CC survived the branch. Also BCR with R2 = 0 (never
 * branches, 15,0 and 14,0 serialize), indexed BC, backward and long branches. */
#include "rt.h"

#define X4(M, b)  M(b) M((b) + 1) M((b) + 2) M((b) + 3)
#define X16(M)    X4(M, 0) X4(M, 4) X4(M, 8) X4(M, 12)

/* Run ASM (which may use %[m] and r1 = the address of label 1) under CC 0..3. */
#define FORM(name, M, ASM) do { \
    put_str(name " "); put_dec(M); put_char(' '); \
    for (u64 cc = 0; cc < 4; cc++) { \
        u64 t_, c2_; \
        asm volatile("spm %[s]\n\tlghi %[t],1\n\tlarl %%r1,1f\n\t" ASM "\n\tlghi %[t],0\n" \
                     "1:\tipm %[c2]\n" \
                     : [t] "=&d"(t_), [c2] "=&d"(c2_) : [s] "d"(cc << 28), [m] "i"(M) \
                     : "r1", "r2", "cc"); \
        put_char('0' + t_); \
        put_char(((c2_ >> 28) & 3) == cc ? '.' : '!'); \
    } \
    put_char('\n'); } while (0);

#define BC(M)      FORM("bc", M, "bc %[m],0(%%r1)")
#define BCX(M)     FORM("bc-x", M, "lghi %%r2,-6\n\tbc %[m],6(%%r2,%%r1)")
#define BCR(M)     FORM("bcr", M, "bcr %[m],%%r1")
#define BCR0(M)    FORM("bcr-r0", M, "bcr %[m],0")
#define BRC(M)     FORM("brc", M, "brc %[m],1f")
#define BRCL(M)    FORM("brcl", M, "brcl %[m],1f")

static void backward(void)
{
    u64 n, k;
    /* BRC backward: AGHI leaves CC 2 while k > 0. */
    asm volatile("lghi %[n],0\n\tlghi %[k],7\n0:\taghi %[n],3\n\taghi %[k],-1\n\tbrc 2,0b"
                 : [n] "=&d"(n), [k] "=&d"(k) : : "cc");
    put_str("brc-back "); put_dec(n); put_char(' '); put_dec(k); put_char('\n');
    asm volatile("lghi %[n],0\n\tlghi %[k],5\n0:\taghi %[n],2\n\taghi %[k],-1\n\tbrcl 2,0b"
                 : [n] "=&d"(n), [k] "=&d"(k) : : "cc");
    put_str("brcl-back "); put_dec(n); put_char(' '); put_dec(k); put_char('\n');
    asm volatile("lghi %[n],0\n\tlghi %[k],4\n\tlarl %%r1,0f\n0:\taghi %[n],5\n\taghi %[k],-1\n"
                 "\tbc 2,0(%%r1)\n\tlarl %%r1,0b\n\taghi %[k],0\n\tbcr 8,0\n\tbcr 2,%%r1"
                 : [n] "=&d"(n), [k] "=&d"(k) : : "r1", "cc");
    put_str("bc-back "); put_dec(n); put_char(' '); put_dec(k); put_char('\n');
}

/* BRCL across more than BRC can reach; the gap is invalid opcodes (00) so a missed
 * branch ends the program. */
static void far(void)
{
    u64 t;
    asm volatile("lghi %[t],1\n\tbrcl 15,1f\n\t.fill 40000,2,0\n1:\tbrcl 15,3f\n"
                 "2:\tlghi %[t],2\n\tbrcl 15,4f\n\t.fill 40000,2,0\n3:\tbrcl 15,2b\n4:"
                 : [t] "=&d"(t) : : "cc");
    put_str("brcl-far "); put_dec(t); put_char('\n');
}

int main(void)
{
    X16(BC)
    X16(BCX)
    X16(BCR)
    X16(BCR0)
    X16(BRC)
    X16(BRCL)
    backward();
    far();
    rt_exit(0);
}
