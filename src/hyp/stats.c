/* Statistics of a run: per host CPU, per guest and what guests reported, written as
 * stats.csv (one "scope,name,metric,value" row per figure) and stats.json into the
 * output directory, each through a temporary file renamed into place so that a reader
 * never sees half a file. Every figure is virtual (docs/hypervisor.md). */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>

#include "internal.h"

static const char *end_name(enum guest_end e)
{
    static const char *const n[] = { "running", "stopped", "disabled-wait", "failed" };
    return n[e];
}

/* One metric, for either format. */
struct sink {
    FILE *f;
    bool json, first;
    const char *scope, *name;
};

static void put(struct sink *s, const char *metric, uint64_t v)
{
    if (!s->json) {
        fprintf(s->f, "%s,%s,%s,%" PRIu64 "\n", s->scope, s->name, metric, v);
        return;
    }
    fprintf(s->f, "%s\"%s\": %" PRIu64, s->first ? "" : ", ", metric, v);
    s->first = false;
}

static void put_str(struct sink *s, const char *metric, const char *v)
{
    if (!s->json)
        fprintf(s->f, "%s,%s,%s,%s\n", s->scope, s->name, metric, v);
    else
        fprintf(s->f, "%s\"%s\": \"%s\"", s->first ? "" : ", ", metric, v);
    s->first = false;
}

static uint64_t end_time(const struct hyp *h)
{
    uint64_t t = 0;
    for (unsigned i = 0; i < h->ncpus; i++)
        t = h->cpu[i].now > t ? h->cpu[i].now : t;
    return t;
}

static void host_metrics(struct sink *s, const struct hyp *h)
{
    put(s, "time_ns", end_time(h));
    put(s, "cpus", h->ncpus);
    put(s, "storage_bytes", h->m.storage_size);
    put(s, "frames_in_use", h->fp.in_use);
    put(s, "guests", h->nguests);
    put(s, "guests_running", h->live_guests);
    for (unsigned i = 0; i < h->ncpus; i++) {
        const struct hcpu *c = &h->cpu[i];
        char k[48];
        snprintf(k, sizeof(k), "cpu%u_guest_ns", i), put(s, k, c->st.guest_ns);
        snprintf(k, sizeof(k), "cpu%u_cp_ns", i), put(s, k, c->st.cp_ns);
        snprintf(k, sizeof(k), "cpu%u_idle_ns", i), put(s, k, c->st.idle_ns);
        snprintf(k, sizeof(k), "cpu%u_dispatches", i), put(s, k, c->st.dispatches);
    }
}

static void vcpu_sums(const struct guest *g, struct vcpu *sum)
{
    memset(sum, 0, sizeof(*sum));
    for (unsigned i = 0; i < g->nvcpus; i++) {
        const struct vcpu *v = &g->vcpu[i];
        sum->st.insns += v->st.insns, sum->st.run_ns += v->st.run_ns;
        sum->st.wait_ns += v->st.wait_ns, sum->st.ready_ns += v->st.ready_ns;
        sum->st.dispatches += v->st.dispatches, sum->st.host_faults += v->st.host_faults;
        for (unsigned k = 0; k < 0x40; k++)
            sum->st.icpt[k] += v->st.icpt[k];
        for (unsigned k = 0; k < 4; k++)
            sum->st.diag[k] += v->st.diag[k];
    }
}

static void guest_metrics(struct sink *s, const struct guest *g)
{
    static const char *const icpt[] = { [ICPT_INST / 4] = "icpt_instruction", [ICPT_WAIT / 4] = "icpt_wait",
        [ICPT_EXTREQ / 4] = "icpt_external_request", [ICPT_STOP / 4] = "icpt_stop",
        [ICPT_VALIDITY / 4] = "icpt_validity", [ICPT_PARTEXEC / 4] = "icpt_partial_execution" };
    static const char *const diag[] = { "diag_yield", "diag_cp_command", "diag_block_io", "diag_other" };
    struct vcpu sum;
    vcpu_sums(g, &sum);
    put_str(s, "end", end_name(g->end));
    put(s, "end_ns", g->end_ns);
    put(s, "memory_bytes", g->mem.size);
    put(s, "vcpus", g->nvcpus);
    put(s, "resident_pages", g->mem.resident);
    put(s, "ipls", g->ipl_count);
    put(s, "insns", sum.st.insns);
    put(s, "run_ns", sum.st.run_ns);
    put(s, "wait_ns", sum.st.wait_ns);
    put(s, "ready_ns", sum.st.ready_ns);
    put(s, "dispatches", sum.st.dispatches);
    put(s, "host_faults", sum.st.host_faults);
    for (unsigned k = 0; k < sizeof(icpt) / sizeof(icpt[0]); k++)
        if (icpt[k])
            put(s, icpt[k], sum.st.icpt[k]);
    for (unsigned k = 0; k < 4; k++)
        put(s, diag[k], sum.st.diag[k]);
    for (unsigned d = 0; d < g->ndisks; d++) {
        struct vdisk_stats ds;
        char k[48];
        vdisk_get_stats(g, d, &ds);
        snprintf(k, sizeof(k), "disk%u_reads", d), put(s, k, ds.reads);
        snprintf(k, sizeof(k), "disk%u_writes", d), put(s, k, ds.writes);
        snprintf(k, sizeof(k), "disk%u_blocks_read", d), put(s, k, ds.blocks_read);
        snprintf(k, sizeof(k), "disk%u_blocks_written", d), put(s, k, ds.blocks_written);
        snprintf(k, sizeof(k), "disk%u_async", d), put(s, k, ds.async);
        snprintf(k, sizeof(k), "disk%u_errors", d), put(s, k, ds.errors);
    }
    put(s, "monitor_records", g->counters.records);
}

