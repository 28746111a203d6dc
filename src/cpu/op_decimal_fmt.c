/* Conversions between packed decimal and character forms (PoP ch.7 and ch.8): PACK,
 * UNPACK, their ASCII and Unicode forms, MOVE WITH OFFSET, EDIT and EDIT AND MARK.
 * The pack/unpack family works right to left and stores each result byte right after
 * fetching the bytes it needs, so overlapping operands give the PoP's result. */
#include "ss.h"

static inline uint8_t swap_nibbles(uint8_t b) { return (uint8_t)(b << 4 | b >> 4); }

/* SS-b operands D1(L1,B1),D2(L2,B2): op1 for store, op2 for fetch. */
static int ss_b_spans(struct cpu *c, uint64_t iw, struct span *d, struct span *s)
{
    int pgm = span_get(c, ea_rs(c, iw), iw_r1(iw) + 1, ACC_STORE, d);
    if (!pgm)
        pgm = span_get(c, ea_ss2(c, iw), iw_r2(iw) + 1, ACC_FETCH, s);
    return pgm;
}

/* F2   PACK  - Pack                                       [SS-b]
 * The rightmost byte gets its nibbles swapped; each other result byte takes the numeric
 * halves of the next two zoned bytes (zeros once op2 is used up). */
int op_pack(struct cpu *c, uint64_t iw)
{
    struct span d, s;
    int pgm = ss_b_spans(c, iw, &d, &s);
    if (pgm)
        return pgm;
    unsigned j = s.len - 1;                  /* op2 bytes not yet fetched */
    *span_at(&d, d.len - 1) = swap_nibbles(*span_at(&s, j));
    for (int i = (int)d.len - 2; i >= 0; i--) {
        uint8_t lo = j ? *span_at(&s, --j) & 0xf : 0;
        uint8_t hi = j ? *span_at(&s, --j) & 0xf : 0;
        *span_at(&d, (unsigned)i) = (uint8_t)(hi << 4 | lo);
    }
    return 0;
}

/* F3   UNPK  - Unpack                                     [SS-b]
 * The rightmost byte gets its nibbles swapped; each other result byte is one digit
 * with zone F. The source byte is fetched again for each digit. */
int op_unpk(struct cpu *c, uint64_t iw)
{
    struct span d, s;
    int pgm = ss_b_spans(c, iw, &d, &s);
    if (pgm)
        return pgm;
    *span_at(&d, d.len - 1) = swap_nibbles(*span_at(&s, s.len - 1));
    for (unsigned k = 1; k < d.len; k++) {
        unsigned back = (k + 1) / 2;         /* op2 byte holding digit k, from the right */
        uint8_t b = back < s.len ? *span_at(&s, s.len - 1 - back) : 0;
        *span_at(&d, d.len - 1 - k) = 0xf0 | (k & 1 ? b & 0xf : b >> 4);
    }
    return 0;
}

/* F1   MVO   - Move with Offset                           [SS-b]
 * op2 is placed left of the rightmost four bits of op1, zero-filled or truncated. */
int op_mvo(struct cpu *c, uint64_t iw)
{
    struct span d, s;
    int pgm = ss_b_spans(c, iw, &d, &s);
    if (pgm)
        return pgm;
    uint8_t b = *span_at(&s, s.len - 1);
    uint8_t *last = span_at(&d, d.len - 1);
    *last = (uint8_t)(b << 4 | (*last & 0xf));
    for (unsigned k = 1; k < d.len; k++) {
        uint8_t hi = b >> 4;
        b = k < s.len ? *span_at(&s, s.len - 1 - k) : 0;
        *span_at(&d, d.len - 1 - k) = (uint8_t)(b << 4 | hi);
    }
    return 0;
}

/* The next digit of a PKA/PKU source, right to left: the low four bits of the last
 * byte of each csize-byte character; zero once the source is used up. */
static inline uint8_t pk_digit(const struct span *s, unsigned *left, unsigned csize)
{
    if (!*left)
        return 0;
    *left -= csize;
    return *span_at(s, *left + csize - 1) & 0xf;
}

/* PKA/PKU: op2 (L2+1 bytes, characters of csize bytes) to a 16-byte packed op1. */
static int pack_chars(struct cpu *c, uint64_t iw, unsigned csize, unsigned max)
{
    unsigned l2 = iw_i8(iw) + 1;
    struct span d, s;
    if (l2 > max || l2 % csize)
        return PGM_SPECIFICATION;
    int pgm = span_get(c, ea_rs(c, iw), 16, ACC_STORE, &d);
    if (!pgm)
        pgm = span_get(c, ea_ss2(c, iw), l2, ACC_FETCH, &s);
    if (pgm)
        return pgm;
    unsigned left = l2;
    for (int i = 15; i >= 0; i--) {
        uint8_t lo = i == 15 ? 0xc : pk_digit(&s, &left, csize);
        uint8_t hi = pk_digit(&s, &left, csize);
        *span_at(&d, (unsigned)i) = (uint8_t)(hi << 4 | lo);
    }
    return 0;
}

/* E9   PKA   - Pack ASCII                                 [SS-f] */
int op_pka(struct cpu *c, uint64_t iw) { return pack_chars(c, iw, 1, 32); }

/* E1   PKU   - Pack Unicode                               [SS-f] */
int op_pku(struct cpu *c, uint64_t iw) { return pack_chars(c, iw, 2, 64); }

