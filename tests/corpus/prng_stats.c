/* Pseudo-random generators (glibc rand/random/lrand48, an LCG, xorshift64*, splitmix64,
 * PCG32) with known first outputs, and statistics computed in integers: byte chi-square,
 * bit balance, runs, serial pairs, and a Monte Carlo quarter-circle count. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static uint64_t pcg_state, pcg_inc;
static uint32_t pcg32(void)
{
    uint64_t old = pcg_state;
    pcg_state = old * 6364136223846793005ULL + pcg_inc;
    uint32_t xs = (uint32_t)(((old >> 18) ^ old) >> 27), rot = (uint32_t)(old >> 59);
    return xs >> rot | xs << (-rot & 31);
}
static void pcg_seed(uint64_t init, uint64_t seq)
{
    pcg_state = 0;
    pcg_inc = seq << 1 | 1;
    pcg32();
    pcg_state += init;
    pcg32();
}

static uint64_t xs_state = 1;
static uint32_t xorshift64s(void)
{
    xs_state ^= xs_state >> 12; xs_state ^= xs_state << 25; xs_state ^= xs_state >> 27;
    return (uint32_t)((xs_state * 0x2545f4914f6cdd1dULL) >> 32);
}

static uint64_t sm_state = 0;
static uint32_t splitmix(void)
{
    uint64_t z = (sm_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ z >> 30) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ z >> 27) * 0x94d049bb133111ebULL;
    return (uint32_t)((z ^ z >> 31) >> 32);
}

static uint32_t lcg_state = 1;
static uint32_t lcg(void) { lcg_state = lcg_state * 1103515245u + 12345u; return lcg_state; }   /* weak low bits */
/* rand() gives 31 bits: two calls, sequenced, make 32 */
static uint32_t glibc_rand(void) { uint32_t hi = (uint32_t)rand(); return hi << 1 ^ (uint32_t)rand() >> 15; }
static uint32_t glibc_lrand48(void) { uint32_t hi = (uint32_t)lrand48(); return hi << 1 ^ (uint32_t)lrand48() >> 10; }

enum { SAMPLES = 16384 };

static void stats(const char *name, uint32_t (*gen)(void))
{
    unsigned long byte_count[256] = { 0 }, bit_count[32] = { 0 }, pair[16][16];
    memset(pair, 0, sizeof pair);
    unsigned long runs = 0, inside = 0;
    uint32_t prev = 0, prev_nib = 0;
    uint64_t digest = 0;
    for (int i = 0; i < SAMPLES; i++) {
        uint32_t v = gen();
        digest = digest * 0x100000001b3ULL ^ v;
        for (int k = 0; k < 4; k++) byte_count[v >> (8 * k) & 0xff]++;
        for (int k = 0; k < 32; k++) bit_count[k] += v >> k & 1;
        if (i && v < prev) runs++;
        pair[prev_nib][v >> 28]++;
        prev_nib = v >> 28;
        prev = v;
        uint64_t x = v & 0xffff, y = v >> 16;   /* point in [0,65536)^2 */
        inside += x * x + y * y < 65536ULL * 65536ULL;
    }
    /* chi-square = sum (o - e)^2 / e with e = SAMPLES*4/256: integer numerator */
    long long e = SAMPLES * 4 / 256, num = 0, pnum = 0, pe = SAMPLES / 256;
    for (int b = 0; b < 256; b++) num += (long long)(byte_count[b] - e) * (long long)(byte_count[b] - e);
    for (int a = 0; a < 16; a++) for (int b = 0; b < 16; b++) pnum += (long long)(pair[a][b] - pe) * (long long)(pair[a][b] - pe);
    long worst = 0;
    int worst_bit = 0;
    for (int k = 0; k < 32; k++) {
        long d = (long)bit_count[k] - SAMPLES / 2;
        if (d < 0) d = -d;
        if (d > worst) { worst = d; worst_bit = k; }
    }
    double chi = (double)num / (double)e, pchi = (double)pnum / (double)pe;
    printf("%-10s digest %016llx chi2(bytes) %8.3f chi2(pairs) %8.3f worst bit %2d off by %4ld "
           "descents %lu pi~%.5f\n", name, (unsigned long long)digest, chi, pchi, worst_bit, worst,
           runs, 4.0 * (double)inside / SAMPLES);
    if (strcmp(name, "lcg") != 0) {   /* the plain LCG's low bits are known to fail */
        CHECK(chi > 170 && chi < 350);
        CHECK(pchi > 170 && pchi < 350);
        CHECK(worst < 1000);
        CHECK(runs > SAMPLES / 2 - 1000 && runs < SAMPLES / 2 + 1000);
    }
}

int main(void)
{
    srand(1);
    int r0 = rand(), r1 = rand(), r2 = rand();
    printf("rand after srand(1): %d %d %d\n", r0, r1, r2);
    CHECK(r0 == 1804289383 && r1 == 846930886 && r2 == 1681692777);
    pcg_seed(42, 54);
    uint32_t p[6];
    for (int i = 0; i < 6; i++) p[i] = pcg32();
    printf("pcg32(42,54): %08x %08x %08x %08x %08x %08x\n", (unsigned)p[0], (unsigned)p[1],
           (unsigned)p[2], (unsigned)p[3], (unsigned)p[4], (unsigned)p[5]);
    CHECK(p[0] == 0xa15c02b7u && p[1] == 0x7b47f409u && p[5] == 0xcbed606eu);
    srand48(12345);
    long l0 = lrand48(), l1 = lrand48();
    double d0 = drand48();
    printf("lrand48 after srand48(12345): %ld %ld; drand48 %.12f\n", l0, l1, d0);
    char state[64];
    initstate(7, state, sizeof state);
    long q0 = random(), q1 = random();
    printf("random() with a 64-byte state: %ld %ld\n", q0, q1);

    srand(2024);
    srand48(2024);
    pcg_seed(2024, 1);
    stats("rand", glibc_rand);
    stats("lrand48", glibc_lrand48);
    stats("lcg", lcg);
    stats("xorshift*", xorshift64s);
    stats("splitmix", splitmix);
    stats("pcg32", pcg32);
    printf("prng_stats: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
