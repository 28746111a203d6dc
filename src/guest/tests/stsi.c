/* STORE SYSTEM INFORMATION: the current configuration level (function code 0), the
 * SYSIBs 1.1.1, 1.2.1, 1.2.2, 2.2.1, 2.2.2 and 3.2.2 checked for what every machine must
 * agree on (formats, CPU address, CPU counts, the type STORE CPU ID reports), CC 3 for
 * unsupported function codes and selectors, and the specification and privileged-
 * operation exceptions. The contents that name the machine are checked in priv_arch.c. */
#include "test.h"

static uint8_t sysib[4096] __attribute__((aligned(4096)));

static int stsi(void *addr, uint64_t r0_in, uint64_t r1_in, uint64_t *r0_out)
{
    register uint64_t r0 asm("0") = r0_in;
    register uint64_t r1 asm("1") = r1_in;
    int cc;
    asm volatile("stsi 0(%[a])\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), "+d"(r0), "+d"(r1) : [a] "a"(addr) : "cc", "memory");
    if (r0_out)
        *r0_out = r0;
    return cc;
}

static int request(unsigned fc, unsigned sel1, unsigned sel2)
{
    memset(sysib, 0xee, sizeof(sysib));
    return stsi(sysib, (uint64_t)fc << 28 | sel1, sel2, 0);
}

static uint16_t be16(unsigned off) { return (uint16_t)(sysib[off] << 8 | sysib[off + 1]); }

/* EBCDIC blank, A-Z, 0-9 or '/', and not all blanks. */
static int ebcdic_text(unsigned off, unsigned len)
{
    int nonblank = 0;
    for (unsigned i = 0; i < len; i++) {
        uint8_t c = sysib[off + i];
        int ok = c == 0x40 || (c >= 0xc1 && c <= 0xc9) || (c >= 0xd1 && c <= 0xd9) ||
                 (c >= 0xe2 && c <= 0xe9) || (c >= 0xf0 && c <= 0xf9) || c == 0x61;
        if (!ok)
            return 0;
        nonblank |= c != 0x40;
    }
    return nonblank;
}

/* The machine type of STORE CPU ID (bits 32-47) as four EBCDIC hex digits. */
static int type_matches_stidp(unsigned off)
{
    uint64_t id;
    asm volatile("stidp %[id]" : [id] "=Q"(id));
    unsigned type = (unsigned)(id >> 16) & 0xffff;
    for (int i = 0; i < 4; i++) {
        unsigned d = (type >> (12 - 4 * i)) & 0xf;
        uint8_t want = (uint8_t)(d < 10 ? 0xf0 + d : 0xc1 + d - 10);
        if (sysib[off + i] != want)
            return 0;
    }
    return 1;
}

/* CPUs that answer SIGP sense (condition code other than 3) among addresses 0-63. */
static unsigned cpus_by_sigp(void)
{
    unsigned n = 0;
    for (unsigned a = 0; a < 64; a++) {
        uint32_t status;
        n += sigp((uint16_t)a, SIGP_SENSE, 0, &status) != 3;
    }
    return n;
}

static void test_level(void)
{
    uint64_t r0;
    CHECK_EQ(stsi(sysib, 0, 0, &r0), 0, "function code 0: cc 0");
    CHECK_EQ(r0, 0x30000000, "function code 0: current level 3 in gr0 bits 32-35");
}

static void test_sysibs(void)
{
    unsigned cpus = cpus_by_sigp();
    CHECK_EQ(request(1, 1, 1), 0, "1.1.1: cc 0");
    CHECK(ebcdic_text(32, 16), "1.1.1: manufacturer is EBCDIC text");
    CHECK(type_matches_stidp(48), "1.1.1: type equals the machine type of stidp");
    CHECK(ebcdic_text(64, 16), "1.1.1: model-capacity identifier is EBCDIC text");
    CHECK_EQ(sysib[4095], 0, "1.1.1: the whole 4K block is stored");

    CHECK_EQ(request(1, 2, 1), 0, "1.2.1: cc 0");
    CHECK_EQ(be16(102), stap(), "1.2.1: cpu address");
    CHECK_EQ(request(1, 2, 2), 0, "1.2.2: cc 0");
    CHECK_EQ(be16(38), cpus, "1.2.2: configured cpus answer sigp sense");
    CHECK_EQ(be16(36), be16(38) + be16(40) + be16(42), "1.2.2: total = configured + standby + reserved");

    CHECK_EQ(request(2, 2, 1), 0, "2.2.1: cc 0");
    CHECK_EQ(be16(102), stap(), "2.2.1: cpu address");
    CHECK_EQ(request(2, 2, 2), 0, "2.2.2: cc 0");
    CHECK_EQ(be16(38), cpus, "2.2.2: configured cpus");
    CHECK_EQ(be16(36), be16(38) + be16(40) + be16(42), "2.2.2: total = configured + standby + reserved");
    CHECK(ebcdic_text(44, 8), "2.2.2: partition name is EBCDIC text");

    CHECK_EQ(request(3, 2, 2), 0, "3.2.2: cc 0");
    CHECK(sysib[31] >= 1 && sysib[31] <= 8, "3.2.2: 1 to 8 virtual-machine descriptions");
    CHECK_EQ(be16(38), cpus, "3.2.2: configured cpus of the first description");
    CHECK_EQ(be16(36), be16(38) + be16(40) + be16(42), "3.2.2: total = configured + standby + reserved");
    CHECK(ebcdic_text(56, 4), "3.2.2: control-program identifier is EBCDIC text");
}

static void test_unsupported(void)
{
    static const struct { unsigned fc, s1, s2; const char *name; } cases[] = {
        { 4, 0, 0, "function code 4: cc 3" },
        { 7, 0, 0, "function code 7: cc 3" },
        { 1, 1, 2, "selectors 1.2: cc 3" },
        { 1, 0, 1, "selector 1 zero: cc 3" },
        { 1, 2, 0, "selector 2 zero: cc 3" },
        { 1, 3, 1, "1.3.1: cc 3" },
        { 2, 1, 1, "2.1.1: cc 3" },
        { 3, 2, 1, "3.2.1: cc 3" },
    };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char name[64];
        CHECK_EQ(request(cases[i].fc, cases[i].s1, cases[i].s2), 3, cases[i].name);
        snprintf(name, sizeof(name), "%s, nothing stored", cases[i].name);
        CHECK(sysib[0] == 0xee && sysib[4095] == 0xee, name);
    }
}

static void test_exceptions(void)
{
    struct pgm_info pi;
    CHECK_PGM(stsi(sysib, 1UL << 28 | 0x100 | 1, 1, 0), PGM_SPECIFICATION, 4,
              "gr0 bit 55 set: specification", &pi);
    CHECK_PGM(stsi(sysib, 1UL << 28 | 1, 0x10001, 0), PGM_SPECIFICATION, 4,
              "gr1 bit 47 set: specification", &pi);
    CHECK_PGM(stsi(sysib + 8, 1UL << 28 | 1, 1, 0), PGM_SPECIFICATION, 4,
              "operand not on a 4K boundary: specification", &pi);
    pgm_expect();
    pstate_enter();
    stsi(sysib, 0, 0, 0);
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "stsi in the problem state: privileged operation");
}

int main(void)
{
    test_level();
    test_sysibs();
    test_unsupported();
    test_exceptions();
    return test_summary();
}
