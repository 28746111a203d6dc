/* DIAG X'250' with pseudo-random parameter lists and entries (fixed seed): every call
 * must come back with a condition code or a program exception, every started request
 * must complete, and the disks must still work afterwards. Buffers and lists point
 * only into this kernel's scratch areas or outside its storage, so the guest itself
 * survives. The outcome counts are printed; they depend only on the seed. */
#include "diag250.h"
#include "test.h"

#define ITERATIONS  4000
#define MAX_COUNT   300                  /* beyond the 256 CP takes */
#define SCRATCH     (64 * 1024)

static uint8_t scratch[SCRATCH + 4096] __attribute__((aligned(4096)));
static uint8_t entries[(MAX_COUNT + 2) * 24] __attribute__((aligned(8)));
static struct diag250_biopl pl[2];
static uint64_t memsize, rng = 0x9e3779b97f4a7c15ULL;
static unsigned outcome[4][64], pgms[0x40], started;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t pick(const uint64_t *v, unsigned n) { return v[rnd() % n]; }

/* An address no read may hurt: the scratch area, or outside guest storage. */
static uint64_t some_buffer(int fmt64)
{
    switch (rnd() % 6) {
    case 0: case 1: case 2:
        return (uint64_t)scratch + rnd() % SCRATCH;
    case 3:
        return memsize - rnd() % 4096;
    case 4:
        return memsize + rnd() % (0x80000000ULL - memsize);
    default:
        return fmt64 ? rnd() | 0x8000000000000000ULL : memsize + 4096;
    }
}

static int64_t some_block(void)
{
    static const uint64_t small[] = { 0, 1, 2, 3, 15, 16, 255, 256, 257, 1024, 2048, 2049 };
    return rnd() % 3 ? (int64_t)pick(small, 12) : (int64_t)rnd();
}

static void fill_entries(int fmt64, unsigned count)
{
    for (unsigned i = 0; i < count + 1; i++) {
        uint8_t *e = entries + i * (fmt64 ? 24 : 16);
        memset(e, 0, fmt64 ? 24 : 16);
        e[0] = rnd() % 8 ? 1 + rnd() % 2 : (uint8_t)rnd();
        if (!(rnd() % 16))
            e[2] = (uint8_t)rnd();
        if (fmt64) {
            *(int64_t *)(e + 8) = some_block();
            *(uint64_t *)(e + 16) = some_buffer(1);
        } else {
            *(int32_t *)(e + 4) = (int32_t)some_block();
            *(uint32_t *)(e + 12) = (uint32_t)some_buffer(0);
        }
    }
}

static uint64_t some_list(int fmt64)
{
    switch (rnd() % 8) {
    case 0:
        return (uint64_t)entries + 1 + rnd() % 7;
    case 1:
        return memsize - 8 * (rnd() % 8);
    case 2:
        return fmt64 ? rnd() : memsize + rnd() % 0x1000000;
    default:
        return (uint64_t)entries;
    }
}

