/* FNV-1/FNV-1a (32 and 64 bit) against published vectors, then two hash tables keyed by
 * strings (open addressing with tombstones, and separate chaining), with deletions and
 * growth, checked against a plain presence array. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static uint32_t fnv1a32(const char *s)
{
    uint32_t h = 0x811c9dc5u;
    while (*s) { h ^= (unsigned char)*s++; h *= 0x01000193u; }
    return h;
}
static uint64_t fnv1a64(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    while (*s) { h ^= (unsigned char)*s++; h *= 0x100000001b3ULL; }
    return h;
}
static uint32_t fnv1_32(const char *s)
{
    uint32_t h = 0x811c9dc5u;
    while (*s) { h *= 0x01000193u; h ^= (unsigned char)*s++; }
    return h;
}
static uint64_t fnv1_64(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    while (*s) { h *= 0x100000001b3ULL; h ^= (unsigned char)*s++; }
    return h;
}

static void vectors(void)
{
    CHECK(fnv1a32("") == 0x811c9dc5u);
    CHECK(fnv1a32("a") == 0xe40c292cu);
    CHECK(fnv1a32("foobar") == 0xbf9cf968u);
    CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
    CHECK(fnv1a64("foobar") == 0x85944171f73967e8ULL);
    CHECK(fnv1_32("a") == 0x050c5d7eu);
    CHECK(fnv1_32("foobar") == 0x31f0b262u);
    CHECK(fnv1_64("a") == 0xaf63bd4c8601b7beULL);
    CHECK(fnv1_64("foobar") == 0x340d8765a4dda9c2ULL);
    printf("fnv1a32(hello)=%08x fnv1a64(hello)=%016llx\n", (unsigned)fnv1a32("hello"),
           (unsigned long long)fnv1a64("hello"));
}

/* ---- open addressing, linear probing, tombstones ---- */
enum { EMPTY, USED, DEAD };
struct slot { char key[16]; int val; int state; };
struct oatab { struct slot *s; size_t cap, used, dead; };

static void oa_put(struct oatab *t, const char *k, int v);

static void oa_grow(struct oatab *t)
{
    struct slot *old = t->s;
    size_t oc = t->cap;
    t->cap = oc ? oc * 2 : 16;
    t->s = calloc(t->cap, sizeof *t->s);
    t->used = t->dead = 0;
    for (size_t i = 0; i < oc; i++)
        if (old[i].state == USED)
            oa_put(t, old[i].key, old[i].val);
    free(old);
}

static struct slot *oa_find(struct oatab *t, const char *k)
{
    if (!t->cap) return NULL;
    for (size_t i = fnv1a32(k) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        if (t->s[i].state == EMPTY) return NULL;
        if (t->s[i].state == USED && strcmp(t->s[i].key, k) == 0) return &t->s[i];
    }
}

static void oa_put(struct oatab *t, const char *k, int v)
{
    struct slot *f = oa_find(t, k);
    if (f) { f->val = v; return; }
    if ((t->used + t->dead + 1) * 4 > t->cap * 3) oa_grow(t);
    size_t i = fnv1a32(k) & (t->cap - 1);
    while (t->s[i].state == USED) i = (i + 1) & (t->cap - 1);
    if (t->s[i].state == DEAD) t->dead--;
    strcpy(t->s[i].key, k);
    t->s[i].val = v;
    t->s[i].state = USED;
    t->used++;
}

static int oa_del(struct oatab *t, const char *k)
{
    struct slot *f = oa_find(t, k);
    if (!f) return 0;
    f->state = DEAD;
    t->used--;
    t->dead++;
    return 1;
}

/* ---- separate chaining ---- */
struct node { struct node *next; uint64_t h; int val; char key[]; };
struct chtab { struct node **b; size_t nb, n; };

static struct node **ch_where(struct chtab *t, const char *k, uint64_t h)
{
    struct node **p = &t->b[h % t->nb];
    while (*p && ((*p)->h != h || strcmp((*p)->key, k))) p = &(*p)->next;
    return p;
}

static void ch_put(struct chtab *t, const char *k, int v)
{
    uint64_t h = fnv1a64(k);
    struct node **p = ch_where(t, k, h);
    if (*p) { (*p)->val = v; return; }
    struct node *n = malloc(sizeof *n + strlen(k) + 1);
    n->next = NULL; n->h = h; n->val = v;
    strcpy(n->key, k);
    *p = n;
    t->n++;
}

static int ch_del(struct chtab *t, const char *k)
{
    struct node **p = ch_where(t, k, fnv1a64(k));
    if (!*p) return 0;
    struct node *d = *p;
    *p = d->next;
    free(d);
    t->n--;
    return 1;
}

static void ch_free(struct chtab *t)
{
    for (size_t i = 0; i < t->nb; i++)
        for (struct node *n = t->b[i], *nx; n; n = nx) { nx = n->next; free(n); }
    free(t->b);
}

enum { K = 6000 };
static signed char present[K];   /* reference: -1 absent, else value mod 100 */

int main(void)
{
    vectors();
    struct oatab oa = { 0 };
    struct chtab ch = { calloc(257, sizeof(struct node *)), 257, 0 };
    char key[16];
    memset(present, -1, sizeof present);
    uint32_t r = 7;
    for (int round = 0; round < 5; round++) {
        for (int j = 0; j < 4000; j++) {
            r = r * 1664525u + 1013904223u;
            int i = (int)(r >> 8) % K, op = (int)(r >> 3) % 3;
            snprintf(key, sizeof key, "k%d", i);
            if (op < 2) {
                int v = (int)((r >> 16) % 100);
                oa_put(&oa, key, v); ch_put(&ch, key, v); present[i] = (signed char)v;
            } else {
                int a = oa_del(&oa, key), b = ch_del(&ch, key);
                CHECK(a == b && a == (present[i] >= 0));
                present[i] = -1;
            }
        }
        int hits = 0, bad = 0;
        long sum = 0;
        for (int i = 0; i < K; i++) {
            snprintf(key, sizeof key, "k%d", i);
            struct slot *s = oa_find(&oa, key);
            struct node **n = ch_where(&ch, key, fnv1a64(key));
            if (present[i] >= 0) {
                bad += !s || !*n || s->val != present[i] || (*n)->val != present[i];
                hits++;
                sum += present[i];
            } else {
                bad += s != NULL || *n != NULL;
            }
        }
        CHECK(bad == 0);
        CHECK((size_t)hits == oa.used && (size_t)hits == ch.n);
        printf("round %d: live %d sum %ld cap %zu tombstones %zu mismatches %d\n",
               round, hits, sum, oa.cap, oa.dead, bad);
    }
    size_t longest = 0;
    for (size_t i = 0; i < ch.nb; i++) {
        size_t len = 0;
        for (struct node *n = ch.b[i]; n; n = n->next) len++;
        if (len > longest) longest = len;
    }
    printf("chain buckets %zu longest %zu\n", ch.nb, longest);
    free(oa.s);
    ch_free(&ch);
    printf("hash_fnv: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
