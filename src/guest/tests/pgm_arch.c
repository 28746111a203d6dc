/* Program-interruption codes QEMU 7.2 does not raise (zhyp only,
 * see the option line below; docs/testing.md): fixed-point overflow with the program
 * mask bit on, decimal overflow, decimal divide and the decimal data exception (DXC 0),
 * with the code, ILC and old PSW in the lowcore and the result an overflow stores.
 * @baremetal qemu no
 */
#include "test.h"

#define PGM_DEC_OVERFLOW    0x0a
#define PGM_DEC_DIVIDE      0x0b

static void test_fixed_point_overflow(void)
{
    struct pgm_info pi;
    uint64_t a = 0x7fffffff, next;
    pgm_expect();
    asm volatile("larl %[n],1f\n\tspm %[pm]\n\tar %[a],%[one]\n1:\tspm %[zero]"
                 : [n] "=&a"(next), [a] "+d"(a)
                 : [pm] "d"(0x08000000UL), [one] "d"(1UL), [zero] "d"(0UL) : "cc");
    test_check_pgm(&pi, PGM_FIXED_OVERFLOW, 2, "ar overflow with the mask on: fixed-point overflow, ilc 2");
    CHECK_EQ(pi.old_addr, next, "fixed-point overflow: old psw after the instruction");
    CHECK_EQ((pi.old_mask >> 44) & 3, 3, "fixed-point overflow: old psw cc 3");
    CHECK_EQ(a & 0xffffffffUL, 0x80000000UL, "fixed-point overflow: the wrapped sum is stored");
}

static void test_decimal(void)
{
    struct pgm_info pi;
    uint8_t x[2] = { 0x99, 0x9c }, one[1] = { 0x1c }, zero[1] = { 0x0c }, bad[2] = { 0x1a, 0x3c };
    uint8_t q[4] = { 0x00, 0x00, 0x12, 0x3c };
    pgm_expect();
    asm volatile("spm %[pm]\n\tap 0(2,%[x]),0(1,%[o])\n\tspm %[z]"
                 : : [x] "a"(x), [o] "a"(one), [pm] "d"(0x04000000UL), [z] "d"(0UL) : "cc", "memory");
    test_check_pgm(&pi, PGM_DEC_OVERFLOW, 6, "ap 999+1 with the mask on: decimal overflow, ilc 6");
    CHECK(x[0] == 0x00 && x[1] == 0x0c, "decimal overflow: the truncated sum 000+ is stored");
    CHECK_PGM(asm volatile("dp 0(4,%[q]),0(1,%[z])" : : [q] "a"(q), [z] "a"(zero) : "cc", "memory"), PGM_DEC_DIVIDE, 6,
              "dp by zero: decimal divide", &pi);
    *(volatile uint32_t *)lc_ptr(LC_DXC) = 0xee;
    CHECK_PGM(asm volatile("ap 0(2,%[x]),0(2,%[b])" : : [x] "a"(x), [b] "a"(bad) : "cc", "memory"), PGM_DATA, 6,
              "ap with an invalid digit: data exception", &pi);
    CHECK_EQ(pi.dxc, 0, "decimal data exception: dxc 0");
}

int main(void)
{
    test_fixed_point_overflow();
    test_decimal();
    return test_summary();
}
