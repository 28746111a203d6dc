/* SCLP: the console the SDK set up, Write Event Data and Write Event Mask by hand,
 * Read SCP Info, and the SERVC checks (invalid command, page crossing, alignment,
 * lowcore SCCB, short header, problem state). */
#include "test.h"

static uint8_t page[2][4096] __attribute__((aligned(4096)));

struct write_sccb {
    struct sccb_header h;
    struct evbuf_header e;
    char text[64];
} __attribute__((packed));

static void test_write_event_data(void)
{
    static const char msg[] = "sclp: written by hand\n";
    struct write_sccb *s = (void *)page[0];
    memset(s, 0, sizeof(*s));
    s->h.length = (uint16_t)(14 + sizeof(msg) - 1);
    s->e.length = (uint16_t)(6 + sizeof(msg) - 1);
    s->e.type = SCLP_EVTYPE_VT220;
    memcpy(s->text, msg, sizeof(msg) - 1);
    CHECK_EQ(sclp_service_call(SCLP_CMD_WRITE_EVENT_DATA, s), 0, "write event data cc 0");
    CHECK_EQ(s->h.response_code, SCLP_RC_NORMAL, "write event data normal completion");
    CHECK(s->e.flags & SCLP_EVBUF_ACCEPTED, "write event data buffer accepted");
}

static void test_event_mask(void)
{
    struct sccb_event_mask *m = (void *)page[0];
    memset(m, 0, sizeof(*m));
    m->h.length = sizeof(*m);
    m->mask_length = 4;
    m->cp_send = SCLP_EVMASK(SCLP_EVTYPE_VT220) | SCLP_EVMASK(SCLP_EVTYPE_MSG);
    CHECK_EQ(sclp_service_call(SCLP_CMD_WRITE_EVENT_MASK, m), 0, "write event mask cc 0");
    CHECK_EQ(m->h.response_code, SCLP_RC_NORMAL, "write event mask normal completion");
    CHECK(m->sclp_receive & SCLP_EVMASK(SCLP_EVTYPE_VT220), "sclp accepts vt220 events");
    CHECK_EQ(sclp_console_type(), SCLP_CONSOLE_VT220, "sdk console is vt220");
}

static void test_scp_info(void)
{
    uint16_t rc = sclp_read_scp_info(page[0]);
    CHECK_EQ(rc, SCLP_RC_NORMAL_READ, "read scp info normal read completion");
    uint64_t mem = sclp_memory_size();
    CHECK(mem >= (16UL << 20), "memory size at least 16 MB");
    CHECK_EQ(mem & ((1UL << 20) - 1), 0, "memory size whole megabytes");
}

static void test_bad_commands(void)
{
    struct sccb_header *h = (void *)page[0];
    memset(h, 0, 4096);
    h->length = 4096;
    CHECK_EQ(sclp_service_call(0x00ff0001, h), 0, "unknown command accepted (cc 0)");
    CHECK_EQ(h->response_code, SCLP_RC_INVALID_COMMAND, "unknown command response 0x01f0");

    /* An SCCB that runs from the end of one page into the next. */
    struct sccb_header *x = (void *)(page[0] + 4096 - 16);
    memset(x, 0, 16);
    x->length = 32;
    CHECK_EQ(sclp_service_call(SCLP_CMD_WRITE_EVENT_DATA, x), 0, "page-crossing sccb cc 0");
    CHECK_EQ(x->response_code, SCLP_RC_BOUNDARY_VIOLATION, "page-crossing sccb response 0x0100");
}

static void test_servc_exceptions(void)
{
    struct pgm_info pi;
    struct sccb_header *h = (void *)page[1];
    memset(h, 0, 4096);
    h->length = 4096;
    CHECK_PGM(servc(SCLP_CMD_READ_SCP_INFO, (uint64_t)page[1] + 4),
              PGM_SPECIFICATION, 4, "servc unaligned sccb: specification", &pi);
    CHECK_PGM(servc(SCLP_CMD_READ_SCP_INFO, 0x1000),
              PGM_SPECIFICATION, 4, "servc sccb in lowcore: specification", &pi);
    h->length = 4;
    CHECK_PGM(servc(SCLP_CMD_READ_SCP_INFO, (uint64_t)h),
              PGM_SPECIFICATION, 4, "servc header length 4: specification", &pi);
    h->length = 4096;
    pgm_expect();
    pstate_enter();
    servc(SCLP_CMD_READ_SCP_INFO, (uint64_t)h);
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "servc in problem state: privileged operation");
    CHECK(pi.old_mask & PSW_MASK_PSTATE, "servc privileged: old psw in problem state");
}

int main(void)
{
    CHECK(sclp_console_type() != SCLP_CONSOLE_NONE, "console found");
    test_write_event_data();
    test_event_mask();
    test_scp_info();
    test_bad_commands();
    test_servc_exceptions();
    return test_summary();
}
