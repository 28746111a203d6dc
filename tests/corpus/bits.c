/* Bit manipulation: popcount/ctz/clz/parity/ffs/bswap/clrsb builtins at 32 and 64 bits
 * against naive loops, rotates, three ways to reverse bits, next power of two, Gray code,
 * Morton interleaving; over edge values and a seeded random stream. */
#include <stdio.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static int n_pop(uint64_t x) { int n = 0; while (x) { n += (int)(x & 1); x >>= 1; } return n; }
static int n_ctz(uint64_t x, int w) { int n = 0; while (n < w && !(x >> n & 1)) n++; return n; }
static int n_clz(uint64_t x, int w) { int n = 0; while (n < w && !(x >> (w - 1 - n) & 1)) n++; return n; }

static uint32_t rev32_loop(uint32_t x) { uint32_t r = 0; for (int i = 0; i < 32; i++) { r = r << 1 | (x & 1); x >>= 1; } return r; }
static uint32_t rev32_swap(uint32_t x)
{
    x = (x >> 1 & 0x55555555u) | (x & 0x55555555u) << 1;
    x = (x >> 2 & 0x33333333u) | (x & 0x33333333u) << 2;
    x = (x >> 4 & 0x0f0f0f0fu) | (x & 0x0f0f0f0fu) << 4;
    return __builtin_bswap32(x);
}
static uint8_t rev8_tab[256];
static uint32_t rev32_table(uint32_t x)
{
    return (uint32_t)rev8_tab[x & 0xff] << 24 | (uint32_t)rev8_tab[x >> 8 & 0xff] << 16 |
           (uint32_t)rev8_tab[x >> 16 & 0xff] << 8 | rev8_tab[x >> 24];
}
static uint64_t rev64(uint64_t x) { return (uint64_t)rev32_swap((uint32_t)x) << 32 | rev32_swap((uint32_t)(x >> 32)); }

static uint32_t rotl32(uint32_t x, unsigned r) { return x << (r & 31) | x >> (-r & 31); }
static uint64_t rotr64(uint64_t x, unsigned r) { return x >> (r & 63) | x << (-r & 63); }

static uint64_t next_pow2(uint64_t x) { return x <= 1 ? 1 : 1ULL << (64 - __builtin_clzll(x - 1)); }

static uint32_t spread16(uint32_t x)   /* 16 bits to the even positions of 32 */
{
    x = (x | x << 8) & 0x00ff00ffu;
    x = (x | x << 4) & 0x0f0f0f0fu;
    x = (x | x << 2) & 0x33333333u;
    return (x | x << 1) & 0x55555555u;
}

static uint64_t rs = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void) { uint64_t z = (rs += 0x9e3779b97f4a7c15ULL); z = (z ^ z >> 30) * 0xbf58476d1ce4e5b9ULL; z = (z ^ z >> 27) * 0x94d049bb133111ebULL; return z ^ z >> 31; }

static int check_value(uint64_t v)
{
    uint32_t w = (uint32_t)v;
    int bad = 0;
    bad += __builtin_popcountll(v) != n_pop(v) || __builtin_popcount(w) != n_pop(w);
    bad += __builtin_parityll(v) != (n_pop(v) & 1) || __builtin_parity(w) != (n_pop(w) & 1);
    if (v) bad += __builtin_ctzll(v) != n_ctz(v, 64) || __builtin_clzll(v) != n_clz(v, 64);
    if (w) bad += __builtin_ctz(w) != n_ctz(w, 32) || __builtin_clz(w) != n_clz(w, 32);
    bad += __builtin_ffsll((long long)v) != (v ? n_ctz(v, 64) + 1 : 0);
    bad += __builtin_clrsbll((long long)v) != n_clz((int64_t)v < 0 ? ~v : v, 64) - 1;
    bad += rev32_loop(w) != rev32_swap(w) || rev32_table(w) != rev32_loop(w);
    bad += rev64(rev64(v)) != v;
    bad += __builtin_bswap64(v) != ((uint64_t)__builtin_bswap32(w) << 32 | __builtin_bswap32((uint32_t)(v >> 32)));
    bad += __builtin_bswap16((uint16_t)v) != (uint16_t)((v & 0xff) << 8 | (v >> 8 & 0xff));
    for (unsigned r = 0; r < 64; r += 7) {
        bad += rotr64(rotr64(v, r), 64 - r) != v;
        bad += rotl32(w, r) != (r % 32 ? (w << (r % 32) | w >> (32 - r % 32)) : w);
    }
    uint64_t lowbit = v & (0 - v), cleared = v & (v - 1);
    bad += (lowbit | cleared) != v || (v && n_pop(lowbit) != 1);
    uint32_t g = w ^ w >> 1, inv = g;
    for (int s = 1; s < 32; s <<= 1) inv ^= inv >> s;
    bad += inv != w;
    return bad;
}

int main(void)
{
    for (int i = 0; i < 256; i++) rev8_tab[i] = (uint8_t)(rev32_loop((uint32_t)i) >> 24);
    static const uint64_t edges[] = { 0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x8000, 0xffff, 0x7fffffff,
        0x80000000ULL, 0xffffffffULL, 0x100000000ULL, 0x7fffffffffffffffULL,
        0x8000000000000000ULL, 0xffffffffffffffffULL, 0x5555555555555555ULL,
        0xaaaaaaaaaaaaaaaaULL, 0x0123456789abcdefULL };
    int bad = 0;
    unsigned long long acc = 0;
    for (unsigned i = 0; i < sizeof edges / sizeof *edges; i++) {
        uint64_t v = edges[i];
        bad += check_value(v);
        printf("%016llx pop %2d clz %2d ctz %2d rev %016llx bswap %016llx clrsb %2d\n",
               (unsigned long long)v, __builtin_popcountll(v), v ? __builtin_clzll(v) : 64,
               v ? __builtin_ctzll(v) : 64, (unsigned long long)rev64(v),
               (unsigned long long)__builtin_bswap64(v), __builtin_clrsbll((long long)v));
    }
    for (int i = 0; i < 8000; i++) {
        uint64_t v = rnd() >> (i % 64);
        bad += check_value(v);
        acc = acc * 3 + (unsigned long long)__builtin_popcountll(v) + rev32_swap((uint32_t)v);
    }
    printf("random: %d bad, digest %llu\n", bad, acc);
    CHECK(bad == 0);
    CHECK(next_pow2(0) == 1 && next_pow2(5) == 8 && next_pow2(64) == 64 && next_pow2(65) == 128);
    CHECK(next_pow2(0x8000000000000000ULL) == 0x8000000000000000ULL);
    uint32_t m = spread16(0xffff) | spread16(0x1234) << 1;
    printf("morton(0xffff, 0x1234) = %08x\n", (unsigned)m);
    CHECK(m == 0x575d5f75u);
    printf("bits: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