/* UNPKA/UNPKU: 16-byte packed op2 to op1 (L1+1 bytes) of csize-byte characters
 * 0x30 + digit. Digits are not checked; CC from the sign: 0 plus, 1 minus, 3 invalid. */
static int unpack_chars(struct cpu *c, uint64_t iw, unsigned csize, unsigned max)
{
    unsigned l1 = iw_i8(iw) + 1;
    struct span d, s;
    if (l1 > max || l1 % csize)
        return PGM_SPECIFICATION;
    int pgm = span_get(c, ea_rs(c, iw), l1, ACC_STORE, &d);
    if (!pgm)
        pgm = span_get(c, ea_ss2(c, iw), 16, ACC_FETCH, &s);
    if (pgm)
        return pgm;
    unsigned sign = *span_at(&s, 15) & 0xf;
    for (unsigned k = 0; k < l1 / csize; k++) {
        uint8_t dig = 0;                     /* a 32nd character has no digit: 0 */
        if (k < 31) {
            uint8_t b = *span_at(&s, 15 - (k + 1) / 2);
            dig = k & 1 ? b & 0xf : b >> 4;
        }
        unsigned pos = l1 - csize * (k + 1);
        if (csize == 2)
            *span_at(&d, pos++) = 0;
        *span_at(&d, pos) = 0x30 | dig;
    }
    c->cc = sign < 0xa ? 3 : (sign == 0xb || sign == 0xd) ? 1 : 0;
    return 0;
}

/* EA   UNPKA - Unpack ASCII                               [SS-a] */
int op_unpka(struct cpu *c, uint64_t iw) { return unpack_chars(c, iw, 1, 32); }

/* E2   UNPKU - Unpack Unicode                             [SS-a] */
int op_unpku(struct cpu *c, uint64_t iw) { return unpack_chars(c, iw, 2, 64); }

/* State of one EDIT: the source digits are taken left to right, high nibble first. */
struct edit {
    uint64_t src;                /* next source byte */
    uint8_t byte;                /* current source byte */
    bool right;                  /* next digit is the right nibble of 'byte' */
    bool sig;                    /* significance indicator */
    bool nonzero;                /* a nonzero digit in the current field (for the CC) */
};

/* Next source digit; after a left digit a sign in the right nibble ends the byte, and
 * a plus sign turns significance off once this pattern byte is done (*plus). */
static int edit_digit(struct cpu *c, struct edit *e, unsigned *digit, bool *sign_end, bool *plus)
{
    *sign_end = false;
    if (e->right) {
        e->right = false;
        *digit = e->byte & 0xf;
        return 0;
    }
    int pgm = mem_read8_va(c, e->src, &e->byte);
    if (pgm)
        return pgm;
    e->src = (e->src + 1) & c->amask;
    *digit = e->byte >> 4;
    if (*digit > 9) {
        c->dxc = DXC_DECIMAL;
        return PGM_DATA;
    }
    unsigned low = e->byte & 0xf;
    e->right = low <= 9;
    *sign_end = low > 9;
    *plus = low > 9 && low != 0xb && low != 0xd;
    return 0;
}

/* Edit the pattern in place; *cc is the result's condition code, *mark the index of the
 * last digit that started significance (EDMK), or left at -1. */
static int edit_pattern(struct cpu *c, uint8_t *pat, unsigned len, uint64_t src,
                        unsigned *cc, int *mark)
{
    struct edit e = { .src = src };
    const uint8_t fill = pat[0];
    for (unsigned i = 0; i < len; i++) {
        uint8_t p = pat[i];
        if (p == 0x22) {                     /* field separator */
            pat[i] = fill;
            e.sig = e.nonzero = false;
            continue;
        }
        if (p != 0x20 && p != 0x21) {        /* message byte */
            if (!e.sig)
                pat[i] = fill;
            continue;
        }
        unsigned d;
        bool sign_end, plus = false;
        int pgm = edit_digit(c, &e, &d, &sign_end, &plus);
        if (pgm)
            return pgm;
        if (!e.sig && d)
            *mark = (int)i;
        pat[i] = (e.sig || d) ? (uint8_t)(0xf0 | d) : fill;
        e.nonzero |= d != 0;
        e.sig |= p == 0x21 || d;
        if (sign_end && plus)
            e.sig = false;
    }
    *cc = !e.nonzero ? 0 : e.sig ? 1 : 2;
    return 0;
}

/* DE   ED    - Edit                                       [SS-a]
 * DF   EDMK  - Edit and Mark                              [SS-a]
 * The result is built in a buffer and stored at the end: an invalid digit or an
 * inaccessible source byte leaves the pattern unchanged. EDMK puts the address of the
 * first significant result digit in GR1 (unchanged when significance never starts
 * with a nonzero digit). */
int op_ed(struct cpu *c, uint64_t iw)
{
    unsigned len = iw_i8(iw) + 1;
    uint64_t a1 = ea_rs(c, iw);
    uint8_t pat[256];
    unsigned cc;
    int mark = -1;
    int pgm = mem_check_range(c, a1, len, ACC_STORE);
    if (!pgm)
        pgm = mem_read_slow(c, a1, pat, len);
    if (!pgm)
        pgm = edit_pattern(c, pat, len, ea_ss2(c, iw), &cc, &mark);
    if (!pgm)
        pgm = mem_write_slow(c, a1, pat, len);
    if (pgm)
        return pgm;
    c->cc = cc;
    if ((iw >> 56) == 0xdf && mark >= 0)
        set_reg_mark(c, 1, (a1 + (unsigned)mark) & c->amask);
    return 0;
}
