/* Interruption entry points used by the run loops (cpu.c). Each returns true when
 * cpu_run must return with *why (user mode hands SVCs and program checks to its
 * caller), false when the interruption was delivered and execution goes on. */
#ifndef ZHYP_CPU_INTR_H
#define ZHYP_CPU_INTR_H

#include "zhyp/cpu.h"

bool cpu_interrupt_program(struct cpu *c, int code, unsigned ilen, enum cpu_exit *why);
bool cpu_interrupt_fetch(struct cpu *c, int code, enum cpu_exit *why);
bool cpu_interrupt_svc(struct cpu *c, enum cpu_exit *why);
/* Called when 'attention' is set: returns the exit reason. */
enum cpu_exit cpu_attention(struct cpu *c);

#endif
