/* SCLP events (zarch.md §9.3): Write Event Mask, Write Event Data for the ASCII console
 * (type 0x1A) and line-mode messages (type 0x02, EBCDIC), Read Event Data with the
 * ASCII console's input, which comes from the console_in descriptor (stdin for
 * `zhyp run`). Input is read only while the program accepts ASCII console events. */
#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include "internal.h"
#include "zhyp/ebcdic.h"

#define RESP_OK           0x0020
#define RESP_SHORT        0x0300
#define RESP_BAD_FUNCTION 0x40f0
#define RESP_NO_EVENTS    0x60f0
#define RESP_BAD_SELECT   0x70f0
#define RESP_SYNTAX       0x73f0
#define RESP_BAD_MASKLEN  0x74f0

#define EVTYP_MSG         0x02          /* line-mode message (to the operator) */
#define EVTYP_ASCII       0x1a          /* ASCII console (VT220) */
#define EVMASK(type)      (1u << (32 - (type)))
#define EV_ACCEPTED       0x80          /* event-buffer flag set by the SCLP */
#define EV_HEADER         6
#define SCCB_HEADER       8
#define VARIABLE_LENGTH   0x80          /* control mask byte 2: shrink the SCCB to its data */

/* What the SCLP accepts from the program, and what it can send to it. */
#define SCLP_RECEIVE_MASK (EVMASK(EVTYP_ASCII) | EVMASK(EVTYP_MSG))
#define SCLP_SEND_MASK    EVMASK(EVTYP_ASCII)

/* Write Event Mask: remember what the program accepts; report what we accept from it
 * and what we may send. Masks are 1 to 4 bytes here (the event types we know fit in
 * 4); a longer mask is accepted and its extra bytes read as zero. */
uint16_t sclp_write_event_mask(struct sclp_dev *d, uint8_t *sccb, unsigned len)
{
    unsigned mlen = len >= 12 ? ld_be16(sccb + 10) : 0;
    if (mlen == 0 || mlen > 1020 || len < 12 + 4 * mlen)
        return RESP_BAD_MASKLEN;
    uint8_t mask[4] = { 0 }, ours[4];
    memcpy(mask, sccb + 12, mlen < 4 ? mlen : 4);
    d->cp_receive = ld_be32(mask);
    d->mask_len = mlen;
    for (unsigned i = 2; i < 4; i++) {
        uint8_t *dst = sccb + 12 + i * mlen;
        memset(dst, 0, mlen);
        st_be32(ours, i == 2 ? SCLP_RECEIVE_MASK : SCLP_SEND_MASK);
        memcpy(dst, ours, mlen < 4 ? mlen : 4);
    }
    return RESP_OK;
}

/* A line-mode message: an MDB (header, then objects); each message-text object
 * (type 4) is one line. Like QEMU's line-mode console, a line starts with a newline,
 * so that both print the same characters. Returns false on a malformed buffer. */
static bool write_line_message(struct sclp_dev *d, const uint8_t *ev, unsigned elen)
{
    if (elen < EV_HEADER + 12)
        return false;
    const uint8_t *mdb = ev + EV_HEADER;
    unsigned mdb_len = ld_be16(mdb);
    if (mdb_len < 12 || mdb_len > elen - EV_HEADER || ld_be16(mdb + 2) != 1)
        return false;
    for (unsigned off = 12; off + 4 <= mdb_len;) {
        unsigned olen = ld_be16(mdb + off), type = ld_be16(mdb + off + 2);
        if (olen < 4 || olen > mdb_len - off)
            return false;
        if (type == 4 && olen >= 10) {
            fputc('\n', d->console);
            for (unsigned i = 10; i < olen; i++)
                fputc(ebcdic_to_ascii(mdb[off + i]), d->console);
        }
        off += olen;
    }
    return true;
}

