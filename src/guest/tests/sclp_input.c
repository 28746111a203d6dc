/* SCLP console input: with ASCII console events in the receive mask, Read Event Data
 * returns what came in on the console (sclp_input.txt) as type 0x1A events whose data
 * start with the session byte 0x00, a service signal reports that events are pending,
 * and once everything is read the answer is "no event buffers" (0x60f0).
 * @baremetal stdin sclp_input.txt
 */
#include "test.h"

#define ASCII_MASK SCLP_EVMASK(SCLP_EVTYPE_VT220)
#define WAIT_US    2000000UL
#define EXPECTED   "hello zhyp\nconsole input, line 2\n"

static uint8_t page[4096] __attribute__((aligned(4096)));
static char input[256];
static unsigned input_len;

static uint16_t set_receive(uint32_t mask)
{
    struct sccb_event_mask *m = (void *)page;
    memset(page, 0, sizeof(page));
    m->h.length = sizeof(*m);
    m->mask_length = 4;
    m->cp_receive = mask;
    m->cp_send = ASCII_MASK;
    sclp_service_call(SCLP_CMD_WRITE_EVENT_MASK, page);
    return m->h.response_code;
}

/* One Read Event Data; appends the text of an ASCII event. Returns the response. */
static uint16_t read_events(int *bad_event)
{
    struct sccb_header *h = (void *)page;
    memset(page, 0, sizeof(page));
    h->length = sizeof(page);
    if (sclp_service_call(SCLP_CMD_READ_EVENT_DATA, page) != 0)
        return 0xffff;
    if (h->response_code != SCLP_RC_NORMAL)
        return h->response_code;
    struct evbuf_header *e = (void *)(page + 8);
    if (e->type != SCLP_EVTYPE_VT220 || e->length < 7 || page[14] != 0) {
        *bad_event = 1;
        return h->response_code;
    }
    for (unsigned i = 7; i < e->length && input_len < sizeof(input) - 1; i++)
        input[input_len++] = (char)page[8 + i];
    return h->response_code;
}

int main(void)
{
    int bad = 0;
    CHECK_EQ(set_receive(ASCII_MASK), SCLP_RC_NORMAL, "receive mask with ascii console events");
    uint64_t end = stck() + tod_from_us(WAIT_US);
    while (input_len < sizeof(EXPECTED) - 1 && stck() < end && !bad)
        read_events(&bad);
    CHECK(!bad, "input comes as ascii events with session byte 0x00");
    printf("input read: '%s'\n", input);
    CHECK(!strcmp(input, EXPECTED), "the whole input, in order");
    CHECK(sclp_events_signalled(), "a service signal reported pending events");
    CHECK_EQ(read_events(&bad), SCLP_RC_NO_EVENTS, "everything read: 0x60f0");
    CHECK_EQ(set_receive(0), SCLP_RC_NORMAL, "receive mask cleared");
    return test_summary();
}
