/* Virtual disks: guest disk i is host file gc->disk[i] at device number 0x0100 + i.
 * Blocks move with pread/pwrite of whole blocks; the timing model (cost.h) serves a
 * device's requests one after another, and asynchronous completions are presented
 * in issue order by events of the scheduler. docs/diag250.md. */
#include "disk.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int vdisk_open(struct vdisk *d, struct guest *g, const char *path, unsigned i,
                      char *err, size_t errlen)
{
    struct stat sb;
    *d = (struct vdisk){ .g = g, .path = path, .fd = -1, .devno = DISK_DEVNO_BASE + i };
    d->fd = open(path, O_RDWR | O_CLOEXEC);
    if (d->fd < 0 || fstat(d->fd, &sb) < 0) {
        snprintf(err, errlen, "guest %s: disk %s: %s", g->name, path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(sb.st_mode) && !S_ISBLK(sb.st_mode)) {
        snprintf(err, errlen, "guest %s: disk %s: not a regular file", g->name, path);
        return -1;
    }
    d->size = (uint64_t)sb.st_size;
    if (S_ISBLK(sb.st_mode)) {
        off_t end = lseek(d->fd, 0, SEEK_END);
        d->size = end > 0 ? (uint64_t)end : 0;
    }
    return 0;
}

int vdisk_open_all(struct guest *g, char *err, size_t errlen)
{
    unsigned n = g->gc->ndisks;
    g->ndisks = 0;
    g->disk = NULL;
    if (!n)
        return 0;
    g->disk = calloc(n, sizeof(*g->disk));
    if (!g->disk) {
        snprintf(err, errlen, "guest %s: disks: %s", g->name, strerror(ENOMEM));
        return -1;
    }
    for (unsigned i = 0; i < n; i++) {
        int rc = vdisk_open(&g->disk[i], g, g->gc->disk[i], i, err, errlen);
        g->ndisks = i + 1;       /* so that close_all closes this one too */
        if (rc) {
            vdisk_close_all(g);
            return -1;
        }
    }
    return 0;
}

void vdisk_close_all(struct guest *g)
{
    for (unsigned i = 0; i < g->ndisks; i++)
        if (g->disk[i].fd >= 0)
            close(g->disk[i].fd);
    free(g->disk);
    g->disk = NULL;
    g->ndisks = 0;
}

/* IPL: environments gone, completions still queued are never presented. */
void vdisk_reset_all(struct guest *g)
{
    for (unsigned i = 0; i < g->ndisks; i++) {
        struct vdisk *d = &g->disk[i];
        d->ready = false;
        d->gen++;
        d->pend_head = d->npend = 0;
    }
}

void vdisk_get_stats(const struct guest *g, unsigned i, struct vdisk_stats *out)
{
    *out = i < g->ndisks ? g->disk[i].st : (struct vdisk_stats){ 0 };
}

struct vdisk *vdisk_find(struct guest *g, uint16_t devno)
{
    unsigned i = (unsigned)devno - DISK_DEVNO_BASE;
    return devno >= DISK_DEVNO_BASE && i < g->ndisks ? &g->disk[i] : NULL;
}

int vdisk_read_block(struct vdisk *d, uint64_t fblk, void *buf)
{
    size_t done = 0, len = d->blksize;
    off_t at = (off_t)(fblk * d->blksize);
    while (done < len) {
        ssize_t n = pread(d->fd, (char *)buf + done, len - done, at + (off_t)done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)              /* an error, or the file shrank under us */
            return -1;
        done += (size_t)n;
    }
    return 0;
}

int vdisk_write_block(struct vdisk *d, uint64_t fblk, const void *buf)
{
    size_t done = 0, len = d->blksize;
    off_t at = (off_t)(fblk * d->blksize);
    while (done < len) {
        ssize_t n = pwrite(d->fd, (const char *)buf + done, len - done, at + (off_t)done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        done += (size_t)n;
    }
    return 0;
}

uint64_t vdisk_schedule(struct vdisk *d, uint64_t now, uint64_t bytes)
{
    uint64_t start = d->busy_until > now ? d->busy_until : now;
    d->busy_until = start + COST_DISK_SETUP_NS + bytes * COST_DISK_NS_PER_KB / 1024;
    return d->busy_until;
}

bool vdisk_can_post(const struct vdisk *d)
{
    const struct guest *g = d->g;
    unsigned n = g->ncp_irq;
    for (unsigned i = 0; i < g->ndisks; i++)
        n += g->disk[i].npend;
    return d->npend < VDISK_MAX_PENDING && n < GUEST_CP_IRQ_MAX;
}

/* The event of a completion. The device's completion times only grow (the setup time
 * is never 0), so its events fire in the order they were posted: the FIFO's head is
 * this event's request. A generation other than the disk's means an IPL came between. */
static void vdisk_complete(struct hyp *h, void *arg, uint64_t gen)
{
    struct vdisk *d = arg;
    (void)h;
    if (gen != d->gen || !d->npend)
        return;
    struct vdisk_done done = d->pend[d->pend_head];
    d->pend_head = (d->pend_head + 1) % VDISK_MAX_PENDING;
    d->npend--;
    irq_cp_service(d->g, done.subcode, done.param);
}

void vdisk_post(struct vdisk *d, uint64_t done_ns, uint16_t subcode, uint64_t param)
{
    assert(vdisk_can_post(d));
    unsigned tail = (d->pend_head + d->npend) % VDISK_MAX_PENDING;
    d->pend[tail] = (struct vdisk_done){ .subcode = subcode, .param = param };
    d->npend++;
    hyp_at(d->g->h, done_ns, vdisk_complete, d, d->gen);
}
