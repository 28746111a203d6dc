/* Virtual disks of a guest, backed by host files (disk.c), and what DIAG X'250'
 * (diag250.c) needs of them: block transfers, the device's busy time, and the
 * completion interruptions of asynchronous requests. docs/diag250.md. */
#ifndef ZHYP_HYP_DISK_H
#define ZHYP_HYP_DISK_H

#include "internal.h"

#define VDISK_MAX_PENDING GUEST_CP_IRQ_MAX   /* async requests in flight per disk */
#define VDISK_MAX_BLKSIZE 4096

struct vdisk_done {              /* a completion interruption still to be presented */
    uint16_t subcode;            /* lowcore 0x84-0x85: format code, status */
    uint64_t param;              /* the request's interruption parameter */
};

struct vdisk {
    struct guest *g;
    const char *path;
    int fd;
    uint16_t devno;
    uint64_t size;               /* bytes, at open: the file never grows */
    /* The block I/O environment (INIT to REMOVE). */
    bool ready;
    uint32_t blksize;
    int64_t offset;              /* block number b is file block b + offset - 1 */
    uint64_t nblocks;            /* whole blocks in the file */
    /* Timing: one request after another. */
    uint64_t busy_until;         /* virtual ns the device finishes its last request */
    uint64_t gen;                /* bumped at IPL: completion events of before are dropped */
    struct vdisk_done pend[VDISK_MAX_PENDING];   /* FIFO: completions in issue order */
    unsigned pend_head, npend;
    struct vdisk_stats st;
};

/* The guest's disk with this device number, or NULL. */
struct vdisk *vdisk_find(struct guest *g, uint16_t devno);

/* One block of d->blksize bytes at file block fblk (< nblocks). 0, or -1 on a host
 * I/O error (nothing half-written: a block goes in one pwrite, retried if short). */
int vdisk_read_block(struct vdisk *d, uint64_t fblk, void *buf);
int vdisk_write_block(struct vdisk *d, uint64_t fblk, const void *buf);

/* The device takes a request of `bytes` at virtual time now: it starts when the
 * previous one is done. Returns when it completes (and the device is busy until then). */
uint64_t vdisk_schedule(struct vdisk *d, uint64_t now, uint64_t bytes);

/* Whether another completion can be queued: completions in flight on all the guest's
 * disks and those waiting in its CP-interruption queue stay within that queue, which
 * drops what does not fit. */
bool vdisk_can_post(const struct vdisk *d);
/* Present interruption 0x2603 (subcode, param) to the guest at done_ns. */
void vdisk_post(struct vdisk *d, uint64_t done_ns, uint16_t subcode, uint64_t param);

#endif
