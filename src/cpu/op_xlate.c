/* Extended translation (PoP ch.7): TRANSLATE ONE/TWO TO ONE/TWO, TRANSLATE AND TEST
 * (REVERSE) EXTENDED, SEARCH STRING UNICODE, MOVE/COMPARE LOGICAL LONG UNICODE.
 * Each works one character at a time and keeps its registers describing what is left,
 * so an access exception after some progress leaves them at the completed part and
 * re-execution resumes there; an exception before any progress changes nothing. At most
 * XL_UNIT bytes of the scanned operand are processed per execution, then CC 3. */
#include "xlate.h"

/* What is left of an operand: its address and length. */
struct xl_opnd {
    uint64_t addr, len;
};

static inline void opnd_skip(const struct cpu *c, struct xl_opnd *o, uint64_t n)
{
    o->addr = xl_next(c, o->addr, (int64_t)n);
    o->len -= n;
}

/* TROO/TROT/TRTO/TRTT: R1 = first-operand address, R1+1 = second-operand length, R2 =
 * second-operand address, GR1 = table, GR0 = test character. 'ssz'/'dsz': bytes per
 * source (argument) and destination (function) character. */
static int tr_xx(struct cpu *c, uint64_t iw, unsigned ssz, unsigned dsz)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (reg_is_odd(r1) || (reg_len(c, r1 + 1) & (ssz - 1)))
        return PGM_SPECIFICATION;
    bool enh = fac_has(c->fac, FAC_ETF2_ENH);
    bool test = !(enh && (iw_rrf_r3(iw) & 1));       /* M3 bit 3: no test character */
    uint64_t tbl = reg_addr(c, 1) & (ssz == 2 && !enh ? ~0xfffULL : ~7ULL);
    uint32_t tch = dsz == 1 ? (uint8_t)c->gr[0] : (uint16_t)c->gr[0];
    uint64_t d = reg_addr(c, r1), done = 0;
    struct xl_opnd s = { reg_addr(c, r2), reg_len(c, r1 + 1) };
    unsigned cc = 0;
    int pgm = 0;
    while (s.len) {
        uint32_t arg, f;
        if (done >= XL_UNIT) {
            cc = 3;
            break;
        }
        pgm = xl_load(c, s.addr, ssz, &arg);
        if (!pgm)
            pgm = xl_load(c, xl_next(c, tbl, arg * dsz), dsz, &f);
        if (pgm)
            break;
        if (test && f == tch) {
            cc = 1;
            break;
        }
        pgm = xl_store(c, d, dsz, f);
        if (pgm)
            break;
        d = xl_next(c, d, dsz);
        opnd_skip(c, &s, ssz);
        done += ssz;
    }
    if (pgm && !done)
        return pgm;
    set_reg_addr(c, r1, d);
    set_reg_len(c, r1 + 1, s.len);
    set_reg_addr(c, r2, s.addr);
    if (!pgm)
        c->cc = cc;
    return pgm;
}

/* B993 TROO  - Translate One to One                       [RRF-c] */
int op_troo(struct cpu *c, uint64_t iw) { return tr_xx(c, iw, 1, 1); }

/* B992 TROT  - Translate One to Two                       [RRF-c] */
int op_trot(struct cpu *c, uint64_t iw) { return tr_xx(c, iw, 1, 2); }

/* B991 TRTO  - Translate Two to One                       [RRF-c] */
int op_trto(struct cpu *c, uint64_t iw) { return tr_xx(c, iw, 2, 1); }

/* B990 TRTT  - Translate Two to Two                       [RRF-c] */
int op_trtt(struct cpu *c, uint64_t iw) { return tr_xx(c, iw, 2, 2); }

/* TRTE/TRTRE: scan the first operand (R1, R1+1) in direction 'dir' for an argument
 * character whose function code (table at GR1) is nonzero. M3: A (8) two-byte arguments,
 * F (4) two-byte function codes, L (2) arguments above 255 have function code zero.
 * TRTRE's R1 designates the leftmost byte of the rightmost character. */
static int trte_scan(struct cpu *c, uint64_t iw, int dir)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw), m3 = iw_rrf_r3(iw);
    unsigned asz = (m3 & 8) ? 2 : 1, fsz = (m3 & 4) ? 2 : 1;
    if (reg_is_odd(r1) || (reg_len(c, r1 + 1) & (asz - 1)))
        return PGM_SPECIFICATION;
    uint64_t tbl = reg_addr(c, 1), done = 0;
    struct xl_opnd o = { reg_addr(c, r1), reg_len(c, r1 + 1) };
    uint32_t fc = 0;
    unsigned cc = 0;
    int pgm = 0;
    while (o.len) {
        uint32_t arg;
        if (done >= XL_UNIT) {
            cc = 3;
            break;
        }
        pgm = xl_load(c, o.addr, asz, &arg);
        if (!pgm && !((m3 & 2) && arg > 255))
            pgm = xl_load(c, xl_next(c, tbl, arg * fsz), fsz, &fc);
        if (pgm)
            break;
        if (fc) {
            cc = 1;
            break;
        }
        o.addr = xl_next(c, o.addr, dir * (int)asz);
        o.len -= asz;
        done += asz;
    }
    if (pgm && !done)
        return pgm;
    set_reg_addr(c, r1, o.addr);
    set_reg_len(c, r1 + 1, o.len);
    if (pgm)
        return pgm;
    /* The function code (zero for CC 0) goes to R2 like an address-sized value; R2 = R1
     * or R1+1 is unpredictable, and the operand registers are kept then. */
    if (cc != 3 && r2 != r1 && r2 != r1 + 1)
        set_reg_len(c, r2, fc);
    c->cc = cc;
    return 0;
}

