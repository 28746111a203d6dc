/* Message digests written from their specifications: SHA-256, SHA-1 (big-endian words)
 * and MD5 (little-endian words, so byte order is handled explicitly), with incremental
 * updates in uneven chunks; checked against the standard test vectors. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static uint32_t rol(uint32_t x, int n) { return x << n | x >> (32 - n); }
static uint32_t ror(uint32_t x, int n) { return x >> n | x << (32 - n); }
static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static uint32_t le32(const uint8_t *p) { return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]; }

/* shared buffering for 64-byte-block hashes */
struct ctx { uint32_t h[8]; uint8_t buf[64]; size_t fill; uint64_t total; void (*block)(uint32_t *, const uint8_t *); int little; };

static void update(struct ctx *c, const void *data, size_t n)
{
    const uint8_t *p = data;
    c->total += n;
    while (n) {
        size_t k = 64 - c->fill < n ? 64 - c->fill : n;
        memcpy(c->buf + c->fill, p, k);
        c->fill += k; p += k; n -= k;
        if (c->fill == 64) { c->block(c->h, c->buf); c->fill = 0; }
    }
}

static void finish(struct ctx *c, uint8_t *out, int words)
{
    uint64_t bits = c->total * 8;
    uint8_t pad = 0x80, zero = 0, len[8];
    update(c, &pad, 1);
    while (c->fill != 56) update(c, &zero, 1);
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)(c->little ? bits >> (8 * i) : bits >> (56 - 8 * i));
    update(c, len, 8);
    for (int i = 0; i < words; i++)
        for (int b = 0; b < 4; b++)
            out[4 * i + b] = (uint8_t)(c->little ? c->h[i] >> (8 * b) : c->h[i] >> (24 - 8 * b));
}

static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_block(uint32_t *h, const uint8_t *p)
{
    uint32_t w[64], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
    for (int i = 16; i < 64; i++)
        w[i] = w[i - 16] + (ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ w[i - 15] >> 3) + w[i - 7] +
               (ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ w[i - 2] >> 10);
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void sha1_block(uint32_t *h, const uint8_t *p)
{
    uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
    for (int i = 16; i < 80; i++) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
        else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
        else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
        else { f = b ^ c ^ d; k = 0xca62c1d6; }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d; d = c; c = rol(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

static void md5_block(uint32_t *h, const uint8_t *p)
{
    static const int s[4][4] = { { 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 } };
    static uint32_t T[64];
    if (!T[0]) {   /* T[i] = floor(2^32 * |sin(i + 1)|), as integers from the spec */
        static const uint32_t t[64] = {
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
        };
        memcpy(T, t, sizeof T);
    }
    uint32_t m[16], a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 16; i++) m[i] = le32(p + 4 * i);
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i / 16) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
        default: f = c ^ (b | ~d); g = (7 * i) % 16; break;
        }
        uint32_t t = d;
        d = c; c = b;
        b = b + rol(a + f + T[i] + m[g], s[i / 16][i % 4]);
        a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

static const char *hex(const uint8_t *d, int n)
{
    static char s[65];
    for (int i = 0; i < n; i++) snprintf(s + 2 * i, 3, "%02x", d[i]);
    return s;
}

static const char *digest(int alg, const char *msg, size_t repeat_a)
{
    static const uint32_t iv256[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    static const uint32_t iv1[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
    struct ctx c = { .fill = 0, .total = 0 };
    int words;
    if (alg == 0) { memcpy(c.h, iv256, sizeof iv256); c.block = sha256_block; words = 8; }
    else if (alg == 1) { memcpy(c.h, iv1, sizeof iv1); c.block = sha1_block; words = 5; }
    else { memcpy(c.h, iv1, 16); c.block = md5_block; c.little = 1; words = 4; }
    if (repeat_a) {   /* feed 'a' x repeat_a in chunks of 1, 2, 3, ... 97 bytes */
        static char as[100];
        memset(as, 'a', sizeof as);
        for (size_t done = 0, k = 1; done < repeat_a; done += k, k = k % 97 + 1)
            update(&c, as, k < repeat_a - done ? k : repeat_a - done);
    } else {
        update(&c, msg, strlen(msg));
    }
    uint8_t out[32];
    finish(&c, out, words);
    return hex(out, 4 * words);
}

struct vec { int alg; const char *msg; size_t rep; const char *want; };
static const struct vec vecs[] = {
    { 0, "abc", 0, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { 0, "", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
    { 0, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 0, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    { 0, NULL, 100000, "6d1cf22d7cc09b085dfc25ee1a1f3ae0265804c607bc2074ad253bcc82fd81ee" },
    { 1, "abc", 0, "a9993e364706816aba3e25717850c26c9cd0d89d" },
    { 1, NULL, 100000, "c4d4b30851182fc4eb8675494d42fd7f17e29c93" },
    { 2, "", 0, "d41d8cd98f00b204e9800998ecf8427e" },
    { 2, "abc", 0, "900150983cd24fb0d6963f7d28e17f72" },
    { 2, "The quick brown fox jumps over the lazy dog", 0, "9e107d9d372bb6826bd81d3542a419d6" },
    { 2, NULL, 100000, "1af6d6f2f682f76f80e606aeaaee1680" },
};

int main(void)
{
    static const char *names[] = { "sha256", "sha1", "md5" };
    for (unsigned i = 0; i < sizeof vecs / sizeof *vecs; i++) {
        const char *d = digest(vecs[i].alg, vecs[i].msg, vecs[i].rep);
        int ok = strcmp(d, vecs[i].want) == 0;
        char label[48];
        if (vecs[i].rep) snprintf(label, sizeof label, "'a' x %zu", vecs[i].rep);
        else snprintf(label, sizeof label, "\"%.20s%s\"", vecs[i].msg, strlen(vecs[i].msg) > 20 ? "..." : "");
        printf("%-6s %-26s %s%s\n", names[vecs[i].alg], label, d, ok ? "" : " MISMATCH");
        if (!ok) fails++;
    }
    printf("digests: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
