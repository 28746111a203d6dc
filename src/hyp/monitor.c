/* DIAG X'DC' statistics records: placeholder until the monitor lands. */
#include "internal.h"

enum act diagdc(struct vcpu *v, unsigned rx, unsigned ry)
{
    (void)rx, (void)ry;
    return irq_program(v, PGM_SPECIFICATION, 4) ? ACT_GUEST_ENDED : ACT_CONTINUE;
}

void monitor_sample(struct guest *g) { (void)g; }
