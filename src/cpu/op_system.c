/* Semiprivileged PSW-key and address-space instructions (IPK, SPKA, IVSK, SAC, SACF)
 * (PoP ch.10 "Control Instructions"; zarch.md §1.3).
 * The semiprivileged rows carry I_SEMI: in the problem state they run only when the
 * authority bits in CR0 or CR3 allow, which each handler checks itself. */
#include "insn.h"

static bool problem_state(const struct cpu *c)
{
    return (c->psw.mask & PSW_MASK_PSTATE) != 0;
}

static unsigned psw_key(const struct cpu *c)
{
    return (unsigned)((c->psw.mask & PSW_MASK_KEY) >> PSW_SHIFT_KEY);
}

/* Replace the PSW bits in 'field' with 'bits' (PSW key, address-space control). The TLB
 * is flushed by cpu_set_psw, since both change what a translation allows. */
static void set_psw_field(struct cpu *c, uint64_t field, uint64_t bits)
{
    cpu_set_psw(c, (cpu_psw_mask(c) & ~field) | bits, c->psw.addr);
}

/* B20B IPK   - Insert PSW Key                              [S]
 * The PSW key into bits 56-59 of GR2, zeros into bits 60-63, bits 0-55 unchanged.
 * Problem state: needs the extraction-authority control (CR0 bit 36). */
int op_ipk(struct cpu *c, uint64_t iw)
{
    (void)iw;
    if (problem_state(c) && !(c->cr[0] & CR0_EXTRACT_AUTH))
        return PGM_PRIVILEGED_OP;
    c->gr[2] = (c->gr[2] & ~0xffULL) | (psw_key(c) << 4);
    return 0;
}

/* B20A SPKA  - Set PSW Key From Address                    [S]
 * The key is bits 56-59 of the second-operand address (no storage is accessed). In
 * the problem state the PSW-key mask (CR3 bits 32-47, bit 32 + key) must allow it. */
int op_spka(struct cpu *c, uint64_t iw)
{
    unsigned key = (unsigned)(ea_rs(c, iw) >> 4) & 0xf;
    if (problem_state(c) && !(c->cr[3] & (0x80000000ULL >> key)))
        return PGM_PRIVILEGED_OP;
    set_psw_field(c, PSW_MASK_KEY, (uint64_t)key << PSW_SHIFT_KEY);
    return 0;
}

/* B223 IVSK  - Insert Virtual Storage Key                  [RRE]
 * The access-control and fetch-protection bits of the key of the frame that the
 * logical address in R2 translates to go into R1 bits 56-60; bits 61-63 become zero,
 * bits 0-55 stay. DAT must be on (special operation); the problem state needs the
 * extraction-authority control. Translation exceptions are delivered. */
int op_ivsk(struct cpu *c, uint64_t iw)
{
    uint8_t key;
    if (!(c->psw.mask & PSW_MASK_DAT))
        return PGM_SPECIAL_OP;
    if (problem_state(c) && !(c->cr[0] & CR0_EXTRACT_AUTH))
        return PGM_PRIVILEGED_OP;
    if (!c->sys || !c->sys->vskey)
        return PGM_OPERATION;
    int pgm = c->sys->vskey(c, c->gr[iw_rre_r2(iw)] & c->amask, &key);
    if (pgm)
        return pgm;
    unsigned r1 = iw_rre_r1(iw);
    c->gr[r1] = (c->gr[r1] & ~0xffULL) | (key & 0xf8);
    return 0;
}

/* B219 SAC   - Set Address Space Control                   [S]
 * B279 SACF  - Set Address Space Control Fast              [S]
 * Bits 52-55 of the second-operand address select the mode: 0 primary, 1 secondary,
 * 2 access register, 3 home. DAT off or the secondary-space control (CR0 bit 37) off:
 * special operation. Other codes: specification, and so is the access-register mode,
 * which zhyp does not translate (docs/architecture.md). Home in the problem state:
 * privileged operation. SACF differs only in serialization, which has no effect here;
 * the space-switch event of SAC (ASCE bit 57) is not recognized. */
int op_sac(struct cpu *c, uint64_t iw)
{
    static const uint64_t asc_of_code[4] = { 0ULL << 46, 2ULL << 46, 1ULL << 46, 3ULL << 46 };
    unsigned code = (unsigned)(ea_rs(c, iw) >> 8) & 0xf;
    if (!(c->psw.mask & PSW_MASK_DAT) || !(c->cr[0] & CR0_SECONDARY))
        return PGM_SPECIAL_OP;
    if (code > 3 || code == 2)
        return PGM_SPECIFICATION;
    if (code == 3 && problem_state(c))
        return PGM_PRIVILEGED_OP;
    set_psw_field(c, PSW_MASK_ASC, asc_of_code[code]);
    return 0;
}
