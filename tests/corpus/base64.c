/* Base64 (RFC 4648, standard and URL-safe alphabets) and hex: the RFC test vectors,
 * round trips of every length 0..300 of seeded data, and rejection of malformed input. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static const char STD[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static size_t b64_encode(const uint8_t *in, size_t n, char *out, const char *alpha, int pad)
{
    size_t o = 0, i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[o++] = alpha[v >> 18]; out[o++] = alpha[v >> 12 & 63];
        out[o++] = alpha[v >> 6 & 63]; out[o++] = alpha[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)in[i] << 16;
        out[o++] = alpha[v >> 18]; out[o++] = alpha[v >> 12 & 63];
        if (pad) { out[o++] = '='; out[o++] = '='; }
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
        out[o++] = alpha[v >> 18]; out[o++] = alpha[v >> 12 & 63]; out[o++] = alpha[v >> 6 & 63];
        if (pad) out[o++] = '=';
    }
    out[o] = 0;
    return o;
}

/* returns decoded length or -1; padding optional, but if present must be right */
static long b64_decode(const char *in, uint8_t *out, const char *alpha)
{
    int8_t map[256];
    memset(map, -1, sizeof map);
    for (int i = 0; i < 64; i++) map[(unsigned char)alpha[i]] = (int8_t)i;
    size_t n = strlen(in);
    size_t pads = 0;
    while (n && in[n - 1] == '=') { n--; pads++; }
    if (pads > 2 || (pads && (n + pads) % 4) || n % 4 == 1) return -1;
    long o = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = map[(unsigned char)in[i]];
        if (v < 0) return -1;
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        if (bits >= 8) { bits -= 8; out[o++] = (uint8_t)(acc >> bits); }
    }
    if (bits && (acc & ((1u << bits) - 1))) return -1;   /* non-canonical trailing bits */
    return o;
}

static void hex(const uint8_t *p, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) { out[2 * i] = "0123456789abcdef"[p[i] >> 4]; out[2 * i + 1] = "0123456789abcdef"[p[i] & 15]; }
    out[2 * n] = 0;
}

static long unhex(const char *s, uint8_t *out)
{
    size_t n = strlen(s);
    if (n % 2) return -1;
    for (size_t i = 0; i < n; i += 2) {
        int v = 0;
        for (int k = 0; k < 2; k++) {
            char c = s[i + (size_t)k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        out[i / 2] = (uint8_t)v;
    }
    return (long)(n / 2);
}

int main(void)
{
    static const char *plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
    static const char *coded[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
    char enc[1024];
    uint8_t dec[1024];
    for (int i = 0; i < 7; i++) {
        b64_encode((const uint8_t *)plain[i], strlen(plain[i]), enc, STD, 1);
        long d = b64_decode(coded[i], dec, STD);
        printf("\"%s\" -> \"%s\"\n", plain[i], enc);
        CHECK(strcmp(enc, coded[i]) == 0);
        CHECK(d == (long)strlen(plain[i]) && memcmp(dec, plain[i], (size_t)d) == 0);
    }
    uint8_t data[300];
    uint32_t x = 1;
    int bad = 0;
    unsigned long total = 0, h = 0;
    for (int n = 0; n <= 300; n++) {
        for (int i = 0; i < n; i++) { x = x * 22695477u + 1; data[i] = (uint8_t)(x >> 23); }
        for (int variant = 0; variant < 2; variant++) {
            const char *alpha = variant ? URL : STD;
            size_t e = b64_encode(data, (size_t)n, enc, alpha, !variant);
            long d = b64_decode(enc, dec, alpha);
            bad += d != n || memcmp(dec, data, (size_t)n) != 0;
            bad += variant ? e != ((size_t)n * 4 + 2) / 3 : e != ((size_t)n + 2) / 3 * 4;
            total += e;
            for (size_t k = 0; k < e; k++) h = h * 31 + (unsigned char)enc[k];
        }
        hex(data, (size_t)n, enc);
        bad += unhex(enc, dec) != n || memcmp(dec, data, (size_t)n) != 0;
    }
    printf("round trips: %d bad, %lu chars, digest %lu\n", bad, total, h);
    CHECK(bad == 0);
    static const char *invalid[] = { "Z", "Zg=", "Zg===", "Zm9v!", "Zh==", "Zm9=", "=Zm9", "Zm 9v" };
    for (unsigned i = 0; i < sizeof invalid / sizeof *invalid; i++) {
        long d = b64_decode(invalid[i], dec, STD);
        printf("reject \"%s\": %ld\n", invalid[i], d);
        CHECK(d == -1);
    }
    CHECK(b64_decode("-_-_", dec, URL) == 3 && b64_decode("-_-_", dec, STD) == -1);
    CHECK(unhex("0g", dec) == -1 && unhex("abc", dec) == -1 && unhex("DEADbeef", dec) == 4 && dec[0] == 0xde);
    printf("base64: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
