/* Storage keys and the PSW key: SSKE/ISKE round trip (ISKE keeps bits 0-55 of R1),
 * reference and change bits set by fetches and stores, RRBE's condition code and reset,
 * and TEST BLOCK clearing a frame. Key-controlled protection is not checked here: QEMU
 * does not enforce it; IPK is left out: QEMU 7.2 raises an operation exception for it
 * (docs/testing.md). */
#include "test.h"

static uint8_t frame[4096] __attribute__((aligned(4096)));

static uint64_t iske(uint64_t addr, uint64_t r1)
{
    asm volatile("iske %[r1],%[a]" : [r1] "+d"(r1) : [a] "a"(addr));
    return r1;
}

static void sske(uint64_t addr, uint8_t key)
{
    asm volatile("sske %[k],%[a]" : : [k] "d"((uint64_t)key), [a] "a"(addr) : "memory");
}

static int rrbe(uint64_t addr)
{
    int cc;
    asm volatile("rrbe 0,%[a]\n\tipm %[cc]\n\tsrl %[cc],28" : [cc] "=d"(cc) : [a] "a"(addr) : "cc");
    return cc;
}

static void test_iske_sske(void)
{
    uint64_t a = (uint64_t)frame;
    sske(a, 0x30);
    CHECK_EQ(iske(a, 0xffffffffffffff00UL), 0xffffffffffffff30UL, "iske after sske 0x30 keeps bits 0-55");
    sske(a, 0x79);                                     /* bit 63 is not part of the key */
    CHECK_EQ(iske(a, 0) & 0xff, 0x78, "sske ignores bit 63; iske stores it as 0");
    sske(a, 0x00);
    volatile uint8_t *p = frame;
    (void)p[5];
    CHECK_EQ(iske(a, 0) & 0x06, 0x04, "a fetch sets the reference bit only");
    p[7] = 1;
    CHECK_EQ(iske(a, 0) & 0x06, 0x06, "a store sets the change bit");
}

static void test_rrbe(void)
{
    uint64_t a = (uint64_t)frame;
    static const struct { uint8_t key; int cc; } cases[] = {
        { 0x00, 0 }, { 0x02, 1 }, { 0x04, 2 }, { 0x06, 3 },
    };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        sske(a, cases[i].key);
        CHECK_EQ(rrbe(a), cases[i].cc, "rrbe condition code from reference and change");
        CHECK_EQ(iske(a, 0) & 0xfe, cases[i].key & 0x02, "rrbe clears only the reference bit");
    }
}

static void test_tb(void)
{
    uint64_t a = (uint64_t)frame + 0x123, r0 = 0, cc;
    memset(frame, 0xa5, sizeof(frame));
    asm volatile("lgr %%r0,%[r0]\n\ttb %%r0,%[a]\n\tipm %[cc]\n\tsrl %[cc],28\n\tlgr %[r0],%%r0"
                 : [cc] "=d"(cc), [r0] "+d"(r0) : [a] "a"(a) : "r0", "cc", "memory");
    CHECK_EQ(cc, 0, "tb on a usable frame: cc 0");
    unsigned nonzero = 0;
    for (unsigned i = 0; i < sizeof(frame); i++)
        nonzero += frame[i] != 0;
    CHECK_EQ(nonzero, 0, "tb clears the whole 4k block");
}

int main(void)
{
    test_iske_sske();
    test_rrbe();
    test_tb();
    return test_summary();
}
