/* The bare-metal guest SDK: one include for a guest program. The program defines
 * int main(void); start.S and guest_boot() set up the lowcore, stack, interruption
 * handlers, facility list and SCLP console first, and guest_exit(main()) ends the run. */
#ifndef GUEST_GUEST_H
#define GUEST_GUEST_H

#include "arch.h"
#include "clock.h"
#include "dat.h"
#include "intr.h"
#include "lib.h"
#include "lowcore.h"
#include "sclp.h"
#include "sigp.h"
#include "smp.h"

#include <stdnoreturn.h>

/* Disabled-wait addresses for the end of a run when SIGP stop does not stop the CPU:
 * pass, or fail with the low 16 bits of the status. */
#define GUEST_WAIT_PASS     0x600d0000UL
#define GUEST_WAIT_FAIL     0xbad00000UL

int main(void);

/* End the run: SIGP stop to this CPU (QEMU then shuts down, exit status 0), falling
 * back to a disabled wait whose address encodes status (0 = pass). */
noreturn void guest_exit(int status);
/* The fallback alone: a disabled-wait PSW at GUEST_WAIT_PASS or GUEST_WAIT_FAIL|status. */
noreturn void guest_wait_exit(int status);
/* Set once guest_exit() has begun: a program check after that (SIGP not available)
 * calls guest_exit_fallback(), the disabled wait with guest_exit()'s status. */
int guest_exiting(void);
noreturn void guest_exit_fallback(void);
/* Print "FAIL panic: ..." and the summary, then end the run as failed (test.c). */
noreturn void guest_panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The loader's --append text (0x10480), "" if none. */
const char *guest_cmdline(void);

/* Called by start.S: initialise the SDK, run main(), exit with its result. */
noreturn void guest_boot(void);

#endif
