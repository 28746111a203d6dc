/* CONVERT UTF instructions (PoP ch.7): UTF-8, UTF-16 and UTF-32 into each other.
 * R1/R1+1: first operand (output) address and length; R2/R2+1: second operand (input).
 * One character is a unit of operation: it is decoded, then stored whole, then the four
 * registers step past it. CC 0: the second operand is used up (a character cut off by
 * its end is left in place); CC 1: the next character does not fit in the first operand;
 * CC 2: invalid input character (registers at it); CC 3: XL_UNIT input bytes done.
 * With the ETF3 enhancement, M3 bit 3 (W) of CU12, CU14, CU21, CU24 asks for the UTF
 * well-formedness checks; without it only what cannot be decoded at all is invalid. */
#include "xlate.h"

/* Decoder results besides 0 (done) and a PGM code. */
enum { XL_CUT = -1, XL_BAD = -2, XL_FULL = -3 };

struct uchar {
    uint32_t cp;                 /* code point (up to 21 bits without W) */
    unsigned n;                  /* input bytes */
};

typedef int (*dec_fn)(struct cpu *c, uint64_t va, uint64_t len, bool w, struct uchar *u);
typedef int (*enc_fn)(struct cpu *c, uint64_t va, uint64_t room, uint32_t cp, unsigned *n);

/* Continuation bytes 1..n-1 of a UTF-8 character starting with b0; false if one is not
 * of the form 10xxxxxx. */
static int utf8_tail(struct cpu *c, uint64_t va, uint8_t b0, struct uchar *u, bool *ok)
{
    uint32_t cp = b0 & (0x7fu >> u->n);
    *ok = true;
    for (unsigned i = 1; i < u->n; i++) {
        uint8_t b;
        int pgm = mem_read8_va(c, xl_next(c, va, i), &b);
        if (pgm)
            return pgm;
        *ok &= (b & 0xc0) == 0x80;
        cp = cp << 6 | (b & 0x3f);
    }
    u->cp = cp;
    return 0;
}

