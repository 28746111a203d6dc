/* Large switches: a dense 256-case switch (jump table), a sparse 64-bit switch (compare
 * tree), a character-class state machine, a switch with fall-through, and the same
 * computations done by a reference formula. */
#include <stdio.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

/* four different operation shapes per group of four cases */
#define C4(n) \
    case (n) + 0: return x + (n) * 3u; \
    case (n) + 1: return x ^ ((n) * 0x9e3779b9u); \
    case (n) + 2: return x * ((n) | 1u); \
    case (n) + 3: return (x >> ((n) & 15)) | ((n) << 24);
#define C16(n) C4(n) C4((n) + 4) C4((n) + 8) C4((n) + 12)
#define C64(n) C16(n) C16((n) + 16) C16((n) + 32) C16((n) + 48)

static uint32_t __attribute__((noinline)) dense(unsigned op, uint32_t x)
{
    switch (op) {
    C64(0) C64(64) C64(128) C64(192)
    default: return 0xdeadu;
    }
}

static uint32_t ref_dense(unsigned op, uint32_t x)
{
    if (op > 255) return 0xdeadu;
    unsigned n = op & ~3u;
    switch (op & 3) {
    case 0: return x + n * 3u;
    case 1: return x ^ (n * 0x9e3779b9u);
    case 2: return x * (n | 1u);
    default: return (x >> (n & 15)) | (n << 24);
    }
}

static int __attribute__((noinline)) sparse(uint64_t key)
{
    switch (key) {
    case 0: return 1;
    case 7: return 2;
    case 100: return 3;
    case 1000: return 4;
    case 65535: return 5;
    case 65536: return 6;
    case 0x7fffffffULL: return 7;
    case 0x80000000ULL: return 8;
    case 0xffffffffULL: return 9;
    case 0x100000000ULL: return 10;
    case 0x123456789abcULL: return 11;
    case 0x8000000000000000ULL: return 12;
    case 0xffffffffffffffffULL: return 13;
    case 12345678901ULL: return 14;
    case 42: return 15;
    case 43: return 16;
    case 44: return 17;
    default: return 0;
    }
}

/* counts words, numbers and punctuation with a switch-driven state machine */
enum state { GAP, WORD, NUMBER };
static void lex(const char *s, int *words, int *numbers, int *punct)
{
    enum state st = GAP;
    *words = *numbers = *punct = 0;
    for (;; s++) {
        char c = *s;
        switch (c) {
        case 'a' ... 'z': case 'A' ... 'Z': case '_':
            if (st == GAP) { (*words)++; st = WORD; }
            else if (st == NUMBER) { (*words)++; st = WORD; }   /* 12ab: number then word */
            break;
        case '0' ... '9':
            if (st == GAP) { (*numbers)++; st = NUMBER; }
            break;
        case '.': case ',': case ';': case '!': case '?':
            (*punct)++;
            /* fall through */
        case ' ': case '\t': case '\n':
            st = GAP;
            break;
        case '\0':
            return;
        default:
            st = GAP;
            break;
        }
    }
}

static int __attribute__((noinline)) days_left(int month)
{
    int d = 0;
    switch (month) {   /* Duff-style cumulative fall-through */
    case 1: d += 31; /* fall through */
    case 2: d += 28; /* fall through */
    case 3: d += 31; /* fall through */
    case 4: d += 30; /* fall through */
    case 5: d += 31; /* fall through */
    case 6: d += 30; /* fall through */
    case 7: d += 31; /* fall through */
    case 8: d += 31; /* fall through */
    case 9: d += 30; /* fall through */
    case 10: d += 31; /* fall through */
    case 11: d += 30; /* fall through */
    case 12: d += 31; break;
    default: d = -1;
    }
    return d;
}

int main(void)
{
    uint32_t h = 0, x = 0x12345678u;
    int bad = 0;
    for (unsigned i = 0; i < 20000; i++) {
        unsigned op = (i * 7919u) % 300u;   /* includes out-of-range ops */
        uint32_t r = dense(op, x);
        bad += r != ref_dense(op, x);
        h = h * 31 + r;
        x = x * 1103515245u + 12345u;
    }
    printf("dense switch: hash %08x, %d mismatches\n", (unsigned)h, bad);
    CHECK(bad == 0);

    static const uint64_t keys[] = { 0, 7, 100, 1000, 65535, 65536, 0x7fffffffULL, 0x80000000ULL,
                                     0xffffffffULL, 0x100000000ULL, 0x123456789abcULL,
                                     0x8000000000000000ULL, 0xffffffffffffffffULL, 12345678901ULL,
                                     42, 43, 44 };
    int s = 0;
    for (unsigned i = 0; i < sizeof keys / sizeof *keys; i++) {
        CHECK(sparse(keys[i]) == (int)i + 1);
        CHECK(sparse(keys[i] + 1000003) == 0 || keys[i] + 1000003 == 0x7fffffffULL);
        s += sparse(keys[i]);
    }
    printf("sparse switch sum %d, misses %d %d %d\n", s, sparse(1), sparse(41), sparse(0x80000001ULL));

    int w, n, p;
    lex("Hello, world! 42 apples; 7up and 3.14 pies?", &w, &n, &p);
    printf("lexer: %d words %d numbers %d punct\n", w, n, p);
    CHECK(w == 6 && n == 4 && p == 5);
    int tot = 0;
    for (int m = 0; m <= 13; m++) tot += days_left(m);
    printf("days_left total %d, from March %d\n", tot, days_left(3));
    CHECK(days_left(1) == 365 && days_left(12) == 31 && days_left(13) == -1);
    printf("switch_table: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
