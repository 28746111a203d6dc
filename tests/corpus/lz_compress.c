/* An LZ77 compressor (hash chains over a 64 KiB window, greedy with one-step lazy
 * matching) and its decompressor, round-tripped over text-like, binary, random, empty and
 * highly repetitive inputs; also a run-length coder. Prints sizes and checksums. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

/* token: 0lllllll = 1..128 literals follow; 1mmmmmmm = match of m+4 bytes, 16-bit distance.
 * A match never costs more than the literals it replaces, so output <= n + n/128 + 1. */
enum { MINM = 4, MAXM = 131, WIN = 65535, HBITS = 14, CHAIN = 24 };

static int head[1 << HBITS];
static int prevpos[1 << 17];

static unsigned hash4(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]) * 2654435761u >> (32 - HBITS);
}

static int longest(const uint8_t *in, int n, int pos, int *dist)
{
    int best = 0;
    if (pos + MINM > n) return 0;
    int cand = head[hash4(in + pos)];
    for (int c = 0; cand >= 0 && c < CHAIN && pos - cand <= WIN; c++, cand = prevpos[cand]) {
        int len = 0, max = n - pos < MAXM ? n - pos : MAXM;
        while (len < max && in[cand + len] == in[pos + len]) len++;
        if (len > best) { best = len; *dist = pos - cand; }
    }
    return best >= MINM ? best : 0;
}

static void insert(const uint8_t *in, int n, int pos)
{
    if (pos + MINM > n) return;
    unsigned h = hash4(in + pos);
    prevpos[pos] = head[h];
    head[h] = pos;
}

static int compress(const uint8_t *in, int n, uint8_t *out)
{
    int o = 0, lit_start = 0, pos = 0;
    memset(head, -1, sizeof head);
    while (pos < n) {
        int d = 0, len = longest(in, n, pos, &d);
        if (len) {   /* lazy: prefer a longer match starting one byte later */
            int d2 = 0;
            insert(in, n, pos);
            int len2 = longest(in, n, pos + 1, &d2);
            if (len2 > len + 1) { pos++; continue; }
        }
        if (!len) { insert(in, n, pos); pos++; continue; }
        while (lit_start < pos) {
            int run = pos - lit_start > 128 ? 128 : pos - lit_start;
            out[o++] = (uint8_t)(run - 1);
            memcpy(out + o, in + lit_start, (size_t)run);
            o += run;
            lit_start += run;
        }
        out[o++] = (uint8_t)(0x80 | (len - MINM));
        out[o++] = (uint8_t)(d >> 8);
        out[o++] = (uint8_t)d;
        for (int k = 1; k < len; k++) insert(in, n, pos + k);
        pos += len;
        lit_start = pos;
    }
    while (lit_start < n) {
        int run = n - lit_start > 128 ? 128 : n - lit_start;
        out[o++] = (uint8_t)(run - 1);
        memcpy(out + o, in + lit_start, (size_t)run);
        o += run;
        lit_start += run;
    }
    return o;
}

static int decompress(const uint8_t *in, int n, uint8_t *out, int cap)
{
    int i = 0, o = 0;
    while (i < n) {
        uint8_t t = in[i++];
        if (t & 0x80) {
            int len = (t & 0x7f) + MINM, d = in[i] << 8 | in[i + 1];
            i += 2;
            if (d == 0 || d > o || o + len > cap) return -1;
            for (int k = 0; k < len; k++, o++) out[o] = out[o - d];   /* may overlap */
        } else {
            int run = t + 1;
            if (o + run > cap || i + run > n) return -1;
            memcpy(out + o, in + i, (size_t)run);
            i += run;
            o += run;
        }
    }
    return o;
}

static int rle(const uint8_t *in, int n, uint8_t *out)
{
    int o = 0;
    for (int i = 0; i < n;) {
        int r = 1;
        while (i + r < n && r < 255 && in[i + r] == in[i]) r++;
        out[o++] = (uint8_t)r;
        out[o++] = in[i];
        i += r;
    }
    return o;
}

static int unrle(const uint8_t *in, int n, uint8_t *out)
{
    int o = 0;
    for (int i = 0; i + 1 < n; i += 2) { memset(out + o, in[i + 1], in[i]); o += in[i]; }
    return o;
}

static uint32_t adler(const uint8_t *p, int n)
{
    uint32_t a = 1, b = 0;
    for (int i = 0; i < n; i++) { a = (a + p[i]) % 65521; b = (b + a) % 65521; }
    return b << 16 | a;
}

enum { MAXN = 100000 };
static uint8_t src[MAXN], comp[MAXN + MAXN / 64 + 16], rl[2 * MAXN], back[MAXN];

static int make(int kind, uint32_t seed)
{
    static const char *words[] = { "the ", "quick ", "brown ", "fox ", "jumps ", "over ",
        "lazy ", "dog ", "emulator ", "instruction ", "register ", "z/Architecture ", "\n" };
    int n = 0;
    uint32_t x = seed;
    switch (kind) {
    case 0:
        while (n < 40000) {
            x = x * 1664525u + 1013904223u;
            const char *w = words[(x >> 24) % 13];
            size_t l = strlen(w);
            memcpy(src + n, w, l);
            n += (int)l;
        }
        break;
    case 1:
        for (n = 0; n < 30000; n++) { x = x * 1664525u + 1013904223u; src[n] = (uint8_t)(x >> 24); }
        break;
    case 2:
        for (n = 0; n < 50000; n++) src[n] = (uint8_t)"abc"[n % 3];
        break;
    case 3:
        n = 0;
        break;
    default:
        for (n = 0; n < 30000; n++) src[n] = (uint8_t)(n / 1000 + (n % 7 == 0));
        break;
    }
    return n;
}

int main(void)
{
    static const char *kinds[] = { "text", "random", "abc-repeat", "empty", "steps" };
    for (int k = 0; k < 5; k++) {
        int n = make(k, 7u + (unsigned)k);
        int c = compress(src, n, comp);
        memset(back, 0, sizeof back);
        int d = decompress(comp, c, back, MAXN);
        int ok = d == n && memcmp(src, back, (size_t)n) == 0;
        int r = rle(src, n, rl);
        int u = unrle(rl, r, back);
        int ok2 = u == n && memcmp(src, back, (size_t)n) == 0;
        printf("%-10s %6d -> lz %6d (%5.1f%%) rle %6d adler %08x %s\n", kinds[k], n, c,
               n ? 100.0 * c / n : 0.0, r, (unsigned)adler(src, n), ok && ok2 ? "ok" : "MISMATCH");
        CHECK(ok && ok2);
        CHECK(c <= n + n / 128 + 1);
    }
    uint8_t corrupt[] = { 0x85, 0x00, 0x10 };   /* match before any output */
    CHECK(decompress(corrupt, 3, back, MAXN) == -1);
    printf("lz_compress: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
