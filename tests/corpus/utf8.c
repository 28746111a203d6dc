/* UTF-8 encoding and decoding written from RFC 3629: every scalar value round-trips,
 * overlong forms, surrogates, truncated and out-of-range sequences are rejected, code
 * points are counted in mixed text; plus locale-independent wide-string functions. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static int encode(uint32_t cp, uint8_t *out)
{
    if (cp < 0x80) { out[0] = (uint8_t)cp; return 1; }
    if (cp < 0x800) { out[0] = (uint8_t)(0xc0 | cp >> 6); out[1] = (uint8_t)(0x80 | (cp & 63)); return 2; }
    if (cp >= 0xd800 && cp <= 0xdfff) return 0;
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xe0 | cp >> 12); out[1] = (uint8_t)(0x80 | (cp >> 6 & 63)); out[2] = (uint8_t)(0x80 | (cp & 63));
        return 3;
    }
    if (cp <= 0x10ffff) {
        out[0] = (uint8_t)(0xf0 | cp >> 18); out[1] = (uint8_t)(0x80 | (cp >> 12 & 63));
        out[2] = (uint8_t)(0x80 | (cp >> 6 & 63)); out[3] = (uint8_t)(0x80 | (cp & 63));
        return 4;
    }
    return 0;
}

/* returns length consumed (1..4) and the code point, or 0 on an invalid sequence */
static int decode(const uint8_t *s, size_t n, uint32_t *cp)
{
    static const uint32_t minimum[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (!n) return 0;
    int len = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
    if (!len || (size_t)len > n) return 0;
    uint32_t v = len == 1 ? s[0] : s[0] & (0x7f >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) return 0;
        v = v << 6 | (s[i] & 63);
    }
    if (v < minimum[len] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return 0;
    *cp = v;
    return len;
}

static long count_points(const uint8_t *s, size_t n)
{
    long c = 0;
    uint32_t cp;
    for (size_t i = 0; i < n; c++) {
        int l = decode(s + i, n - i, &cp);
        if (!l) return -1;
        i += (size_t)l;
    }
    return c;
}

int main(void)
{
    uint8_t buf[8];
    long bad = 0, total_bytes = 0, supplementary = 0;
    for (uint32_t cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 13) {   /* all of the BMP, a sample above */
        int l = encode(cp, buf);
        if (cp >= 0xd800 && cp <= 0xdfff) { bad += l != 0; continue; }
        uint32_t back;
        bad += l == 0 || decode(buf, (size_t)l, &back) != l || back != cp;
        total_bytes += l;
        supplementary += cp >= 0x10000;
    }
    printf("BMP and sampled supplementary values: %ld bytes encoded, %ld bad\n", total_bytes, bad);
    CHECK(bad == 0 && supplementary == 80660 && total_bytes == 128L + 1920 * 2 + (63488L - 2048) * 3 + 4 * supplementary);

    static const struct { const char *bytes; size_t n; const char *why; } invalid[] = {
        { "\xc0\x80", 2, "overlong NUL" }, { "\xe0\x80\xaf", 3, "overlong /" }, { "\xed\xa0\x80", 3, "surrogate" },
        { "\xf4\x90\x80\x80", 4, "above U+10FFFF" }, { "\xe2\x82", 2, "truncated" }, { "\x80", 1, "lone continuation" },
        { "\xff", 1, "0xFF" }, { "\xf8\x88\x80\x80\x80", 5, "5-byte form" }, { "\xc3\x28", 2, "bad continuation" },
    };
    for (unsigned i = 0; i < sizeof invalid / sizeof *invalid; i++) {
        uint32_t cp;
        int l = decode((const uint8_t *)invalid[i].bytes, invalid[i].n, &cp);
        printf("reject %-18s %s\n", invalid[i].why, l ? "ACCEPTED" : "ok");
        CHECK(l == 0);
    }
    const char *text = "Gr\xc3\xbc\xc3\x9f" "e, \xce\xba\xcf\x8c\xcf\x83\xce\xbc\xce\xb5, \xe4\xb8\x96\xe7\x95\x8c, \xf0\x9f\x98\x80!";
    long pts = count_points((const uint8_t *)text, strlen(text));
    printf("mixed text: %zu bytes, %ld code points\n", strlen(text), pts);
    CHECK(strlen(text) == 34 && pts == 20);

    wchar_t w[32];
    const wchar_t *src = L"wide characters";
    wmemcpy(w, src, wcslen(src) + 1);
    CHECK(wcslen(w) == 15 && wcscmp(w, src) == 0 && wcschr(w, L'c') == w + 5);
    CHECK(wcsncmp(L"abcd", L"abce", 3) == 0 && wcscmp(L"abc", L"abd") < 0);
    swprintf(w, 32, L"%ls=%d", L"n", 42);
    CHECK(wcscmp(w, L"n=42") == 0);
    CHECK(sizeof(wchar_t) == 4 && (uint32_t)L'\x1F600' == 0x1f600);
    printf("utf8: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
