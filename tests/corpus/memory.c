/* Dynamic memory: malloc/calloc/realloc/free in a seeded random workload with pattern
 * checks, growth by realloc (small, across the mmap threshold, and large mmapped blocks
 * that glibc moves with mremap), aligned allocation, zeroed calloc of big blocks. Only
 * counts and checksums are printed, never addresses. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <malloc.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static uint32_t rs = 17;
static uint32_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5; return rs; }

/* the pattern covers the first and last 64 bytes and every 61st byte in between */
static size_t next_i(size_t i, size_t n) { return i < 64 || i + 64 >= n ? i + 1 : (i + 61 < n - 64 ? i + 61 : n - 64); }

static void fill(uint8_t *p, size_t n, uint32_t tag)
{
    for (size_t i = 0; i < n; i = next_i(i, n)) p[i] = (uint8_t)(tag * 31 + i * 7 + (i >> 8));
}

static int verify(const uint8_t *p, size_t n, uint32_t tag)
{
    for (size_t i = 0; i < n; i = next_i(i, n))
        if (p[i] != (uint8_t)(tag * 31 + i * 7 + (i >> 8))) return 0;
    return 1;
}

enum { SLOTS = 1500 };
static uint8_t *ptr[SLOTS];
static size_t len[SLOTS];
static uint32_t tag[SLOTS];

static size_t pick_size(void)
{
    uint32_t r = rnd();
    switch (r % 16) {
    case 0: return 0;
    case 1: return 140000 + r % 100000;    /* above the initial mmap threshold */
    case 3: return 4096 * (1 + r % 8);
    default: return 1 + (r >> 8) % 600;
    }
}

static void workload(void)
{
    long allocs = 0, reallocs = 0, frees = 0, bad = 0;
    uint64_t bytes = 0;
    for (int it = 0; it < 4000; it++) {
        int s = (int)(rnd() % SLOTS);
        if (ptr[s] && !verify(ptr[s], len[s], tag[s])) bad++;
        switch (rnd() % 4) {
        case 0: case 1:
            free(ptr[s]);
            len[s] = pick_size();
            tag[s] = (uint32_t)it;
            ptr[s] = (it & 1) ? malloc(len[s]) : calloc(1, len[s]);
            if (!(it & 1))
                for (size_t i = 0; i < len[s]; i += 97) bad += ptr[s][i] != 0;
            fill(ptr[s], len[s], tag[s]);
            allocs++;
            bytes += len[s];
            break;
        case 2:
            if (ptr[s]) {
                size_t nl = pick_size() + 1, keep = nl < len[s] ? nl : len[s];
                uint8_t *q = realloc(ptr[s], nl);
                if (!q) { bad++; break; }
                if (!verify(q, keep < 64 ? keep : 64, tag[s])) bad++;   /* prefix preserved */
                ptr[s] = q;
                len[s] = nl;
                fill(q, nl, tag[s]);
                reallocs++;
            }
            break;
        default:
            free(ptr[s]);
            ptr[s] = NULL;
            len[s] = 0;
            frees++;
        }
    }
    size_t live = 0;
    for (int s = 0; s < SLOTS; s++) {
        if (ptr[s]) { bad += !verify(ptr[s], len[s], tag[s]); live += len[s]; }
        free(ptr[s]);
    }
    printf("workload: %ld allocs %ld reallocs %ld frees, %llu bytes, %zu live at end, %ld bad\n",
           allocs, reallocs, frees, (unsigned long long)bytes, live, bad);
    CHECK(bad == 0);
}

static void growth(void)
{
    /* grow one block byte by byte, then in big steps through mmap sizes (mremap) */
    size_t n = 1;
    uint8_t *p = malloc(1);
    p[0] = 0;
    int bad = 0;
    for (; n < 5000; n++) {
        p = realloc(p, n + 1);
        p[n] = (uint8_t)n;
        if (p[n / 2] != (uint8_t)(n / 2)) bad++;
    }
    for (size_t big = 1 << 17; big <= (size_t)48 << 20; big = big * 3 / 2) {
        p = realloc(p, big);
        p[big - 1] = 0x5a;
        for (size_t i = 0; i < 5000; i += 250) bad += p[i] != (uint8_t)i;
        n = big;
    }
    for (size_t i = 0; i < 5000; i++) bad += p[i] != (uint8_t)i;
    p = realloc(p, 100);   /* shrink back from a mapped block */
    for (size_t i = 0; i < 100; i++) bad += p[i] != (uint8_t)i;
    free(p);
    printf("growth: last size %zu, %d bad\n", n, bad);
    CHECK(bad == 0);
}

static void big_and_aligned(void)
{
    size_t sz = (size_t)16 << 20;
    uint8_t *z = calloc(sz, 1);
    CHECK(z != NULL);
    unsigned long sum = 0;
    for (size_t i = 0; i < sz; i += 4096) sum += z[i];
    memset(z, 0xab, sz);
    for (size_t i = 0; i < sz; i += 65536) sum += z[i] == 0xab;
    free(z);
    printf("16 MiB calloc: zero pages %s, %lu pattern checks\n", sum == sz / 65536 ? "ok" : "BAD", sum);
    CHECK(sum == sz / 65536);

    int bad = 0;
    for (size_t al = 16; al <= 65536; al *= 4) {
        void *p = NULL;
        bad += posix_memalign(&p, al, 1000) != 0 || ((uintptr_t)p & (al - 1)) != 0;
        memset(p, 1, 1000);
        void *q = aligned_alloc(al, al * 3);
        bad += q == NULL || ((uintptr_t)q & (al - 1)) != 0;
        void *r = memalign(al, 77);
        bad += r == NULL || ((uintptr_t)r & (al - 1)) != 0;
        bad += malloc_usable_size(r) < 77;
        free(p); free(q); free(r);
    }
    void *m = malloc(24);
    bad += ((uintptr_t)m & 15) != 0;
    free(m);
    free(NULL);
    void *n = realloc(NULL, 10);
    bad += n == NULL;
    free(n);
    printf("aligned allocations: %d bad\n", bad);
    CHECK(bad == 0);
}

int main(void)
{
    workload();
    growth();
    big_and_aligned();
    printf("memory: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
