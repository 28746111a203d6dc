/* DIAG X'250' block I/O on virtual disks backed by host files: placeholder until the
 * disk work lands (every request is a specification exception). */
#include "internal.h"

int vdisk_open_all(struct guest *g, char *err, size_t errlen) { (void)err, (void)errlen; g->ndisks = 0; return 0; }
void vdisk_close_all(struct guest *g) { (void)g; }
void vdisk_reset_all(struct guest *g) { (void)g; }
void vdisk_get_stats(const struct guest *g, unsigned i, struct vdisk_stats *out) { (void)g, (void)i; *out = (struct vdisk_stats){ 0 }; }
enum act diag250(struct vcpu *v, unsigned rx, unsigned ry)
{
    (void)rx, (void)ry;
    return irq_program(v, PGM_SPECIFICATION, 4) ? ACT_GUEST_ENDED : ACT_CONTINUE;
}
