/* Intercepted privileged instructions other than DIAGNOSE and SIGP (the shape of Linux's
 * kvm priv.c): SERVICE CALL on the guest's own SCLP, the CPU-identity and prefix
 * instructions, clocks, STSI as a level-3 (virtual machine) configuration, and the
 * channel subsystem, which a guest of zhyp does not have (docs/hypervisor.md). */
#include <ctype.h>
#include <inttypes.h>

#include "internal.h"

#define LC_STFL        0xc8
#define SCCB_MAX       4096

static enum act pgm(struct vcpu *v, int code)
{
    return hyp_pgm(v, code);
}

/* A result of vcpu_access_va: fine, the guest's exception, or no host storage. */
static enum act access_failed(struct vcpu *v, int rc)
{
    if (rc > 0)
        return pgm(v, rc);
    guest_console_line(v->g, "zhyp: host storage exhausted: guest ended");
    guest_end(v->g, GUEST_FAILED);
    return ACT_GUEST_ENDED;
}

static unsigned r1_of(const struct vcpu *v) { return (vcpu_ipb(v) >> 20) & 0xf; }
static unsigned r2_of(const struct vcpu *v) { return (vcpu_ipb(v) >> 16) & 0xf; }

/* B220 SERVC: the checks of the bare machine's SCLP (zarch.md §9.1), then the command
 * on a copy of the SCCB; the completion is the guest's floating service signal. */
static enum act servc(struct vcpu *v)
{
    struct guest *g = v->g;
    uint32_t command = (uint32_t)v->gr[r1_of(v)];
    uint64_t sccb_ra = v->gr[r2_of(v)], prefix = ld_be32(vcpu_sd(v) + SD_PREFIX);
    uint8_t sccb[SCCB_MAX];
    if ((sccb_ra & ~0x7ffffff8ULL) || sccb_ra < 0x2000 ||
        (sccb_ra >= prefix && sccb_ra < prefix + 0x2000))
        return pgm(v, PGM_SPECIFICATION);
    if (vcpu_read_ra(v, sccb_ra, sccb, 8))
        return pgm(v, PGM_ADDRESSING);
    unsigned len = ld_be16(sccb);
    if (len < 8)
        return pgm(v, PGM_SPECIFICATION);
    if (g->service_pending && (g->service_param & ~7u)) {
        vcpu_set_cc(v, 2);                     /* the last completion not yet presented */
        return ACT_CONTINUE;
    }
    hyp_charge(g->h, COST_SCLP_NS);
    uint16_t resp = 0x0100;                    /* crosses a page boundary */
    if ((sccb_ra & PAGE_MASK_LOW) + len <= 4096) {
        if (vcpu_read_ra(v, sccb_ra, sccb, len))
            return pgm(v, PGM_ADDRESSING);
        resp = sclp_dev_command(&g->sclp, command, sccb, len);
    } else {
        len = 8;
    }
    st_be16(sccb + 6, resp);
    if (vcpu_write_ra(v, sccb_ra, sccb, len))
        return pgm(v, PGM_ADDRESSING);
    irq_service(g, (uint32_t)(sccb_ra & ~7ULL) | (sclp_dev_events_pending(&g->sclp) ? 1 : 0));
    vcpu_set_cc(v, 0);
    return ACT_CONTINUE;
}

