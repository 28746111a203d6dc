/* Differential test: EXECUTE and EXECUTE RELATIVE LONG. Targets: MVC/XC/CLC with the
 * length from R1 (overlapping MVC too), AR with its registers from R1, R1 = 0 (target
 * unchanged), relative branches and LARL (relative to the target, not to the EX), BRAS/
 * BASR (the link is the address after the EX), BC/BCR with the mask from R1 under every
 * CC, SVC (a write system call whose number comes from R1), IPM/SPM/TAM, a 6-byte
 * compare-and-branch, and targets in another page and across a page boundary.
 * EX of EX / EXRL and odd target addresses are the branch_trap_ex* tests. */
#include "rt.h"

static u8 buf[64];

static void show_buf(const char *name, u64 n)
{
    put_str(name);
    put_char(' ');
    put_dec(n);
    put_char(' ');
    for (unsigned i = 0; i < 56; i++) {
        put_char("0123456789abcdef"[buf[i] >> 4]);
        put_char("0123456789abcdef"[buf[i] & 15]);
    }
    put_char('\n');
}

static void fill(void)
{
    for (unsigned i = 0; i < sizeof(buf); i++)
        buf[i] = (u8)(i * 7 + 1);
}

/* SS targets whose length byte comes from R1 ("a": never r0, which would not OR). */
static void ss_targets(void)
{
    for (u64 n = 0; n < 20; n++) {
        fill();
        asm volatile("larl %%r1,0f\n\tex %[n],0(%%r1)\n\tj 1f\n0:\tmvc 32(1,%[b]),0(%[b])\n1:"
                     : : [n] "a"(n), [b] "a"(buf) : "r1", "memory");
        show_buf("ex-mvc", n);
        fill();
        asm volatile("exrl %[n],0f\n\tj 1f\n0:\tmvc 1(1,%[b]),0(%[b])\n1:"
                     : : [n] "a"(n), [b] "a"(buf) : "memory");
        show_buf("exrl-mvc-overlap", n);
        fill();
        asm volatile("exrl %[n],0f\n\tj 1f\n0:\txc 2(1,%[b]),32(%[b])\n1:"
                     : : [n] "a"(n), [b] "a"(buf) : "memory", "cc");
        show_buf("exrl-xc", n);
        u64 cc;
        fill();
        for (unsigned i = 0; i < 20; i++)
            buf[40 + i] = buf[8 + i];
        buf[40 + n / 2] ^= (u8)n;
        asm volatile("exrl %[n],0f\n\tj 1f\n0:\tclc 8(1,%[b]),40(%[b])\n1:\tipm %[cc]"
                     : [cc] "=d"(cc) : [n] "a"(n | 0x100), [b] "a"(buf) : "memory", "cc");
        buf[8] = (u8)(cc >> 28);
        show_buf("exrl-clc", n);
    }
}

/* AR with R1 bits 56-63 naming its registers (target "ar 0,0"); R1 = 0 runs the
 * target as it is (here "ar 2,3"). */
static void reg_targets(void)
{
    for (unsigned k = 0; k < n_edges64; k++) {
        u64 r2 = edges64[k], r3 = edges64[(k * 5 + 3) % n_edges64], cc, or = 0x23;
        asm volatile("lgr %%r2,%[x]\n\tlgr %%r3,%[y]\n\tlarl %%r1,0f\n\tex %[or],0(%%r1)\n\tj 1f\n"
                     "0:\tar %%r0,%%r0\n1:\tipm %[cc]\n\tlgr %[x],%%r2"
                     : [x] "+&d"(r2), [cc] "=&d"(cc) : [y] "d"(r3), [or] "a"(or)
                     : "r1", "r2", "r3", "cc");
        line3("ex-ar", edges64[k], r3, r2, (u32)(cc >> 28));
        r2 = edges64[k];
        asm volatile("lgr %%r2,%[x]\n\tlgr %%r3,%[y]\n\texrl 0,0f\n\tj 1f\n"
                     "0:\tar %%r2,%%r3\n1:\tipm %[cc]\n\tlgr %[x],%%r2"
                     : [x] "+&d"(r2), [cc] "=&d"(cc) : [y] "d"(r3) : "r2", "r3", "cc");
        line3("exrl0-ar", edges64[k], r3, r2, (u32)(cc >> 28));
    }
}

/* Branch targets with the mask from R1, under each CC: '1' = branched. The relative
 * ones branch relative to the target (label 0), landing on label 1. */
#define EXBR(name, ASM) do { \
    put_str(name); \
    for (u64 m = 0; m < 16; m++) { \
        put_char(' '); \
        for (u64 cc = 0; cc < 4; cc++) { \
            u64 t_; \
            asm volatile("spm %[s]\n\tlghi %[t],1\n\tlarl %%r1,1f\n\tlarl %%r2,0f\n\t" ASM \
                         : [t] "=&d"(t_) : [s] "d"(cc << 28), [or] "a"(m << 4) : "r1", "r2", "cc"); \
            put_char('0' + t_); \
        } \
    } \
    put_char('\n'); } while (0)

static void branch_targets(void)
{
    EXBR("ex-bc", "ex %[or],0(%%r2)\n\tlghi %[t],0\n\tj 1f\n0:\tbc 0,0(%%r1)\n1:");
    EXBR("ex-bcr", "ex %[or],0(%%r2)\n\tlghi %[t],0\n\tj 1f\n0:\tbcr 0,%%r1\n1:");
    EXBR("ex-brc", "ex %[or],0(%%r2)\n\tlghi %[t],0\n\tj 1f\n0:\tbrc 0,1f\n1:");
    EXBR("exrl-brc", "exrl %[or],0f\n\tlghi %[t],0\n\tj 1f\n0:\tbrc 0,1f\n1:");
    EXBR("exrl-brcl", "exrl %[or],0f\n\tlghi %[t],0\n\tj 1f\n0:\tbrcl 0,1f\n1:");
}