static int dec_utf8(struct cpu *c, uint64_t va, uint64_t len, bool w, struct uchar *u)
{
    static const uint32_t min_cp[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    uint8_t b0;
    bool ok;
    if (!len)
        return XL_CUT;
    int pgm = mem_read8_va(c, va, &b0);
    if (pgm)
        return pgm;
    if (b0 < 0x80) {
        *u = (struct uchar){ b0, 1 };
        return 0;
    }
    /* 80-BF cannot start a character, F8-FF is no UTF-8; W also rejects C0, C1 and F5-F7. */
    if (b0 < 0xc0 || b0 >= 0xf8 || (w && (b0 < 0xc2 || b0 > 0xf4)))
        return XL_BAD;
    u->n = b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
    if (len < u->n)
        return XL_CUT;
    pgm = utf8_tail(c, va, b0, u, &ok);
    if (pgm)
        return pgm;
    if (w && (!ok || u->cp < min_cp[u->n] || u->cp > 0x10ffff ||
              (u->cp >= 0xd800 && u->cp <= 0xdfff)))
        return XL_BAD;
    return 0;
}

/* A high surrogate D800-DBFF takes the next unit as the low half (W: it must be DC00-
 * DFFF); any other unit, a lone low surrogate included, is a character by itself. */
static int dec_utf16(struct cpu *c, uint64_t va, uint64_t len, bool w, struct uchar *u)
{
    uint16_t hi, lo;
    if (len < 2)
        return XL_CUT;
    int pgm = mem_read16_va(c, va, &hi);
    if (pgm)
        return pgm;
    if ((hi & 0xfc00) != 0xd800) {
        *u = (struct uchar){ hi, 2 };
        return 0;
    }
    if (len < 4)
        return XL_CUT;
    pgm = mem_read16_va(c, xl_next(c, va, 2), &lo);
    if (pgm)
        return pgm;
    if (w && (lo & 0xfc00) != 0xdc00)
        return XL_BAD;
    u->cp = ((((uint32_t)hi >> 6 & 0xf) + 1) << 16) | (uint32_t)(hi & 0x3f) << 10 | (lo & 0x3ffu);
    u->n = 4;
    return 0;
}

/* UTF-32: high surrogates D800-DBFF and values above 10FFFF are always invalid. */
static int dec_utf32(struct cpu *c, uint64_t va, uint64_t len, bool w, struct uchar *u)
{
    (void)w;
    if (len < 4)
        return XL_CUT;
    int pgm = mem_read32_va(c, va, &u->cp);
    if (pgm)
        return pgm;
    if ((u->cp >= 0xd800 && u->cp <= 0xdbff) || u->cp > 0x10ffff)
        return XL_BAD;
    u->n = 4;
    return 0;
}

static int enc_utf8(struct cpu *c, uint64_t va, uint64_t room, uint32_t cp, unsigned *n)
{
    uint8_t b[4];
    *n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (room < *n)
        return XL_FULL;
    if (*n == 1) {
        b[0] = (uint8_t)cp;
    } else {
        for (unsigned i = *n - 1; i > 0; i--, cp >>= 6)
            b[i] = (uint8_t)(0x80 | (cp & 0x3f));
        b[0] = (uint8_t)((0xff00u >> *n) | cp);    /* 2: C0, 3: E0, 4: F0 */
    }
    return mem_write_slow(c, va, b, *n);
}

/* Above FFFF a surrogate pair; its 4-bit plane field is (bits 16-20) - 1, truncated. */
static int enc_utf16(struct cpu *c, uint64_t va, uint64_t room, uint32_t cp, unsigned *n)
{
    uint8_t b[4];
    *n = cp <= 0xffff ? 2 : 4;
    if (room < *n)
        return XL_FULL;
    if (*n == 2) {
        st_be16(b, (uint16_t)cp);
    } else {
        st_be16(b, (uint16_t)(0xd800 | ((((cp >> 16) - 1) & 0xf) << 6) | (cp >> 10 & 0x3f)));
        st_be16(b + 2, (uint16_t)(0xdc00 | (cp & 0x3ff)));
    }
    return mem_write_slow(c, va, b, *n);
}

static int enc_utf32(struct cpu *c, uint64_t va, uint64_t room, uint32_t cp, unsigned *n)
{
    *n = 4;
    if (room < 4)
        return XL_FULL;
    return mem_write32_va(c, va, cp);
}

/* The shared body. 'm3' says whether the instruction has the W bit (RRF-c forms). */
static int convert(struct cpu *c, uint64_t iw, bool m3, dec_fn dec, enc_fn enc)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (reg_is_odd(r1) || reg_is_odd(r2))
        return PGM_SPECIFICATION;
    bool w = m3 && (iw_rrf_r3(iw) & 1) && fac_has(c->fac, FAC_ETF3_ENH);
    uint64_t d = reg_addr(c, r1), dlen = reg_len(c, r1 + 1);
    uint64_t s = reg_addr(c, r2), slen = reg_len(c, r2 + 1), done = 0;
    int r = 0;                             /* 0 (CC 3), XL_* or a PGM code */
    for (;;) {
        struct uchar u;
        unsigned n;
        if (done >= XL_UNIT && slen)
            break;
        r = dec(c, s, slen, w, &u);
        if (!r)
            r = enc(c, d, dlen, u.cp, &n);
        if (r)
            break;
        d = xl_next(c, d, n);
        dlen -= n;
        s = xl_next(c, s, u.n);
        slen -= u.n;
        done += u.n;
    }
    if (r > 0 && !done)
        return r;
    set_reg_addr(c, r1, d);
    set_reg_len(c, r1 + 1, dlen);
    set_reg_addr(c, r2, s);
    set_reg_len(c, r2 + 1, slen);
    if (r > 0)
        return r;
    c->cc = r == 0 ? 3 : r == XL_CUT ? 0 : r == XL_FULL ? 1 : 2;
    return 0;
}

/* B2A7 CU12  - Convert UTF-8 to UTF-16                    [RRF-c] */
int op_cu12(struct cpu *c, uint64_t iw) { return convert(c, iw, true, dec_utf8, enc_utf16); }

/* B9B0 CU14  - Convert UTF-8 to UTF-32                    [RRF-c] */
int op_cu14(struct cpu *c, uint64_t iw) { return convert(c, iw, true, dec_utf8, enc_utf32); }

/* B2A6 CU21  - Convert UTF-16 to UTF-8                    [RRF-c] */
int op_cu21(struct cpu *c, uint64_t iw) { return convert(c, iw, true, dec_utf16, enc_utf8); }

/* B9B1 CU24  - Convert UTF-16 to UTF-32                   [RRF-c] */
int op_cu24(struct cpu *c, uint64_t iw) { return convert(c, iw, true, dec_utf16, enc_utf32); }

/* B9B2 CU41  - Convert UTF-32 to UTF-8                    [RRE] */
int op_cu41(struct cpu *c, uint64_t iw) { return convert(c, iw, false, dec_utf32, enc_utf8); }

/* B9B3 CU42  - Convert UTF-32 to UTF-16                   [RRE] */
int op_cu42(struct cpu *c, uint64_t iw) { return convert(c, iw, false, dec_utf32, enc_utf16); }
