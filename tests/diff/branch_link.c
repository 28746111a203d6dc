/* Differential test: BRANCH AND LINK / SAVE (BAL, BALR, BAS, BASR, BRAS, BRASL) in the
 * 64-bit and the 31-bit addressing mode (entered with SAM31; only registers are used
 * there), with R2 = 0 (link without branching) and R1 equal to the branch register.
 * Each line: form, taken flag, link - expected link, the whole link register.
 * (BSM and BASSM are not in qemu-s390x, so they cannot be compared here.) */
#include "rt.h"

#define PRESET 0xa5a5a5a5a5a5a5a5UL

static void show(const char *name, u64 taken, u64 link, u64 expect)
{
    put_str(name);
    put_char(' ');
    put_char('0' + taken);
    put_char(' ');
    put_hex(link - expect);
    put_char(' ');
    put_hex(link);
    put_char('\n');
}

/* ASM ends with the branch; label 0 follows it (the link), label 1 is the target
 * (r1 holds its address). MODE_IN/MODE_OUT wrap the branch in another mode. */
#define LINK(name, MODE_IN, MODE_OUT, ASM) do { \
    u64 l_ = PRESET, t_, e_; \
    asm volatile("lghi %[t],1\n\tlarl %%r1,1f\n\t" MODE_IN ASM "\n0:\tlghi %[t],0\n" \
                 "1:\t" MODE_OUT "larl %[e],0b\n" \
                 : [l] "+&a"(l_), [t] "=&d"(t_), [e] "=&d"(e_) : : "r1", "r2", "cc"); \
    show(name, t_, l_, e_); } while (0)

#define LINK64(name, ASM) LINK(name, "", "", ASM)
#define LINK31(name, ASM) LINK(name, "sam31\n\t", "sam64\n\t", ASM)

static void link64(void)
{
    LINK64("bas", "bas %[l],0(%%r1)");
    LINK64("bas-x", "lghi %%r2,-8\n\tbas %[l],8(%%r2,%%r1)");
    LINK64("bas-self", "lgr %[l],%%r1\n\tbas %[l],0(%[l])");
    LINK64("basr", "basr %[l],%%r1");
    LINK64("basr-self", "lgr %[l],%%r1\n\tbasr %[l],%[l]");
    LINK64("basr-r0", "basr %[l],0");
    LINK64("bal", "bal %[l],0(%%r1)");
    LINK64("bal-self", "lgr %[l],%%r1\n\tbal %[l],0(%[l])");
    LINK64("balr", "balr %[l],%%r1");
    LINK64("balr-self", "lgr %[l],%%r1\n\tbalr %[l],%[l]");
    LINK64("balr-r0", "balr %[l],0");
    LINK64("bras", "bras %[l],1f");
    LINK64("brasl", "brasl %[l],1f");
}

/* In the 31-bit mode the link is bit 32 (the BA bit) and the address in bits 33-63;
 * bits 0-31 of R1 stay as they were. */
static void link31(void)
{
    LINK31("bas31", "bas %[l],0(%%r1)");
    LINK31("basr31", "basr %[l],%%r1");
    LINK31("basr31-r0", "basr %[l],0");
    LINK31("bal31", "bal %[l],0(%%r1)");
    LINK31("balr31", "balr %[l],%%r1");
    LINK31("balr31-r0", "balr %[l],0");
    LINK31("bras31", "bras %[l],1f");
    LINK31("brasl31", "brasl %[l],1f");
}

/* A call and return through BRASL / BR, and a backward BRAS. */
static void call_return(void)
{
    u64 n;
    asm volatile("lghi %[n],1\n\tj 2f\n"
                 "1:\taghi %[n],10\n\tbr %%r14\n"
                 "2:\tbrasl %%r14,1b\n\tbras %%r14,1b\n\tlarl %%r1,1b\n\tbasr %%r14,%%r1\n"
                 : [n] "=&d"(n) : : "r1", "r14", "cc");
    put_str("call-return "); put_dec(n); put_char('\n');
}

/* The addressing mode bits around SAM31/SAM64 through TAM. */
static void amode(void)
{
    u64 a, b, c;
    asm volatile("tam\n\tipm %[a]\n\tsam31\n\ttam\n\tipm %[b]\n\tsam31\n\tsam64\n\ttam\n\tipm %[c]"
                 : [a] "=&d"(a), [b] "=&d"(b), [c] "=&d"(c) : : "cc");
    put_str("tam "); put_dec((a >> 28) & 3); put_char(' ');
    put_dec((b >> 28) & 3); put_char(' '); put_dec((c >> 28) & 3); put_char('\n');
}

int main(void)
{
    link64();
    link31();
    call_return();
    amode();
    rt_exit(0);
}
