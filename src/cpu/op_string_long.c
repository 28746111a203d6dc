/* Interruptible string instructions (PoP ch.7): MOVE/COMPARE LOGICAL LONG (and their
 * EXTENDED forms), MOVE/COMPARE LOGICAL STRING, SEARCH STRING, CHECKSUM and
 * TRANSLATE EXTENDED. They work in
 * host-contiguous chunks (one page of each operand at a time). The register operands
 * always describe what is left, so an access exception in the middle leaves them at
 * the completed part and re-execution resumes there.
 *
 * CPU-determined amount: MVCLE, CLCLE, MVST, CLST, SRST and CKSM process at most
 * LONG_UNIT bytes per execution and then end with CC 3 (the program branches back on
 * CC 3). MVCL and CLCL have no CC 3 exit for this and run to completion. */
#include "ss.h"
#include "zhyp/sie.h"

#define LONG_UNIT 4096

/* What is left of one operand of a long instruction. */
struct lopnd {
    uint64_t addr, len;
};

static inline uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }

static inline void lopnd_skip(const struct cpu *c, struct lopnd *o, uint64_t n)
{
    o->addr = (o->addr + n) & c->amask;
    o->len -= n;
}

/* Move op2, then the pad byte, into op1 for at most 'limit' op1 bytes. */
static int move_long(struct cpu *c, struct lopnd *d, struct lopnd *s, uint8_t pad, uint64_t limit)
{
    while (d->len && limit) {
        uint64_t n = min_u64(min_u64(d->len, limit), page_room(d->addr));
        uint8_t *dp, *sp = NULL;
        if (s->len)
            n = min_u64(n, min_u64(s->len, page_room(s->addr)));
        int pgm = mem_host_ptr(c, d->addr, ACC_STORE, &dp);
        if (!pgm && s->len)
            pgm = mem_host_ptr(c, s->addr, ACC_FETCH, &sp);
        if (pgm)
            return pgm;
        if (sp) {
            copy_fwd(dp, sp, n);
            lopnd_skip(c, s, n);
        } else {
            memset(dp, pad, n);
        }
        lopnd_skip(c, d, n);
        limit -= n;
    }
    return 0;
}

/* Compare op1 with op2, the shorter one extended with the pad byte, for at most 'limit'
 * bytes. At an unequal byte both operands stop there. *cc: 0/1/2, or 3 at the limit. */
static int compare_long(struct cpu *c, struct lopnd *a, struct lopnd *b, uint8_t pad,
                        uint64_t limit, unsigned *cc)
{
    *cc = 0;
    while (a->len || b->len) {
        if (!limit) {
            *cc = 3;
            return 0;
        }
        uint64_t n = limit;
        uint8_t *ap = NULL, *bp = NULL;
        int pgm = 0;
        if (a->len) {
            n = min_u64(n, min_u64(a->len, page_room(a->addr)));
            pgm = mem_host_ptr(c, a->addr, ACC_FETCH, &ap);
        }
        if (!pgm && b->len) {
            n = min_u64(n, min_u64(b->len, page_room(b->addr)));
            pgm = mem_host_ptr(c, b->addr, ACC_FETCH, &bp);
        }
        if (pgm)
            return pgm;
        uint64_t i = 0;
        for (; i < n; i++) {
            uint8_t x = ap ? ap[i] : pad, y = bp ? bp[i] : pad;
            if (x != y) {
                *cc = x < y ? 1 : 2;
                break;
            }
        }
        if (a->len)
            lopnd_skip(c, a, i);
        if (b->len)
            lopnd_skip(c, b, i);
        if (*cc)
            return 0;
        limit -= n;
    }
    return 0;
}

static inline unsigned cc_lengths(uint64_t l1, uint64_t l2)
{
    return l1 == l2 ? 0 : l1 < l2 ? 1 : 2;
}

/* MVCL/CLCL: 24-bit lengths in bits 40-63 of R+1 (bits 32-39 of R2+1 hold the pad). */
static inline void set_len24(struct cpu *c, unsigned r, uint64_t n)
{
    c->gr[r] = (c->gr[r] & ~0xffffffULL) | n;
}

/* MVCL moves nothing when op1 would be fetched after being stored into (PoP: the
 * leftmost op1 byte lies inside the participating part of op2, wrap-around included). */
static bool mvcl_destructive(const struct cpu *c, uint64_t d, uint64_t s, uint64_t n)
{
    if (n <= 1)
        return false;
    uint64_t end = (s + n - 1) & c->amask;
    if (end >= s)
        return d > s && d <= end;
    return !(d <= s && d > end);
}