/* B27D STSI, checked in the order op_stsi checks it; level 3 is this guest. */
static enum act stsi(struct vcpu *v)
{
    uint32_t r0 = (uint32_t)v->gr[0], r1 = (uint32_t)v->gr[1];
    unsigned fc = r0 >> 28;
    uint64_t ea = vcpu_ea_b2d2(v);
    static uint8_t sysib[4096];
    char name[CONF_NAME_MAX];
    if (fc > 3) {
        vcpu_set_cc(v, 3);
        return ACT_CONTINUE;
    }
    if ((r0 & 0x0fffff00u) || (r1 & 0xffff0000u))
        return pgm(v, PGM_SPECIFICATION);
    if (fc == 0) {
        v->gr[0] = (v->gr[0] & ~0xf0000000ULL) | (3ULL << 28);
        vcpu_set_cc(v, 0);
        return ACT_CONTINUE;
    }
    if (ea & PAGE_MASK_LOW)
        return pgm(v, PGM_SPECIFICATION);
    unsigned i = 0;
    for (; v->g->name[i] && i + 1 < sizeof(name); i++)
        name[i] = (char)toupper((unsigned char)v->g->name[i]);
    name[i] = 0;
    memset(sysib, 0, sizeof(sysib));
    if (!stsi_build_sysib(fc, r0 & 0xff, r1 & 0xffff, v->g->nvcpus, v->id, name, sysib)) {
        vcpu_set_cc(v, 3);
        return ACT_CONTINUE;
    }
    int rc = vcpu_access_va(v, ea, sysib, sizeof(sysib), true);
    if (rc)
        return access_failed(v, rc);
    vcpu_set_cc(v, 0);
    return ACT_CONTINUE;
}

/* Store 'len' bytes of val at the operand address, which must be aligned to len. */
static enum act store_operand(struct vcpu *v, uint64_t val, unsigned len)
{
    uint64_t ea = vcpu_ea_b2d2(v);
    uint8_t b[8];
    if (ea & (len - 1))
        return pgm(v, PGM_SPECIFICATION);
    st_be64(b, val << (64 - 8 * len));
    int rc = vcpu_access_va(v, ea, b, len, true);
    return rc ? access_failed(v, rc) : ACT_CONTINUE;
}

static int fetch_operand(struct vcpu *v, uint64_t *val, unsigned len)
{
    uint64_t ea = vcpu_ea_b2d2(v);
    uint8_t b[8] = { 0 };
    if (ea & (len - 1))
        return PGM_SPECIFICATION;
    int rc = vcpu_access_va(v, ea, b, len, false);
    *val = ld_be64(b) >> (64 - 8 * len);
    return rc;
}

/* B210 SPX: a new prefix inside the guest's storage. */
static enum act spx(struct vcpu *v)
{
    uint64_t val;
    int rc = fetch_operand(v, &val, 4);
    if (rc)
        return access_failed(v, rc);
    uint32_t prefix = (uint32_t)val & 0x7fffe000u;
    if (prefix + 0x2000ULL > v->g->mem.size)
        return pgm(v, PGM_ADDRESSING);
    st_be32(vcpu_sd(v) + SD_PREFIX, prefix);
    return ACT_CONTINUE;
}

/* B204 SCK: the guest's TOD is the host's plus its epoch difference. */
static enum act sck(struct vcpu *v)
{
    uint64_t tod;
    int rc = fetch_operand(v, &tod, 8);
    if (rc)
        return access_failed(v, rc);
    struct guest *g = v->g;
    g->epoch = tod - hyp_tod(g->h);            /* one TOD clock for all its vCPUs */
    for (unsigned i = 0; i < g->nvcpus; i++)
        st_be64(vcpu_sd(&g->vcpu[i]) + SD_EPOCH, g->epoch);
    vcpu_set_cc(v, 0);
    return ACT_CONTINUE;
}

/* B22C TB: the 4K block at the real address in R2 is usable: clear it. */
static enum act test_block(struct vcpu *v)
{
    static const uint8_t zero[4096];
    uint64_t ra = v->gr[r2_of(v)] & ~PAGE_MASK_LOW & 0x7fffffffffffffffULL;
    if (vcpu_write_ra(v, ra, zero, sizeof(zero)))
        return pgm(v, PGM_ADDRESSING);
    v->gr[0] = 0;
    vcpu_set_cc(v, 0);
    return ACT_CONTINUE;
}

/* Channel-subsystem instructions: no subchannel exists, no interruption is pending. */
static enum act channel(struct vcpu *v, unsigned op)
{
    switch (op) {
    case 0x36:                                 /* TPI: nothing pending */
        vcpu_set_cc(v, 0);
        return ACT_CONTINUE;
    case 0x37: case 0x3c:                      /* SAL, SCHM: no condition code */
        return ACT_CONTINUE;
    default:
        if (op != 0x5f && op != 0x74 && op != 0x3b && !(v->gr[1] & 0x10000))
            return pgm(v, PGM_OPERAND);        /* not a subchannel-identification word */
        vcpu_set_cc(v, 3);                     /* not operational */
        return ACT_CONTINUE;
    }
}

