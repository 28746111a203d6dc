/* The machine: main storage with storage keys, CPUs, the SCLP console, and the run loop
 * of `zhyp run --kernel` (PoP ch.3 "Storage", ch.6 "Interruptions"; zarch.md §2, §9). */
#ifndef ZHYP_MACHINE_H
#define ZHYP_MACHINE_H

#include <stdio.h>
#include "zhyp/cpu.h"

#define MACHINE_MAX_CPUS 64

/* Storage-key bits (one key per 4K frame). */
#define SKEY_ACC   0xf0
#define SKEY_FETCH 0x08
#define SKEY_REF   0x04
#define SKEY_CHG   0x02

/* How a run ended (also the exit status of `zhyp run`, docs/cli.md). */
enum machine_end {
    MACHINE_STOPPED = 0,         /* every CPU stopped (SIGP stop) */
    MACHINE_ERROR = 1,           /* bad input, reported before running */
    MACHINE_DISABLED_WAIT = 3,   /* a CPU loaded a disabled-wait PSW */
    MACHINE_IDLE = 4,            /* every CPU in an enabled wait with nothing that can wake it */
    MACHINE_INSN_LIMIT = 124,    /* --max-insns reached */
};

struct machine {
    uint8_t *storage;            /* absolute storage; host memory is committed when touched */
    uint64_t storage_size;
    uint8_t *keys;               /* storage key per 4K frame */
    unsigned ncpus;
    struct cpu *cpu[MACHINE_MAX_CPUS];
    FILE *console;               /* SCLP console output */
    uint32_t sclp_cp_receive;    /* event types the program accepts (Write Event Mask) */
    uint64_t tod_offset;         /* SET CLOCK's adjustment of the virtual TOD (vtime.c) */
    uint64_t wait_psw[2];        /* the disabled-wait PSW that ended the run */
    struct icache *icache;       /* decoded instructions, shared by the CPUs */
};

/* Storage of 'mem' bytes (a multiple of 1M) and 'ncpus' CPUs. Returns 0 or -errno. */
int machine_init(struct machine *m, uint64_t mem, unsigned ncpus);
void machine_free(struct machine *m);
/* Load an ELF at its physical addresses, as qemu-system-s390x -kernel does; place the
 * command line at 0x10480; start CPU 0 at the entry with PSW 0x0000000180000000. */
int machine_boot_elf(struct machine *m, const char *path, const char *append, char *err, size_t errlen);
/* Create the CPUs and start CPU 0 at 'entry' with the boot PSW (machine_boot_elf does
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

/* sclp.c: SERVICE CALL; the completion is a pending service signal on the CPU. */
int sclp_servc(struct cpu *c, uint32_t command, uint64_t sccb_ra);

#endif
