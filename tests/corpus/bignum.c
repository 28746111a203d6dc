/* Arbitrary-precision unsigned integers in 32-bit limbs: add, sub, mul, Knuth division,
 * decimal conversion. Checks 100!, Fibonacci(500), 2^1000, division identities, gcd and
 * an integer square root. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

enum { MAXL = 160 };
struct big { int n; uint32_t d[MAXL]; };   /* little-endian limbs, d[n-1] != 0 or n == 0 */

static void trim(struct big *a) { while (a->n && !a->d[a->n - 1]) a->n--; }
static void set_u64(struct big *a, uint64_t v) { a->d[0] = (uint32_t)v; a->d[1] = (uint32_t)(v >> 32); a->n = 2; trim(a); }

static int cmp(const struct big *a, const struct big *b)
{
    if (a->n != b->n) return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i]) return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

static void add(struct big *r, const struct big *a, const struct big *b)
{
    int n = a->n > b->n ? a->n : b->n;
    uint64_t c = 0;
    for (int i = 0; i < n; i++) {
        c += (uint64_t)(i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        r->d[i] = (uint32_t)c;
        c >>= 32;
    }
    r->d[n] = (uint32_t)c;
    r->n = n + 1;
    trim(r);
}

static void sub(struct big *r, const struct big *a, const struct big *b)   /* a >= b */
{
    int64_t br = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t t = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - br;
        br = t < 0;
        r->d[i] = (uint32_t)t;
    }
    r->n = a->n;
    trim(r);
}

static void mul(struct big *r, const struct big *a, const struct big *b)
{
    struct big t;
    memset(t.d, 0, sizeof t.d);
    for (int i = 0; i < a->n; i++) {
        uint64_t c = 0;
        for (int j = 0; j < b->n; j++) {
            c += (uint64_t)a->d[i] * b->d[j] + t.d[i + j];
            t.d[i + j] = (uint32_t)c;
            c >>= 32;
        }
        t.d[i + b->n] = (uint32_t)c;
    }
    t.n = a->n + b->n;
    trim(&t);
    *r = t;
}

static uint32_t divmod_small(struct big *q, const struct big *a, uint32_t v)
{
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        uint64_t cur = rem << 32 | a->d[i];
        q->d[i] = (uint32_t)(cur / v);
        rem = cur % v;
    }
    q->n = a->n;
    trim(q);
    return (uint32_t)rem;
}

/* Knuth algorithm D (normalise, estimate, correct, multiply-subtract, add back). */
static void divmod(struct big *q, struct big *r, const struct big *u, const struct big *v)
{
    if (cmp(u, v) < 0) { q->n = 0; *r = *u; return; }
    if (v->n == 1) { struct big t; set_u64(r, divmod_small(&t, u, v->d[0])); *q = t; return; }
    int n = v->n, m = u->n - n, s = __builtin_clz(v->d[n - 1]);
    uint32_t vn[MAXL], un[MAXL + 1];
    for (int i = n - 1; i > 0; i--) vn[i] = v->d[i] << s | (s ? v->d[i - 1] >> (32 - s) : 0);
    vn[0] = v->d[0] << s;
    un[m + n] = s ? u->d[m + n - 1] >> (32 - s) : 0;
    for (int i = m + n - 1; i > 0; i--) un[i] = u->d[i] << s | (s ? u->d[i - 1] >> (32 - s) : 0);
    un[0] = u->d[0] << s;
    struct big qq;
    for (int j = m; j >= 0; j--) {
        uint64_t num = (uint64_t)un[j + n] << 32 | un[j + n - 1];
        uint64_t qhat = num / vn[n - 1], rhat = num % vn[n - 1];
        while (qhat >> 32 || qhat * vn[n - 2] > (rhat << 32 | un[j + n - 2])) {
            qhat--;
            rhat += vn[n - 1];
            if (rhat >> 32) break;
        }
        int64_t k = 0, t;
        for (int i = 0; i < n; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xffffffffu);
            un[i + j] = (uint32_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + n] - k;
        un[j + n] = (uint32_t)t;
        qq.d[j] = (uint32_t)qhat;
        if (t < 0) {   /* estimate was one too large: add back */
            qq.d[j]--;
            uint64_t c = 0;
            for (int i = 0; i < n; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + n] += (uint32_t)c;
        }
    }
    qq.n = m + 1;
    trim(&qq);
    for (int i = 0; i < n; i++) r->d[i] = un[i] >> s | (s ? (uint32_t)((uint64_t)un[i + 1] << (32 - s)) : 0);
    r->n = n;
    trim(r);
    *q = qq;
}

static char *to_dec(const struct big *a, char *out)
{
    char tmp[MAXL * 10 + 2];
    int k = 0;
    struct big t = *a;
    do {
        uint32_t chunk = divmod_small(&t, &t, 1000000000u);
        for (int i = 0; i < 9; i++) { tmp[k++] = (char)('0' + chunk % 10); chunk /= 10; }
    } while (t.n);
    while (k > 1 && tmp[k - 1] == '0') k--;
    for (int i = 0; i < k; i++) out[i] = tmp[k - 1 - i];
    out[k] = 0;
    return out;
}

