/* Guest real storage as the hypervisor keeps it: host frames handed out on demand, and
 * one segment table per guest in host storage (the hotplug-memory paper's Figure 1)
 * whose page tables are built as the guest touches its pages. SIE's stage 2 walks these
 * tables (SM set, host CR1 = gmem_asce); a host-level fault is resolved by gmem_fault.
 * Each guest page also has a page-status byte, the extension CMM2 will use. */
#ifndef ZHYP_GMEM_H
#define ZHYP_GMEM_H

#include "zhyp/types.h"

struct machine;

/* Host frames of a machine's storage, from a first frame on (the hypervisor's own
 * storage below it is not handed out). */
struct frame_pool {
    struct machine *m;
    uint64_t first, frames;      /* frame numbers [first, frames) belong to the pool */
    uint64_t *used;              /* bitmap over all frames */
    uint64_t next;               /* where the search for a free frame starts */
    uint64_t in_use;
};

int frame_pool_init(struct frame_pool *fp, struct machine *m, uint64_t first_ha);
void frame_pool_free(struct frame_pool *fp);
/* A zeroed 4K frame (host absolute address), or 0 when none is left. */
uint64_t frame_alloc(struct frame_pool *fp);
/* 'n' contiguous zeroed frames, aligned to n frames (n a power of two), or 0. */
uint64_t frame_alloc_n(struct frame_pool *fp, unsigned n);
void frame_release(struct frame_pool *fp, uint64_t ha);

/* Page-status byte of each guest page (CMM2 states come with the policy issues). */
enum { PGSTE_RESIDENT = 0x01 };

struct gmem {
    struct frame_pool *fp;
    uint64_t size;               /* guest real storage, a multiple of 1M, at most 2G */
    uint64_t sto_ha;             /* segment table: 2048 entries, 16K */
    uint8_t *pgste;              /* one byte per guest page */
    uint64_t resident;           /* pages backed by a frame */
};

/* A guest of 'size' bytes with every segment invalid. 0 or -errno (-ENOMEM: no frames). */
int gmem_init(struct gmem *g, struct frame_pool *fp, uint64_t size);
/* Return every frame of the guest (tables included) to the pool. */
void gmem_free(struct gmem *g);
/* The ASCE to load into host CR1 before running the guest (segment table, TL 3). */
uint64_t gmem_asce(const struct gmem *g);
/* Make guest page ga resident (page table and zeroed frame as needed). 0, -EFAULT when
 * ga is beyond the guest's storage, -ENOMEM when no frame is left. */
int gmem_fault(struct gmem *g, uint64_t ga);
/* Host absolute address of resident guest page ga's byte, or 0 if not resident. */
uint64_t gmem_host_addr(const struct gmem *g, uint64_t ga);

#endif
