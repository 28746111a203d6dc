/* Freestanding library of the bare-metal guest SDK: memory/string functions and the
 * printf engine. Built with -fno-tree-loop-distribute-patterns so that the compiler
 * does not turn these loops back into calls to themselves. */
#include "lib.h"

#include <stdbool.h>

void *memset(void *d, int c, size_t n)
{
    unsigned char *p = d;
    while (n--)
        *p++ = (unsigned char)c;
    return d;
}

void *memcpy(void *restrict d, const void *restrict s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    while (n--)
        *dp++ = *sp++;
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp <= sp || dp >= sp + n)
        return memcpy(d, s, n);
    while (n--)
        dp[n] = sp[n];
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x - *y;
    return 0;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a - (unsigned char)*b;
        if (!*a)
            break;
    }
    return 0;
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

char *strstr(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncmp(hay, needle, n))
            return (char *)hay;
    return n ? NULL : (char *)hay;
}

char *strcpy(char *restrict d, const char *restrict s)
{
    char *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* Base 0 picks 16 for "0x", 8 for a leading 0, else 10. */
unsigned long strtoul(const char *s, char **end, int base)
{
    unsigned long v = 0;
    while (*s == ' ' || *s == '\t')
        s++;
    if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
        base = 16;
    } else if (base == 0) {
        base = s[0] == '0' ? 8 : 10;
    }
    for (int d; (d = digit_value(*s)) < base; s++)
        v = v * (unsigned long)base + (unsigned long)d;
    if (end)
        *end = (char *)s;
    return v;
}

/* ---- printf engine ---------------------------------------------------------------- */

/* Output sink: a buffer, flushed through flush() when full (printf) or truncated
 * (snprintf, flush == NULL). total counts every character produced. */
struct sink {
    char *buf;
    size_t cap;
    size_t len;
    size_t total;
    int (*flush)(const char *s, size_t n);
};

static void sink_put(struct sink *s, char c)
{
    s->total++;
    if (s->len == s->cap && s->flush) {
        s->flush(s->buf, s->len);
        s->len = 0;
    }
    if (s->len < s->cap)
        s->buf[s->len++] = c;
}

static void sink_pad(struct sink *s, char c, int n)
{
    while (n-- > 0)
        sink_put(s, c);
}

struct spec {
    bool left, zero, plus, space, alt;
    int width, prec;        /* prec < 0: none */
    int size;               /* 0 int, 1 long / long long / size_t */
    int hsize;              /* 1 short, 2 char */
};

static void put_string(struct sink *s, const struct spec *sp, const char *str)
{
    if (!str)
        str = "(null)";
    size_t n = sp->prec >= 0 ? strnlen(str, (size_t)sp->prec) : strlen(str);
    if (!sp->left)
        sink_pad(s, ' ', sp->width - (int)n);
    for (size_t i = 0; i < n; i++)
        sink_put(s, str[i]);
    if (sp->left)
        sink_pad(s, ' ', sp->width - (int)n);
}

/* One integer: sign or prefix, zero or space padding, precision as minimum digits. */
static void put_number(struct sink *s, const struct spec *sp, unsigned long v, bool neg,
                       unsigned base, bool upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    const char *prefix = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    if (sp->alt && base == 16)
        prefix = upper ? "0X" : "0x";
    else if (sp->alt && base == 8 && tmp[n - 1] != '0')
        prefix = "0";
    int zeros = sp->prec > n ? sp->prec - n : 0;
    int pad = sp->width - n - zeros - (int)strlen(prefix);
    if (sp->zero && !sp->left && sp->prec < 0) {
        zeros += pad > 0 ? pad : 0;
        pad = 0;
    }
    if (!sp->left)
        sink_pad(s, ' ', pad);
    for (; *prefix; prefix++)
        sink_put(s, *prefix);
    sink_pad(s, '0', zeros);
    while (n)
        sink_put(s, tmp[--n]);
    if (sp->left)
        sink_pad(s, ' ', pad);
}

