/* The machine: main storage with storage keys, CPUs, the SCLP console, and the run loop
 * of `zhyp run --kernel` (PoP ch.3 "Storage", ch.6 "Interruptions"; zarch.md §2, §9). */
#ifndef ZHYP_MACHINE_H
#define ZHYP_MACHINE_H

#include <stdio.h>
#include "zhyp/cpu.h"
#include "zhyp/sclp.h"

#define MACHINE_MAX_CPUS 64

struct sie_ctx;
struct shadow;
struct sie_s2_ids;

/* Storage-key bits (one key per 4K frame). */
#define SKEY_ACC   0xf0
#define SKEY_FETCH 0x08
#define SKEY_REF   0x04
#define SKEY_CHG   0x02

/* How a run ended (also the exit status of `zhyp run`, docs/cli.md). */
enum machine_end {
    MACHINE_STOPPED = 0,         /* every CPU stopped (SIGP stop) */
    MACHINE_ERROR = 1,           /* bad input, reported before running (or at re-IPL) */
    MACHINE_DISABLED_WAIT = 3,   /* a CPU in a disabled wait, no other CPU running */
    MACHINE_IDLE = 4,            /* every CPU in an enabled wait with nothing that can wake it */
    MACHINE_INSN_LIMIT = 124,    /* --max-insns reached */
};

/* Events the machine prints to stderr (machine.trace). */
#define MACHINE_TRACE_SCLP 0x01  /* every SERVICE CALL and its response code */
#define MACHINE_TRACE_SIGP 0x02  /* every SIGNAL PROCESSOR order and its result */
#define MACHINE_TRACE_SIE  0x04  /* every exit from interpretive execution */

/* What was booted; kept so that DIAG X'308' can IPL it again. */
struct machine_boot {
    const char *path;            /* image file, or NULL (storage filled by the caller) */
    const char *append;          /* command line for 0x10480, or NULL */
    bool raw;                    /* path is a raw binary, loaded at load_aa */
    uint64_t load_aa;
    bool psw_given;              /* start with psw_mask/psw_addr instead of the default */
    uint64_t psw_mask, psw_addr;
};

struct machine {
    uint8_t *storage;            /* absolute storage; host memory is committed when touched */
    uint64_t storage_size;
    uint8_t *keys;               /* storage key per 4K frame */
    unsigned ncpus;
    struct cpu *cpu[MACHINE_MAX_CPUS];
    struct sclp_dev sclp;        /* SCLP console (output, input) and event masks */
    uint32_t service_param;      /* floating service signal: SCCB address | event pending */
    bool service_pending;        /* ... waiting for a CPU enabled for it */
    unsigned trace;              /* MACHINE_TRACE_* */
    uint64_t tod_offset;         /* SET CLOCK's adjustment of the virtual TOD (vtime.c) */
    uint64_t wait_psw[2];        /* the disabled-wait PSW that ended the run */
    struct icache *icache;       /* decoded instructions, shared by the CPUs */
    struct sie_ctx *sie[MACHINE_MAX_CPUS]; /* each CPU's SIE context, made at its first SIE */
    struct shadow *shadow;       /* shadow translations of guest spaces (made at the first SIE) */
    bool no_shadow;              /* --no-shadow: guests always walk both stages */
    struct sie_s2_ids *s2_ids;   /* distinct stage-2 contexts, numbered for shadow keys */
    struct machine_boot boot;    /* what machine_boot loaded */
    unsigned reset_request;      /* DIAG X'308' subcode + 1 waiting for the run loop, or 0 */
    struct cpu *reset_cpu;       /* the CPU that asked for it */
    char err[256];               /* why the run ended with MACHINE_ERROR */
};

/* Storage of 'mem' bytes (a multiple of 1M) and 'ncpus' CPUs. Returns 0 or -errno. */
int machine_init(struct machine *m, uint64_t mem, unsigned ncpus);
void machine_free(struct machine *m);
/* Load the image 'b' describes and start CPU 0: an ELF at its physical addresses (as
 * qemu-system-s390x -kernel does) or a raw binary at b->load_aa; the command line at
 * 0x10480; PSW 0x0000000180000000 at the entry (the load address for a raw binary)
 * unless b->psw_given. The strings in 'b' must outlive the machine (re-IPL reads the
 * file again). Returns 0, or -errno with a one-line message naming the file in err. */
int machine_boot(struct machine *m, const struct machine_boot *b, char *err, size_t errlen);
/* machine_boot of an ELF with the default PSW. */
int machine_boot_elf(struct machine *m, const char *path, const char *append, char *err, size_t errlen);
/* Create the CPUs and start CPU 0 at 'entry' with the boot PSW (machine_boot does
 * this after loading; tests that fill storage themselves call it directly). */
int machine_start(struct machine *m, uint64_t entry);
/* Run until the machine ends; returns how. */
enum machine_end machine_run(struct machine *m, uint64_t max_insns);

/* Host pointer of absolute address aa, or NULL outside storage. */
static inline uint8_t *machine_abs(struct machine *m, uint64_t aa)
{
    return aa < m->storage_size ? m->storage + aa : NULL;
}

/* Host pointer for a store of 'len' bytes by the machine itself (SCLP, SIGP store status,
 * IPTE, loaders) at absolute aa, or NULL outside storage. Every host-side store into guest
 * storage goes through here, so that decoded instructions of the bytes are dropped. */
uint8_t *machine_abs_store(struct machine *m, uint64_t aa, uint64_t len);

/* sclp.c: SERVICE CALL; the completion is a floating service signal that the first
 * CPU enabled for it takes. */
int sclp_servc(struct cpu *c, uint32_t command, uint64_t sccb_ra);

#endif