/* Write Event Data: every buffer must be well formed and of a type we accept. */
uint16_t sclp_write_event_data(struct sclp_dev *d, uint8_t *sccb, unsigned len)
{
    if (sccb[2] != 0)
        return RESP_BAD_FUNCTION;          /* only the normal write */
    for (unsigned off = SCCB_HEADER; off < len;) {
        uint8_t *ev = sccb + off;
        unsigned elen = len - off >= EV_HEADER ? ld_be16(ev) : 0;
        if (elen < EV_HEADER || elen > len - off)
            return RESP_SYNTAX;
        if (ev[2] == EVTYP_ASCII)
            fwrite(ev + EV_HEADER, 1, elen - EV_HEADER, d->console);
        else if (ev[2] != EVTYP_MSG)
            return RESP_BAD_FUNCTION;      /* no such event type here (QEMU answers so too) */
        else if (!write_line_message(d, ev, elen))
            return RESP_SYNTAX;
        ev[3] |= EV_ACCEPTED;
        off += elen;
    }
    fflush(d->console);
    return RESP_OK;
}

bool sclp_dev_events_pending(const struct sclp_dev *d)
{
    return d->input_len && (d->cp_receive & EVMASK(EVTYP_ASCII));
}

bool sclp_dev_poll_input(struct sclp_dev *d, bool block, bool *first)
{
    if (d->console_in < 0 || d->input_eof || !(d->cp_receive & EVMASK(EVTYP_ASCII)) ||
        d->input_len == SCLP_INPUT_MAX)
        return false;
    struct pollfd p = { .fd = d->console_in, .events = POLLIN };
    if (poll(&p, 1, block ? -1 : 0) <= 0)
        return false;
    ssize_t n = read(d->console_in, d->input + d->input_len, SCLP_INPUT_MAX - d->input_len);
    if (n <= 0) {
        d->input_eof = n == 0 || (errno != EINTR && errno != EAGAIN);
        return false;
    }
    *first = d->input_len == 0;
    d->input_len += (unsigned)n;
    return true;
}

/* The event types a read may return: the program's receive mask, narrowed by a
 * selection mask for a selective read (function code 1). 0 with *resp set on error. */
static uint32_t read_selection(const struct sclp_dev *d, const uint8_t *sccb, unsigned len, uint16_t *resp)
{
    uint8_t sel[4] = { 0 };
    switch (sccb[2]) {
    case 0:
        return d->cp_receive;
    case 1:
        if (!d->mask_len || len < SCCB_HEADER + d->mask_len) {
            *resp = RESP_BAD_SELECT;
            return 0;
        }
        memcpy(sel, sccb + SCCB_HEADER, d->mask_len < 4 ? d->mask_len : 4);
        if (!ld_be32(sel) || (ld_be32(sel) & ~d->cp_receive)) {
            *resp = RESP_BAD_SELECT;
            return 0;
        }
        return ld_be32(sel);
    default:
        *resp = RESP_BAD_FUNCTION;
        return 0;
    }
}

/* Read Event Data: the buffered console input as one ASCII event, as much as fits. The
 * event's data begin with a session byte, 0x00 for "session data" (what Linux's VT220
 * driver and QEMU's console use), then the input bytes. */
uint16_t sclp_read_event_data(struct sclp_dev *d, uint8_t *sccb, unsigned len)
{
    const unsigned head = SCCB_HEADER + EV_HEADER + 1;
    uint16_t resp = RESP_NO_EVENTS;
    uint32_t sel = read_selection(d, sccb, len, &resp);
    if (!sel)
        return resp;
    bool first;
    sclp_dev_poll_input(d, false, &first);
    if (!(sel & EVMASK(EVTYP_ASCII)) || !d->input_len)
        return RESP_NO_EVENTS;
    if (len < head + 1)
        return RESP_SHORT;
    unsigned n = len - head < d->input_len ? len - head : d->input_len;
    uint8_t *ev = sccb + SCCB_HEADER;
    memset(ev, 0, len - SCCB_HEADER);
    st_be16(ev, (uint16_t)(EV_HEADER + 1 + n));
    ev[2] = EVTYP_ASCII;
    memcpy(sccb + head, d->input, n);
    memmove(d->input, d->input + n, d->input_len - n);
    d->input_len -= n;
    if (sccb[5] & VARIABLE_LENGTH) {
        sccb[5] &= (uint8_t)~VARIABLE_LENGTH;
        st_be16(sccb, (uint16_t)(head + n));
    }
    return RESP_OK;
}
