/* The service-call logical processor: SERVICE CALL, the configuration commands (Read
 * SCP Info, Read CPU Info) and the floating service signal that reports completions
 * and pending events (zarch.md §9). Commands complete at once; the event commands are
 * in sclp_event.c. */
#include <inttypes.h>
#include <stdio.h>

#include "internal.h"
#include "zhyp/dat.h"

#define SCLP_READ_CPU_INFO        0x00010001u
#define SCLP_READ_SCP_INFO        0x00020001u
#define SCLP_READ_SCP_INFO_FORCED 0x00120001u
#define SCLP_WRITE_EVENT_MASK     0x00780005u
#define SCLP_WRITE_EVENT_DATA     0x00760005u
#define SCLP_READ_EVENT_DATA      0x00770005u

#define RESP_READ_OK      0x0010
#define RESP_BOUNDARY     0x0100
#define RESP_BAD_COMMAND  0x01f0
#define RESP_SHORT        0x0300

/* Read SCP Info facilities (offset 48): only Read CPU Info; no CPU or I/O-adapter
 * reconfiguration. */
#define SCP_FAC_READ_CPU_INFO 0x0800000000000000ULL
#define SCP_CPU_ENTRIES       128    /* offset of the CPU entries (no extended-length SCCB) */
#define CPU_INFO_ENTRIES      16     /* offset of the CPU entries in Read CPU Info */
#define CPU_ENTRY_SIZE        16

/* One 16-byte CPU entry per CPU: its address, the SIE features, type 0 (CP). */
static void cpu_entries(const struct sclp_dev *d, uint8_t *p)
{
    for (unsigned i = 0; i < d->ncpus; i++) {
        p[CPU_ENTRY_SIZE * i] = (uint8_t)i;
        p[CPU_ENTRY_SIZE * i + 2] = d->cpu_feat2;
    }
}

/* Read SCP Info: storage as 1M increments, the facilities, the CPU entries. */
static uint16_t read_scp_info(const struct sclp_dev *d, uint8_t *sccb, unsigned len)
{
    if (len < SCP_CPU_ENTRIES + CPU_ENTRY_SIZE * d->ncpus)
        return RESP_SHORT;
    memset(sccb + 8, 0, len - 8);
    uint64_t increments = d->storage_size >> 20;
    if (increments < 0x10000) {
        st_be16(sccb + 8, (uint16_t)increments);
    } else {
        st_be32(sccb + 100, 1);
        st_be64(sccb + 104, increments);
    }
    sccb[10] = 1;                          /* increment size: 1 MB */
    st_be16(sccb + 16, (uint16_t)d->ncpus);
    st_be16(sccb + 18, SCP_CPU_ENTRIES);
    st_be64(sccb + 48, SCP_FAC_READ_CPU_INFO);
    st_be16(sccb + 120, (uint16_t)(d->ncpus - 1));
    cpu_entries(d, sccb + SCP_CPU_ENTRIES);
    return RESP_READ_OK;
}

/* Read CPU Info: every CPU is configured, none is in standby. */
static uint16_t read_cpu_info(const struct sclp_dev *d, uint8_t *sccb, unsigned len)
{
    unsigned end = CPU_INFO_ENTRIES + CPU_ENTRY_SIZE * d->ncpus;
    if (len < end)
        return RESP_SHORT;
    memset(sccb + 8, 0, len - 8);
    st_be16(sccb + 8, (uint16_t)d->ncpus);
    st_be16(sccb + 10, CPU_INFO_ENTRIES);
    st_be16(sccb + 12, 0);
    st_be16(sccb + 14, (uint16_t)end);
    cpu_entries(d, sccb + CPU_INFO_ENTRIES);
    return RESP_READ_OK;
}

