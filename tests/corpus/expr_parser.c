/* A recursive-descent parser and evaluator for C-like integer expressions (precedence
 * climbing over || && | ^ & == != < <= > >= << >> + - * / % and unary - ~ !, with
 * parentheses, the ternary operator and variables). Each test expression is also compiled
 * as C, so the C compiler supplies the expected value. */
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <setjmp.h>

/* the test expressions mix precedence levels on purpose */
#pragma GCC diagnostic ignored "-Wparentheses"

static int fails;

static const char *p;
static jmp_buf err;
static long long a = 7, b = -3, c = 1000, d = 0;   /* variables visible to both */

static void skip(void) { while (isspace((unsigned char)*p)) p++; }

static long long ternary(void);

static long long primary(void)
{
    skip();
    if (*p == '(') {
        p++;
        long long v = ternary();
        skip();
        if (*p++ != ')') longjmp(err, 1);
        return v;
    }
    if (isdigit((unsigned char)*p)) {
        long long v = 0;
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            for (p += 2; isxdigit((unsigned char)*p); p++)
                v = v * 16 + (isdigit((unsigned char)*p) ? *p - '0' : (*p | 32) - 'a' + 10);
        } else {
            while (isdigit((unsigned char)*p)) v = v * 10 + (*p++ - '0');
        }
        while (*p == 'L' || *p == 'l') p++;
        return v;
    }
    switch (*p) {
    case 'a': p++; return a;
    case 'b': p++; return b;
    case 'c': p++; return c;
    case 'd': p++; return d;
    }
    longjmp(err, 2);
}

static long long unary(void)
{
    skip();
    if (*p == '-') { p++; return -unary(); }
    if (*p == '+') { p++; return unary(); }
    if (*p == '~') { p++; return ~unary(); }
    if (*p == '!') { p++; return !unary(); }
    return primary();
}

struct binop { const char *tok; int prec; };
static const struct binop ops[] = {   /* longest tokens first */
    { "||", 1 }, { "&&", 2 }, { "==", 6 }, { "!=", 6 }, { "<=", 7 }, { ">=", 7 }, { "<<", 8 },
    { ">>", 8 }, { "|", 3 }, { "^", 4 }, { "&", 5 }, { "<", 7 }, { ">", 7 }, { "+", 9 },
    { "-", 9 }, { "*", 10 }, { "/", 10 }, { "%", 10 },
};

static const struct binop *peek_op(void)
{
    skip();
    for (unsigned i = 0; i < sizeof ops / sizeof *ops; i++)
        if (strncmp(p, ops[i].tok, strlen(ops[i].tok)) == 0) return &ops[i];
    return NULL;
}

static long long apply(const char *t, long long l, long long r)
{
    switch (t[0]) {
    case '|': return t[1] ? (l || r) : (l | r);
    case '&': return t[1] ? (l && r) : (l & r);
    case '=': return l == r;
    case '!': return l != r;
    case '<': return t[1] == '<' ? (long long)((unsigned long long)l << r) : t[1] == '=' ? l <= r : l < r;
    case '>': return t[1] == '>' ? l >> r : t[1] == '=' ? l >= r : l > r;
    case '^': return l ^ r;
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    case '/': if (!r) longjmp(err, 3); return l / r;
    case '%': if (!r) longjmp(err, 3); return l % r;
    }
    longjmp(err, 4);
}

/* precedence climbing; all binary operators are left-associative */
static long long binary(int min_prec)
{
    long long l = unary();
    for (;;) {
        const struct binop *o = peek_op();
        if (!o || o->prec < min_prec) return l;
        p += strlen(o->tok);
        long long r = binary(o->prec + 1);
        l = apply(o->tok, l, r);
    }
}

static long long ternary(void)
{
    long long cond = binary(1);
    skip();
    if (*p != '?') return cond;
    p++;
    long long t = ternary();
    skip();
    if (*p++ != ':') longjmp(err, 5);
    long long f = ternary();
    return cond ? t : f;
}

static int eval(const char *s, long long *out)
{
    p = s;
    int e = setjmp(err);
    if (e) return e;
    *out = ternary();
    skip();
    return *p ? 6 : 0;
}

static int ncase;
static void check(const char *src, long long expect)
{
    long long v = 0;
    int e = eval(src, &v);
    ncase++;
    int ok = !e && v == expect;
    printf("%-44s = %lld%s\n", src, v, ok ? "" : " MISMATCH");
    if (!ok) fails++;
}
#define E(x) check(#x, (long long)(x))

int main(void)
{
    E(1 + 2 * 3);
    E((1 + 2) * 3);
    E(100 / 7 % 4);
    E(-100 / 7);
    E(-100 % 7);
    E(2 - 3 - 4);
    E(1 << 10 >> 3);
    E(1 < 2 == 1);
    E(0x7fffffff + 1L);
    E(~0 & 0xff | 0x100);
    E(5 ^ 3 & 6);
    E(!0 + !5 * 10);
    E(a * b + c);
    E(a * (b + c) / (a - b));
    E(-a % b);
    E(a > b ? c : d);
    E(d ? 1 : b < 0 ? 2 : 3);
    E((a & 1) && (b | 0) || d);
    E(c * c * c * c * c);
    E(c * c * c * c * c * c / (a + b));
    E(- - - a);
    E(~-~-~-a);
    E(123456789 * 1000L + 987654321);
    E((a << 40) >> 35);
    E(b >> 1);
    E(b * 8 >> 2);
    E(a == 7 != (b == -3));
    E(((((((1 + 1) * 2) + 1) * 2) + 1) * 2));
    E(1 ? 2 ? 3 : 4 : 5);
    E(0x10 * 0x10 + 0xAbC);
    /* error handling: these must be rejected */
    long long v;
    static const char *bad[] = { "1 +", "(2", "5 / 0", "3 % (a - 7)", "1 ? 2", "2 $ 3", "" };
    for (unsigned i = 0; i < sizeof bad / sizeof *bad; i++) {
        int e = eval(bad[i], &v);
        printf("reject %-12s error %d\n", bad[i], e);
        if (!e) fails++;
    }
    printf("expr_parser: %d cases, %s (%d failures)\n", ncase, fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
