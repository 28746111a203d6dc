/* mem* and str* functions at every length 0..300 and every alignment 0..15, with the
 * data ending right before an inaccessible guard page (mmap + mprotect), so that an
 * implementation reading past the end would fault; results checked against loops. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

enum { PG = 4096, MAXL = 300 };

static int sgn(int x) { return (x > 0) - (x < 0); }
static int ref_memcmp(const uint8_t *a, const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++) if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

int main(void)
{
    uint8_t *map = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED) { printf("mmap failed\n"); return 2; }
    /* layout: [src page][dst page][guard][cmp page]; src and dst data end at page ends */
    uint8_t *srcpg = map, *dstpg = map + PG, *guard = map + 2 * PG, *other = map + 3 * PG;
    CHECK(mprotect(guard, PG, PROT_NONE) == 0);
    /* dst page is followed by the guard; src ends at the dst page start (readable) */
    long bad = 0, checks = 0;
    unsigned long acc = 0;
    for (int len = 0; len <= MAXL; len++) {
        for (int al = 0; al < 16; al++) {
            uint8_t *d = dstpg + PG - len;                  /* ends at the guard */
            uint8_t *s = srcpg + 64 + al;
            for (int i = 0; i < len; i++) s[i] = (uint8_t)(1 + (i * 13 + al + len) % 250);
            memset(dstpg, 0xee, PG);
            memcpy(d, s, (size_t)len);
            bad += ref_memcmp(d, s, (size_t)len) != 0;
            bad += len && d[-1] != 0xee;
            memmove(d, d + (len > 3 ? 3 : 0), (size_t)(len > 3 ? len - 3 : 0));   /* overlapping, at the guard */
            for (int i = 0; i + 3 < len; i++) bad += d[i] != s[i + 3];
            memcpy(d, s, (size_t)len);
            bad += memcmp(d, s, (size_t)len) != 0;
            if (len) {
                int pos = (al * 7) % len;
                d[pos] ^= 0x80;
                bad += sgn(memcmp(d, s, (size_t)len)) != ref_memcmp(d, s, (size_t)len);
                bad += sgn(memcmp(s, d, (size_t)len)) != ref_memcmp(s, d, (size_t)len);
                d[pos] ^= 0x80;
                bad += memchr(d, d[len - 1], (size_t)len) != d + (memchr(s, s[len - 1], (size_t)len) - (void *)s);
                bad += memrchr(d, d[0], (size_t)len) == NULL;
                d[len - 1] = 0;                              /* NUL as the last byte before the guard */
                bad += strlen((char *)d) != (size_t)len - 1 - (len > 1 ? 0 : 0);
                bad += strnlen((char *)d, (size_t)len + 10) != (size_t)len - 1;
                bad += strchr((char *)d, 0) != (char *)d + len - 1;
                bad += strchr((char *)d, 0xff) != NULL;
                bad += rawmemchr(d, 0) != d + len - 1;
                bad += strrchr((char *)d, d[0]) == NULL && len > 1;
                char *o = (char *)other + (len % 8);
                char *e = stpcpy(o, (char *)d);
                bad += e != o + len - 1 || strcmp(o, (char *)d) != 0;
                bad += strncmp(o, (char *)d, (size_t)len + 5) != 0;
                acc = acc * 31 + (unsigned long)strlen((char *)d) + d[len / 2];
            }
            memset(d, al, (size_t)len);
            for (int i = 0; i < len; i++) bad += d[i] != al;
            checks++;
        }
    }
    printf("memops: %ld length/alignment cases, %ld bad, digest %lu\n", checks, bad, acc);
    CHECK(bad == 0);
    /* large copies and fills across pages */
    uint8_t *big = mmap(NULL, 64 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int i = 0; i < 32 * PG; i++) big[i] = (uint8_t)(i * 7 + (i >> 12));
    memcpy(big + 32 * PG + 3, big + 1, 32 * PG - 3);
    long bbad = 0;
    for (int i = 0; i < 32 * PG - 3; i++) bbad += big[32 * PG + 3 + i] != (uint8_t)((i + 1) * 7 + ((i + 1) >> 12));
    memmove(big + 5, big, 40 * PG);
    bbad += big[5] != 0 || big[6] != 7;
    memset(big, 0, 64 * PG);
    for (int i = 0; i < 64 * PG; i += 511) bbad += big[i] != 0;
    bbad += memcmp(big, big + 32 * PG, 32 * PG) != 0;
    printf("large: %ld bad\n", bbad);
    CHECK(bbad == 0);
    CHECK(munmap(big, 64 * PG) == 0 && munmap(map, 4 * PG) == 0);
    printf("memops: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
