/* Hand-written sorts (quick, merge, heap, shell, insertion, radix) on several input
 * shapes; every result must equal every other, and comparison counts are printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static unsigned long ncmp;
static int less(int32_t a, int32_t b) { ncmp++; return a < b; }
static void swap(int32_t *a, int32_t *b) { int32_t t = *a; *a = *b; *b = t; }

static void insertion(int32_t *v, int n)
{
    for (int i = 1; i < n; i++) {
        int32_t x = v[i];
        int j = i;
        while (j > 0 && less(x, v[j - 1])) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* Hoare partition around a median of three; recurse on the smaller side. */
static void quick(int32_t *v, int lo, int hi)
{
    while (hi - lo > 12) {
        int mid = lo + (hi - lo) / 2;
        if (less(v[mid], v[lo])) swap(&v[mid], &v[lo]);
        if (less(v[hi], v[lo])) swap(&v[hi], &v[lo]);
        if (less(v[hi], v[mid])) swap(&v[hi], &v[mid]);
        int32_t p = v[mid];
        int i = lo - 1, j = hi + 1;
        for (;;) {
            do i++; while (less(v[i], p));
            do j--; while (less(p, v[j]));
            if (i >= j) break;
            swap(&v[i], &v[j]);
        }
        if (j - lo < hi - j) { quick(v, lo, j); lo = j + 1; }
        else { quick(v, j + 1, hi); hi = j; }
    }
    insertion(v + lo, hi - lo + 1);
}

static void merge_rec(int32_t *v, int32_t *tmp, int n)
{
    if (n < 2) return;
    int h = n / 2;
    merge_rec(v, tmp, h);
    merge_rec(v + h, tmp, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = less(v[j], v[i]) ? v[j++] : v[i++];
    while (i < h) tmp[k++] = v[i++];
    while (j < n) tmp[k++] = v[j++];
    memcpy(v, tmp, (size_t)n * sizeof *v);
}

static void sift(int32_t *v, int root, int n)
{
    for (;;) {
        int c = 2 * root + 1;
        if (c >= n) return;
        if (c + 1 < n && less(v[c], v[c + 1])) c++;
        if (!less(v[root], v[c])) return;
        swap(&v[root], &v[c]);
        root = c;
    }
}

static void heap(int32_t *v, int n)
{
    for (int i = n / 2 - 1; i >= 0; i--) sift(v, i, n);
    for (int e = n - 1; e > 0; e--) { swap(&v[0], &v[e]); sift(v, 0, e); }
}

static void shell(int32_t *v, int n)
{
    static const int gaps[] = { 1750, 701, 301, 132, 57, 23, 10, 4, 1 };
    for (unsigned g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
        int gap = gaps[g];
        for (int i = gap; i < n; i++) {
            int32_t x = v[i];
            int j = i;
            for (; j >= gap && less(x, v[j - gap]); j -= gap) v[j] = v[j - gap];
            v[j] = x;
        }
    }
}

/* LSD radix on the sign-flipped value, one byte per pass */
static void radix(int32_t *v, int32_t *tmp, int n)
{
    for (int shift = 0; shift < 32; shift += 8) {
        unsigned cnt[257] = { 0 };
        for (int i = 0; i < n; i++)
            cnt[((((uint32_t)v[i]) ^ 0x80000000u) >> shift & 0xff) + 1]++;
        for (int b = 0; b < 256; b++) cnt[b + 1] += cnt[b];
        for (int i = 0; i < n; i++)
            tmp[cnt[(((uint32_t)v[i]) ^ 0x80000000u) >> shift & 0xff]++] = v[i];
        memcpy(v, tmp, (size_t)n * sizeof *v);
    }
}

static uint32_t rs = 12345;
static uint32_t rnd(void) { rs = rs * 1103515245u + 12345u; return rs >> 1; }

static void fill(int32_t *v, int n, int shape)
{
    for (int i = 0; i < n; i++) {
        switch (shape) {
        case 0: v[i] = (int32_t)(rnd() * 3u); break;           /* random, full range */
        case 1: v[i] = i * 3 - n; break;                        /* sorted */
        case 2: v[i] = n - i; break;                            /* reversed */
        case 3: v[i] = 42; break;                               /* all equal */
        case 4: v[i] = i < n / 2 ? i : n - i; break;            /* organ pipe */
        default: v[i] = (int32_t)(rnd() % 7) - 3; break;        /* few distinct */
        }
    }
}

enum { N = 2000 };
static int32_t orig[N], ref[N], work[N], tmp[N];

static int cmp_ref(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    static const char *shapes[] = { "random", "sorted", "reversed", "equal", "organ", "few" };
    static const char *algs[] = { "quick", "merge", "heap", "shell", "insertion", "radix" };
    for (int s = 0; s < 6; s++) {
        fill(orig, N, s);
        memcpy(ref, orig, sizeof ref);
        qsort(ref, N, sizeof ref[0], cmp_ref);
        printf("%-8s", shapes[s]);
        for (int a = 0; a < 6; a++) {
            int n = a == 4 ? N / 4 : N;   /* insertion sort is quadratic: a shorter prefix */
            memcpy(work, orig, sizeof work);
            ncmp = 0;
            switch (a) {
            case 0: quick(work, 0, n - 1); break;
            case 1: merge_rec(work, tmp, n); break;
            case 2: heap(work, n); break;
            case 3: shell(work, n); break;
            case 4: insertion(work, n); break;
            case 5: radix(work, tmp, n); break;
            }
            if (n == N) {
                CHECK(memcmp(work, ref, sizeof ref) == 0);
            } else {
                int ok = 1;
                for (int i = 1; i < n; i++) ok &= work[i - 1] <= work[i];
                CHECK(ok);
            }
            printf(" %s=%lu", algs[a], ncmp);
        }
        printf(" first=%d last=%d\n", (int)ref[0], (int)ref[N - 1]);
    }
    printf("sort_hand: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
