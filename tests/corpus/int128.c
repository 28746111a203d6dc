/* 128-bit integers: multiplication, division and remainder (signed and unsigned),
 * shifts, comparisons, decimal printing by hand, factorials to 34!, 64-bit modular
 * arithmetic and a deterministic Miller-Rabin test built on 128-bit products. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

typedef unsigned __int128 u128;
typedef __int128 s128;

static char *u128_str(u128 v, char *buf)
{
    char t[48];
    int n = 0;
    do { t[n++] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
    for (int i = 0; i < n; i++) buf[i] = t[n - 1 - i];
    buf[n] = 0;
    return buf;
}

static char *s128_str(s128 v, char *buf)
{
    if (v < 0) { buf[0] = '-'; u128_str(-(u128)v, buf + 1); return buf; }
    return u128_str((u128)v, buf);
}

static u128 parse_u128(const char *s)
{
    u128 v = 0;
    while (*s) v = v * 10 + (u128)(*s++ - '0');
    return v;
}

static uint64_t rs = 0x243f6a8885a308d3ULL;
static uint64_t rnd(void) { rs ^= rs << 7; rs ^= rs >> 9; return rs; }

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) { return (uint64_t)((u128)a * b % m); }
static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m)
{
    uint64_t r = 1;
    for (b %= m; e; e >>= 1, b = mulmod(b, b, m))
        if (e & 1) r = mulmod(r, b, m);
    return r;
}

static int is_prime(uint64_t n)
{
    static const uint64_t bases[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
    if (n < 2) return 0;
    for (int i = 0; i < 12; i++) if (n % bases[i] == 0) return n == bases[i];
    uint64_t d = n - 1;
    int s = 0;
    while (!(d & 1)) { d >>= 1; s++; }
    for (int i = 0; i < 12; i++) {
        uint64_t x = powmod(bases[i], d, n);
        if (x == 1 || x == n - 1) continue;
        int comp = 1;
        for (int r = 1; r < s && comp; r++) { x = mulmod(x, x, n); if (x == n - 1) comp = 0; }
        if (comp) return 0;
    }
    return 1;
}

static u128 isqrt128(u128 n)
{
    u128 r = 0;
    for (int b = 63; b >= 0; b--) {
        u128 c = r | (u128)1 << b;
        if (c * c <= n) r = c;
    }
    return r;
}

int main(void)
{
    char b1[48], b2[48];
    u128 max = ~(u128)0;
    s128 smax = (s128)(max >> 1), smin = -smax - 1;
    printf("u128 max %s\n", u128_str(max, b1));
    printf("s128 max %s min %s\n", s128_str(smax, b1), s128_str(smin, b2));
    CHECK(strcmp(u128_str(max, b1), "340282366920938463463374607431768211455") == 0);
    CHECK(strcmp(s128_str(smin, b1), "-170141183460469231731687303715884105728") == 0);

    u128 f = 1;
    for (int i = 2; i <= 34; i++) f *= (u128)i;
    printf("34! = %s\n", u128_str(f, b1));
    CHECK(strcmp(b1, "295232799039604140847618609643520000000") == 0);
    for (int i = 34; i >= 2; i--) { CHECK(f % (u128)i == 0); f /= (u128)i; }
    CHECK(f == 1);

    int bad = 0;
    for (int i = 0; i < 2000; i++) {
        u128 a = (u128)rnd() << 64 | rnd(), d = (u128)rnd() >> (rnd() % 64);
        if (i & 1) d = d << 64 | rnd();
        if (!d) continue;
        u128 q = a / d, r = a % d;
        bad += q * d + r != a || r >= d;
        s128 sa = (s128)a >> (i % 100), sd = (s128)d * ((i & 2) ? -1 : 1) >> (i % 70);
        if (!sd || (sa == smin && sd == -1)) continue;
        s128 sq = sa / sd, sr = sa % sd;
        bad += sq * sd + sr != sa;
        bad += sr != 0 && ((sr < 0) != (sa < 0));      /* remainder takes the dividend's sign */
        bad += (sr < 0 ? -sr : sr) >= (sd < 0 ? -sd : sd);
    }
    printf("random divisions: %d bad\n", bad);
    CHECK(bad == 0);

    u128 x = parse_u128("170141183460469231731687303715884105727");
    CHECK(x == (max >> 1));
    CHECK((x << 1 | 1) == max && (max >> 127) == 1 && ((u128)1 << 100) >> 99 == 2);
    CHECK(((s128)-1 >> 127) == -1 && ((s128)smin >> 126) == -2);
    for (int sh = 0; sh < 128; sh += 13) {
        u128 v = (u128)0x0123456789abcdefULL << 64 | 0xfedcba9876543210ULL;
        u128 rot = v << sh | (sh ? v >> (128 - sh) : 0);
        printf("rotl %3d: %016llx%016llx\n", sh, (unsigned long long)(rot >> 64), (unsigned long long)rot);
    }
    u128 p = (u128)0xffffffffffffffffULL * 0xffffffffffffffffULL;
    printf("(2^64-1)^2 = %s\n", u128_str(p, b1));
    CHECK(p == max - ((u128)1 << 65) + 2);
    CHECK(isqrt128(p) == 0xffffffffffffffffULL && isqrt128(max) == 0xffffffffffffffffULL);

    CHECK(is_prime(2305843009213693951ULL));          /* 2^61 - 1 */
    CHECK(is_prime(18446744073709551557ULL));         /* largest 64-bit prime */
    CHECK(!is_prime(18446744073709551555ULL) && !is_prime(3215031751ULL));
    int cnt = 0;
    uint64_t last = 0;
    for (uint64_t n = (1ULL << 62) - 1; n > (1ULL << 62) - 2000; n -= 2)
        if (is_prime(n)) { cnt++; if (!last) last = n; }
    printf("primes in (2^62-2000, 2^62): %d, largest %llu\n", cnt, (unsigned long long)last);
    s128 neg = -(s128)123456789 * 1000000007 * 998244353;
    printf("product %s, /7 %s, %%7 %d\n", s128_str(neg, b1), s128_str(neg / 7, b2), (int)(neg % 7));
    printf("int128: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
