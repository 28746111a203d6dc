/* Semiprivileged PSW-key and address-space instructions (IPK, SPKA, IVSK, SAC, SACF)
 * and STORE SYSTEM INFORMATION (PoP ch.10 "Control Instructions"; zarch.md §1.3).
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

/* ---- STORE SYSTEM INFORMATION ------------------------------------------------------ */

/* The configuration level zhyp reports: 3, a virtual machine run by a control program
 * (the machine is zhyp's), as QEMU and KVM report theirs. Levels 1 and 2 describe the
 * (virtual) basic machine and a single logical partition around it. */
#define STSI_LEVEL 3

/* ASCII text into an EBCDIC field padded with blanks (uppercase, digits, ' ', '/'). */
static void ebcdic_field(uint8_t *dst, const char *s, unsigned len)
{
    for (unsigned i = 0; i < len; i++) {
        char ch = *s ? *s++ : ' ';
        uint8_t e = 0x40;
        if (ch >= 'A' && ch <= 'I')
            e = (uint8_t)(0xc1 + (ch - 'A'));
        else if (ch >= 'J' && ch <= 'R')
            e = (uint8_t)(0xd1 + (ch - 'J'));
        else if (ch >= 'S' && ch <= 'Z')
            e = (uint8_t)(0xe2 + (ch - 'S'));
        else if (ch >= '0' && ch <= '9')
            e = (uint8_t)(0xf0 + (ch - '0'));
        else if (ch == '/')
            e = 0x61;
        dst[i] = e;
    }
}

/* CPU counts at 'off': total, configured, standby, reserved (halfwords). */
static void put_cpu_counts(uint8_t *p, unsigned off, unsigned ncpus)
{
    st_be16(p + off, (uint16_t)ncpus);
    st_be16(p + off + 2, (uint16_t)ncpus);
}

/* Sequence code and plant, shared by 1.1.1, 1.2.1 and 2.2.1 (offsets 80 and 96). */
static void put_serial(uint8_t *p)
{
    ebcdic_field(p + 80, "0000000000000ZHY", 16);
    ebcdic_field(p + 96, "ZH", 4);
}

bool stsi_build_sysib(unsigned fc, unsigned sel1, unsigned sel2, unsigned ncpus,
                      unsigned cpu_addr, const char *vm_name, uint8_t *p)
{
    unsigned which = fc << 8 | sel1 << 4 | sel2;
    if (sel1 > 15 || sel2 > 15)
        return false;
    switch (which) {
    case 0x111:                                /* basic-machine configuration */
        ebcdic_field(p + 32, "ZHYP", 16);      /* manufacturer */
        ebcdic_field(p + 48, "2827", 4);       /* type, as STORE CPU ID reports it */
        ebcdic_field(p + 64, "701", 16);       /* model-capacity identifier */
        put_serial(p);
        ebcdic_field(p + 100, "701", 16);      /* model */
        return true;
    case 0x121:                                /* basic-machine CPU */
    case 0x221:                                /* logical-partition CPU */
        put_serial(p);
        st_be16(p + 102, (uint16_t)cpu_addr);
        return true;
    case 0x122:                                /* basic-machine CPUs */
        st_be32(p + 32, 1000);                 /* CPU capability */
        put_cpu_counts(p, 36, ncpus);
        return true;
    case 0x222:                                /* logical-partition CPUs */
        st_be16(p + 32, 1);                    /* partition number */
        p[35] = 0x80;                          /* dedicated CPUs */
        put_cpu_counts(p, 36, ncpus);
        ebcdic_field(p + 44, "ZHYP", 8);       /* partition name */
        st_be32(p + 52, 1000);                 /* capability-adjustment factor */
        st_be16(p + 72, (uint16_t)ncpus);      /* dedicated CPU count */
        return true;
    case 0x322:                                /* virtual-machine CPUs: one level */
        p[31] = 1;                             /* descriptions that follow */
        put_cpu_counts(p, 36, ncpus);
        ebcdic_field(p + 44, vm_name, 8);      /* virtual-machine name */
        st_be32(p + 52, 1000);
        ebcdic_field(p + 56, "ZHYP", 16);      /* control-program identifier */
        return true;
    default:
        return false;
    }
}

/* B27D STSI  - Store System Information                    [S]
 * GR0 bits 32-35 function code, 56-63 selector 1; GR1 bits 48-63 selector 2. In the
 * order QEMU applies the checks: a function code above 3: CC 3; nonzero bits 36-55 of
 * GR0 or 32-47 of GR1: specification; code 0: the current level into GR0 bits 32-35
 * (the rest of GR0 unchanged), CC 0; the operand must be 4K aligned; unknown
 * selectors: CC 3; else the SYSIB is stored, CC 0. */
int op_stsi(struct cpu *c, uint64_t iw)
{
    uint32_t r0 = (uint32_t)c->gr[0], r1 = (uint32_t)c->gr[1];
    unsigned fc = r0 >> 28;
    uint64_t ea = ea_rs(c, iw);
    uint8_t sysib[4096];
    if (!c->sys)
        return PGM_OPERATION;
    if (fc > STSI_LEVEL) {
        c->cc = 3;
        return 0;
    }
    if ((r0 & 0x0fffff00u) || (r1 & 0xffff0000u))
        return PGM_SPECIFICATION;
    if (fc == 0) {
        c->gr[0] = (c->gr[0] & ~0xf0000000ULL) | ((uint64_t)STSI_LEVEL << 28);
        c->cc = 0;
        return 0;
    }
    if (ea & PAGE_MASK_LOW)
        return PGM_SPECIFICATION;
    memset(sysib, 0, sizeof(sysib));
    unsigned ncpus = c->sys->cpu_count ? c->sys->cpu_count(c) : 1;
    if (!stsi_build_sysib(fc, r0 & 0xff, r1 & 0xffff, ncpus, c->cpu_addr, "ZHYP", sysib)) {
        c->cc = 3;
        return 0;
    }
    int pgm = mem_write_slow(c, ea, sysib, sizeof(sysib));
    if (!pgm)
        c->cc = 0;
    return pgm;
}
