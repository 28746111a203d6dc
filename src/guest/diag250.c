/* DIAGNOSE X'250' block I/O client of the bare-metal guest SDK (diag250.h): the
 * DIAGNOSE itself, 64-bit parameter lists, and a queue of completion interruptions
 * filled by the external-interruption handler. */
#include "diag250.h"

#include "arch.h"
#include "guest.h"
#include "intr.h"
#include "lowcore.h"

#define MAX_DEVS     16
#define QUEUE_LEN    256          /* as many as CP keeps for a guest (GUEST_CP_IRQ_MAX) */

static struct { uint16_t devno; uint32_t blksize; } devs[MAX_DEVS];
static struct diag250_bio sync_bio[DIAG250_MAX_BLOCKS];

static struct diag250_completion queue[QUEUE_LEN];
static volatile unsigned q_head, q_count;
static unsigned q_lost;
static ext_handler_t chained;
static int installed;

/* Rx must be even: CP returns the return code in Rx+1. */
int diag250_call(void *biopl, unsigned fc)
{
    register unsigned long rx asm("2") = (unsigned long)biopl;
    register unsigned long rc asm("3") = ~0UL;
    unsigned long code = fc;
    int cc;
    asm volatile("diag %[rx],%[fc],0x250\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), "+d"(rc)
                 : [rx] "d"(rx), [fc] "d"(code)
                 : "cc", "memory");
    return DIAG250_RES(cc, (uint32_t)rc);
}

static void put16(uint8_t *p, uint16_t v) { *(uint16_t *)p = v; }
static void put32(uint8_t *p, uint32_t v) { *(uint32_t *)p = v; }
static void put64(uint8_t *p, uint64_t v) { *(uint64_t *)p = v; }

int diag250_init(uint16_t devno, uint32_t blksize, int64_t offset, int64_t *start,
                 int64_t *end)
{
    struct diag250_biopl pl = { 0 };
    put16(pl.b, devno);
    pl.b[2] = DIAG250_FLAGA_64BIT;
    put32(pl.b + 0x18, blksize);
    put64(pl.b + 0x20, (uint64_t)offset);
    int res = diag250_call(&pl, DIAG250_INIT);
    if (start)
        *start = *(int64_t *)(pl.b + 0x28);
    if (end)
        *end = *(int64_t *)(pl.b + 0x30);
    if (DIAG250_CC(res) == 0) {
        for (int i = 0; i < MAX_DEVS; i++)
            if (!devs[i].blksize || devs[i].devno == devno) {
                devs[i].devno = devno;
                devs[i].blksize = blksize;
                break;
            }
    }
    return res;
}

int diag250_remove(uint16_t devno)
{
    struct diag250_biopl pl = { 0 };
    put16(pl.b, devno);
    return diag250_call(&pl, DIAG250_REMOVE);
}

void diag250_fill(struct diag250_bio *bio, uint8_t type, int64_t block, void *buf,
                  uint32_t count, uint32_t blksize)
{
    for (uint32_t i = 0; i < count; i++)
        bio[i] = (struct diag250_bio){
            .type = type,
            .block = block + i,
            .buffer = (uint64_t)buf + (uint64_t)i * blksize,
        };
}

int diag250_io(uint16_t devno, struct diag250_bio *bio, uint32_t count, uint8_t flags,
               uint64_t intparm)
{
    struct diag250_biopl pl = { 0 };
    put16(pl.b, devno);
    pl.b[2] = DIAG250_FLAGA_64BIT;
    pl.b[0x19] = flags;
    put32(pl.b + 0x1c, count);
    put64(pl.b + 0x28, intparm);
    put64(pl.b + 0x30, (uint64_t)bio);
    return diag250_call(&pl, DIAG250_RW);
}

/* The block size INIT gave devno, or 0 (the request then fails in CP with rc 28). */
static uint32_t dev_blksize(uint16_t devno)
{
    for (int i = 0; i < MAX_DEVS; i++)
        if (devs[i].blksize && devs[i].devno == devno)
            return devs[i].blksize;
    return 0;
}

int diag250_rw(uint16_t devno, uint8_t type, int64_t block, void *buf, uint32_t count)
{
    uint32_t n = count > DIAG250_MAX_BLOCKS ? DIAG250_MAX_BLOCKS : count;
    diag250_fill(sync_bio, type, block, buf, n, dev_blksize(devno));
    return diag250_io(devno, sync_bio, count, 0, 0);
}

int diag250_rw_async(uint16_t devno, uint8_t type, int64_t block, void *buf, uint32_t count,
                     struct diag250_bio *bio, uint64_t intparm)
{
    diag250_fill(bio, type, block, buf, count, dev_blksize(devno));
    return diag250_io(devno, bio, count, DIAG250_FLAG_ASYNC, intparm);
}

/* Runs with interruptions masked: no printing here (the console may be mid-call). */
static void on_external(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t sub)
{
    if (code != EXT_BLOCK_IO) {
        if (!chained)
            guest_panic("unexpected external interruption 0x%04x param 0x%x", code, param);
        chained(f, code, param, sub);
        return;
    }
    struct diag250_completion c = {
        .code = (uint8_t)(sub >> 8),
        .status = (uint8_t)sub,
        .intparm = sub >> 8 == DIAG250_CODE_64BIT ? lc_read64(LC_BLOCK_IO_PARAM64) : param,
    };
    if (q_count == QUEUE_LEN) {
        q_lost++;
        return;
    }
    queue[(q_head + q_count) % QUEUE_LEN] = c;
    q_count++;
}

void diag250_install(void)
{
    if (installed)
        return;
    installed = 1;
    chained = intr_set_ext_handler(on_external);
}

unsigned diag250_pending(void)
{
    return q_count;
}

/* External interruptions stay masked between the test of the queue and the enabled
 * wait, so a completion cannot slip in between and leave us waiting. */
void diag250_wait(struct diag250_completion *out)
{
    uint8_t sm = stnsm(0xff & ~PSW_SM_EXT);
    uint64_t cr0 = ctl_store(0);
    ctl_load(0, cr0 | CR0_SERVICE_SIGNAL);
    while (!q_count)
        wait_for_interrupt(PSW_SM_EXT);
    *out = queue[q_head];
    q_head = (q_head + 1) % QUEUE_LEN;
    q_count--;
    ctl_load(0, cr0);
    ssm(sm);
    if (q_lost)
        guest_panic("diag250: %u completions lost (queue full)", q_lost);
}
