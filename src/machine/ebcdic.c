/* EBCDIC code page 500 <-> ASCII for the printable characters (include/zhyp/ebcdic.h). */
#include "zhyp/ebcdic.h"

/* EBCDIC (code page 500, the one QEMU's line-mode console decodes) to ASCII for the
 * printable characters, one row per high nibble from 0x40; everything else is '?'. */
char ebcdic_to_ascii(uint8_t e)
{
    static const char rows[12][17] = {
        " ?????????[.<(+!", "&?????????]$*);^", "-/?????????,%_>?", "?????????`:#@'=\"",
        "?abcdefghi??????", "?jklmnopqr??????", "?~stuvwxyz??????", "???????????|????",
        "{ABCDEFGHI??????", "}JKLMNOPQR??????", "\\?STUVWXYZ??????", "0123456789??????",
    };
    return e < 0x40 ? '?' : rows[(e >> 4) - 4][e & 15];
}

uint8_t ascii_to_ebcdic(char a)
{
    static uint8_t back[128];
    static bool made;
    if (!made) {                           /* the inverse of the table above, built once */
        for (unsigned i = 0; i < 128; i++)
            back[i] = 0x6f;                /* '?' */
        for (unsigned e = 0xff; e >= 0x40; e--) {
            char c = ebcdic_to_ascii((uint8_t)e);
            if (c != '?' || e == 0x6f)
                back[(unsigned char)c] = (uint8_t)e;
        }
        made = true;
    }
    return (unsigned char)a < 128 ? back[(unsigned char)a] : 0x6f;
}
