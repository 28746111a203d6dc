/* SIGNAL PROCESSOR to this CPU: sense, an order to a CPU that does not exist,
 * an invalid order, and external call / emergency signal to this CPU, delivered as
 * external interruptions 0x1202 / 0x1201 with the sender's address at 0x84. */
#include "test.h"

static volatile int ext_count;
static volatile uint16_t ext_code, ext_cpu;

static void on_ext(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t cpu)
{
    (void)f, (void)param;
    ext_code = code;
    ext_cpu = cpu;
    ext_count++;
}

/* Open the PSW for external interruptions for a moment: a pending one is taken. */
static int take_pending_ext(void)
{
    int before = ext_count;
    uint8_t sm = stosm(PSW_SM_EXT);
    asm volatile("nopr %%r7\n\tnopr %%r7" : : : "memory");
    ssm(sm);
    return ext_count - before;
}

/* CPUs in the configuration: the CPU-entry count of Read SCP Info (offset 16). */
static uint16_t cpu_count(void)
{
    static uint8_t sccb[4096] __attribute__((aligned(4096)));
    if (sclp_read_scp_info(sccb) != SCLP_RC_NORMAL_READ)
        return 0;
    return *(uint16_t *)(sccb + 16);
}

static void test_sense(uint16_t self)
{
    uint32_t status = 0;
    uint16_t ncpus = cpu_count();
    CHECK(ncpus >= 1, "scp info counts at least one cpu");
    CHECK_EQ(sigp(self, SIGP_SENSE, 0, &status), SIGP_CC_ACCEPTED, "sense self: cc 0");
    CHECK_EQ(sigp(ncpus, SIGP_SENSE, 0, &status), SIGP_CC_NOT_OPERATIONAL,
             "sense cpu past the configuration: cc 3");
    CHECK_EQ(sigp(0xffff, SIGP_SENSE, 0, &status), SIGP_CC_NOT_OPERATIONAL,
             "sense cpu 0xffff: cc 3");
    status = 0;
    CHECK_EQ(sigp(self, 0x7f, 0, &status), SIGP_CC_STATUS_STORED, "invalid order: cc 1");
    CHECK_EQ(status, SIGP_STATUS_INVALID_ORDER, "invalid order: status 0x2");
}

static void test_signals(uint16_t self)
{
    uint32_t status = 0;
    intr_set_ext_handler(on_ext);

    CHECK_EQ(sigp(self, SIGP_EXTERNAL_CALL, 0, 0), SIGP_CC_ACCEPTED, "external call self: cc 0");
    CHECK_EQ(take_pending_ext(), 0, "external call waits for cr0 bit 50");
    CHECK_EQ(sigp(self, SIGP_SENSE, 0, &status), SIGP_CC_STATUS_STORED,
             "sense with external call pending: cc 1");
    CHECK_EQ(status, SIGP_STATUS_EXT_CALL_PENDING, "sense: external call pending status");
    status = 0;
    CHECK_EQ(sigp(self, SIGP_EXTERNAL_CALL, 0, &status), SIGP_CC_STATUS_STORED,
             "second external call: cc 1");
    CHECK_EQ(status, SIGP_STATUS_EXT_CALL_PENDING, "second external call: pending status");
    ctl_set_bits(0, CR0_EXTERNAL_CALL);
    CHECK_EQ(take_pending_ext(), 1, "external call taken once");
    CHECK_EQ(ext_code, EXT_EXTERNAL_CALL, "external call code 0x1202");
    CHECK_EQ(ext_cpu, self, "external call from this cpu");
    ctl_clear_bits(0, CR0_EXTERNAL_CALL);

    CHECK_EQ(sigp(self, SIGP_EMERGENCY_SIGNAL, 0, 0), SIGP_CC_ACCEPTED,
             "emergency signal self: cc 0");
    CHECK_EQ(take_pending_ext(), 0, "emergency signal waits for cr0 bit 49");
    ctl_set_bits(0, CR0_EMERGENCY_SIG);
    CHECK_EQ(take_pending_ext(), 1, "emergency signal taken once");
    CHECK_EQ(ext_code, EXT_EMERGENCY_SIG, "emergency signal code 0x1201");
    CHECK_EQ(ext_cpu, self, "emergency signal from this cpu");
    ctl_clear_bits(0, CR0_EMERGENCY_SIG);
    intr_set_ext_handler(0);
}

int main(void)
{
    uint16_t self = stap();
    CHECK_EQ(self, 0, "boot cpu address 0");
    test_sense(self);
    test_signals(self);
    return test_summary();
}
