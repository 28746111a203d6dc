/* Shared inside src/hyp: the host, its guests and their vCPUs, the scheduler's events,
 * guest storage access, interruption injection and the interception handlers (split as
 * Linux's arch/s390/kvm: intercept.c, priv.c, diag.c, sigp.c). docs/hypervisor.md. */
#ifndef ZHYP_HYP_INTERNAL_H
#define ZHYP_HYP_INTERNAL_H

#include "zhyp/hyp.h"
#include "zhyp/gmem.h"
#include "zhyp/machine.h"
#include "zhyp/sie.h"
#include "zhyp/sclp.h"
#include "cost.h"

#define HYP_MAX_CPUS   CONF_MAX_CPUS
#define DISK_DEVNO_BASE 0x0100       /* disk i of a guest is device number 0x0100 + i */
#define GUEST_COUNTERS 32            /* statistics a guest may report (DIAG X'DC') */

struct hyp;
struct guest;
struct vcpu;
struct vdisk;

enum vcpu_state {
    VCPU_STOPPED,                /* not operating (before SIGP start/restart, after stop) */
    VCPU_READY,                  /* on the ready queue */
    VCPU_RUNNING,                /* dispatched on a host CPU */
    VCPU_WAIT,                   /* enabled wait: woken by a timer event or an interruption */
    VCPU_BLOCKED,                /* waiting for CP (synchronous I/O) until its wake event */
    VCPU_DEAD,                   /* disabled wait: nothing ever wakes it */
};

/* External interruptions CP presents to a vCPU (irq.c), in priority order of delivery. */
#define VIRQ_EMERGENCY   0x01    /* 0x1201, sources in emerg_from */
#define VIRQ_EXT_CALL    0x02    /* 0x1202, source in ext_call_from */

struct vcpu {
    struct guest *g;
    unsigned id;                 /* CPU address inside the guest */
    uint64_t sd_ha;              /* its state description, in CP's storage */
    enum vcpu_state state;
    /* What SIE takes from the host CPU while the vCPU is not dispatched (GR 14-15 are
     * kept here too between exits; the SD has them while it runs). */
    uint64_t gr[16], fpr[16];
    uint32_t ar[16], fpc;
    uint32_t irq;                /* VIRQ_* pending */
    uint64_t emerg_from;         /* emergency-signal sources (CPU address bits) */
    unsigned ext_call_from;
    uint64_t wake_gen;           /* a wake event carries this; a change cancels it */
    uint64_t since_ns;           /* when it entered its present state */
    struct vcpu *next;           /* ready queue */
    struct {
        uint64_t insns, run_ns, wait_ns, ready_ns, dispatches, host_faults;
        uint64_t icpt[0x40];     /* by interception code / 4 */
        uint64_t diag[4];        /* DIAG X'44'/X'9C' yields, X'8', X'250', other */
    } st;
};

/* A floating CP-service (0x2603) interruption waiting for a vCPU of the guest. */
struct cp_irq {
    uint16_t subcode;            /* lowcore 0x84-0x85 */
    uint64_t param;              /* lowcore 0x11B8 */
};
#define GUEST_CP_IRQ_MAX 256

enum guest_end { GUEST_RUNNING, GUEST_STOPPED, GUEST_DISABLED_WAIT, GUEST_FAILED };

struct guest {
    struct hyp *h;
    unsigned idx;
    const struct guest_conf *gc;
    const char *name;
    struct gmem mem;
    unsigned nvcpus;
    struct vcpu *vcpu;
    uint64_t sd_frame[(CONF_MAX_VCPUS + 7) / 8];  /* 8 state descriptions per frame */
    FILE *terminal;              /* console = terminal: lines also go here, prefixed */
    bool at_line_start;          /* for the terminal's name prefix */
    struct sclp_dev sclp;        /* its SCLP: console log (and terminal) */
    FILE *console;               /* the log file (sclp.console writes to it) */
    bool service_pending;        /* floating service signal (0x2401) */
    uint32_t service_param;
    struct cp_irq cp_irq[GUEST_CP_IRQ_MAX];
    unsigned ncp_irq;
    unsigned ndisks;
    struct vdisk *disk;          /* ndisks of them (diag250.c) */
    enum guest_end end;
    uint64_t end_ns;
    uint64_t wait_psw[2];        /* the disabled-wait PSW that ended it */
    unsigned ipl_count;
    uint64_t epoch;              /* its TOD clock minus the host's (SET CLOCK) */
    struct {                     /* reported by the guest (DIAG X'DC', monitor.c) */
        unsigned n;
        char name[GUEST_COUNTERS][17];
        uint64_t value[GUEST_COUNTERS];
        uint64_t records;
    } counters;
};