static enum act b2(struct vcpu *v, unsigned op)
{
    const uint8_t *fac = v->g->h->on->c->fac;
    switch (op) {
    case 0x02: return store_operand(v, 0xff00000000000000ULL | ((uint64_t)(v->g->idx & 0xffff) << 40) |
                                       ((uint64_t)v->id << 32) | 0x28278000u, 8);   /* STIDP: VM version FF */
    case 0x04: return sck(v);
    case 0x10: return spx(v);
    case 0x11: return store_operand(v, ld_be32(vcpu_sd(v) + SD_PREFIX), 4);
    case 0x12: return store_operand(v, v->id, 2);                   /* STAP */
    case 0x20: return servc(v);
    case 0x2c: return test_block(v);
    case 0x7d: return stsi(v);
    case 0xb1: return vcpu_write_ra(v, LC_STFL, fac, 4) ? pgm(v, PGM_ADDRESSING) : ACT_CONTINUE;
    case 0x5f: case 0x74: case 0x76:
        return channel(v, op);
    default:
        if (op >= 0x30 && op <= 0x3c)
            return channel(v, op);
        return pgm(v, PGM_OPERATION);          /* SIE in a guest, and the rest */
    }
}

/* B7 LCTL and EB..2F LCTLG, intercepted while an interruption waits for a CR0
 * subclass (irq.c): CRs r1..r3 (wrapping) from the operand, into the SD. */
static enum act lctl(struct vcpu *v, bool g64)
{
    uint16_t ipa = vcpu_ipa(v);
    uint32_t ipb = vcpu_ipb(v);
    unsigned r1 = (ipa >> 4) & 0xf, r3 = ipa & 0xf, size = g64 ? 8 : 4;
    uint64_t ea = vcpu_ea_b2d2(v);
    if (g64) {                                 /* RSY: DH2 in IPB bits 24-31 */
        int64_t d = (int64_t)(((uint64_t)(ipb & 0xff00) << 4 | ((ipb >> 16) & 0xfff)) << 44) >> 44;
        ea = ea - ((ipb >> 16) & 0xfff) + (uint64_t)d;
    }
    if (ea & (size - 1))
        return pgm(v, PGM_SPECIFICATION);
    unsigned n = ((r3 - r1) & 0xf) + 1;
    uint8_t buf[16 * 8];
    int rc = vcpu_access_va(v, ea, buf, n * size, false);
    if (rc)
        return access_failed(v, rc);
    uint8_t *sd = vcpu_sd(v);
    for (unsigned i = 0; i < n; i++) {
        uint8_t *cr = sd + SD_GCR + 8 * ((r1 + i) & 0xf);
        if (g64)
            memcpy(cr, buf + 8 * i, 8);
        else
            memcpy(cr + 4, buf + 4 * i, 4);
    }
    return ACT_CONTINUE;
}

enum act priv_handle(struct vcpu *v)
{
    uint16_t ipa = vcpu_ipa(v);
    switch (ipa >> 8) {
    case 0xb7:
        return lctl(v, false);
    case 0xeb:
        return (vcpu_ipb(v) & 0xff) == 0x2f ? lctl(v, true) : pgm(v, PGM_OPERATION);
    case 0xb2:
        return b2(v, ipa & 0xff);
    case 0x01:
        if ((ipa & 0xff) == 0x07)              /* SCKPF: the programmable field is kept */
            return (v->gr[0] & 0xffff0000ULL) ? pgm(v, PGM_SPECIFICATION) : ACT_CONTINUE;
        return pgm(v, PGM_OPERATION);          /* PTFF: no TOD steering offered */
    default:
        return pgm(v, PGM_OPERATION);          /* ESSA, PFMF: no policy assist yet */
    }
}