/* 0E   MVCL  - Move Long                                  [RR] */
int op_mvcl(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r2 = iw_r2(iw);
    if (reg_is_odd(r1) || reg_is_odd(r2))
        return PGM_SPECIFICATION;
    struct lopnd d = { reg_addr(c, r1), c->gr[r1 + 1] & 0xffffff };
    struct lopnd s = { reg_addr(c, r2), c->gr[r2 + 1] & 0xffffff };
    unsigned cc = cc_lengths(d.len, s.len);
    int pgm = 0;
    if (d.len && mvcl_destructive(c, d.addr, s.addr, min_u64(d.len, s.len)))
        cc = 3;
    else
        pgm = move_long(c, &d, &s, (uint8_t)(c->gr[r2 + 1] >> 24), UINT64_MAX);
    set_reg_addr(c, r1, d.addr);
    set_len24(c, r1 + 1, d.len);
    set_reg_addr(c, r2, s.addr);
    set_len24(c, r2 + 1, s.len);
    if (!pgm)
        c->cc = cc;
    return pgm;
}

/* A8   MVCLE - Move Long Extended                         [RS-a]
 * The pad byte is bits 56-63 of the second-operand address. */
int op_mvcle(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw);
    if (reg_is_odd(r1) || reg_is_odd(r3))
        return PGM_SPECIFICATION;
    struct lopnd d = { reg_addr(c, r1), reg_len(c, r1 + 1) };
    struct lopnd s = { reg_addr(c, r3), reg_len(c, r3 + 1) };
    unsigned cc = cc_lengths(d.len, s.len);
    int pgm = move_long(c, &d, &s, (uint8_t)ea_rs(c, iw), LONG_UNIT);
    set_reg_addr(c, r1, d.addr);
    set_reg_len(c, r1 + 1, d.len);
    set_reg_addr(c, r3, s.addr);
    set_reg_len(c, r3 + 1, s.len);
    if (!pgm)
        c->cc = d.len ? 3 : cc;
    return pgm;
}

/* 0F   CLCL  - Compare Logical Long                       [RR] */
int op_clcl(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r2 = iw_r2(iw), cc;
    if (reg_is_odd(r1) || reg_is_odd(r2))
        return PGM_SPECIFICATION;
    struct lopnd a = { reg_addr(c, r1), c->gr[r1 + 1] & 0xffffff };
    struct lopnd b = { reg_addr(c, r2), c->gr[r2 + 1] & 0xffffff };
    int pgm = compare_long(c, &a, &b, (uint8_t)(c->gr[r2 + 1] >> 24), UINT64_MAX, &cc);
    set_reg_addr(c, r1, a.addr);
    set_len24(c, r1 + 1, a.len);
    set_reg_addr(c, r2, b.addr);
    set_len24(c, r2 + 1, b.len);
    if (!pgm)
        c->cc = cc;
    return pgm;
}

/* A9   CLCLE - Compare Logical Long Extended              [RS-a] */
int op_clcle(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw), cc;
    if (reg_is_odd(r1) || reg_is_odd(r3))
        return PGM_SPECIFICATION;
    struct lopnd a = { reg_addr(c, r1), reg_len(c, r1 + 1) };
    struct lopnd b = { reg_addr(c, r3), reg_len(c, r3 + 1) };
    int pgm = compare_long(c, &a, &b, (uint8_t)ea_rs(c, iw), LONG_UNIT, &cc);
    set_reg_addr(c, r1, a.addr);
    set_reg_len(c, r1 + 1, a.len);
    set_reg_addr(c, r3, b.addr);
    set_reg_len(c, r3 + 1, b.len);
    if (!pgm)
        c->cc = cc;
    return pgm;
}

/* The end or search character of MVST/CLST/SRST: GR0 bits 56-63, bits 32-55 zero. */
static inline int string_char(const struct cpu *c, uint8_t *ch)
{
    *ch = (uint8_t)c->gr[0];
    return (c->gr[0] & 0xffffff00ULL) ? PGM_SPECIFICATION : 0;
}

/* B255 MVST  - Move String                                [RRE]
 * CC 1: moved through the end character, R1 = its op1 address, R2 unchanged. */
int op_mvst(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    uint8_t end;
    int pgm = string_char(c, &end);
    if (pgm)
        return pgm;
    uint64_t d = reg_addr(c, r1), s = reg_addr(c, r2);
    for (uint64_t done = 0; done < LONG_UNIT;) {
        uint64_t n = min_u64(LONG_UNIT - done, min_u64(page_room(d), page_room(s)));
        uint8_t *dp, *sp;
        pgm = mem_host_ptr(c, s, ACC_FETCH, &sp);
        if (!pgm)
            pgm = mem_host_ptr(c, d, ACC_STORE, &dp);
        if (pgm)
            break;
        const uint8_t *hit = memchr(sp, end, n);
        uint64_t k = hit ? (uint64_t)(hit - sp) + 1 : n;
        copy_fwd(dp, sp, k);
        if (hit) {
            set_reg_addr(c, r1, (d + k - 1) & c->amask);
            c->cc = 1;
            return 0;
        }
        d = (d + n) & c->amask;
        s = (s + n) & c->amask;
        done += n;
    }
    set_reg_addr(c, r1, d);
    set_reg_addr(c, r2, s);
    if (!pgm)
        c->cc = 3;
    return pgm;
}