/* One host CPU: the machine's CPU and its SIE context, and its place in virtual time. */
struct hcpu {
    unsigned idx;
    struct cpu *c;
    struct sie_ctx *s;
    uint64_t now;                /* virtual ns this CPU has reached */
    bool parked;                 /* idle, waiting for work to appear */
    struct vcpu *cur, *last;     /* dispatched vCPU; the one before (switch cost) */
    struct {
        uint64_t guest_ns, cp_ns, idle_ns, dispatches;
    } st;
};

typedef void (*hyp_event_fn)(struct hyp *h, void *arg, uint64_t arg2);
struct hyp_event {
    uint64_t t, seq;             /* ordered by time, then by when it was made */
    hyp_event_fn fn;
    void *arg;
    uint64_t arg2;
};

struct hyp {
    struct machine m;            /* the host: storage, CPUs, SIE contexts */
    const struct host_conf *hc;
    struct hyp_opts o;
    struct frame_pool fp;
    unsigned ncpus;
    struct hcpu cpu[HYP_MAX_CPUS];
    struct hcpu *on;             /* the host CPU handling the present exit */
    uint64_t clock;              /* virtual time of the work in progress (hyp_now) */
    unsigned nguests, live_guests;
    struct guest *guests;
    struct vcpu *ready_head, *ready_tail;
    struct hyp_event *ev;        /* binary min-heap */
    unsigned nev, ev_cap;
    uint64_t ev_seq;
    uint64_t next_progress_ns, next_stats_ns;
    char *err;                   /* hyp_run's message buffer */
    size_t errlen;
    bool failed;
};

/* hyp.c: building guests, IPL (also DIAG X'308'). */
int guest_ipl(struct guest *g, bool clear, char *err, size_t errlen);
void guest_end(struct guest *g, enum guest_end why);
/* A line on the guest's console log (CP messages, MSG from another guest). */
void guest_console_line(struct guest *g, const char *text);
struct guest *hyp_find_guest(struct hyp *h, const char *name);   /* case-insensitive */

/* sched.c: virtual time and the scheduler. */
uint64_t hyp_now(const struct hyp *h);            /* the time of the host CPU at work */
void hyp_charge(struct hyp *h, uint64_t ns);      /* CP work on the present host CPU */
uint64_t hyp_tod(struct hyp *h);                  /* the host's TOD clock at hyp_now */
void hyp_at(struct hyp *h, uint64_t t_ns, hyp_event_fn fn, void *arg, uint64_t arg2);
void vcpu_make_ready(struct vcpu *v);             /* stopped/waiting/blocked -> ready */
void vcpu_block_until(struct vcpu *v, uint64_t t_ns);
void vcpu_wait(struct vcpu *v);                   /* enabled wait (timers from the SD) */
void vcpu_stop(struct vcpu *v);
bool vcpu_kick(struct vcpu *v);                   /* an interruption arrived: wake if it can be taken */

/* gaccess.c: guest storage as CP sees it, faulting pages in. 0, or -EFAULT beyond the
 * guest's storage (the caller's addressing exception), or -ENOMEM (host out of frames). */
int guest_read_ga(struct guest *g, uint64_t ga, void *buf, uint64_t len);
int guest_write_ga(struct guest *g, uint64_t ga, const void *buf, uint64_t len);
uint64_t vcpu_real_to_ga(const struct vcpu *v, uint64_t ra);    /* prefixing */
int vcpu_read_ra(struct vcpu *v, uint64_t ra, void *buf, uint64_t len);
int vcpu_write_ra(struct vcpu *v, uint64_t ra, const void *buf, uint64_t len);
/* The state description and what the interception left there. */
uint8_t *vcpu_sd(const struct vcpu *v);
uint16_t vcpu_ipa(const struct vcpu *v);
uint32_t vcpu_ipb(const struct vcpu *v);
void vcpu_get_psw(const struct vcpu *v, uint64_t *mask, uint64_t *addr);
void vcpu_set_psw(struct vcpu *v, uint64_t mask, uint64_t addr);
void vcpu_set_cc(struct vcpu *v, unsigned cc);
bool vcpu_problem_state(const struct vcpu *v);
uint64_t vcpu_cr(const struct vcpu *v, unsigned n);
/* Guest logical storage for an intercepted instruction's operand (only while handling
 * that vCPU's exit): 0, a guest program-interruption code, or -ENOMEM. */
