/* The service-call logical processor: SERVICE CALL commands for the console and the
 * configuration (zarch.md §9). Commands complete at once; the completion is a pending
 * service-signal external interruption carrying the SCCB address. */
#include "zhyp/machine.h"
#include "zhyp/dat.h"

#define SCLP_READ_SCP_INFO        0x00020001u
#define SCLP_READ_SCP_INFO_FORCED 0x00120001u
#define SCLP_WRITE_EVENT_MASK     0x00780005u
#define SCLP_WRITE_EVENT_DATA     0x00760005u

#define RESP_READ_OK      0x0010
#define RESP_OK           0x0020
#define RESP_BOUNDARY     0x0100
#define RESP_BAD_COMMAND  0x01f0
#define RESP_SHORT        0x0300
#define RESP_BAD_SELECT   0x70f0
#define RESP_BAD_MASKLEN  0x74f0
#define RESP_SYNTAX       0x73f0

#define EVTYP_MSG_MASK    0x40000000u   /* line-mode message, type 0x02 */
#define EVTYP_ASCII_MASK  0x00000040u   /* ASCII console, type 0x1a */

/* Write Event Mask: remember what the program accepts; report what we accept from it. */
static uint16_t write_event_mask(struct machine *m, uint8_t *sccb, unsigned len)
{
    unsigned mlen = len >= 12 ? ld_be16(sccb + 10) : 0;
    if (mlen == 0 || mlen > 4 || len < 12 + 4 * mlen)
        return RESP_BAD_MASKLEN;
    uint8_t mask[4] = { 0 };
    memcpy(mask, sccb + 12, mlen);
    m->sclp_cp_receive = ld_be32(mask);
    uint8_t accept[4];
    st_be32(accept, EVTYP_ASCII_MASK);     /* event types the program may send us */
    memcpy(sccb + 12 + 2 * mlen, accept, mlen);
    memset(sccb + 12 + 3 * mlen, 0, mlen); /* nothing we send yet (console input comes later) */
    return RESP_OK;
}

/* Write Event Data: ASCII console events go to the console. */
static uint16_t write_event_data(struct machine *m, uint8_t *sccb, unsigned len)
{
    for (unsigned off = 8; off < len;) {
        if (len - off < 6)
            return RESP_SYNTAX;
        uint8_t *ev = sccb + off;
        unsigned elen = ld_be16(ev);
        if (elen < 6 || elen > len - off)
            return RESP_SYNTAX;
        if (ev[2] != 0x1a)
            return RESP_BAD_SELECT;        /* line-mode messages are not implemented yet */
        fwrite(ev + 6, 1, elen - 6, m->console);
        ev[3] |= 0x80;                     /* event buffer accepted */
        off += elen;
    }
    fflush(m->console);
    return RESP_OK;
}

/* Read SCP Info: storage as 1M increments, the CPU entries at offset 128. */
static uint16_t read_scp_info(struct machine *m, uint8_t *sccb, unsigned len)
{
    if (len < 128 + 16 * m->ncpus)
        return RESP_SHORT;
    memset(sccb + 8, 0, len - 8);
    uint64_t increments = m->storage_size >> 20;
    if (increments < 0x10000) {
        st_be16(sccb + 8, (uint16_t)increments);
    } else {
        st_be32(sccb + 100, 1);
        st_be64(sccb + 104, increments);
    }
    sccb[10] = 1;                          /* increment size: 1 MB */
    st_be16(sccb + 16, (uint16_t)m->ncpus);
    st_be16(sccb + 18, 128);
    st_be16(sccb + 120, (uint16_t)(m->ncpus - 1));
    for (unsigned i = 0; i < m->ncpus; i++)
        sccb[128 + 16 * i] = (uint8_t)i;   /* CPU address; no SIE features yet */
    return RESP_READ_OK;
}

/* B220 SERVC: R1 command word, R2 real address of the SCCB. */
int sclp_servc(struct cpu *c, uint32_t command, uint64_t sccb_ra)
{
    struct machine *m = c->mctx;
    if ((sccb_ra & ~0x7ffffff8ULL) || sccb_ra < 0x2000 ||
        (sccb_ra >= c->prefix && sccb_ra < c->prefix + 0x2000ULL))
        return PGM_SPECIFICATION;
    uint64_t aa = dat_real_to_abs(c->prefix, sccb_ra);
    uint8_t *sccb = machine_abs(m, aa);
    if (!sccb || aa + 8 > m->storage_size)
        return PGM_ADDRESSING;
    unsigned len = ld_be16(sccb);
    if (len < 8)
        return PGM_SPECIFICATION;
    uint16_t resp;
    if (!machine_abs_store(m, aa, len))   /* the response is stored into the SCCB */
        return PGM_ADDRESSING;
    if ((aa & PAGE_MASK_LOW) + len > 4096)
        resp = RESP_BOUNDARY;
    else if (command == SCLP_WRITE_EVENT_MASK)
        resp = write_event_mask(m, sccb, len);
    else if (command == SCLP_WRITE_EVENT_DATA)
        resp = write_event_data(m, sccb, len);
    else if (command == SCLP_READ_SCP_INFO || command == SCLP_READ_SCP_INFO_FORCED)
        resp = read_scp_info(m, sccb, len);
    else
        resp = RESP_BAD_COMMAND;
    st_be16(sccb + 6, resp);
    c->ext_pending |= EXT_SERVICE;
    c->ext_param = (uint32_t)(sccb_ra & ~7ULL);
    c->attention = 1;                      /* let the machine loop deliver it */
    c->cc = 0;
    return 0;
}
