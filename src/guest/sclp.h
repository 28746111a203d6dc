/* SCLP (service-call logical processor) for bare-metal guests: SERVICE CALL with the
 * wait for the service-signal external interruption, the ASCII (VT220) console with a
 * line-mode fallback, and Read SCP Info for the memory size (spec zarch.md §9). */
#ifndef GUEST_SCLP_H
#define GUEST_SCLP_H

#include <stddef.h>
#include <stdint.h>

#define SCLP_CMD_READ_CPU_INFO        0x00010001
#define SCLP_CMD_READ_SCP_INFO        0x00020001
#define SCLP_CMD_READ_SCP_INFO_FORCED 0x00120001
#define SCLP_CMD_WRITE_EVENT_MASK     0x00780005
#define SCLP_CMD_WRITE_EVENT_DATA     0x00760005
#define SCLP_CMD_READ_EVENT_DATA      0x00770005

#define SCLP_RC_NORMAL_READ           0x0010
#define SCLP_RC_NORMAL                0x0020
#define SCLP_RC_BOUNDARY_VIOLATION    0x0100
#define SCLP_RC_INVALID_COMMAND       0x01f0
#define SCLP_RC_INSUFFICIENT_LENGTH   0x0300
#define SCLP_RC_INVALID_FUNCTION      0x40f0
#define SCLP_RC_NO_EVENTS             0x60f0
#define SCLP_RC_INVALID_SELECTION     0x70f0
#define SCLP_RC_EVENT_SYNTAX          0x73f0

#define SCLP_EVTYPE_MSG               0x02    /* line-mode message (EBCDIC MDB) */
#define SCLP_EVTYPE_VT220             0x1a    /* ASCII console */
#define SCLP_EVMASK(type)             (1U << (32 - (type)))
#define SCLP_EVBUF_ACCEPTED           0x80

struct sccb_header {
    uint16_t length;        /* of the whole SCCB */
    uint8_t  function_code;
    uint8_t  control_mask[3];
    uint16_t response_code;
} __attribute__((packed));

struct evbuf_header {
    uint16_t length;        /* of this event buffer, header included */
    uint8_t  type;
    uint8_t  flags;         /* SCLP_EVBUF_ACCEPTED, set by the SCLP */
    uint16_t reserved;
} __attribute__((packed));

struct sccb_event_mask {
    struct sccb_header h;
    uint16_t reserved;
    uint16_t mask_length;   /* 4 */
    uint32_t cp_receive;    /* events the guest accepts */
    uint32_t cp_send;       /* events the guest sends */
    uint32_t sclp_receive;  /* returned: events the SCLP accepts from the guest */
    uint32_t sclp_send;     /* returned: events the SCLP can send */
} __attribute__((packed));

enum sclp_console { SCLP_CONSOLE_NONE, SCLP_CONSOLE_VT220, SCLP_CONSOLE_LINE };

/* SERVC without waiting: returns the condition code. A program check (privileged
 * operation, specification) is taken before it returns. */
static inline int servc(uint32_t cmd, uint64_t sccb)
{
    int cc;
    asm volatile(".insn rre,0xb2200000,%[cmd],%[sccb]\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc) : [cmd] "d"((uint64_t)cmd), [sccb] "a"(sccb)
                 : "cc", "memory");
    return cc;
}

/* SERVC and wait for its service signal. sccb: real address below 2 GB, 8-byte
 * aligned, outside the lowcore, not crossing a page. Returns the condition code
 * (0 done; 2 still busy after retries; 3 not operational); -1 if called re-entrantly. */
int sclp_service_call(uint32_t cmd, void *sccb);

/* Write Event Mask and pick the console: VT220 if the SCLP accepts it, else line mode.
 * Returns the console chosen. Called once at boot. */
enum sclp_console sclp_console_init(void);
enum sclp_console sclp_console_type(void);
uint32_t sclp_receive_mask(void);   /* what the SCLP accepted in Write Event Mask */

/* One line-mode message (type 0x02, the text in EBCDIC) whatever the console is;
 * returns 0 (response code in *response) or -1 if the service call failed. */
int sclp_line_message(const char *s, size_t n, uint16_t *response);

/* Read SCP Info into a 4 KB SCCB; returns the response code. */
uint16_t sclp_read_scp_info(void *sccb4k);
/* Storage size in bytes from Read SCP Info (cached); 0 if unavailable. */
uint64_t sclp_memory_size(void);

/* Response code of the last completed service call made through the SDK. */
uint16_t sclp_last_response(void);

/* Service-signal handler, called by the external-interruption dispatcher. */
void sclp_service_signal(uint32_t param);
/* Whether a service signal reported pending events (bits 30-31 of its parameter)
 * since the last call; the indication is cleared. */
int sclp_events_signalled(void);

#endif
