/* Interlocked updates (PoP ch.7): COMPARE AND SWAP, COMPARE DOUBLE AND SWAP, LOAD AND
 * ADD (LOGICAL) of the interlocked-access facility, and the quadword-concurrent LOAD
 * PAIR FROM / STORE PAIR TO QUADWORD. Operands are naturally aligned
 * (specification exception otherwise), so each lies in one page and is updated with a
 * host atomic on the page's host address (pages are mapped 4K-aligned on the host). */
#include <pthread.h>

#include "op_general.h"
#include "alu.h"

/* 16-byte operands: a host lock, because a lock-free 16-byte compare-and-swap needs
 * libatomic (-latomic) or cmpxchg16b; CSG on half of such an operand bypasses it. */
static pthread_mutex_t quad_lock = PTHREAD_MUTEX_INITIALIZER;

/* Host address of an aligned operand, checked for store access even when the update
 * will not happen (CS with unequal comparison is a store-type reference). */
static int interlocked_ptr(struct cpu *c, uint64_t va, unsigned size, enum acc acc, uint8_t **p)
{
    if (va & (size - 1))
        return PGM_SPECIFICATION;
    return mem_host_ptr(c, va, acc, p);
}

static uint64_t atomic_load_be(const uint8_t *p, unsigned size)
{
    if (size == 4)
        return __builtin_bswap32(__atomic_load_n((const uint32_t *)p, __ATOMIC_SEQ_CST));
    return __builtin_bswap64(__atomic_load_n((const uint64_t *)p, __ATOMIC_SEQ_CST));
}


/* BA   CS     - Compare and Swap (32)                    [RS-a]
 * EB14 CSY    - Compare and Swap (32)                    [RSY-a]
 * EB30 CSG    - Compare and Swap (64)                    [RSY-a]
 * Equal: R3 is stored, CC 0. Unequal: R1 is loaded with the operand, CC 1. */
int op_cs(struct cpu *c, uint64_t iw)
{
    bool g = is_six_byte(iw) && IW_FIELD(iw, 40, 8) == 0x30;
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw), size = g ? 8 : 4;
    enum gr_part p = g ? GR_FULL : GR_LOW;
    uint8_t *hp;
    int pgm = interlocked_ptr(c, ea_rs_any(c, iw), size, ACC_STORE, &hp);
    if (pgm)
        return pgm;
    uint64_t old = gr_get(c, r1, p);
    c->cc = !cas_be(hp, size, &old, gr_get(c, r3, p));
    if (c->cc)
        gr_put(c, r1, p, old);
    return 0;
}

/* BB   CDS    - Compare Double and Swap (32)             [RS-a]
 * EB31 CDSY   - Compare Double and Swap (32)             [RSY-a]
 * The even/odd pairs R1, R3 (low words) against a doubleword. */
int op_cds(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw);
    uint8_t *hp;
    if (reg_is_odd(r1) || reg_is_odd(r3))
        return PGM_SPECIFICATION;
    int pgm = interlocked_ptr(c, ea_rs_any(c, iw), 8, ACC_STORE, &hp);
    if (pgm)
        return pgm;
    uint64_t old = c->gr[r1] << 32 | (uint32_t)c->gr[r1 + 1];
    uint64_t new = c->gr[r3] << 32 | (uint32_t)c->gr[r3 + 1];
    c->cc = !cas_be(hp, 8, &old, new);
    if (c->cc) {
        set_low32(c, r1, (uint32_t)(old >> 32));
        set_low32(c, r1 + 1, (uint32_t)old);
    }
    return 0;
}

/* EB3E CDSG   - Compare Double and Swap (64)             [RSY-a]
 * The even/odd pairs R1, R3 (all 64 bits) against a quadword. */
