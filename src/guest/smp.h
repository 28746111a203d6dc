/* More than one CPU for bare-metal guests: start a stopped CPU on a function with its
 * own lowcore (SIGP set prefix), stack and interruption stack, then SIGP restart
 * (spec zarch.md §2). Handlers set with intr_set_*_handler() are shared by every CPU
 * (stap() tells them apart); the console may be used from any CPU. */
#ifndef GUEST_SMP_H
#define GUEST_SMP_H

#include <stdint.h>

#include "intr.h"
#include "lowcore.h"

#define SMP_STACK_SIZE 0x8000

/* Everything a started CPU owns; static in the program (8K aligned). */
struct smp_cpu_area {
    uint8_t lowcore[LC_SIZE];
    uint8_t stack[SMP_STACK_SIZE];
    uint8_t intr_stack[INTR_STACK_SIZE];
} __attribute__((aligned(8192)));

/* Prepare area->lowcore (the SDK's new PSWs, a restart new PSW to the SDK's entry),
 * make it CPU addr's prefix area with SIGP set prefix, and SIGP restart it: the CPU
 * runs fn(arg) with DAT off and interruptions masked, and stops itself (SIGP stop)
 * when fn returns. The CPU must be stopped. Returns 0, or the condition code of the
 * order that was refused (with its status in *status when non-NULL). */
int smp_start_cpu(uint16_t addr, struct smp_cpu_area *area, void (*fn)(void *), void *arg,
                  uint32_t *status);

/* Stop this CPU (called when a started CPU's function returns). */
void smp_cpu_exit(void);

#endif