/* A parameter list for function fc: mostly well formed, sometimes not. */
static void make_biopl(uint8_t *b, uint64_t fc)
{
    static const uint64_t devs[] = { 0x100, 0x101, 0x100, 0x101, 0x102, 0xffff };
    static const uint64_t sizes[] = { 512, 1024, 2048, 4096, 0, 4095, 8192 };
    memset(b, 0, 64);
    for (unsigned i = 0; i < 64; i++)
        if (!(rnd() % 512))
            b[i] = (uint8_t)rnd();
    *(uint16_t *)b = (uint16_t)pick(devs, 6);
    int fmt64 = rnd() % 4 != 0;
    b[2] = rnd() % 16 ? (fmt64 ? 0x80 : 0) : (uint8_t)rnd();
    unsigned count = rnd() % 4 ? 1 + rnd() % 8 : rnd() % (MAX_COUNT + 1);
    *(uint32_t *)(b + 0x18) = (uint32_t)pick(sizes, 7);   /* INIT; read/write key+flags+... */
    unsigned layout = rnd() % 8 ? (unsigned)fc : (unsigned)rnd() % 3;
    if (layout == DIAG250_RW) {                             /* read/write layout */
        b[0x18] = rnd() % 8 ? 0 : (uint8_t)rnd();
        b[0x19] = rnd() % 2 ? 0 : rnd() % 8 ? DIAG250_FLAG_ASYNC : (uint8_t)rnd();
        b[0x1a] = b[0x1b] = 0;
        *(uint32_t *)(b + 0x1c) = count;
    } else if (layout == DIAG250_INIT && rnd() % 2) {      /* an INIT offset */
        uint64_t off = rnd() % 2 ? rnd() % 64 : rnd();
        if (fmt64)
            *(uint64_t *)(b + 0x20) = off;
        else
            *(uint32_t *)(b + 0x1c) = (uint32_t)off;
    }
    if ((uint32_t)fc != DIAG250_RW)
        return;
    /* Whatever the layout, the list CP follows is a safe one in the format CP sees. */
    int eff64 = (b[2] & DIAG250_FLAGA_64BIT) != 0;
    uint32_t n = *(uint32_t *)(b + 0x1c);
    fill_entries(eff64, n < MAX_COUNT ? n : MAX_COUNT);
    if (eff64)
        *(uint64_t *)(b + 0x30) = some_list(1);
    else
        *(uint32_t *)(b + 0x24) = (uint32_t)some_list(0);
}

static uint64_t some_fc(void)
{
    switch (rnd() % 16) {
    case 0:
        return rnd();                      /* almost always a specification exception */
    case 1:
        return 0xffffffff00000000ULL | rnd() % 3;   /* bits 0-31 are not looked at */
    default:
        return rnd() % 3;
    }
}

static void one_call(void)
{
    uint64_t plv = (uint64_t)&pl[0], fc = some_fc();
    make_biopl(pl[0].b, fc);
    switch (rnd() % 32) {
    case 0: plv += 4; break;
    case 1: plv = memsize - 32; break;
    case 2: plv = memsize + 8 * (rnd() % 4096); break;
    }
    int cc;
    pgm_expect();                      /* before the register variables: a call clobbers them */
    register uint64_t rx asm("2") = plv;
    register uint64_t rc asm("3") = 0;
    asm volatile("diag %[rx],%[fc],0x250\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), "+d"(rc) : [rx] "d"(rx), [fc] "d"(fc) : "cc", "memory");
    uint64_t rcv = rc;                 /* out of r3 before the next call */
    uint16_t code = pgm_result(0);
    if (code)
        pgms[code & 0x3f]++;
    else
        outcome[cc & 3][rcv < 63 ? rcv : 63]++;
    if (!code && cc == 0 && rcv == DIAG250_RC_STARTED)
        started++;
}

static void print_outcomes(void)
{
    for (unsigned c = 0; c < 0x40; c++)
        if (pgms[c])
            printf("fuzz: program exception 0x%02x: %u\n", c, pgms[c]);
    for (unsigned cc = 0; cc < 4; cc++)
        for (unsigned rc = 0; rc < 64; rc++)
            if (outcome[cc][rc])
                printf("fuzz: cc %u rc %u: %u\n", cc, rc, outcome[cc][rc]);
}

int main(void)
{
    struct diag250_completion c;
    memsize = sclp_memory_size();
    if (!memsize)
        guest_panic("no storage size from Read SCP Info");
    diag250_install();
    for (unsigned i = 0; i < ITERATIONS; i++)
        one_call();
    print_outcomes();
    CHECK(1, "fuzz: every call came back");
    unsigned bad = 0;
    for (unsigned i = 0; i < started; i++) {
        diag250_wait(&c);
        bad += c.code != DIAG250_CODE_31BIT && c.code != DIAG250_CODE_64BIT;
    }
    CHECK(bad == 0 && !diag250_pending(), "fuzz: every started request completed once");
    for (uint16_t dev = 0x100; dev <= 0x101; dev++) {
        diag250_remove(dev);
        CHECK_EQ(diag250_init(dev, 512, 0, 0, 0), DIAG250_RES(0, 0), "fuzz: the disk takes INIT after");
        CHECK_EQ(diag250_rw(dev, DIAG250_READ, 1, scratch, 8), DIAG250_RES(0, 0), "fuzz: and reads");
    }
    return test_summary();
}