int op_cdsg(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw);
    uint8_t *hp;
    if (reg_is_odd(r1) || reg_is_odd(r3))
        return PGM_SPECIFICATION;
    int pgm = interlocked_ptr(c, ea_rsy(c, iw), 16, ACC_STORE, &hp);
    if (pgm)
        return pgm;
    pthread_mutex_lock(&quad_lock);
    uint64_t hi = ld_be64(hp), lo = ld_be64(hp + 8);
    c->cc = hi != c->gr[r1] || lo != c->gr[r1 + 1];
    if (c->cc) {
        c->gr[r1] = hi;
        c->gr[r1 + 1] = lo;
    } else {
        st_be64(hp, c->gr[r3]);
        st_be64(hp + 8, c->gr[r3 + 1]);
    }
    pthread_mutex_unlock(&quad_lock);
    return 0;
}

/* E38F LPQ    - Load Pair from Quadword                  [RXY-a] */
int op_lpq(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    uint8_t *hp;
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    int pgm = interlocked_ptr(c, ea_rxy(c, iw), 16, ACC_FETCH, &hp);
    if (pgm)
        return pgm;
    pthread_mutex_lock(&quad_lock);
    c->gr[r1] = ld_be64(hp);
    c->gr[r1 + 1] = ld_be64(hp + 8);
    pthread_mutex_unlock(&quad_lock);
    return 0;
}

/* E38E STPQ   - Store Pair to Quadword                   [RXY-a] */
int op_stpq(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    uint8_t *hp;
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    int pgm = interlocked_ptr(c, ea_rxy(c, iw), 16, ACC_STORE, &hp);
    if (pgm)
        return pgm;
    pthread_mutex_lock(&quad_lock);
    st_be64(hp, c->gr[r1]);
    st_be64(hp + 8, c->gr[r1 + 1]);
    pthread_mutex_unlock(&quad_lock);
    return 0;
}

/* Interlocked-access facility 1, LOAD AND ADD (LOGICAL): the operand at D2(B2) is
 * replaced by its sum with R3, R1 receives the original operand, the CC is that of
 * the addition. (LOAD AND AND/OR/EXCLUSIVE OR are the logic group's, op_logic.c.) */
static uint64_t add_cc(struct cpu *c, bool logical, unsigned size, uint64_t a, uint64_t b)
{
    if (logical)
        return size == 4 ? addl32_cc(c, (uint32_t)a, (uint32_t)b, 0) : addl64_cc(c, a, b, 0);
    return size == 4 ? add32_cc(c, (uint32_t)a, (uint32_t)b) : add64_cc(c, a, b);
}

/* Byte 5's high nibble picks the width: F 32-bit, E 64-bit. */
static int load_and_add(struct cpu *c, uint64_t iw, bool logical)
{
    unsigned r1 = iw_r1(iw), size = IW_FIELD(iw, 40, 4) == 0xf ? 4 : 8;
    enum gr_part p = size == 8 ? GR_FULL : GR_LOW;
    uint64_t op3 = gr_get(c, iw_r2(iw), p), old, sum;
    uint8_t *hp;
    int pgm = interlocked_ptr(c, ea_rsy(c, iw), size, ACC_STORE, &hp);
    if (pgm)
        return pgm;
    old = atomic_load_be(hp, size);
    do
        sum = add_cc(c, logical, size, old, op3);
    while (!cas_be(hp, size, &old, sum));
    gr_put(c, r1, p, old);
    return logical ? 0 : fixovf_check(c);
}

/* EBF8 LAA    - Load and Add (32)                        [RSY-a]
 * EBE8 LAAG   - Load and Add (64)                        [RSY-a]
 * Overflow (CC 3) completes the update; a fixed-point-overflow interruption follows
 * when the program mask enables it. */
int op_laa(struct cpu *c, uint64_t iw) { return load_and_add(c, iw, false); }

/* EBFA LAAL   - Load and Add Logical (32)                [RSY-a]
 * EBEA LAALG  - Load and Add Logical (64)                [RSY-a] */
int op_laal(struct cpu *c, uint64_t iw) { return load_and_add(c, iw, true); }
