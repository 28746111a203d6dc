/* qsort and bsearch over ints, strings and structs with a multi-key comparator. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static unsigned long long rs = 0x9e3779b97f4a7c15ULL;
static unsigned rnd(void)
{
    rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17;
    return (unsigned)(rs >> 29);
}

struct person {
    char name[12];
    int age;
    double score;
    unsigned id;
};

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_uint_desc(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x < y) - (x > y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* age ascending, score descending, name, then id: a total order, so output is fixed */
static int cmp_person(const void *a, const void *b)
{
    const struct person *p = a, *q = b;
    if (p->age != q->age)
        return p->age < q->age ? -1 : 1;
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    int s = strcmp(p->name, q->name);
    if (s)
        return s;
    return (p->id > q->id) - (p->id < q->id);
}

static unsigned long long seq_hash(const int *v, int n)
{
    unsigned long long h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) {
        h ^= (unsigned)v[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static void test_ints(void)
{
    enum { N = 20000 };
    static int v[N];
    long long sum0 = 0, sum1 = 0;
    for (int i = 0; i < N; i++) {
        v[i] = (int)(rnd() % 200001) - 100000;
        sum0 += v[i];
    }
    qsort(v, N, sizeof v[0], cmp_int);
    int sorted = 1;
    for (int i = 0; i < N; i++) {
        sum1 += v[i];
        if (i && v[i - 1] > v[i])
            sorted = 0;
    }
    CHECK(sorted);
    CHECK(sum0 == sum1);
    printf("ints: min %d max %d median %d sum %lld hash %016llx\n",
           v[0], v[N - 1], v[N / 2], sum1, seq_hash(v, N));
    int found = 0;
    for (int i = 0; i < N; i += 97)
        found += bsearch(&v[i], v, N, sizeof v[0], cmp_int) != NULL;
    int missing = 1000000;
    CHECK(bsearch(&missing, v, N, sizeof v[0], cmp_int) == NULL);
    printf("bsearch found %d\n", found);
    CHECK(found == (N + 96) / 97);
}

static void test_uints(void)
{
    unsigned u[1000];
    for (int i = 0; i < 1000; i++)
        u[i] = rnd() * 2654435761u;
    qsort(u, 1000, sizeof u[0], cmp_uint_desc);
    int ok = 1;
    for (int i = 1; i < 1000; i++)
        ok &= u[i - 1] >= u[i];
    CHECK(ok);
    printf("uints desc: %u %u %u ... %u\n", u[0], u[1], u[2], u[999]);
}

static void test_strings(void)
{
    static const char *words[] = {
        "pear", "apple", "fig", "banana", "kiwi", "Apple", "cherry", "date",
        "apricot", "grape", "lemon", "lime", "mango", "", "zucchini", "appl",
        "applesauce", "Banana", "melon", "nectarine", "olive", "papaya",
    };
    enum { W = sizeof words / sizeof words[0] };
    const char *w[W];
    memcpy(w, words, sizeof w);
    qsort(w, W, sizeof w[0], cmp_str);
    for (int i = 0; i < W; i++) {
        printf("%s%s", i ? "," : "words: ", w[i]);
        if (i)
            CHECK(strcmp(w[i - 1], w[i]) <= 0);
    }
    printf("\n");
    const char *key = "mango";
    const char **hit = bsearch(&key, w, W, sizeof w[0], cmp_str);
    CHECK(hit && strcmp(*hit, "mango") == 0);
    printf("mango at %d\n", hit ? (int)(hit - w) : -1);
}

static void test_structs(void)
{
    static const char *names[] = { "ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal" };
    enum { P = 300 };
    static struct person p[P];
    for (int i = 0; i < P; i++) {
        strcpy(p[i].name, names[rnd() % 8]);
        p[i].age = 18 + (int)(rnd() % 10);
        p[i].score = (double)(rnd() % 64) / 4.0;
        p[i].id = (unsigned)i;
    }
    qsort(p, P, sizeof p[0], cmp_person);
    int ok = 1;
    unsigned long long h = 0;
    for (int i = 0; i < P; i++) {
        if (i)
            ok &= cmp_person(&p[i - 1], &p[i]) < 0;
        h = h * 31 + p[i].id;
    }
    CHECK(ok);
    for (int i = 0; i < 6; i++)
        printf("person %s age %d score %.2f id %u\n", p[i].name, p[i].age, p[i].score, p[i].id);
    printf("person order hash %016llx\n", h);
}

int main(void)
{
    test_ints();
    test_uints();
    test_strings();
    test_structs();
    printf("sort_qsort: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
