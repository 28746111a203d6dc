/* Interruption dispatch of the bare-metal guest SDK: start.S hands every interruption
 * here with a frame of the interrupted state; this reads the class's lowcore fields and
 * calls the test's handler, or the default: record an expected program check, consume
 * service signals for the SCLP driver, fail the run on anything unexpected. */
#include "intr.h"

#include "arch.h"
#include "guest.h"
#include "lowcore.h"
#include "sclp.h"

static pgm_handler_t pgm_handler;
static ext_handler_t ext_handler;
static svc_handler_t svc_handler;
static io_handler_t io_handler;
static restart_handler_t restart_handler;

static volatile int pgm_armed;
static volatile uint16_t pgm_recorded;
static struct pgm_info pgm_last;
static int pgm_depth;

pgm_handler_t intr_set_pgm_handler(pgm_handler_t h)
{
    pgm_handler_t old = pgm_handler;
    pgm_handler = h;
    return old;
}

ext_handler_t intr_set_ext_handler(ext_handler_t h)
{
    ext_handler_t old = ext_handler;
    ext_handler = h;
    return old;
}

svc_handler_t intr_set_svc_handler(svc_handler_t h)
{
    svc_handler_t old = svc_handler;
    svc_handler = h;
    return old;
}

io_handler_t intr_set_io_handler(io_handler_t h)
{
    io_handler_t old = io_handler;
    io_handler = h;
    return old;
}

restart_handler_t intr_set_restart_handler(restart_handler_t h)
{
    restart_handler_t old = restart_handler;
    restart_handler = h;
    return old;
}

void pgm_expect(void)
{
    pgm_recorded = 0;
    pgm_armed = 1;
    asm volatile("" : : : "memory");
}

uint16_t pgm_result(struct pgm_info *pi)
{
    asm volatile("" : : : "memory");
    pgm_armed = 0;
    if (pi)
        *pi = pgm_recorded ? pgm_last : (struct pgm_info){ 0 };
    uint16_t code = pgm_recorded;
    pgm_recorded = 0;
    return code;
}

/* Codes after which the old PSW points at the failing instruction (spec zarch.md §3.1):
 * translation exceptions and the ASN/stack families. */
int pgm_is_nullifying(uint16_t code)
{
    code &= 0x7f;
    return code == 0x10 || code == 0x11 || code == 0x16 ||
           (code >= 0x20 && code <= 0x27) || (code >= 0x29 && code <= 0x2f) ||
           (code >= 0x30 && code <= 0x34) || (code >= 0x38 && code <= 0x3b);
}

static void read_pgm_info(struct pgm_info *pi)
{
    pi->code = lc_read16(LC_PGM_CODE);
    pi->ilc = lc_read16(LC_PGM_ILC);
    pi->dxc = lc_read32(LC_DXC);
    pi->teid = lc_read64(LC_TEID);
    pi->exc_access_id = lc_read8(LC_EXC_ACCESS_ID);
}

static void pgm_dispatch(struct intr_frame *f)
{
    struct pgm_info pi;
    read_pgm_info(&pi);
    pi.old_mask = f->psw_mask;
    pi.old_addr = f->psw_addr;
    if (pgm_depth > 1)
        guest_panic("program interruption 0x%x at 0x%lx inside a program-check handler",
                    pi.code, pi.old_addr);
    if (guest_exiting())
        guest_exit_fallback();
    if (pgm_handler && pgm_handler(f, &pi))
        return;
    if (!pgm_armed)
        guest_panic("unexpected program interruption 0x%x ilc %u at 0x%lx (mask 0x%016lx)",
                    pi.code, pi.ilc, pi.old_addr, pi.old_mask);
    pgm_armed = 0;
    pgm_last = pi;
    pgm_recorded = pi.code ? pi.code : 0xffff;
    if (pgm_is_nullifying(pi.code)) {
        if (!pi.ilc)
            guest_panic("nullifying program interruption 0x%x without an ILC", pi.code);
        f->psw_addr += pi.ilc;
    }
}

/* The old PSW of an enabled wait has the wait bit; clearing it makes the return
 * continue after the wait instead of waiting again. */
static void ext_dispatch(struct intr_frame *f)
{
    uint16_t code = lc_read16(LC_EXT_CODE);
    uint32_t param = lc_read32(LC_EXT_PARAM);
    uint16_t cpu = lc_read16(LC_EXT_CPU_ADDR);
    f->psw_mask &= ~PSW_MASK_WAIT;
    if (code == EXT_SERVICE_SIGNAL) {
        sclp_service_signal(param);
        return;
    }
    if (!ext_handler)
        guest_panic("unexpected external interruption 0x%04x param 0x%x", code, param);
    ext_handler(f, code, param, cpu);
}

static void svc_dispatch(struct intr_frame *f)
{
    uint16_t code = lc_read16(LC_SVC_CODE);
    uint16_t ilc = lc_read16(LC_SVC_ILC);
    if (code == SVC_SDK_SUPERVISOR) {
        f->psw_mask &= ~PSW_MASK_PSTATE;
        return;
    }
    if (!svc_handler)
        guest_panic("unexpected SVC %u at 0x%lx", code, f->psw_addr);
    svc_handler(f, code, ilc);
}

void intr_dispatch(struct intr_frame *f)
{
    switch (f->cls) {
    case INTR_PGM:
        pgm_depth++;
        pgm_dispatch(f);
        pgm_depth--;
        break;
    case INTR_EXT:
        ext_dispatch(f);
        break;
    case INTR_SVC:
        svc_dispatch(f);
        break;
    case INTR_IO:
        f->psw_mask &= ~PSW_MASK_WAIT;
        if (!io_handler)
            guest_panic("unexpected I/O interruption, subchannel 0x%x",
                        lc_read32(LC_IO_SUBCHANNEL));
        io_handler(f);
        break;
    case INTR_RESTART:
        if (!restart_handler)
            guest_panic("unexpected restart interruption at 0x%lx", f->psw_addr);
        restart_handler(f);
        break;
    default:
        guest_panic("machine check, code 0x%016lx", lc_read64(LC_MCK_CODE));
    }
}
