/* <string.h> against naive reference loops: lengths and alignments swept, overlapping
 * memmove, strtok/strtok_r, strstr, case-insensitive compares, snprintf truncation. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* truncation is what some tests check */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#pragma GCC diagnostic ignored "-Wstringop-truncation"

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static size_t ref_strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static int sgn(int x) { return (x > 0) - (x < 0); }
static int ref_strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return sgn((unsigned char)*a - (unsigned char)*b);
}
static const char *ref_strstr(const char *h, const char *n)
{
    size_t ln = ref_strlen(n);
    for (; *h; h++)
        if (strncmp(h, n, ln) == 0) return h;
    return ln ? NULL : h;
}

static char pool[8192] __attribute__((aligned(4096)));

static void sweep_len_cmp(void)
{
    int bad = 0;
    for (int align = 0; align < 16; align++) {
        for (int len = 0; len < 300; len += (len < 40 ? 1 : 17)) {
            /* strings end just before the 4 KiB boundary and elsewhere */
            for (int where = 0; where < 2; where++) {
                char *s = where ? pool + 4096 - 1 - len - align : pool + 64 + align;
                for (int i = 0; i < len; i++) s[i] = (char)('a' + (i * 7 + align) % 26);
                s[len] = 0;
                bad += strlen(s) != ref_strlen(s);
                char t[320];
                memcpy(t, s, (size_t)len + 1);
                bad += strcmp(s, t) != 0;
                if (len) {
                    t[len - 1] ^= 0x80;   /* high-bit byte: compares as unsigned */
                    bad += sgn(strcmp(s, t)) != ref_strcmp(s, t);
                    bad += sgn(strcmp(t, s)) != ref_strcmp(t, s);
                    bad += sgn(memcmp(s, t, (size_t)len)) != ref_strcmp(s, t);
                    bad += strchr(s, s[len - 1]) != s + (strchr(s, s[len - 1]) - s);
                    bad += strrchr(s, s[0]) == NULL;
                }
                bad += strchr(s, 0) != s + len;
                bad += strchr(s, 'Z') != NULL;
                bad += memchr(s, 0, (size_t)len + 1) != s + len;
                bad += strnlen(s, 5) != (size_t)(len < 5 ? len : 5);
                memset(s, 0, (size_t)len + 1);
            }
        }
    }
    CHECK(bad == 0);
    printf("length/compare sweep: %d bad\n", bad);
}

static void overlaps(void)
{
    char a[64], ref[64];
    int bad = 0;
    for (int src = 0; src < 20; src++)
        for (int dst = 0; dst < 20; dst++)
            for (int n = 0; n <= 40; n += 3) {
                for (int i = 0; i < 64; i++) a[i] = ref[i] = (char)i;
                memmove(a + dst, a + src, (size_t)n);
                char tmp[64];
                for (int i = 0; i < n; i++) tmp[i] = ref[src + i];
                for (int i = 0; i < n; i++) ref[dst + i] = tmp[i];
                bad += memcmp(a, ref, 64) != 0;
            }
    CHECK(bad == 0);
    char s[] = "0123456789abcdef";
    memmove(s + 3, s, 10);
    printf("memmove overlap: %s, %d bad\n", s, bad);
    CHECK(strcmp(s, "0120123456789def") == 0);
}

static void search_tokens(void)
{
    static const char *hay[] = { "", "a", "abc", "ababababc", "the quick brown fox", "aaaaaaaaaaaaaaaab",
                                 "needle in a haystack with needles", "xyzxyzxyq" };
    static const char *nee[] = { "", "a", "abc", "ababc", "fox", "aab", "needles", "xyq", "zz", "k" };
    unsigned long acc = 0;
    for (unsigned i = 0; i < sizeof hay / sizeof *hay; i++)
        for (unsigned j = 0; j < sizeof nee / sizeof *nee; j++) {
            const char *p = strstr(hay[i], nee[j]), *q = ref_strstr(hay[i], nee[j]);
            CHECK(p == q);
            acc = acc * 31 + (p ? (unsigned long)(p - hay[i]) + 1 : 0);
        }
    printf("strstr positions hash %lu\n", acc);
    CHECK(strcasecmp("HeLLo", "hello") == 0 && strncasecmp("ABCx", "abcy", 3) == 0);
    CHECK(strcasecmp("apple", "Banana") < 0);

    char line[] = "  alpha,beta;;gamma , delta,,epsilon  ";
    int n = 0;
    printf("tokens:");
    for (char *t = strtok(line, " ,;"); t; t = strtok(NULL, " ,;")) { printf(" [%s]", t); n++; }
    printf("\n");
    CHECK(n == 5);
    char kv[] = "k1=v1&k2=v2&empty=&k3=v3";
    char *save1, *save2;
    printf("pairs:");
    for (char *pair = strtok_r(kv, "&", &save1); pair; pair = strtok_r(NULL, "&", &save1)) {
        char *k = strtok_r(pair, "=", &save2), *v = strtok_r(NULL, "=", &save2);
        printf(" %s->%s", k, v ? v : "(none)");
    }
    printf("\n");
    CHECK(strspn("aabbcxyz", "abc") == 5 && strcspn("hello world", " w") == 5);
    CHECK(strpbrk("hello", "lo") != NULL && *strpbrk("hello", "ol") == 'l');
}

static void copies_and_format(void)
{
    char d[32];
    strcpy(d, "abc");
    strcat(d, "def");
    strncat(d, "ghijkl", 3);
    CHECK(strcmp(d, "abcdefghi") == 0);
    memset(d, 'X', sizeof d);
    strncpy(d, "hi", 6);
    CHECK(d[0] == 'h' && d[2] == 0 && d[5] == 0 && d[6] == 'X');
    char *dup = strdup("duplicate me");
    char *ndup = strndup("duplicate me", 9);
    CHECK(strcmp(dup, "duplicate me") == 0 && strcmp(ndup, "duplicate") == 0);
    free(dup);
    free(ndup);

    char small[8];
    int r = snprintf(small, sizeof small, "%s-%d", "truncated", 12345);
    printf("snprintf returned %d kept \"%s\"\n", r, small);
    CHECK(r == 15 && strcmp(small, "truncat") == 0);
    CHECK(snprintf(NULL, 0, "%05d|%-4s|", 42, "ab") == 11);
    char big[128];
    snprintf(big, sizeof big, "%5.2s|%-6c|%%|%.0s|%3s", "xyz", 'q', "gone", "toolong");
    printf("%s\n", big);
    CHECK(strcmp(big, "   xy|q     |%||toolong") == 0);
    char *m;
    CHECK(asprintf(&m, "%d+%d=%d", 2, 2, 4) == 5 && strcmp(m, "2+2=4") == 0);
    free(m);
    CHECK(memrchr("abcabc", 'b', 6) != NULL);
    CHECK(ffs(0x50) == 5);
}

int main(void)
{
    sweep_len_cmp();
    overlaps();
    search_tokens();
    copies_and_format();
    printf("strings: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
