/* SCLP driver of the bare-metal guest SDK: SERVICE CALL and its completion signal, the
 * console (VT220 event type 0x1A; line-mode messages, EBCDIC, when only those are
 * accepted), Read SCP Info. SCCBs are static pages, identity-mapped whenever DAT is on,
 * because SERVC takes a real address. (spec zarch.md §9.1-9.3) */
#include "sclp.h"

#include "arch.h"
#include "lib.h"

#define PAGE_SIZE 4096

static uint8_t console_sccb[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint8_t info_sccb[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static volatile uint32_t pending_sccb;  /* SCCB of the outstanding call, 0 when none */
static volatile int events_signalled;   /* a service signal said events are pending */
static volatile uint32_t call_owner;    /* CPU address + 1 inside a service call, or 0 */
static volatile uint32_t console_owner; /* CPU address + 1 writing to the console, or 0 */
static uint16_t last_response;
static enum sclp_console console;
static uint32_t accepted_mask;
static uint64_t memory_size;
static int memory_size_known;

/* Called on external interruption 0x2401. The parameter is the SCCB address with
 * event-pending bits in the low bits (remembered for sclp_events_signalled()); a
 * signal for other reasons (console input) carries no SCCB of ours. */
void sclp_service_signal(uint32_t param)
{
    if (param & 3)
        events_signalled = 1;
    if (pending_sccb && (param & ~7U) == pending_sccb)
        pending_sccb = 0;
}

int sclp_events_signalled(void)
{
    int v = events_signalled;
    events_signalled = 0;
    return v;
}

/* Only the service signal may arrive while we wait: the other external subclasses
 * stay pending for their owners, so printing from their handlers cannot recurse. */
static void wait_for_completion(void)
{
    uint64_t cr0 = ctl_store(0);
    ctl_load(0, (cr0 & ~CR0_EXT_SUBCLASSES) | CR0_SERVICE_SIGNAL);
    while (pending_sccb)
        wait_for_interrupt(PSW_SM_EXT);
    ctl_load(0, cr0);
}

/* A lock between CPUs (COMPARE AND SWAP) that a CPU cannot take twice: -1 when this
 * CPU holds it already (a handler re-entering), 0 once taken. */
static int lock_take(volatile uint32_t *owner)
{
    uint32_t self = stap() + 1u, expected;
    if (*owner == self)
        return -1;
    do
        expected = 0;
    while (!__atomic_compare_exchange_n(owner, &expected, self, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
    return 0;
}

static void lock_give(volatile uint32_t *owner)
{
    __atomic_store_n(owner, 0, __ATOMIC_RELEASE);
}

int sclp_service_call(uint32_t cmd, void *sccb)
{
    if (lock_take(&call_owner))
        return -1;
    /* External interruptions off until the wait, so the completion cannot slip in
     * between the test of pending_sccb and the wait PSW. */
    uint8_t sm = stnsm(0xff & ~PSW_SM_EXT);
    int cc;
    for (int tries = 0;; tries++) {
        pending_sccb = (uint32_t)(uintptr_t)sccb;
        cc = servc(cmd, (uintptr_t)sccb);
        if (cc == 0) {
            wait_for_completion();
            break;
        }
        pending_sccb = 0;
        if (cc != 2 || tries == 1000)
            break;
    }
    ssm(sm);
    if (cc == 0)
        last_response = ((struct sccb_header *)sccb)->response_code;
    lock_give(&call_owner);
    return cc;
}

uint16_t sclp_last_response(void)
{
    return last_response;
}

enum sclp_console sclp_console_init(void)
{
    struct sccb_event_mask *m = (void *)console_sccb;
    memset(m, 0, sizeof(*m));
    m->h.length = sizeof(*m);
    m->mask_length = 4;
    m->cp_send = SCLP_EVMASK(SCLP_EVTYPE_VT220) | SCLP_EVMASK(SCLP_EVTYPE_MSG);
    console = SCLP_CONSOLE_NONE;
    if (sclp_service_call(SCLP_CMD_WRITE_EVENT_MASK, m) != 0 ||
        m->h.response_code != SCLP_RC_NORMAL)
        return console;
    accepted_mask = m->sclp_receive;
    if (accepted_mask & SCLP_EVMASK(SCLP_EVTYPE_VT220))
        console = SCLP_CONSOLE_VT220;
    else if (accepted_mask & SCLP_EVMASK(SCLP_EVTYPE_MSG))
        console = SCLP_CONSOLE_LINE;
    return console;
}

enum sclp_console sclp_console_type(void)
{
    return console;
}

uint32_t sclp_receive_mask(void)
{
    return accepted_mask;
}

/* ---- VT220: raw ASCII in one event buffer ----------------------------------------- */

struct sccb_vt220 {
    struct sccb_header h;
    struct evbuf_header e;
    char data[PAGE_SIZE - 14];
} __attribute__((packed));

static int write_vt220(const char *s, size_t n)
{
    struct sccb_vt220 *sccb = (void *)console_sccb;
    while (n) {
        size_t chunk = n < sizeof(sccb->data) ? n : sizeof(sccb->data);
        memset(sccb, 0, 14);
        sccb->h.length = (uint16_t)(14 + chunk);
        sccb->e.length = (uint16_t)(6 + chunk);
        sccb->e.type = SCLP_EVTYPE_VT220;
        memcpy(sccb->data, s, chunk);
        if (sclp_service_call(SCLP_CMD_WRITE_EVENT_DATA, sccb) != 0)
            return -1;
        s += chunk;
        n -= chunk;
    }
    return 0;
}

/* ---- Line mode: one message per line, text in EBCDIC ------------------------------ */

struct mdb_header {
    uint16_t length;
    uint16_t type;          /* 1 */
    uint32_t tag;           /* "MDB " in EBCDIC */
    uint32_t revision;      /* 1 */
} __attribute__((packed));

struct mto {                /* message text object, followed by the text */
    uint16_t length;
    uint16_t type;          /* 4 */
    uint16_t line_type;     /* 0x1000: end text */
    uint8_t  alarm;
    uint8_t  reserved[3];
} __attribute__((packed));

struct sccb_line {
    struct sccb_header h;
    struct evbuf_header e;
    struct mdb_header mdb;
    uint16_t go_length;     /* general object: 0x38 bytes, zero but for these two */
    uint16_t go_type;
    uint8_t  go_rest[0x34];
    struct mto mto;
    char text[];
} __attribute__((packed));

/* ASCII 0x20-0x7e to EBCDIC code page 500, the one QEMU's line-mode console decodes
 * (checked: with 1047, "[]!|" came out wrong); other bytes become '?'. */
static const uint8_t ascii_to_ebcdic[95] = {
    0x40, 0x4f, 0x7f, 0x7b, 0x5b, 0x6c, 0x50, 0x7d, 0x4d, 0x5d, 0x5c, 0x4e, 0x6b, 0x60,
    0x4b, 0x61, 0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0x7a, 0x5e,
    0x4c, 0x7e, 0x6e, 0x6f, 0x7c, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9,
    0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6,
    0xe7, 0xe8, 0xe9, 0x4a, 0xe0, 0x5a, 0x5f, 0x6d, 0x79, 0x81, 0x82, 0x83, 0x84, 0x85,
    0x86, 0x87, 0x88, 0x89, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0xa2,
    0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xc0, 0xbb, 0xd0, 0xa1,
};

static int write_line_message(const char *s, size_t n)
{
    struct sccb_line *sccb = (void *)console_sccb;
    size_t max = PAGE_SIZE - sizeof(*sccb);
    if (n > max)
        n = max;
    memset(sccb, 0, sizeof(*sccb));
    sccb->mto.length = (uint16_t)(sizeof(struct mto) + n);
    sccb->mto.type = 4;
    sccb->mto.line_type = 0x1000;
    sccb->go_length = 0x38;
    sccb->go_type = 1;
    sccb->mdb.length = (uint16_t)(sizeof(struct mdb_header) + 0x38 + sccb->mto.length);
    sccb->mdb.type = 1;
    sccb->mdb.tag = 0xd4c4c240;
    sccb->mdb.revision = 1;
    sccb->e.length = (uint16_t)(sizeof(struct evbuf_header) + sccb->mdb.length);
    sccb->e.type = SCLP_EVTYPE_MSG;
    sccb->h.length = (uint16_t)(sizeof(struct sccb_header) + sccb->e.length);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)s[i];
        sccb->text[i] = (char)(c >= 0x20 && c < 0x7f ? ascii_to_ebcdic[c - 0x20] : 0x6f);
    }
    return sclp_service_call(SCLP_CMD_WRITE_EVENT_DATA, sccb) ? -1 : 0;
}

/* A message is a whole line, so partial lines wait here for their newline. */
static char line_buf[256];
static size_t line_len;

static int write_line_mode(const char *s, size_t n)
{
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' || line_len == sizeof(line_buf)) {
            rc |= write_line_message(line_buf, line_len);
            line_len = 0;
        }
        if (s[i] != '\n')
            line_buf[line_len++] = s[i];
    }
    return rc;
}

