/* CP's services for guests (cp.h): DIAG X'8' commands and DIAG X'DC' records, with the
 * EBCDIC conversion CP's texts need. */
#include "cp.h"
#include "lib.h"

#define EBC_NL 0x15

/* EBCDIC code page 500 to ASCII, one row per high nibble from 0x40 ('?' where there
 * is no printable ASCII character): the table zhyp's CP uses too. */
static char ebcdic_char(uint8_t e)
{
    static const char rows[12][17] = {
        " ?????????[.<(+!", "&?????????]$*);^", "-/?????????,%_>?", "?????????`:#@'=\"",
        "?abcdefghi??????", "?jklmnopqr??????", "?~stuvwxyz??????", "???????????|????",
        "{ABCDEFGHI??????", "}JKLMNOPQR??????", "\\?STUVWXYZ??????", "0123456789??????",
    };
    if (e == EBC_NL)
        return '\n';
    return e < 0x40 ? '?' : rows[(e >> 4) - 4][e & 15];
}

static uint8_t ebcdic_byte(char a)
{
    static uint8_t back[128];
    if (!back['?']) {                    /* the inverse of ebcdic_char, built once */
        for (unsigned i = 0; i < 128; i++)
            back[i] = 0x6f;
        for (unsigned e = 0xff; e >= 0x40; e--)
            if (ebcdic_char((uint8_t)e) != '?')
                back[(unsigned char)ebcdic_char((uint8_t)e)] = (uint8_t)e;
        back['\n'] = EBC_NL;
    }
    return (unsigned char)a < 128 ? back[(unsigned char)a] : 0x6f;
}

void cp_to_ebcdic(uint8_t *dst, const char *src, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        dst[i] = ebcdic_byte(src[i]);
}

void cp_to_ascii(char *dst, const uint8_t *src, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        dst[i] = ebcdic_char(src[i]);
}

int cp_diag8(uint64_t cmd_ra, uint64_t resp_ra, uint64_t ry, uint64_t ry1,
             uint64_t *ry_out, uint64_t *ry1_out)
{
    register uint64_t r2 asm("2") = cmd_ra;
    register uint64_t r3 asm("3") = resp_ra;
    register uint64_t r4 asm("4") = ry;
    register uint64_t r5 asm("5") = ry1;
    int cc;
    asm volatile("diag %[rx],%[ry],0x8\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=&d"(cc), [ry] "+d"(r4), "+d"(r5)
                 : [rx] "d"(r2), "d"(r3)
                 : "cc", "memory");
    if (ry_out)
        *ry_out = r4;
    if (ry1_out)
        *ry1_out = r5;
    return cc;
}

int cp_command(const char *ascii_cmd, char *resp, unsigned resp_len, unsigned *resp_got)
{
    static uint8_t cmd[CP_CMD_MAX];
    unsigned len = (unsigned)strlen(ascii_cmd);
    if (len > CP_CMD_MAX)
        return -1;
    cp_to_ebcdic(cmd, ascii_cmd, len);
    uint64_t ry, ry1;
    if (!resp) {
        cp_diag8((uintptr_t)cmd, 0, len, 0, &ry, &ry1);
        return (int)(uint32_t)ry;
    }
    unsigned room = resp_len ? resp_len - 1 : 0;
    int cc = cp_diag8((uintptr_t)cmd, (uintptr_t)resp, CP_DIAG8_RESPONSE | len, room, &ry, &ry1);
    unsigned got = (uint32_t)ry1;
    if (cc == 1)
        got += room;                     /* Ry+1 held what did not fit */
    unsigned kept = got < room ? got : room;
    cp_to_ascii(resp, (const uint8_t *)resp, kept);
    if (resp_len)
        resp[kept] = 0;
    if (resp_got)
        *resp_got = got;
    return (int)(uint32_t)ry;
}

int cp_diag_dc(const struct cp_dc_plist *pl, int *cc)
{
    uint64_t ry = 0;
    int c;
    asm volatile("diag %[rx],%[ry],0xdc\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=&d"(c), [ry] "+d"(ry)
                 : [rx] "a"((uintptr_t)pl)
                 : "cc", "memory");
    if (cc)
        *cc = c;
    return (int)(uint32_t)ry;
}

void cp_product_id(uint8_t id[16], const char *product, uint8_t record)
{
    memset(id, 0, 16);
    unsigned n = (unsigned)strnlen(product, 7);
    memset(id, 0x40, 7);                 /* EBCDIC blanks after a short name */
    cp_to_ebcdic(id, product, n);
    id[9] = record;
}

int cp_appldata(uint8_t function, const uint8_t id[16], const void *buf, uint16_t len, int *cc)
{
    static struct cp_dc_plist pl;
    pl = (struct cp_dc_plist){ .code = 0x00dc, .function = function,
                               .length = sizeof(pl), .buf_len = len,
                               .product_ra = (uintptr_t)id, .buf_ra = (uintptr_t)buf };
    return cp_diag_dc(&pl, cc);
}

unsigned cp_stats_encode(void *buf, const struct cp_stat *entries, unsigned n)
{
    uint8_t *p = buf;
    for (unsigned i = 0; i < n; i++, p += CP_STAT_ENTRY) {
        memset(p, 0, 16);
        memcpy(p, entries[i].name, strnlen(entries[i].name, 16));
        memcpy(p + 16, &entries[i].value, 8);   /* s390x is big-endian */
    }
    return n * CP_STAT_ENTRY;
}

int cp_report_stats(const struct cp_stat *entries, unsigned n)
{
    static uint8_t id[16];
    static uint8_t buf[CP_STATS_MAX * CP_STAT_ENTRY];
    if (n == 0 || n > CP_STATS_MAX)
        return -1;
    cp_product_id(id, "ZHYPSTA", 1);
    unsigned len = cp_stats_encode(buf, entries, n);
    return cp_appldata(CP_DC_EVENT, id, buf, (uint16_t)len, NULL);
}
