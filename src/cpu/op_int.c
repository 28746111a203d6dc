/* Binary-integer arithmetic and comparison (PoP ch.7): add, subtract, multiply,
 * divide, compare, load-and-test/complement/positive/negative, in 32/64-bit and
 * mixed forms. Semantic cores live in alu.h; the rows here pick operands. */
#include "insn.h"
#include "alu.h"

/* 1A   AR    - Add                                        [RR] */
int op_ar(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r2 = iw_r2(iw);
    set_low32(c, r1, add32_cc(c, (uint32_t)c->gr[r1], (uint32_t)c->gr[r2]));
    return fixovf_check(c);
}

/* B908 AGR   - Add (64)                                   [RRE] */
int op_agr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    c->gr[r1] = add64_cc(c, c->gr[r1], c->gr[r2]);
    return fixovf_check(c);
}

/* 5A   A     - Add                                        [RX-a]
 * E35A AY    - Add                                        [RXY-a] */
int op_a(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    uint64_t ea = (iw >> 56) == 0x5a ? ea_rx(c, iw) : ea_rxy(c, iw);
    uint32_t op2;
    int pgm = mem_read32_va(c, ea, &op2);
    if (pgm)
        return pgm;
    set_low32(c, r1, add32_cc(c, (uint32_t)c->gr[r1], op2));
    return fixovf_check(c);
}

/* A7A  AHI   - Add Halfword Immediate                     [RI-a] */
int op_ahi(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    set_low32(c, r1, add32_cc(c, (uint32_t)c->gr[r1], (uint32_t)sext16(iw_i16(iw))));
    return fixovf_check(c);
}

/* A7B  AGHI  - Add Halfword Immediate (64)                [RI-a] */
int op_aghi(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    c->gr[r1] = add64_cc(c, c->gr[r1], (uint64_t)sext16(iw_i16(iw)));
    return fixovf_check(c);
}