/* Flags, width, precision and length of one conversion; returns the conversion char. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    *sp = (struct spec){ .prec = -1 };
    for (;; f++) {
        if (*f == '-') sp->left = true;
        else if (*f == '0') sp->zero = true;
        else if (*f == '+') sp->plus = true;
        else if (*f == ' ') sp->space = true;
        else if (*f == '#') sp->alt = true;
        else break;
    }
    if (*f == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->left = true;
            sp->width = -sp->width;
        }
        f++;
    }
    for (; *f >= '0' && *f <= '9'; f++)
        sp->width = sp->width * 10 + (*f - '0');
    if (*f == '.') {
        f++;
        sp->prec = 0;
        if (*f == '*') {
            sp->prec = va_arg(*ap, int);
            f++;
        }
        for (; *f >= '0' && *f <= '9'; f++)
            sp->prec = sp->prec * 10 + (*f - '0');
    }
    for (;; f++) {
        if (*f == 'l' || *f == 'z' || *f == 'j' || *f == 't') sp->size = 1;
        else if (*f == 'h') sp->hsize++;
        else break;
    }
    return f;
}

static void put_signed(struct sink *s, const struct spec *sp, va_list *ap)
{
    long v = sp->size ? va_arg(*ap, long) : va_arg(*ap, int);
    if (!sp->size && sp->hsize == 1)
        v = (short)v;
    else if (!sp->size && sp->hsize >= 2)
        v = (signed char)v;
    unsigned long mag = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    put_number(s, sp, mag, v < 0, 10, false);
}

static void put_unsigned(struct sink *s, const struct spec *sp, va_list *ap, char conv)
{
    unsigned long v = sp->size ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned int);
    if (!sp->size && sp->hsize == 1)
        v = (unsigned short)v;
    else if (!sp->size && sp->hsize >= 2)
        v = (unsigned char)v;
    unsigned base = conv == 'o' ? 8 : conv == 'u' ? 10 : 16;
    put_number(s, sp, v, false, base, conv == 'X');
}

static void format(struct sink *s, const char *f, va_list ap0)
{
    va_list ap;
    va_copy(ap, ap0);
    for (; *f; f++) {
        if (*f != '%') {
            sink_put(s, *f);
            continue;
        }
        struct spec sp;
        f = parse_spec(f + 1, &sp, &ap);
        switch (*f) {
        case 'd': case 'i': put_signed(s, &sp, &ap); break;
        case 'u': case 'x': case 'X': case 'o': put_unsigned(s, &sp, &ap, *f); break;
        case 's': put_string(s, &sp, va_arg(ap, const char *)); break;
        case 'c': {
            char c[2] = { (char)va_arg(ap, int), 0 };
            sp.prec = 1;
            put_string(s, &sp, c);
            break;
        }
        case 'p':
            sp.alt = true;
            put_number(s, &sp, (unsigned long)va_arg(ap, void *), false, 16, false);
            break;
        case '%': sink_put(s, '%'); break;
        case '\0': f--; break;
        default: sink_put(s, '%'); sink_put(s, *f); break;
        }
    }
    va_end(ap);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = { .buf = buf, .cap = size ? size - 1 : 0 };
    format(&s, fmt, ap);
    if (size)
        buf[s.len] = '\0';
    return (int)s.total;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

/* One console write per call when the text fits the buffer, so that a line is not
 * split between SCCBs. */
int vprintf(const char *fmt, va_list ap)
{
    char buf[512];
    struct sink s = { .buf = buf, .cap = sizeof(buf), .flush = console_write };
    format(&s, fmt, ap);
    if (s.len)
        console_write(buf, s.len);
    return (int)s.total;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int puts(const char *s)
{
    return printf("%s\n", s);
}

int putchar(int c)
{
    char ch = (char)c;
    console_write(&ch, 1);
    return (unsigned char)c;
}