uint16_t sclp_dev_command(struct sclp_dev *d, uint32_t command, uint8_t *sccb, unsigned len)
{
    switch (command) {
    case SCLP_READ_SCP_INFO: case SCLP_READ_SCP_INFO_FORCED:
        return read_scp_info(d, sccb, len);
    case SCLP_READ_CPU_INFO:
        return read_cpu_info(d, sccb, len);
    case SCLP_WRITE_EVENT_MASK:
        return sclp_write_event_mask(d, sccb, len);
    case SCLP_WRITE_EVENT_DATA:
        return sclp_write_event_data(d, sccb, len);
    case SCLP_READ_EVENT_DATA:
        return sclp_read_event_data(d, sccb, len);
    default:
        return RESP_BAD_COMMAND;
    }
}

/* A completion not yet presented: its SCCB is in the parameter of a pending signal. */
static bool completion_outstanding(const struct machine *m)
{
    if (m->service_pending && (m->service_param & ~7u))
        return true;
    for (unsigned i = 0; i < m->ncpus; i++)
        if ((m->cpu[i]->ext_pending & EXT_SERVICE) && (m->cpu[i]->ext_param & ~7u))
            return true;
    return false;
}

void sclp_raise_service(struct machine *m, uint32_t param)
{
    m->service_param |= param;
    m->service_pending = true;
}

bool sclp_console_poll(struct machine *m, bool block)
{
    bool first;
    if (!sclp_dev_poll_input(&m->sclp, block, &first))
        return false;
    if (first)
        sclp_raise_service(m, 1);          /* no SCCB: "event pending" alone */
    return true;
}

/* The floating signal goes to the first CPU that can take it now. */
void sclp_offer_service(struct machine *m, struct cpu *c)
{
    if (!m->service_pending || (c->ext_pending & EXT_SERVICE) ||
        !(c->cr[0] & CR0_SERVICE_SIG) || !(c->psw.mask & PSW_MASK_EXT))
        return;
    c->ext_pending |= EXT_SERVICE;
    c->ext_param = m->service_param;
    m->service_pending = false;
    m->service_param = 0;
}

/* The checks that make SERVC a program exception (zarch.md §9.1); 0 if none. */
static int sccb_check(struct cpu *c, uint64_t sccb_ra, uint64_t *aa)
{
    struct machine *m = c->mctx;
    if ((sccb_ra & ~0x7ffffff8ULL) || sccb_ra < 0x2000 ||
        (sccb_ra >= c->prefix && sccb_ra < c->prefix + 0x2000ULL))
        return PGM_SPECIFICATION;
    *aa = dat_real_to_abs(c->prefix, sccb_ra);
    if (*aa + 8 > m->storage_size)
        return PGM_ADDRESSING;
    return ld_be16(m->storage + *aa) < 8 ? PGM_SPECIFICATION : 0;
}

/* B220 SERVC: R1 command word, R2 real address of the SCCB. CC 2 (busy) while the
 * completion of an earlier command has not been presented. */
int sclp_servc(struct cpu *c, uint32_t command, uint64_t sccb_ra)
{
    struct machine *m = c->mctx;
    uint64_t aa;
    int pgm = sccb_check(c, sccb_ra, &aa);
    if (pgm)
        return pgm;
    if (completion_outstanding(m)) {
        c->cc = 2;
        return 0;
    }
    unsigned len = ld_be16(m->storage + aa);
    uint8_t *sccb = machine_abs_store(m, aa, len);   /* the response is stored into it */
    if (!sccb)
        return PGM_ADDRESSING;
    m->sclp.storage_size = m->storage_size;
    m->sclp.ncpus = m->ncpus;
    m->sclp.cpu_feat2 = SCLP_CPU_FEAT2_SIEF2 | SCLP_CPU_FEAT2_SKEYI;
    uint16_t resp = (aa & PAGE_MASK_LOW) + len > 4096 ? RESP_BOUNDARY : sclp_dev_command(&m->sclp, command, sccb, len);
    st_be16(sccb + 6, resp);
    if (m->trace & MACHINE_TRACE_SCLP)
        fprintf(stderr, "sclp: cpu %u command %08x sccb %08" PRIx64 " length %u: response %04x\n",
                c->cpu_addr, command, sccb_ra, len, resp);
    sclp_raise_service(m, (uint32_t)(sccb_ra & ~7ULL) | (sclp_dev_events_pending(&m->sclp) ? 1 : 0));
    c->cc = 0;
    return 0;
}
