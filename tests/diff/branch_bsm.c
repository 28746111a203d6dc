/* BRANCH AND SET MODE / BRANCH AND SAVE AND SET MODE: mode switches, links in 31- and
 * 64-bit mode, R1 = 0, R2 = 0, R1 = R2. qemu-s390x 7.2 does not implement BSM/BASSM
 * (operation exception), so this test states the architected results itself and its
 * output is compared with branch_bsm.expected instead of with QEMU. */
#include "rt.h"
static void chk(const char *n, u64 got, u64 want) { put_str(n); put_str(got == want ? " ok " : " BAD "); put_hex(got); put_char(' '); put_hex(want); put_char('\n'); }
int main(void)
{
    u64 r3 = 0xa5a5a5a5a5a5a5a0UL, r4 = 0x1234567800000000UL, t1, t2, n1, l1, l2, r6 = 0x5555555500000000UL, r7 = 0xffffffff7ffffffeUL, r8 = 0x0123456789abcdeeUL;
    /* 64 -> 31 via BSM r3,r2; record in 31: BSM r6,0 ; 31 -> 64 via BASSM r4,r5 ; BSM r7,0 in 64 */
    asm volatile("larl %%r2,1f\n\toilh %%r2,0x8000\n\tlarl %%r5,2f\n\toill %%r5,1\n"
                 "\tbsm %[r3],%%r2\n1:\ttam\n\tipm %[t1]\n\tbsm %[r6],0\n\tbassm %[r4],%%r5\n3:\n2:\ttam\n\tipm %[t2]\n\tbsm %[r7],0\n\tlarl %[n1],3b"
                 : [r3] "+a"(r3), [r4] "+a"(r4), [r6] "+a"(r6), [r7] "+a"(r7), [t1] "=&d"(t1), [t2] "=&d"(t2), [n1] "=&d"(n1) : : "r2", "r5", "cc");
    chk("bsm-r1-64", r3, 0xa5a5a5a5a5a5a5a1UL);
    chk("tam31", (t1 >> 28) & 3, 1);
    chk("bsm-rec31", r6, 0x5555555580000000UL);
    chk("bassm-link31", r4, 0x1234567880000000UL | n1);
    chk("tam64", (t2 >> 28) & 3, 3);
    chk("bsm-rec64", r7, 0xffffffff7fffffffUL);
    /* BASSM in 64-bit mode to 31, back with BSM 0,r (R1=0) */
    asm volatile("larl %%r2,1f\n\toilh %%r2,0x8000\n\tlarl %%r5,2f\n\toill %%r5,1\n"
                 "\tbassm %[l1],%%r2\n3:\n1:\ttam\n\tipm %[t1]\n\tbsm 0,%%r5\n2:\ttam\n\tipm %[t2]\n\tlarl %[n1],3b"
                 : [l1] "=&a"(l1), [t1] "=&d"(t1), [t2] "=&d"(t2), [n1] "=&d"(n1) : : "r2", "r5", "cc");
    chk("bassm-link64", l1, n1 | 1);
    chk("tam31b", (t1 >> 28) & 3, 1);
    chk("tam64b", (t2 >> 28) & 3, 3);
    /* BSM with R1 == R2: R2 read before R1 changes (to 31 then back) */
    asm volatile("larl %[l2],1f\n\toilh %[l2],0x8000\n\tlarl %%r5,2f\n\toill %%r5,1\n"
                 "\tbsm %[l2],%[l2]\n1:\ttam\n\tipm %[t1]\n\tbsm 0,%%r5\n2:\tlarl %[n1],1b"
                 : [l2] "=&a"(l2), [t1] "=&d"(t1), [n1] "=&d"(n1) : : "r5", "cc");
    chk("bsm-same", l2, (n1 | 0x80000000UL) | 1);
    chk("tam31c", (t1 >> 28) & 3, 1);
    /* BASSM r1,0: link only */
    asm volatile("bassm %[l1],0\n3:\tlarl %[n1],3b" : [l1] "=&a"(l1), [n1] "=&d"(n1));
    chk("bassm-r0", l1, n1 | 1);
    (void)r8;
    rt_exit(0);
}