/* Links: BRAS/BRASL/BASR under EX point after the EX, not after the target. */
static void link_targets(void)
{
    u64 l, e;
    asm volatile("larl %%r1,0f\n\tex 0,0(%%r1)\n2:\tj 1f\n0:\tbras %[l],1f\n1:\tlarl %[e],2b"
                 : [l] "=&a"(l), [e] "=&d"(e) : : "r1");
    put_str("ex-bras "); put_hex(l - e); put_char('\n');
    asm volatile("exrl 0,0f\n2:\tj 1f\n0:\tbrasl %[l],1f\n1:\tlarl %[e],2b"
                 : [l] "=&a"(l), [e] "=&d"(e));
    put_str("exrl-brasl "); put_hex(l - e); put_char('\n');
    asm volatile("larl %%r1,1f\n\tlghi %%r2,0xe1\n\texrl %%r2,0f\n2:\tj 1f\n0:\tbasr 0,0\n"
                 "1:\tlgr %[l],%%r14\n\tlarl %[e],2b"
                 : [l] "=&a"(l), [e] "=&d"(e) : : "r1", "r2", "r14");
    put_str("exrl-basr "); put_hex(l - e); put_char('\n');
}

/* LARL under EXRL: the address is relative to the target; R1 names the register. */
static void larl_target(void)
{
    u64 a, e;
    asm volatile("lghi %%r2,0x30\n\texrl %%r2,0f\n\tj 1f\n0:\tlarl %%r0,0b\n1:\tlgr %[a],%%r3\n"
                 "\tlarl %[e],0b"
                 : [a] "=&d"(a), [e] "=&d"(e) : : "r2", "r3");
    put_str("exrl-larl "); put_hex(a - e); put_char('\n');
}

/* SVC 4 (write) built from "svc 0" and R1 = 4: the system-call number comes from R1. */
static void svc_target(void)
{
    static const char msg[] = "ex-svc: written by an executed SVC 4\n";
    u64 ret;
    asm volatile("lghi %%r2,1\n\tlgr %%r3,%[m]\n\tlghi %%r4,%[n]\n\tlghi %%r5,4\n"
                 "\tlarl %%r1,0f\n\tex %%r5,0(%%r1)\n\tj 1f\n0:\tsvc 0\n1:\tlgr %[ret],%%r2"
                 : [ret] "=d"(ret) : [m] "a"(msg), [n] "i"(sizeof(msg) - 1)
                 : "r1", "r2", "r3", "r4", "r5", "memory", "cc");
    put_str("ex-svc returned "); put_dec((s64)ret); put_char('\n');
}

/* Status targets: IPM (R1 = 0 as its byte 1 is opcode), SPM with R1 naming r2, TAM. */
static void status_targets(void)
{
    for (u64 cc = 0; cc < 4; cc++) {
        u64 a, b;
        asm volatile("spm %[s]\n\tlarl %%r1,0f\n\tex 0,0(%%r1)\n\tj 1f\n0:\tipm %[a]\n1:"
                     : [a] "=&d"(a) : [s] "d"(cc << 28) : "r1", "cc");
        asm volatile("lgr %%r2,%[s]\n\tlghi %%r3,0x20\n\texrl %%r3,0f\n\tj 1f\n0:\tspm 0\n1:\tipm %[b]"
                     : [b] "=&d"(b) : [s] "d"((3 - cc) << 28) : "r2", "r3", "cc");
        put_str("ex-ipm/spm "); put_dec((a >> 28) & 3); put_char(' ');
        put_dec((b >> 28) & 3); put_char('\n');
    }
    u64 t;
    asm volatile("exrl 0,0f\n\tj 1f\n0:\ttam\n1:\tipm %[t]" : [t] "=d"(t) : : "cc");
    put_str("exrl-tam "); put_dec((t >> 28) & 3); put_char('\n');
}

/* A 6-byte relative target (CIJ, R1 from the OR) and targets in another page and
 * across a page boundary. */
static void far_targets(void)
{
    for (u64 v = 0; v < 3; v++) {
        u64 t;
        asm volatile("lgr %%r2,%[v]\n\tlghi %[t],1\n\tlghi %%r3,0x20\n\texrl %%r3,0f\n"
                     "\tlghi %[t],0\n\tj 1f\n0:\tcij %%r0,1,8,1f\n1:"
                     : [t] "=&d"(t) : [v] "d"(v) : "r2", "r3", "cc");
        put_str("exrl-cij "); put_dec(v); put_char(' '); put_dec(t); put_char('\n');
    }
    u64 r = 5;
    asm volatile("larl %%r1,far_target\n\tex 0,0(%%r1)\n\tlarl %%r1,cross_target\n\tex 0,0(%%r1)\n"
                 "\t.pushsection .text.far,\"ax\",@progbits\n\t.balign 4096\n"
                 "far_target:\taghi %[r],100\n\t.skip 4096-4-2\n"
                 "cross_target:\tagfi %[r],0x10000\n\t.popsection"
                 : [r] "+d"(r) : : "r1", "cc");
    put_str("ex-far "); put_hex(r); put_char('\n');
}

int main(void)
{
    svc_target();                       /* first: its write goes out before the buffer */
    ss_targets();
    reg_targets();
    branch_targets();
    link_targets();
    larl_target();
    status_targets();
    far_targets();
    rt_exit(0);
}
