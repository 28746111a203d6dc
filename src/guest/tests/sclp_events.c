/* SCLP events and configuration: Write Event Mask with a receive mask, Read Event Data
 * with no console input (unconditional and selective), the function-code and
 * selection checks, Write Event Data refusals, a line-mode message, Read CPU Info and
 * the facilities Read SCP Info reports. The console input is /dev/null on both
 * emulators.
 * @baremetal smp 2
 * @baremetal console lm
 */
#include "test.h"

#define ASCII_MASK  SCLP_EVMASK(SCLP_EVTYPE_VT220)
#define MSG_MASK    SCLP_EVMASK(SCLP_EVTYPE_MSG)
#define SCP_FAC_READ_CPU_INFO 0x0800000000000000UL

static uint8_t page[4096] __attribute__((aligned(4096)));

static struct sccb_header *header(unsigned len, uint8_t fc)
{
    struct sccb_header *h = (void *)page;
    memset(page, 0, sizeof(page));
    h->length = (uint16_t)len;
    h->function_code = fc;
    return h;
}

static uint16_t call(uint32_t cmd)
{
    if (sclp_service_call(cmd, page) != 0)
        return 0xffff;
    return ((struct sccb_header *)page)->response_code;
}

static void set_event_mask(uint32_t receive)
{
    struct sccb_event_mask *m = (void *)header(sizeof(struct sccb_event_mask), 0);
    m->mask_length = 4;
    m->cp_receive = receive;
    m->cp_send = ASCII_MASK | MSG_MASK;
    CHECK_EQ(call(SCLP_CMD_WRITE_EVENT_MASK), SCLP_RC_NORMAL, "write event mask: normal completion");
    CHECK_EQ(m->sclp_receive & (ASCII_MASK | MSG_MASK), ASCII_MASK | MSG_MASK,
             "sclp receives ascii console and line-mode messages");
    CHECK(m->sclp_send & ASCII_MASK, "sclp sends ascii console events");
}

static void test_read_nothing(void)
{
    set_event_mask(ASCII_MASK);
    header(4096, 0);
    CHECK_EQ(call(SCLP_CMD_READ_EVENT_DATA), SCLP_RC_NO_EVENTS, "read, no input: no event buffers (0x60f0)");
    header(4096, 1);
    *(uint32_t *)(page + 8) = ASCII_MASK;
    CHECK_EQ(call(SCLP_CMD_READ_EVENT_DATA), SCLP_RC_NO_EVENTS, "selective read of ascii events: 0x60f0");
    header(4096, 1);
    *(uint32_t *)(page + 8) = MSG_MASK;
    CHECK_EQ(call(SCLP_CMD_READ_EVENT_DATA), SCLP_RC_INVALID_SELECTION,
             "selective read outside the receive mask: 0x70f0");
    header(4096, 2);
    CHECK_EQ(call(SCLP_CMD_READ_EVENT_DATA), SCLP_RC_INVALID_FUNCTION, "read with function code 2: 0x40f0");
    set_event_mask(0);
    CHECK(!sclp_events_signalled(), "no event-pending indication without input");
}

/* One event buffer of 'type' with 'text', buffer length 'elen' (0: exact). */
static uint16_t write_event(uint8_t fc, uint8_t type, const char *text, unsigned elen)
{
    unsigned n = strlen(text);
    header(8 + 6 + n, fc);
    struct evbuf_header *e = (void *)(page + 8);
    e->length = (uint16_t)(elen ? elen : 6 + n);
    e->type = type;
    memcpy(page + 14, text, n);
    return call(SCLP_CMD_WRITE_EVENT_DATA);
}

static void test_write_refusals(void)
{
    CHECK_EQ(write_event(0, 0x05, "x\n", 0), SCLP_RC_INVALID_FUNCTION,
             "write of an event type the sclp does not take: 0x40f0");
    CHECK(!(page[11] & SCLP_EVBUF_ACCEPTED), "... buffer not accepted");
    CHECK_EQ(write_event(1, SCLP_EVTYPE_VT220, "x\n", 0), SCLP_RC_INVALID_FUNCTION,
             "write with function code 1: 0x40f0");
    CHECK_EQ(write_event(0, SCLP_EVTYPE_VT220, "x\n", 12), SCLP_RC_EVENT_SYNTAX,
             "event buffer longer than the sccb: 0x73f0");
}

static void test_line_mode(void)
{
    static const char line[] = "line mode: Hello [z/Arch] | 0123456789 ($@#!)";
    uint16_t resp = 0;
    printf("next, a line-mode message:");
    int rc = sclp_line_message(line, sizeof(line) - 1, &resp);
    putchar('\n');
    CHECK_EQ(rc, 0, "line-mode message: service call done");
    CHECK_EQ(resp, SCLP_RC_NORMAL, "line-mode message: normal completion");
}

static void test_cpu_info(void)
{
    header(4096, 0);
    CHECK_EQ(call(SCLP_CMD_READ_CPU_INFO), SCLP_RC_NORMAL_READ, "read cpu info: normal read completion");
    uint16_t n = *(uint16_t *)(page + 8), off = *(uint16_t *)(page + 10);
    CHECK_EQ(n, 2, "read cpu info: two configured cpus");
    CHECK_EQ(*(uint16_t *)(page + 12), 0, "read cpu info: none in standby");
    CHECK(off >= 16 && off + 16 * n <= 4096, "read cpu info: entries inside the sccb");
    CHECK(page[off] == 0 && page[off + 16] == 1, "read cpu info: entries for cpu 0 and cpu 1");
    CHECK(page[off + 14] == 0 && page[off + 16 + 14] == 0, "read cpu info: both of type cp");
    header(16, 0);
    CHECK_EQ(call(SCLP_CMD_READ_CPU_INFO), SCLP_RC_INSUFFICIENT_LENGTH, "read cpu info, 16-byte sccb: 0x0300");
    CHECK_EQ(sclp_read_scp_info(page), SCLP_RC_NORMAL_READ, "read scp info");
    CHECK(*(uint64_t *)(page + 48) & SCP_FAC_READ_CPU_INFO, "read scp info: read cpu info available");
    CHECK_EQ(*(uint16_t *)(page + 16), 2, "read scp info: two cpu entries");
}

int main(void)
{
    test_read_nothing();
    test_write_refusals();
    test_line_mode();
    test_cpu_info();
    return test_summary();
}
