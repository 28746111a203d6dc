/* Building the host and its guests from a configuration: host storage and CPUs, each
 * guest's storage, state descriptions, console and disks; IPL of a guest's image (at
 * start and for DIAG X'308'); the end of a guest (docs/hypervisor.md). */
#include <errno.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"
#include "zhyp/elf.h"
#include "../machine/internal.h"

#define HYP_OWN_STORAGE  (1ULL << 20)   /* host lowcores; guest frames come from above */
#define PARM_AREA_GA     0x10480ULL     /* the command line, as `zhyp run --kernel` places it */
#define PARM_AREA_MAX    0x380
#define SD_PER_FRAME     8

/* ---- console: the log, and the terminal with the guest's name before each line ---- */

static ssize_t console_write(void *cookie, const char *buf, size_t len)
{
    struct guest *g = cookie;
    fwrite(buf, 1, len, g->console);
    for (size_t i = 0; i < len; i++) {
        if (g->at_line_start)
            fprintf(g->terminal, "%s: ", g->name);
        fputc(buf[i], g->terminal);
        g->at_line_start = buf[i] == '\n';
    }
    return (ssize_t)len;
}

static int console_flush(void *cookie)
{
    struct guest *g = cookie;
    fflush(g->console);
    fflush(g->terminal);
    return 0;
}

static int console_close(void *cookie)
{
    (void)cookie;
    return 0;
}

static int open_console(struct guest *g, const char *dir, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.console", dir, g->name);
    g->console = fopen(path, "w");
    if (!g->console) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    g->sclp.console = g->console;
    if (g->gc->console_terminal) {
        cookie_io_functions_t io = { NULL, console_write, NULL, console_close };
        (void)console_flush;
        g->terminal = g->h->o.terminal ? g->h->o.terminal : stdout;
        g->at_line_start = true;
        g->sclp.console = fopencookie(g, "w", io);
        if (!g->sclp.console) {
            snprintf(err, errlen, "%s: cannot make the terminal console", g->name);
            return -1;
        }
        setvbuf(g->sclp.console, NULL, _IONBF, 0);
    }
    return 0;
}

void guest_console_line(struct guest *g, const char *text)
{
    fprintf(g->sclp.console, "%s\n", text);
    fflush(g->sclp.console);
}

/* ---- IPL ---- */

/* A segment's file bytes, then zeros up to its memory size. A page not yet resident
 * reads as zeros already: only resident ones are cleared (re-IPL without clear), so
 * that a large BSS costs no host storage until the guest touches it. */
static int load_segment(struct guest *g, const struct elf_seg *s)
{
    static const uint8_t zero[4096];
    if (guest_write_ga(g, s->paddr, s->data, s->filesz))
        return -1;
    if (s->memsz > g->mem.size || s->paddr > g->mem.size - s->memsz)
        return -1;
    for (uint64_t ga = s->paddr + s->filesz, end = s->paddr + s->memsz; ga < end;) {
        uint64_t n = 4096 - (ga & 0xfff);
        if (n > end - ga)
            n = end - ga;
        if (gmem_host_addr(&g->mem, ga) && guest_write_ga(g, ga, zero, n))
            return -1;
        ga += n;
    }
    return 0;
}

static int load_image(struct guest *g, uint64_t *entry, char *err, size_t errlen)
{
    struct elf_image img;
    const char *path = g->gc->image;
    if (elf_open(path, &img, err, errlen))
        return -1;
    int rc = 0;
    for (unsigned i = 0; i < img.phnum && !rc; i++) {
        struct elf_seg s;
        if (elf_segment(&img, i, &s)) {
            snprintf(err, errlen, "%s: program header %u points outside the file", path, i);
            rc = -1;
        } else if (s.type == ELF_PT_LOAD && s.memsz && load_segment(g, &s)) {
            snprintf(err, errlen, "%s: segment at %#llx does not fit in guest %s's %lluM",
                     path, (unsigned long long)s.paddr, g->name, (unsigned long long)(g->mem.size >> 20));
            rc = -1;
        }
    }
    *entry = img.entry;
    elf_close(&img);
    return rc;
}

int guest_ipl(struct guest *g, bool clear, char *err, size_t errlen)
{
    if (clear) {
        gmem_free(&g->mem);
        if (gmem_init(&g->mem, &g->h->fp, g->gc->mem)) {
            snprintf(err, errlen, "guest %s: no host storage for its tables", g->name);
            return -1;
        }
    }
    for (unsigned i = 0; i < g->nvcpus; i++)
        vcpu_reset(&g->vcpu[i], true);
    g->service_pending = false;
    g->ncp_irq = 0;
    g->sclp.cp_receive = 0;
    vdisk_reset_all(g);
    uint64_t entry;
    if (load_image(g, &entry, err, errlen))
        return -1;
    const char *append = g->gc->append;
    if (append && *append &&
        (strlen(append) >= PARM_AREA_MAX || guest_write_ga(g, PARM_AREA_GA, append, strlen(append) + 1))) {
        snprintf(err, errlen, "guest %s: append longer than %d bytes", g->name, PARM_AREA_MAX - 1);
        return -1;
    }
    g->ipl_count++;
    struct vcpu *v0 = &g->vcpu[0];
    vcpu_set_psw(v0, BOOT_PSW_MASK, entry);
    vcpu_make_ready(v0);
    return 0;
}