static void from_dec(struct big *a, const char *s)
{
    struct big ten, dig;
    a->n = 0;
    set_u64(&ten, 10);
    for (; *s; s++) { mul(a, a, &ten); set_u64(&dig, (uint64_t)(*s - '0')); add(a, a, &dig); }
}

static int digit_sum(const struct big *a)
{
    char s[MAXL * 10 + 2];
    int sum = 0;
    for (char *p = to_dec(a, s); *p; p++) sum += *p - '0';
    return sum;
}

static uint32_t rs = 99;
static uint32_t rnd(void) { rs ^= rs << 13; rs ^= rs >> 17; rs ^= rs << 5; return rs; }
static void random_big(struct big *a, int n) { for (int i = 0; i < n; i++) a->d[i] = rnd(); a->n = n; trim(a); }

static void isqrt(struct big *x, const struct big *a)   /* Newton from above */
{
    struct big y, q, r;
    *x = *a;
    for (;;) {
        divmod(&q, &r, a, x);
        add(&y, x, &q);
        divmod_small(&y, &y, 2);
        if (cmp(&y, x) >= 0) return;
        *x = y;
    }
}

int main(void)
{
    static char s[MAXL * 10 + 2];
    struct big f, t, a, b, q, r, p;
    set_u64(&f, 1);
    for (uint64_t i = 2; i <= 100; i++) { set_u64(&t, i); mul(&f, &f, &t); }
    printf("100! = %s\n", to_dec(&f, s));
    CHECK(strcmp(s, "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000") == 0);
    CHECK(digit_sum(&f) == 648);

    set_u64(&a, 0); set_u64(&b, 1);
    for (int i = 0; i < 500; i++) { add(&t, &a, &b); a = b; b = t; }
    printf("fib(500) = %s\n", to_dec(&a, s));
    CHECK(strcmp(s, "139423224561697880139724382870407283950070256587697307264108962948325571622863290691557658876222521294125") == 0);

    struct big two, pw;
    set_u64(&two, 2); set_u64(&pw, 1);
    for (int i = 0; i < 1000; i++) mul(&pw, &pw, &two);
    printf("digits of 2^1000 sum to %d\n", digit_sum(&pw));
    CHECK(digit_sum(&pw) == 1366);

    divmod(&q, &r, &f, &a);
    printf("100! / fib(500) = %s\n", to_dec(&q, s));
    printf("100! %% fib(500) = %s\n", to_dec(&r, s));
    mul(&p, &q, &a); add(&p, &p, &r);
    CHECK(cmp(&p, &f) == 0 && cmp(&r, &a) < 0);

    /* gcd(100!, 2^1000) = 2^97 */
    struct big x = f, y = pw;
    while (y.n) { divmod(&q, &r, &x, &y); x = y; y = r; }
    struct big e97;
    set_u64(&e97, 1);
    for (int i = 0; i < 97; i++) mul(&e97, &e97, &two);
    CHECK(cmp(&x, &e97) == 0);
    printf("gcd(100!, 2^1000) = %s\n", to_dec(&x, s));

    int bad = 0;
    for (int it = 0; it < 300; it++) {
        random_big(&a, 1 + (int)(rnd() % 40));
        random_big(&b, 1 + (int)(rnd() % 20));
        if (!b.n) continue;
        if (it % 3 == 0) b.d[b.n - 1] |= 0x80000000u;        /* no normalisation shift */
        if (it % 5 == 0) { b.d[0] = 0; b.d[1 % b.n] = 0xffffffffu; } /* add-back cases */
        trim(&b);
        if (!b.n) continue;
        mul(&p, &a, &b);
        random_big(&r, b.n);
        if (cmp(&r, &b) >= 0) sub(&r, &r, &b);
        if (cmp(&r, &b) >= 0) r.n = 0;
        add(&p, &p, &r);
        divmod(&q, &t, &p, &b);
        bad += cmp(&q, &a) != 0 || cmp(&t, &r) != 0;
        sub(&t, &p, &r);
        mul(&x, &q, &b);
        bad += cmp(&t, &x) != 0;
    }
    CHECK(bad == 0);
    printf("random division identities: %d bad\n", bad);

    from_dec(&a, "1");
    for (int i = 0; i < 200; i++) { set_u64(&t, 10); mul(&a, &a, &t); }
    isqrt(&x, &a);
    printf("isqrt(10^200) = %s\n", to_dec(&x, s));
    CHECK(strlen(s) == 101 && s[0] == '1' && strspn(s + 1, "0") == 100);
    from_dec(&a, "123456789012345678901234567890123456789");
    mul(&b, &a, &a);
    printf("square = %s\n", to_dec(&b, s));
    CHECK(strcmp(s, "15241578753238836750495351562566681945005334557625361987875019051998750190521") == 0);
    printf("bignum: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