int sclp_line_message(const char *s, size_t n, uint16_t *response)
{
    if (lock_take(&console_owner))
        return -1;
    int rc = write_line_message(s, n);
    *response = ((struct sccb_header *)console_sccb)->response_code;
    lock_give(&console_owner);
    return rc;
}

int console_write(const char *s, size_t n)
{
    if (console == SCLP_CONSOLE_NONE || lock_take(&console_owner))
        return -1;
    int rc = console == SCLP_CONSOLE_VT220 ? write_vt220(s, n) : write_line_mode(s, n);
    lock_give(&console_owner);
    return rc;
}

/* ---- Read SCP Info ----------------------------------------------------------------- */

/* The forced variant first, as some machines only answer that; fall back on 0x01F0. */
uint16_t sclp_read_scp_info(void *sccb4k)
{
    static const uint32_t cmds[] = { SCLP_CMD_READ_SCP_INFO_FORCED, SCLP_CMD_READ_SCP_INFO };
    struct sccb_header *h = sccb4k;
    for (unsigned i = 0; i < 2; i++) {
        memset(sccb4k, 0, PAGE_SIZE);
        h->length = PAGE_SIZE;
        if (sclp_service_call(cmds[i], sccb4k) != 0)
            return 0;
        if (h->response_code != SCLP_RC_INVALID_COMMAND)
            break;
    }
    return h->response_code;
}

/* Increments (rnmax at 8, or rnmax2 at 104) times their size in MB (rnsize at 10, or
 * rnsize2 at 100). */
uint64_t sclp_memory_size(void)
{
    if (memory_size_known)
        return memory_size;
    memory_size_known = 1;
    if (sclp_read_scp_info(info_sccb) != SCLP_RC_NORMAL_READ)
        return 0;
    const uint8_t *p = info_sccb;
    uint64_t rnmax = *(const uint16_t *)(p + 8);
    uint64_t rnsize = p[10];
    if (!rnmax)
        rnmax = *(const uint64_t *)(p + 104);
    if (!rnsize)
        rnsize = *(const uint32_t *)(p + 100);
    memory_size = rnmax * rnsize << 20;
    return memory_size;
}
