/* Shared inside src/machine: the system-mode memory ops and virtual time (vtime.c). */
#ifndef ZHYP_MACHINE_INTERNAL_H
#define ZHYP_MACHINE_INTERNAL_H

#include "zhyp/machine.h"

extern const struct mem_ops machine_mem_ops;

int machine_lra(struct cpu *c, uint64_t va, uint64_t *result, unsigned *cc);
int machine_ipte(struct cpu *c, uint64_t pto_aa, uint64_t va);
int machine_idte(struct cpu *c, uint64_t table_aa, unsigned index, unsigned count);
int machine_real_access(struct cpu *c, uint64_t ra, void *buf, unsigned len, enum acc acc);
int machine_tprot(struct cpu *c, uint64_t va, unsigned key, unsigned *cc);
int machine_vskey(struct cpu *c, uint64_t va, uint8_t *key);
int machine_pfmf(struct cpu *c, uint64_t addr, bool real, uint64_t len, unsigned ops, uint8_t key);
unsigned machine_cpu_count(const struct cpu *c);

uint64_t vtime_ns(const struct cpu *c);
uint64_t vtime_tod(const struct cpu *c);
void vtime_set_tod(struct cpu *c, uint64_t tod);
int64_t vtime_cpu_timer(const struct cpu *c);
void vtime_set_cpu_timer(struct cpu *c, int64_t v);
void vtime_update_pending(struct cpu *c);
uint64_t vtime_until_event(const struct cpu *c);
uint64_t vtime_insns_until_event(const struct cpu *c);
bool vtime_idle_to_event(struct cpu *c);

#endif
