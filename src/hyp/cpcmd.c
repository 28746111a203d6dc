/* DIAG X'8' CP commands: placeholder until the command set lands. */
#include "internal.h"

enum act diag8(struct vcpu *v, unsigned rx, unsigned ry)
{
    (void)rx, (void)ry;
    return irq_program(v, PGM_SPECIFICATION, 4) ? ACT_GUEST_ENDED : ACT_CONTINUE;
}