/* B25D CLST  - Compare Logical String                     [RRE]
 * CC 0: equal through the end character, registers unchanged; CC 1/2: R1/R2 point at
 * the first unequal bytes (a string that ends there is the low one). */
int op_clst(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    uint8_t end;
    int pgm = string_char(c, &end);
    if (pgm)
        return pgm;
    uint64_t a = reg_addr(c, r1), b = reg_addr(c, r2);
    for (uint64_t done = 0; done < LONG_UNIT;) {
        uint64_t n = min_u64(LONG_UNIT - done, min_u64(page_room(a), page_room(b)));
        uint8_t *ap, *bp;
        pgm = mem_host_ptr(c, a, ACC_FETCH, &ap);
        if (!pgm)
            pgm = mem_host_ptr(c, b, ACC_FETCH, &bp);
        if (pgm)
            break;
        for (uint64_t i = 0; i < n; i++) {
            uint8_t x = ap[i], y = bp[i];
            if (x == y && x != end)
                continue;
            if (x == y) {
                c->cc = 0;
                return 0;
            }
            c->cc = x == end ? 1 : y == end ? 2 : x < y ? 1 : 2;
            set_reg_addr(c, r1, (a + i) & c->amask);
            set_reg_addr(c, r2, (b + i) & c->amask);
            return 0;
        }
        a = (a + n) & c->amask;
        b = (b + n) & c->amask;
        done += n;
    }
    set_reg_addr(c, r1, a);
    set_reg_addr(c, r2, b);
    if (!pgm)
        c->cc = 3;
    return pgm;
}

/* B25E SRST  - Search String                              [RRE]
 * Searches from R2 up to (not including) the address in R1, wrapping at the top.
 * CC 1: found, R1 = its address; CC 2: not found, registers unchanged. */
int op_srst(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    uint8_t ch;
    int pgm = string_char(c, &ch);
    if (pgm)
        return pgm;
    uint64_t end = reg_addr(c, r1), s = reg_addr(c, r2);
    for (uint64_t done = 0; done < LONG_UNIT;) {
        uint64_t left = (end - s) & c->amask;
        if (!left) {
            c->cc = 2;
            return 0;
        }
        uint64_t n = min_u64(min_u64(LONG_UNIT - done, left), page_room(s));
        uint8_t *sp;
        pgm = mem_host_ptr(c, s, ACC_FETCH, &sp);
        if (pgm)
            break;
        const uint8_t *hit = memchr(sp, ch, n);
        if (hit) {
            set_reg_addr(c, r1, (s + (uint64_t)(hit - sp)) & c->amask);
            c->cc = 1;
            return 0;
        }
        s = (s + n) & c->amask;
        done += n;
    }
    set_reg_addr(c, r2, s);
    if (!pgm)
        c->cc = 3;
    return pgm;
}

/* B241 CKSM  - Checksum                                   [RRE]
 * 32-bit words added into R1 bits 32-63 with end-around carry; a last partial word is
 * padded with zeros on the right. R2/R2+1: address and length of what is left. */
int op_cksm(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (reg_is_odd(r2))
        return PGM_SPECIFICATION;
    struct lopnd o = { reg_addr(c, r2), reg_len(c, r2 + 1) };
    uint64_t sum = (uint32_t)c->gr[r1], done = 0;
    int pgm = 0;
    while (o.len && done < LONG_UNIT) {
        uint32_t w;
        uint8_t tail[4] = { 0 };
        unsigned k = o.len < 4 ? (unsigned)o.len : 4;
        if (k == 4) {
            pgm = mem_read32_va(c, o.addr, &w);
        } else {
            pgm = mem_read_slow(c, o.addr, tail, k);
            w = ld_be32(tail);
        }
        if (pgm)
            break;
        sum += w;
        lopnd_skip(c, &o, k);
        done += k;
    }
    while (sum >> 32)
        sum = (sum & 0xffffffffULL) + (sum >> 32);
    set_low32(c, r1, (uint32_t)sum);
    set_reg_addr(c, r2, o.addr);
    set_reg_len(c, r2 + 1, o.len);
    if (!pgm)
        c->cc = o.len ? 3 : 0;
    return pgm;
}