void guest_end(struct guest *g, enum guest_end why)
{
    if (g->end != GUEST_RUNNING)
        return;
    g->end = why;
    g->end_ns = hyp_now(g->h);
    g->h->live_guests--;
    fflush(g->sclp.console);
}

struct guest *hyp_find_guest(struct hyp *h, const char *name)
{
    for (unsigned i = 0; i < h->nguests; i++)
        if (!strcasecmp(h->guests[i].name, name))
            return &h->guests[i];
    return NULL;
}

/* ---- building ---- */

static int make_dir(const char *dir, char *err, size_t errlen)
{
    if (mkdir(dir, 0777) && errno != EEXIST) {
        snprintf(err, errlen, "--out %s: %s", dir, strerror(errno));
        return -1;
    }
    return 0;
}

static int make_vcpus(struct guest *g, char *err, size_t errlen)
{
    g->nvcpus = g->gc->vcpus;
    g->vcpu = calloc(g->nvcpus, sizeof(*g->vcpu));
    if (!g->vcpu)
        goto nomem;
    for (unsigned i = 0; i < g->nvcpus; i++) {
        if (i % SD_PER_FRAME == 0 && !(g->sd_frame[i / SD_PER_FRAME] = frame_alloc(&g->h->fp)))
            goto nomem;
        g->vcpu[i] = (struct vcpu){ .g = g, .id = i, .state = VCPU_STOPPED,
                                    .sd_ha = g->sd_frame[i / SD_PER_FRAME] + SD_SIZE * (i % SD_PER_FRAME) };
    }
    return 0;
nomem:
    snprintf(err, errlen, "guest %s: out of host storage for its vCPUs", g->name);
    return -1;
}

static int make_guest(struct hyp *h, unsigned idx, char *err, size_t errlen)
{
    struct guest *g = &h->guests[idx];
    const struct guest_conf *gc = &h->hc->guests[idx];
    *g = (struct guest){ .h = h, .idx = idx, .gc = gc, .name = gc->name };
    g->sclp.console_in = -1;
    g->sclp.storage_size = gc->mem;
    g->sclp.ncpus = gc->vcpus;
    g->sclp.cpu_feat2 = 0;                     /* no SIE inside guests */
    if (gmem_init(&g->mem, &h->fp, gc->mem)) {
        snprintf(err, errlen, "guest %s: out of host storage for its segment table", g->name);
        return -1;
    }
    if (make_vcpus(g, err, errlen) || open_console(g, h->o.out_dir, err, errlen) ||
        vdisk_open_all(g, err, errlen))
        return -1;
    h->live_guests++;
    return guest_ipl(g, false, err, errlen);
}

static int make_host(struct hyp *h, char *err, size_t errlen)
{
    const struct host_conf *hc = h->hc;
    if (machine_init(&h->m, hc->mem, hc->cpus) || machine_start(&h->m, 0)) {
        snprintf(err, errlen, "host: cannot allocate %lluM of storage", (unsigned long long)(hc->mem >> 20));
        return -1;
    }
    h->m.sclp.console = stderr;
    h->m.no_shadow = h->o.no_shadow;
    h->m.trace = (h->o.trace & HYP_TRACE_SIE) ? MACHINE_TRACE_SIE : 0;
    h->ncpus = hc->cpus;
    for (unsigned i = 0; i < h->ncpus; i++) {
        struct hcpu *c = &h->cpu[i];
        *c = (struct hcpu){ .idx = i, .c = h->m.cpu[i], .s = sie_ctx_get(&h->m, h->m.cpu[i]) };
        c->c->stopped = true;                  /* host CPUs only ever run guests */
        if (!c->s) {
            snprintf(err, errlen, "host: out of memory for CPU %u's SIE context", i);
            return -1;
        }
    }
    if (frame_pool_init(&h->fp, &h->m, HYP_OWN_STORAGE)) {
        snprintf(err, errlen, "host: memory = %lluM leaves nothing for guests",
                 (unsigned long long)(hc->mem >> 20));
        return -1;
    }
    return 0;
}

int hyp_create(struct hyp **out, const struct host_conf *hc, const struct hyp_opts *o,
               char *err, size_t errlen)
{
    struct hyp *h = calloc(1, sizeof(*h));
    *out = h;
    if (!h) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    h->hc = hc;
    h->o = *o;
    if (!h->o.out_dir)
        h->o.out_dir = "zhyp-out";
    if (make_dir(h->o.out_dir, err, errlen) || make_host(h, err, errlen))
        return -1;
    h->guests = calloc(hc->nguests ? hc->nguests : 1, sizeof(*h->guests));
    if (!h->guests) {
        snprintf(err, errlen, "out of memory for %u guests", hc->nguests);
        return -1;
    }
    for (unsigned i = 0; i < hc->nguests; i++) {
        h->nguests = i + 1;
        if (make_guest(h, i, err, errlen))
            return -1;
    }
    return 0;
}

void hyp_destroy(struct hyp *h)
{
    if (!h)
        return;
    for (unsigned i = 0; i < h->nguests; i++) {
        struct guest *g = &h->guests[i];
        vdisk_close_all(g);
        if (g->sclp.console && g->sclp.console != g->console)
            fclose(g->sclp.console);
        if (g->console)
            fclose(g->console);
        gmem_free(&g->mem);
        free(g->vcpu);
    }
    free(h->guests);
    free(h->ev);
    frame_pool_free(&h->fp);
    machine_free(&h->m);
    free(h);
}
