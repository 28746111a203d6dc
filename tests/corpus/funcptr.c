/* Function pointers: dispatch tables, callbacks with context (closures by hand), a
 * generic map/fold/filter, functions returning function pointers, pointers to variadic
 * and recursive functions, a tiny event system, and a sort taking a comparator. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <stdlib.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

typedef long (*binop)(long, long);
static long add(long a, long b) { return a + b; }
static long sub(long a, long b) { return a - b; }
static long mul(long a, long b) { return a * b; }
static long maxl(long a, long b) { return a > b ? a : b; }
static long gcd(long a, long b) { return b ? gcd(b, a % b) : a; }

static const struct { const char *name; binop f; } table[] = {
    { "add", add }, { "sub", sub }, { "mul", mul }, { "max", maxl }, { "gcd", gcd },
};

static binop lookup(const char *name)
{
    for (unsigned i = 0; i < sizeof table / sizeof *table; i++)
        if (strcmp(table[i].name, name) == 0) return table[i].f;
    return NULL;
}

static long fold(const long *v, int n, long init, binop f)
{
    for (int i = 0; i < n; i++) init = f(init, v[i]);
    return init;
}

/* closure: function plus an environment pointer */
struct closure { long (*fn)(void *env, long x); void *env; };
struct affine { long a, b; };
static long affine_fn(void *env, long x) { struct affine *e = env; return e->a * x + e->b; }
struct counter { long calls; long sum; };
static long count_fn(void *env, long x) { struct counter *c = env; c->calls++; c->sum += x; return x; }

static void map(long *v, int n, struct closure c) { for (int i = 0; i < n; i++) v[i] = c.fn(c.env, v[i]); }
static int filter(long *v, int n, int (*keep)(long)) { int o = 0; for (int i = 0; i < n; i++) if (keep(v[i])) v[o++] = v[i]; return o; }
static int is_odd(long x) { return x & 1; }

typedef long (*unary)(long);
static long twice(long x) { return 2 * x; }
static long square(long x) { return x * x; }
static long negate(long x) { return -x; }
static unary choose(int k) { static const unary u[3] = { twice, square, negate }; return u[k % 3]; }

static long compose_apply(unary (*pick)(int), const int *ks, int n, long x)
{
    for (int i = 0; i < n; i++) x = pick(ks[i])(x);
    return x;
}

static int vsum(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    int s = 0;
    while (n--) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

/* event handlers registered in a list, invoked in order */
typedef void (*handler)(int ev, void *ctx);
static struct { handler h; void *ctx; } handlers[8];
static int nh;
static void on(handler h, void *ctx) { handlers[nh].h = h; handlers[nh].ctx = ctx; nh++; }
static void emit(int ev) { for (int i = 0; i < nh; i++) handlers[i].h(ev, handlers[i].ctx); }
static void log_ev(int ev, void *ctx) { char *buf = ctx; size_t l = strlen(buf); snprintf(buf + l, 64 - l, "%d;", ev); }
static void sum_ev(int ev, void *ctx) { *(int *)ctx += ev; }

static int by_abs(const void *a, const void *b)
{
    long x = labs(*(const long *)a), y = labs(*(const long *)b);
    return (x > y) - (x < y);
}
static void isort(long *v, int n, int (*cmp)(const void *, const void *))
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && cmp(&v[j - 1], &v[j]) > 0; j--) { long t = v[j]; v[j] = v[j - 1]; v[j - 1] = t; }
}

int main(void)
{
    long v[8] = { 12, -18, 30, 42, 6, 24, -60, 9 };
    for (unsigned i = 0; i < sizeof table / sizeof *table; i++) {
        long r = fold(v, 8, i == 2 ? 1 : 0, table[i].f);
        printf("fold %s = %ld\n", table[i].name, r);
    }
    CHECK(fold(v, 8, 0, lookup("add")) == 45 && fold(v, 8, 0, lookup("gcd")) == 3);
    CHECK(lookup("nope") == NULL && lookup("mul")(6, 7) == 42);

    struct affine af = { 3, -1 };
    struct counter cnt = { 0, 0 };
    map(v, 8, (struct closure){ affine_fn, &af });
    map(v, 8, (struct closure){ count_fn, &cnt });
    printf("after affine: sum %ld calls %ld\n", cnt.sum, cnt.calls);
    CHECK(cnt.sum == 3 * 45 - 8 && cnt.calls == 8);
    int n = filter(v, 8, is_odd);
    printf("odd elements: %d\n", n);
    isort(v, n, by_abs);
    printf("sorted by |x|:");
    for (int i = 0; i < n; i++) printf(" %ld", v[i]);
    printf("\n");

    int ks[] = { 0, 1, 2, 0, 1 };
    long c = compose_apply(choose, ks, 5, 3);
    printf("compose = %ld\n", c);
    CHECK(c == 5184);   /* 3 -> 6 -> 36 -> -36 -> -72 -> 5184 */
    int (*vp)(int, ...) = vsum;
    CHECK(vp(4, 1, 2, 3, 4) == 10);
    long (*rec)(long, long) = gcd;
    CHECK(rec(1071, 462) == 21);

    char log[64] = "";
    int total = 0;
    on(log_ev, log);
    on(sum_ev, &total);
    on(log_ev, log);
    for (int ev = 1; ev <= 3; ev++) emit(ev * 10);
    printf("events: log %s total %d\n", log, total);
    CHECK(strcmp(log, "10;10;20;20;30;30;") == 0 && total == 60);

    unary arr[] = { twice, square, negate, twice };
    long x = 1;
    for (unsigned i = 0; i < 4 * 5; i++) x = arr[i % 4](x) % 1000003;
    printf("pointer array loop = %ld\n", x);
    printf("funcptr: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
