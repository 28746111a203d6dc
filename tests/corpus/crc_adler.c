/* CRC-32 (bitwise, table, slicing-by-4), CRC-32C, CRC-16/CCITT-FALSE, CRC-64/XZ and
 * Adler-32: check values over "123456789", agreement between methods, incremental use
 * and the Adler-32 combine rule over a 64 KiB buffer. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static uint32_t crc32_bit(uint32_t crc, const uint8_t *p, size_t n, uint32_t poly)
{
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (poly & (0u - (crc & 1)));
    }
    return ~crc;
}

static uint32_t tab[4][256];

static void make_tables(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? (c >> 1) ^ 0xedb88320u : c >> 1;
        tab[0][i] = c;
    }
    for (int t = 1; t < 4; t++)
        for (int i = 0; i < 256; i++)
            tab[t][i] = (tab[t - 1][i] >> 8) ^ tab[0][tab[t - 1][i] & 0xff];
}

static uint32_t crc32_tab(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    while (n--) crc = (crc >> 8) ^ tab[0][(crc ^ *p++) & 0xff];
    return ~crc;
}

static uint32_t crc32_slice4(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    for (; n >= 4; n -= 4, p += 4) {
        crc ^= (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
        crc = tab[3][crc & 0xff] ^ tab[2][(crc >> 8) & 0xff] ^ tab[1][(crc >> 16) & 0xff] ^
              tab[0][crc >> 24];
    }
    while (n--) crc = (crc >> 8) ^ tab[0][(crc ^ *p++) & 0xff];
    return ~crc;
}

static uint16_t crc16_ccitt(const uint8_t *p, size_t n)
{
    uint16_t crc = 0xffff;
    while (n--) {
        crc ^= (uint16_t)(*p++ << 8);
        for (int k = 0; k < 8; k++)
            crc = crc & 0x8000 ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
    }
    return crc;
}

static uint64_t crc64_xz(const uint8_t *p, size_t n)
{
    uint64_t crc = ~0ULL;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = crc & 1 ? (crc >> 1) ^ 0xc96c5795d7870f42ULL : crc >> 1;
    }
    return ~crc;
}

#define ADLER_MOD 65521u
static uint32_t adler32(uint32_t adler, const uint8_t *p, size_t n)
{
    uint32_t a = adler & 0xffff, b = adler >> 16;
    while (n) {
        size_t chunk = n < 5552 ? n : 5552;   /* largest run without 32-bit overflow */
        n -= chunk;
        while (chunk--) { a += *p++; b += a; }
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
    return b << 16 | a;
}

/* adler32 of A||B from adler32(A), adler32(B) and len(B) */
static uint32_t adler32_combine(uint32_t a1, uint32_t a2, size_t len2)
{
    uint32_t rem = (uint32_t)(len2 % ADLER_MOD);
    uint32_t s1 = a1 & 0xffff, s2 = (uint32_t)(((uint64_t)rem * s1) % ADLER_MOD);
    uint32_t sum1 = (a2 & 0xffff) + s1 + ADLER_MOD - 1;
    uint32_t sum2 = (a1 >> 16) + (a2 >> 16) + ADLER_MOD - rem + s2;
    sum1 %= ADLER_MOD;
    sum2 %= ADLER_MOD;
    return sum2 << 16 | sum1;
}

static uint8_t buf[65536];

int main(void)
{
    const uint8_t *chk = (const uint8_t *)"123456789";
    make_tables();
    CHECK(crc32_bit(0, chk, 9, 0xedb88320u) == 0xcbf43926u);
    CHECK(crc32_tab(0, chk, 9) == 0xcbf43926u);
    CHECK(crc32_slice4(0, chk, 9) == 0xcbf43926u);
    CHECK(crc32_bit(0, chk, 9, 0x82f63b78u) == 0xe3069283u);
    CHECK(crc16_ccitt(chk, 9) == 0x29b1);
    CHECK(crc64_xz(chk, 9) == 0x995dc9bbdf1939faULL);
    CHECK(adler32(1, (const uint8_t *)"Wikipedia", 9) == 0x11e60398u);
    printf("check values: crc32 %08x crc32c %08x crc16 %04x crc64 %016llx\n",
           (unsigned)crc32_tab(0, chk, 9), (unsigned)crc32_bit(0, chk, 9, 0x82f63b78u),
           (unsigned)crc16_ccitt(chk, 9), (unsigned long long)crc64_xz(chk, 9));

    uint32_t x = 0x2545f491u;
    for (size_t i = 0; i < sizeof buf; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        buf[i] = (uint8_t)(i < 20000 ? x : (x & 3) + 'a');
    }
    uint32_t c1 = crc32_bit(0, buf, sizeof buf, 0xedb88320u);
    uint32_t c2 = crc32_tab(0, buf, sizeof buf);
    uint32_t c3 = crc32_slice4(0, buf + 0, 1);
    c3 = crc32_slice4(c3, buf + 1, 30001);
    c3 = crc32_slice4(c3, buf + 30002, sizeof buf - 30002);
    CHECK(c1 == c2 && c2 == c3);
    uint32_t a_all = adler32(1, buf, sizeof buf);
    uint32_t a_inc = adler32(adler32(1, buf, 12345), buf + 12345, sizeof buf - 12345);
    CHECK(a_all == a_inc);
    int comb_bad = 0;
    for (size_t cut = 0; cut <= sizeof buf; cut += 4099) {
        uint32_t a1 = adler32(1, buf, cut), a2 = adler32(1, buf + cut, sizeof buf - cut);
        comb_bad += adler32_combine(a1, a2, sizeof buf - cut) != a_all;
    }
    CHECK(comb_bad == 0);
    printf("buffer: crc32 %08x adler32 %08x crc16 %04x crc64 %016llx\n", (unsigned)c1,
           (unsigned)a_all, (unsigned)crc16_ccitt(buf, sizeof buf),
           (unsigned long long)crc64_xz(buf, sizeof buf));
    /* CRC residue: crc over data followed by its little-endian CRC is a constant */
    uint8_t tail[4] = { (uint8_t)c1, (uint8_t)(c1 >> 8), (uint8_t)(c1 >> 16), (uint8_t)(c1 >> 24) };
    uint32_t res = crc32_tab(c1, tail, 4);
    CHECK(res == 0x2144df1cu);
    printf("residue %08x\n", (unsigned)res);
    printf("crc_adler: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
