/* Shared inside src/machine: the system-mode memory ops, virtual time (vtime.c), CPU
 * resets and SIGP (sigp.c), DIAG X'308' (diag308.c) and the SCLP's events (sclp_event.c). */
#ifndef ZHYP_MACHINE_INTERNAL_H
#define ZHYP_MACHINE_INTERNAL_H

#include "zhyp/machine.h"

#define BOOT_PSW_MASK   0x0000000180000000ULL   /* 64-bit, DAT off, masked, key 0 */
#define CR0_RESET       0xe0ULL                 /* CR0 and CR14 after an initial CPU reset */
#define CR14_RESET      0xc2000000ULL

extern const struct mem_ops machine_mem_ops;

/* What a translation found besides the address. */
struct xlate_info {
    bool private_space;          /* the ASCE's P bit: no low-address protection */
    bool dat_protected;          /* DAT protection applies (reported for fetches too) */
};

/* storage.c: translation pieces a guest CPU's memory ops reuse (src/sie/stage2.c). */
/* The ASCE (and its id for the TEID) for an access of kind acc in the PSW's mode. */
int machine_select_asce(const struct cpu *c, enum acc acc, uint64_t *asce, unsigned *id);
unsigned machine_dat_opts(const struct cpu *c, enum acc acc);   /* DAT_* for the walker */
int machine_to_host(struct cpu *c, uint64_t aa, enum acc acc, uint64_t *haa);
int machine_to_absolute(struct cpu *c, uint64_t va, enum acc acc, uint64_t *aa, struct xlate_info *xi);
int machine_access_frame(struct cpu *c, uint64_t va, uint64_t haa, enum acc acc,
                         const struct xlate_info *xi, uint8_t **page_hva, bool *writable);
/* The whole of it: logical -> host page with every check (the machine's mem_ops). */
int machine_translate(struct cpu *c, uint64_t va, enum acc acc, uint8_t **page_hva, bool *writable);

int machine_lra(struct cpu *c, uint64_t va, uint64_t *result, unsigned *cc);
int machine_ipte(struct cpu *c, uint64_t pto_aa, uint64_t va);
int machine_idte(struct cpu *c, uint64_t table_aa, unsigned index, unsigned count);
int machine_real_access(struct cpu *c, uint64_t ra, void *buf, unsigned len, enum acc acc);
int machine_tprot(struct cpu *c, uint64_t va, unsigned key, unsigned *cc);
int machine_vskey(struct cpu *c, uint64_t va, uint8_t *key);
int machine_pfmf(struct cpu *c, uint64_t addr, bool real, uint64_t len, unsigned ops, uint8_t key);
unsigned machine_cpu_count(const struct cpu *c);
uint8_t *machine_skey(struct cpu *c, uint64_t ra);   /* machine.c */
extern const struct sys_ops machine_sys_ops;

uint64_t vtime_ns(const struct cpu *c);
uint64_t vtime_ns_to_tod(uint64_t ns);
uint64_t vtime_tod(const struct cpu *c);
void vtime_set_tod(struct cpu *c, uint64_t tod);
int64_t vtime_cpu_timer(const struct cpu *c);
void vtime_set_cpu_timer(struct cpu *c, int64_t v);
void vtime_update_pending(struct cpu *c);
uint64_t vtime_until_event(const struct cpu *c);
uint64_t vtime_insns_until_event(const struct cpu *c);
bool vtime_idle_to_event(struct cpu *c);

/* sigp.c: the resets of one CPU (PoP ch.4 "Resets"), each leaving it stopped. */
void machine_cpu_reset(struct cpu *t);
void machine_cpu_initial_reset(struct cpu *t);
void machine_cpu_clear_reset(struct cpu *t);
int machine_sigp(struct cpu *c, unsigned order, unsigned target, uint64_t param, uint32_t *status);

/* diag308.c: DIAG X'308' from a CPU, and the resets it leaves to the run loop.
 * machine_do_reset returns 0, or -errno with m->err set when the image cannot be
 * loaded again. */
int machine_diag308(struct cpu *c, unsigned rx, unsigned ry);
int machine_do_reset(struct machine *m);

/* machine.c: load the image of m->boot and start CPU 0 (boot and re-IPL). */
int machine_load_boot(struct machine *m, char *err, size_t errlen);

/* sclp.c: the floating service signal. */
void sclp_raise_service(struct machine *m, uint32_t param);
void sclp_offer_service(struct machine *m, struct cpu *c);

/* sclp_event.c: the event commands. */
uint16_t sclp_write_event_mask(struct sclp_dev *d, uint8_t *sccb, unsigned len);
uint16_t sclp_write_event_data(struct sclp_dev *d, uint8_t *sccb, unsigned len);
uint16_t sclp_read_event_data(struct sclp_dev *d, uint8_t *sccb, unsigned len);
/* The machine's console input: read what is available (waiting for some when 'block'),
 * raising the service signal when input arrives for a program that accepts it. Returns
 * true when input was read. */
bool sclp_console_poll(struct machine *m, bool block);

#endif
