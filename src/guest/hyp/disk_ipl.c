/* DIAG X'250' across a re-IPL (DIAG X'308' subcode 3): the first run writes a marker
 * block, starts eight asynchronous writes and re-IPLs at once; the second run (it finds
 * the marker on the disk) checks that the disk is uninitialised again, that the data of
 * the writes is on the disk (it moves when a request is issued), and that none of their
 * completions arrives in the new run. tests/hyp/disk_ipl.sh checks the file. */
#include "diag250.h"
#include "test.h"

#define DISK1       0x101
#define ASYNC_N     8
#define WINDOW_US   5000ULL                  /* the writes complete within ~1 ms */

static const char marker[] = "zhyp disk_ipl: first run done";
static uint8_t blk[4096] __attribute__((aligned(4096)));
static uint8_t data[ASYNC_N][4096] __attribute__((aligned(4096)));
static struct diag250_bio bio[ASYNC_N][1];
static volatile int ckc_fired;

static void stale_block(uint8_t *b, unsigned i)
{
    for (unsigned j = 0; j < 4096; j++)
        b[j] = (uint8_t)(0xa0 + i + j * 7);
}

static void first_run(void)
{
    memset(blk, 0, sizeof(blk));
    memcpy(blk, marker, sizeof(marker));
    CHECK_EQ(diag250_rw(DISK1, DIAG250_WRITE, 1, blk, 1), DIAG250_RES(0, 0), "first run: marker written");
    int ok = 1;
    for (unsigned i = 0; i < ASYNC_N; i++) {
        stale_block(data[i], i);
        ok &= diag250_rw_async(DISK1, DIAG250_WRITE, 2 + i, data[i], 1, bio[i], 0xabc0 + i) ==
              DIAG250_RES(0, DIAG250_RC_STARTED);
    }
    CHECK(ok, "first run: 8 asynchronous writes started; re-IPL before they complete");
    register uint64_t r2 asm("2") = 0, r3 asm("3") = 3;
    asm volatile("diag %%r2,%%r3,0x308" : : "d"(r2), "d"(r3) : "memory");
    CHECK(0, "diag 308 subcode 3 returned");
}

static void on_ckc(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t cpu)
{
    (void)f, (void)param, (void)cpu;
    if (code != EXT_CLOCK_COMP)
        guest_panic("unexpected external interruption 0x%04x", code);
    sckc(~0ULL);
    ckc_fired = 1;
}

/* An enabled window of WINDOW_US of virtual time, ended by the clock comparator. */
static void window(void)
{
    uint8_t sm = stnsm(0xff & ~PSW_SM_EXT);
    uint64_t cr0 = ctl_store(0);
    ctl_load(0, cr0 | CR0_CLOCK_COMP | CR0_SERVICE_SIGNAL);
    sckc(stck() + WINDOW_US * 4096);
    while (!ckc_fired)
        wait_for_interrupt(PSW_SM_EXT);
    ctl_load(0, cr0);
    ssm(sm);
}

static void second_run(void)
{
    struct diag250_completion c;
    printf("second run: the marker is on the disk\n");
    CHECK_EQ(diag250_rw_async(DISK1, DIAG250_READ, 1, blk, 1, bio[0], 0x5eed),
             DIAG250_RES(0, DIAG250_RC_STARTED), "second run: an asynchronous read started");
    window();
    CHECK_EQ(diag250_pending(), 1, "second run: one completion arrives, none from before the re-IPL");
    diag250_wait(&c);
    CHECK_EQ(c.intparm, 0x5eed, "second run: it is the new read's");
    int ok = 1;
    for (unsigned i = 0; i < ASYNC_N; i++) {
        ok &= diag250_rw(DISK1, DIAG250_READ, 2 + i, blk, 1) == DIAG250_RES(0, 0);
        stale_block(data[i], i);
        ok &= memcmp(blk, data[i], 4096) == 0;
    }
    CHECK(ok, "second run: the data of the 8 writes is on the disk");
    CHECK_EQ(diag250_remove(DISK1), DIAG250_RES(0, 0), "second run: REMOVE");
}

int main(void)
{
    intr_set_ext_handler(on_ckc);
    diag250_install();
    int res = diag250_init(DISK1, 4096, 0, 0, 0);
    diag250_rw(DISK1, DIAG250_READ, 1, blk, 1);
    if (memcmp(blk, marker, sizeof(marker))) {
        CHECK_EQ(res, DIAG250_RES(0, 0), "first run: INIT");
        first_run();
    } else {
        CHECK_EQ(res, DIAG250_RES(0, 0), "second run: INIT gives rc 0: the re-IPL reset the disk");
        second_run();
    }
    return test_summary();
}