static void counters(struct sink *s, const struct guest *g)
{
    for (unsigned k = 0; k < g->counters.n; k++) {
        char key[32];
        snprintf(key, sizeof(key), "guest.%s", g->counters.name[k]);
        for (char *p = key + 6; *p; p++)       /* the guest's text: keep CSV and JSON whole */
            if (!isalnum((unsigned char)*p) && *p != '_' && *p != '.' && *p != '-')
                *p = '_';
        put(s, key, g->counters.value[k]);
    }
}

static void write_csv(FILE *f, const struct hyp *h)
{
    struct sink s = { f, false, true, "host", "host" };
    fprintf(f, "scope,name,metric,value\n");
    host_metrics(&s, h);
    s.scope = "guest";
    for (unsigned i = 0; i < h->nguests; i++) {
        s.name = h->guests[i].name;
        guest_metrics(&s, &h->guests[i]);
        counters(&s, &h->guests[i]);
    }
}

static void write_json(FILE *f, const struct hyp *h)
{
    struct sink s = { f, true, true, "host", "host" };
    fprintf(f, "{\n  \"host\": {");
    host_metrics(&s, h);
    fprintf(f, "},\n  \"guests\": [\n");
    for (unsigned i = 0; i < h->nguests; i++) {
        const struct guest *g = &h->guests[i];
        s.first = true;
        fprintf(f, "    {\"name\": \"%s\", ", g->name);   /* names are [A-Za-z0-9_-] (config.c) */
        guest_metrics(&s, g);
        fprintf(f, ", \"counters\": {");
        s.first = true;
        counters(&s, g);
        fprintf(f, "}}%s\n", i + 1 < h->nguests ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
}

/* Write through dir/.name.tmp and rename it over dir/name. */
static int write_file(const struct hyp *h, const char *name, void (*fn)(FILE *, const struct hyp *),
                      char *err, size_t errlen)
{
    char tmp[4096], path[4096];
    snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", h->o.out_dir, name);
    snprintf(path, sizeof(path), "%s/%s", h->o.out_dir, name);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        return -1;
    }
    fn(f, h);
    bool bad = ferror(f) != 0;
    if (fclose(f) || bad || rename(tmp, path)) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno ? errno : EIO));
        remove(tmp);
        return -1;
    }
    return 0;
}

int stats_write(struct hyp *h, char *err, size_t errlen)
{
    for (unsigned i = 0; i < h->nguests; i++)
        monitor_sample(&h->guests[i]);
    if (write_file(h, "stats.csv", write_csv, err, errlen))
        return -1;
    return write_file(h, "stats.json", write_json, err, errlen);
}

void stats_progress(struct hyp *h)
{
    uint64_t insns = 0, t = hyp_now(h);
    unsigned ready = 0, waiting = 0;
    for (unsigned i = 0; i < h->nguests; i++)
        for (unsigned j = 0; j < h->guests[i].nvcpus; j++) {
            const struct vcpu *v = &h->guests[i].vcpu[j];
            insns += v->st.insns;
            ready += v->state == VCPU_READY;
            waiting += v->state == VCPU_WAIT || v->state == VCPU_BLOCKED;
        }
    fprintf(stderr, "zhyp: %" PRIu64 ".%03" PRIu64 " s virtual: %u of %u guests running, %u vCPUs ready, "
            "%u waiting, %" PRIu64 "M instructions\n", t / UINT64_C(1000000000), t / UINT64_C(1000000) % 1000,
            h->live_guests, h->nguests, ready, waiting, insns / UINT64_C(1000000));
}