/* B9BF TRTE  - Translate and Test Extended                [RRF-c] */
int op_trte(struct cpu *c, uint64_t iw) { return trte_scan(c, iw, 1); }

/* B9BD TRTRE - Translate and Test Reverse Extended        [RRF-c] */
int op_trtre(struct cpu *c, uint64_t iw) { return trte_scan(c, iw, -1); }

/* B9BE SRSTU - Search String Unicode                      [RRE]
 * Two-byte characters from R2 up to the end address in R1; GR0 bits 48-63 hold the
 * character, bits 32-47 must be zero. When the distance is odd, the character that
 * straddles the end address is still examined. CC 1: found, R1 = its address; CC 2: not
 * found, registers unchanged; CC 3: R2 advanced. */
int op_srstu(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (c->gr[0] & 0xffff0000ULL)
        return PGM_SPECIFICATION;
    uint16_t ch = (uint16_t)c->gr[0];
    uint64_t s = reg_addr(c, r2), left = (reg_addr(c, r1) - s) & c->amask;
    for (uint64_t done = 0; left; done += 2) {
        uint16_t v;
        if (done >= XL_UNIT) {
            set_reg_addr(c, r2, s);
            c->cc = 3;
            return 0;
        }
        int pgm = mem_read16_va(c, s, &v);
        if (pgm) {
            if (done)
                set_reg_addr(c, r2, s);
            return pgm;
        }
        if (v == ch) {
            set_reg_addr(c, r1, s);
            c->cc = 1;
            return 0;
        }
        s = xl_next(c, s, 2);
        left = left > 2 ? left - 2 : 0;
    }
    c->cc = 2;
    return 0;
}

/* MVCLU/CLCLU operands: R1/R1+1 and R3/R3+1 even-odd pairs with even lengths. */
static int long_u_opnds(struct cpu *c, uint64_t iw, struct xl_opnd *a, struct xl_opnd *b)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw);
    if (reg_is_odd(r1) || reg_is_odd(r3))
        return PGM_SPECIFICATION;
    *a = (struct xl_opnd){ reg_addr(c, r1), reg_len(c, r1 + 1) };
    *b = (struct xl_opnd){ reg_addr(c, r3), reg_len(c, r3 + 1) };
    return ((a->len | b->len) & 1) ? PGM_SPECIFICATION : 0;
}

static void long_u_update(struct cpu *c, uint64_t iw, const struct xl_opnd *a,
                          const struct xl_opnd *b)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw);
    set_reg_addr(c, r1, a->addr);
    set_reg_len(c, r1 + 1, a->len);
    set_reg_addr(c, r3, b->addr);
    set_reg_len(c, r3 + 1, b->len);
}

/* EB8E MVCLU - Move Long Unicode                          [RSY-a]
 * Like MVCLE with two-byte characters; the pad character is bits 48-63 of the
 * second-operand address. CC by the initial lengths, or 3 when op1 is not yet full. */
int op_mvclu(struct cpu *c, uint64_t iw)
{
    struct xl_opnd d, s;
    int pgm = long_u_opnds(c, iw, &d, &s);
    if (pgm)
        return pgm;
    uint16_t pad = (uint16_t)ea_rsy(c, iw);
    unsigned cc = d.len == s.len ? 0 : d.len < s.len ? 1 : 2;
    uint64_t done = 0;
    for (; d.len && done < XL_UNIT; done += 2) {
        uint16_t v = pad;
        if (s.len)
            pgm = mem_read16_va(c, s.addr, &v);
        if (!pgm)
            pgm = mem_write16_va(c, d.addr, v);
        if (pgm)
            break;
        if (s.len)
            opnd_skip(c, &s, 2);
        opnd_skip(c, &d, 2);
    }
    if (pgm && !done)
        return pgm;
    long_u_update(c, iw, &d, &s);
    if (!pgm)
        c->cc = d.len ? 3 : cc;
    return pgm;
}

/* EB8F CLCLU - Compare Logical Long Unicode               [RSY-a]
 * Two-byte characters, the shorter operand extended with the pad character. At an
 * unequal character both operands stop there (CC 1: op1 low, 2: op1 high). */
int op_clclu(struct cpu *c, uint64_t iw)
{
    struct xl_opnd a, b;
    int pgm = long_u_opnds(c, iw, &a, &b);
    if (pgm)
        return pgm;
    uint16_t pad = (uint16_t)ea_rsy(c, iw);
    unsigned cc = 0;
    uint64_t done = 0;
    for (; a.len || b.len; done += 2) {
        uint16_t x = pad, y = pad;
        if (done >= XL_UNIT) {
            cc = 3;
            break;
        }
        if (a.len)
            pgm = mem_read16_va(c, a.addr, &x);
        if (!pgm && b.len)
            pgm = mem_read16_va(c, b.addr, &y);
        if (pgm)
            break;
        if (x != y) {
            cc = x < y ? 1 : 2;
            break;
        }
        if (a.len)
            opnd_skip(c, &a, 2);
        if (b.len)
            opnd_skip(c, &b, 2);
    }
    if (pgm && !done)
        return pgm;
    long_u_update(c, iw, &a, &b);
    if (!pgm)
        c->cc = cc;
    return pgm;
}