/* B2A5 TRE   - Translate Extended                         [RRE]
 * R1/R1+1: operand address and length, R2: table, GR0 bits 56-63: test byte. */
int op_tre(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    uint64_t a = reg_addr(c, r1), len = reg_len(c, r1 + 1), tbl = reg_addr(c, r2);
    uint8_t test = (uint8_t)c->gr[0];
    unsigned cc = 0;
    uint64_t done = 0;
    int pgm = 0;
    for (; done < len; done++) {
        if (done == LONG_UNIT) {
            cc = 3;
            break;
        }
        uint64_t va = (a + done) & c->amask;
        uint8_t b, f;
        pgm = mem_read8_va(c, va, &b);
        if (pgm)
            break;
        if (b == test) {
            cc = 1;
            break;
        }
        pgm = mem_read8_va(c, (tbl + b) & c->amask, &f);
        if (!pgm)
            pgm = mem_write8_va(c, va, f);
        if (pgm)
            break;
    }
    /* On an access exception the registers show the bytes already translated. */
    set_reg_addr(c, r1, (a + done) & c->amask);
    set_reg_len(c, r1 + 1, len - done);
    if (!pgm)
        c->cc = cc;
    return pgm;
}

/* MOVE PAGE's general register 0 (PoP "MOVE PAGE"): bits 48-51 zero, F (52) and S (53)
 * say that the first or the second operand is accessed with the key in bits 56-59, CCO
 * (55) turns a page-translation exception into CC 1 (first operand) or 2 (second). */
#define MVPG_F     0x800ULL
#define MVPG_S     0x400ULL
#define MVPG_CCO   0x100ULL

/* A host pointer to the 4K page at va for acc, under access key 'key' (-1: the PSW's).
 * Another key takes a flushed TLB, since entries carry the key they were checked with. */
static int mvpg_page(struct cpu *c, uint64_t va, enum acc acc, int key, uint8_t **p)
{
    if (key < 0)
        return mem_host_ptr(c, va, acc, p);
    uint64_t mask = c->psw.mask;
    c->psw.mask = (mask & ~PSW_MASK_KEY) | ((uint64_t)key << PSW_SHIFT_KEY);
    cpu_tlb_flush(c);
    int pgm = mem_host_ptr(c, va, acc, p);
    c->psw.mask = mask;
    cpu_tlb_flush(c);
    return pgm;
}

/* An operand that cannot be accessed: CC under CCO, the partial-execution interception
 * for a host-level fault under SIE, else the exception (with R1/R2 for lowcore 162). */
static int mvpg_fail(struct cpu *c, uint64_t iw, int pgm, unsigned cc)
{
    if ((pgm & PGM_HOST) || (c->sie && sie_host_fault_pending(c)))
        return sie_partial_execution(c, iw);
    if (pgm == PGM_PAGE_TRANS && (c->gr[0] & MVPG_CCO)) {
        c->cc = cc;
        return 0;
    }
    if (pgm == PGM_PAGE_TRANS)
        c->fault.op_regs = (uint16_t)(0x100 | (iw_rre_r1(iw) << 4) | iw_rre_r2(iw));
    return pgm;
}

/* B254 MVPG  - Move Page                                  [RRE]
 * CC 0: the 4K second-operand page replaces the first-operand page. */
int op_mvpg(struct cpu *c, uint64_t iw)
{
    uint64_t r0 = c->gr[0];
    if (((r0 & MVPG_F) && (r0 & MVPG_S)) || (r0 & 0xf000))
        return PGM_SPECIFICATION;
    int key = (r0 & (MVPG_F | MVPG_S)) ? (int)((r0 >> 4) & 0xf) : -1;
    if (key >= 0 && (c->psw.mask & PSW_MASK_PSTATE) && !(c->cr[3] & (0x80000000ULL >> key)))
        return PGM_PRIVILEGED_OP;
    uint64_t d = c->gr[iw_rre_r1(iw)] & c->amask & ~PAGE_MASK_LOW;
    uint64_t s = c->gr[iw_rre_r2(iw)] & c->amask & ~PAGE_MASK_LOW;
    uint8_t *dp, *sp;
    int pgm = mvpg_page(c, s, ACC_FETCH, (r0 & MVPG_S) ? key : -1, &sp);
    if (pgm)
        return mvpg_fail(c, iw, pgm, 2);
    pgm = mvpg_page(c, d, ACC_STORE, (r0 & MVPG_F) ? key : -1, &dp);
    if (pgm)
        return mvpg_fail(c, iw, pgm, 1);
    memmove(dp, sp, PAGE_SIZE_4K);
    c->cc = 0;
    return 0;
}
