/* Guest storage and state as CP sees them: guest absolute and real storage through the
 * guest's segment table (pages made resident as CP touches them, like the guest's own
 * first touch), logical storage through the exited guest's DAT, and the fields of a
 * vCPU's state description. */
#include <errno.h>

#include "internal.h"
#include "zhyp/dat.h"

/* Host address of guest page ga's byte, making the page resident. */
static int resident_ha(struct guest *g, uint64_t ga, uint64_t *ha)
{
    if (ga >= g->mem.size)
        return -EFAULT;
    *ha = gmem_host_addr(&g->mem, ga);
    if (*ha)
        return 0;
    int rc = gmem_fault(&g->mem, ga);
    if (rc)
        return rc;
    *ha = gmem_host_addr(&g->mem, ga);
    return 0;
}

/* Copy between guest absolute storage and buf, a page at a time. */
static int copy_ga(struct guest *g, uint64_t ga, void *buf, uint64_t len, bool write)
{
    uint8_t *p = buf;
    if (len > g->mem.size || ga > g->mem.size - len)
        return -EFAULT;
    while (len) {
        uint64_t ha, n = 4096 - (ga & PAGE_MASK_LOW);
        if (n > len)
            n = len;
        int rc = resident_ha(g, ga, &ha);
        if (rc)
            return rc;
        struct machine *m = &g->h->m;
        if (write)
            memcpy(machine_abs_store(m, ha, n), p, n);
        else
            memcpy(p, m->storage + ha, n);
        ga += n, p += n, len -= n;
    }
    return 0;
}

int guest_read_ga(struct guest *g, uint64_t ga, void *buf, uint64_t len)
{
    return copy_ga(g, ga, buf, len, false);
}

int guest_write_ga(struct guest *g, uint64_t ga, const void *buf, uint64_t len)
{
    return copy_ga(g, ga, (void *)buf, len, true);
}

uint8_t *vcpu_sd(const struct vcpu *v) { return v->g->h->m.storage + v->sd_ha; }
uint16_t vcpu_ipa(const struct vcpu *v) { return ld_be16(vcpu_sd(v) + SD_IPA); }
uint32_t vcpu_ipb(const struct vcpu *v) { return ld_be32(vcpu_sd(v) + SD_IPB); }
uint64_t vcpu_cr(const struct vcpu *v, unsigned n) { return ld_be64(vcpu_sd(v) + SD_GCR + 8 * n); }

uint64_t vcpu_real_to_ga(const struct vcpu *v, uint64_t ra)
{
    return dat_real_to_abs(ld_be32(vcpu_sd(v) + SD_PREFIX) & 0x7fffe000u, ra);
}

/* Real storage: prefixing page by page (a range may cross the prefix area's edges). */
static int copy_ra(struct vcpu *v, uint64_t ra, void *buf, uint64_t len, bool write)
{
    uint8_t *p = buf;
    while (len) {
        uint64_t n = 4096 - (ra & PAGE_MASK_LOW);
        if (n > len)
            n = len;
        int rc = copy_ga(v->g, vcpu_real_to_ga(v, ra), p, n, write);
        if (rc)
            return rc;
        ra += n, p += n, len -= n;
    }
    return 0;
}

int vcpu_read_ra(struct vcpu *v, uint64_t ra, void *buf, uint64_t len)
{
    return copy_ra(v, ra, buf, len, false);
}

int vcpu_write_ra(struct vcpu *v, uint64_t ra, const void *buf, uint64_t len)
{
    return copy_ra(v, ra, (void *)buf, len, true);
}

void vcpu_get_psw(const struct vcpu *v, uint64_t *mask, uint64_t *addr)
{
    *mask = ld_be64(vcpu_sd(v) + SD_GPSW);
    *addr = ld_be64(vcpu_sd(v) + SD_GPSW + 8);
}

void vcpu_set_psw(struct vcpu *v, uint64_t mask, uint64_t addr)
{
    st_be64(vcpu_sd(v) + SD_GPSW, mask);
    st_be64(vcpu_sd(v) + SD_GPSW + 8, addr);
}

void vcpu_set_cc(struct vcpu *v, unsigned cc)
{
    uint64_t mask, addr;
    vcpu_get_psw(v, &mask, &addr);
    vcpu_set_psw(v, (mask & ~PSW_MASK_CC) | ((uint64_t)(cc & 3) << 44), addr);
}

bool vcpu_problem_state(const struct vcpu *v)
{
    return (ld_be64(vcpu_sd(v) + SD_GPSW) & PSW_MASK_PSTATE) != 0;
}

/* B2 + D2 of the intercepted instruction (RS, RX with X2 = 0, S formats). */
uint64_t vcpu_ea_b2d2(const struct vcpu *v)
{
    uint32_t ipb = vcpu_ipb(v);
    unsigned b2 = ipb >> 28;
    uint64_t ea = ((ipb >> 16) & 0xfff) + (b2 ? v->gr[b2] : 0);
    uint64_t mask = ld_be64(vcpu_sd(v) + SD_GPSW);
    if (!(mask & PSW_MASK_EA))
        ea &= (mask & PSW_MASK_BA) ? 0x7fffffffULL : 0xffffffULL;
    return ea;
}

/* Guest logical storage for an operand, with host faults resolved here: 0, a guest
 * program-interruption code, or -ENOMEM when the host has no frame left. */
int vcpu_access_va(struct vcpu *v, uint64_t va, void *buf, unsigned len, bool write)
{
    struct sie_ctx *s = v->g->h->on->s;
    for (unsigned tries = 0; tries < 8; tries++) {
        uint64_t host_va;
        int pgm = sie_guest_access_va(s, va, buf, len, write, &host_va);
        if (!(pgm & PGM_HOST))
            return pgm;
        int rc = gmem_fault(&v->g->mem, host_va);
        if (rc)
            return rc == -EFAULT ? PGM_ADDRESSING : rc;
    }
    return PGM_ADDRESSING;
}

uint64_t vcpu_mode_addr(const struct vcpu *v, uint64_t reg)
{
    uint64_t mask = ld_be64(vcpu_sd(v) + SD_GPSW);
    if (mask & PSW_MASK_EA)
        return reg;
    return reg & (mask & PSW_MASK_BA ? 0x7fffffffULL : 0xffffffULL);
}

enum act vcpu_access_failed(struct vcpu *v, int err)
{
    if (err == -EFAULT)
        return hyp_pgm(v, PGM_ADDRESSING);
    guest_end(v->g, GUEST_FAILED);
    return ACT_GUEST_ENDED;
}