int vcpu_access_va(struct vcpu *v, uint64_t va, void *buf, unsigned len, bool write);
/* An address in a register as the guest's addressing mode forms it. */
uint64_t vcpu_mode_addr(const struct vcpu *v, uint64_t reg);
/* Effective address of the second operand of an RS/RX/S instruction from IPB. */
uint64_t vcpu_ea_b2d2(const struct vcpu *v);

/* irq.c: interruptions CP presents (it writes the guest lowcore, as z/VM does). */
void irq_service(struct guest *g, uint32_t param);            /* 0x2401 floating */
void irq_cp_service(struct guest *g, uint16_t subcode, uint64_t param);   /* 0x2603 */
void irq_emergency(struct vcpu *target, unsigned from);
void irq_external_call(struct vcpu *target, unsigned from);
/* A program interruption for the instruction the vCPU was intercepted on (PSW after
 * it, ilen bytes long): stored into the guest at once. Returns 0, or -1 if the guest's
 * lowcore is gone (the guest is then ended as failed). */
int irq_program(struct vcpu *v, uint16_t code, unsigned ilen);
/* Before a dispatch: present what the vCPU can take; arm SD requests for the rest. */
void irq_prepare(struct vcpu *v);
/* Whether anything waits for the vCPU (taken or not). */
bool irq_pending(const struct vcpu *v);
/* Whether something pending could be taken by the vCPU as its PSW and CRs are now. */
bool irq_deliverable(const struct vcpu *v);

/* What a handler wants the scheduler to do with the vCPU. */
enum act {
    ACT_CONTINUE,                /* run on in this slice */
    ACT_YIELD,                   /* end of slice (DIAG X'44'/X'9C') */
    ACT_PARKED,                  /* the handler changed its state (wait, block, stop) */
    ACT_GUEST_ENDED,             /* the guest ended; its vCPUs are no longer scheduled */
};

/* A failed CP access of guest storage (-EFAULT: the guest's addressing exception;
 * anything else, host out of frames, ends the guest). */
enum act vcpu_access_failed(struct vcpu *v, int err);

/* intercept.c: one interception of a vCPU (the SD holds it). */
enum act hyp_intercept(struct vcpu *v);
/* A program exception of the intercepted instruction, as the guest would have taken it
 * (nullified for DAT exceptions, with their TEID): ACT_CONTINUE, or ACT_GUEST_ENDED. */
enum act hyp_pgm(struct vcpu *v, int code);
/* The vCPU stopped (SIGP stop, stop request): the guest ends when no vCPU is left. */
enum act hyp_vcpu_stopped(struct vcpu *v);
/* priv.c: intercepted privileged instructions (SERVC, STSI, SPX/STPX, STAP, STIDP, ...). */
enum act priv_handle(struct vcpu *v);
/* diag.c: DIAGNOSE, by function code. */
enum act diag_handle(struct vcpu *v);
/* sigp.c: SIGNAL PROCESSOR among the guest's vCPUs. */
enum act sigp_handle(struct vcpu *v);
/* The resets of one vCPU (PoP "Resets"), each leaving it stopped: CPU reset (pending
 * interruptions dropped), and initial reset (PSW, prefix, CRs, timers too; with 'clear'
 * every register as well). */
void vcpu_cpu_reset(struct vcpu *t);
void vcpu_reset(struct vcpu *t, bool clear);

/* diag250.c: virtual disks (block I/O, DIAG X'250'). */
int vdisk_open_all(struct guest *g, char *err, size_t errlen);
void vdisk_close_all(struct guest *g);
void vdisk_reset_all(struct guest *g);             /* IPL: every disk back to uninitialised */
struct vdisk_stats {
    uint64_t reads, writes, blocks_read, blocks_written, async, errors;
};
void vdisk_get_stats(const struct guest *g, unsigned i, struct vdisk_stats *out);
enum act diag250(struct vcpu *v, unsigned rx, unsigned ry);
/* cpcmd.c: DIAG X'8' and the CP command set. */
enum act diag8(struct vcpu *v, unsigned rx, unsigned ry);
/* monitor.c: DIAG X'DC' statistics records. */
enum act diagdc(struct vcpu *v, unsigned rx, unsigned ry);
/* Re-read the buffers of interval recordings (before statistics are written). */
void monitor_sample(struct guest *g);
void monitor_reset(struct guest *g);           /* forget its recordings (hyp_destroy) */

/* stats.c */
int stats_write(struct hyp *h, char *err, size_t errlen);
void stats_progress(struct hyp *h);

#endif
