/* bench/sie: bench/src/cbench.c's workload as a guest under SIE (guest DAT on, guest
 * storage behind the host's DAT tables: SM) and on the bare machine, in one process; then
 * the host cost of a full interception round trip, through sie_run and through the SIE
 * instruction. Every run must end in its image's pass wait with the expected checksum and
 * instruction counts, else the bench fails (docs/bench.md "bench/sie").
 *
 * Usage: siebench CBENCH_BARE_ELF DIAG_DAT_ELF SIE_ELF
 * Environment: SIEBENCH_RUNS (default 2) runs of each cbench variant, interleaved, the
 * fastest counts; SIEBENCH_TRIPS (default 1000000) round trips in the long count;
 * SIEBENCH_CLOCK=wall times with the wall clock instead of the thread's CPU time. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zhyp/machine.h"
#include "zhyp/sie.h"
#include "zhyp/dat.h"
#include "zhyp/elf.h"
#include "../../src/sie/shadow.h"
#include "siebench.h"

/* What cbench prints under zhyp user and qemu-s390x (build/bench/cbench.elf). */
#define CBENCH_SUM      UINT64_C(0x0a111b852738f5d2)

#define HOST_MEM        (64ULL << 20)
#define GUEST_MEM       (8ULL << 20)     /* guest absolute 0-8M, host virtual 0-8M (MSO 0) */
#define GUEST_PAGES     (GUEST_MEM >> 12)
#define GUEST_HA        (16ULL << 20)    /* host frames behind guest storage: 16M-24M */
#define SCATTER         709              /* odd: a permutation of the guest's pages */
#define HOST_STO        0x20000ULL       /* host segment table: 2048 entries, 16K */
#define HOST_PT         0x28000ULL       /* host page tables for 0-8M: 8 x 2K */
#define SD_HA           0x30000ULL
#define PLAIN_MSO       (32ULL << 20)    /* the no-SM, DAT-off round-trip guest */
#define SYS_CMDLINE     0x10480          /* bench/src/sys.h: the count's 10 digits */
#define DIAG_IPA        0x8300
#define DIAG44_B2D2     0x0044           /* IPB bits 0-15; the rest is what follows */
#define N0              1000             /* the short count of the round trips */

#define NO_BUDGET       (1ULL << 40)     /* guest instructions: more than any run */
#define SLICE_BUDGET    100000           /* the machine's slice (src/machine/machine.c) */
static clockid_t clock_id = CLOCK_THREAD_CPUTIME_ID;

/* Seconds on the bench's clock: this thread's CPU time by default (the host is shared,
 * and every run happens on this one thread), or the wall clock. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(clock_id, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int fail(const char *what)
{
    fprintf(stderr, "siebench: FAIL: %s\n", what);
    return -1;
}

/* ---- counting slow-path translations (TLB misses) without touching src/ --------- */

static const struct mem_ops *counted_ops;
static uint64_t slow_xlates;

static int counting_translate(struct cpu *c, uint64_t va, enum acc acc, uint8_t **page, bool *writable)
{
    slow_xlates++;
    return counted_ops->translate(c, va, acc, page, writable);
}

/* Every TLB miss of c (and every fetch from a page not yet decoded) reaches its
 * mem_ops->translate: wrap it with a counter; one indirect call more per miss. */
static void count_slow_paths(struct cpu *c)
{
    static struct mem_ops ops;
    counted_ops = c->mops;
    ops = (struct mem_ops){ counting_translate, counted_ops->lowcore };
    c->mops = &ops;
    slow_xlates = 0;
}

/* ---- the guest machine: host DAT tables (SM) over scattered frames -------------- */

struct vm {
    struct machine m;
    struct sie_ctx *s;
};

/* Host frame behind guest absolute ga: consecutive guest pages lie SCATTER frames
 * apart, so that a missing stage 2 could not go unnoticed. */
static uint64_t frame_of(uint64_t ga)
{
    return GUEST_HA + ((((ga >> 12) * SCATTER) & (GUEST_PAGES - 1)) << 12);
}

static void put64(struct machine *m, uint64_t aa, uint64_t v)
{
    st_be64(machine_abs_store(m, aa, 8), v);
}

/* len bytes from src (zeros when src is NULL) into guest absolute storage at ga. */
static void guest_write(struct machine *m, uint64_t ga, const void *src, uint64_t len)
{
    while (len) {
        uint64_t n = PAGE_SIZE_4K - (ga & PAGE_MASK_LOW);
        n = n < len ? n : len;
        uint8_t *p = machine_abs_store(m, frame_of(ga) + (ga & PAGE_MASK_LOW), n);
        if (src) {
            memcpy(p, src, n);
            src = (const uint8_t *)src + n;
        } else {
            memset(p, 0, n);
        }
        ga += n;
        len -= n;
    }
}

static const uint8_t *guest_ptr(struct machine *m, uint64_t ga)
{
    return m->storage + frame_of(ga) + (ga & PAGE_MASK_LOW);
}

/* Host virtual 0-8M (= guest absolute, MSO 0) page by page onto the scattered frames. */
static void build_host_tables(struct machine *m)
{
    for (unsigned i = 0; i < 2048; i++)
        put64(m, HOST_STO + 8 * i, i < (GUEST_MEM >> 20) ? HOST_PT + 0x800 * i : STE_INVALID);
    for (uint64_t ga = 0; ga < GUEST_MEM; ga += PAGE_SIZE_4K)
        put64(m, HOST_PT + 8 * (ga >> 12), frame_of(ga));
}

static int vm_new(struct vm *v, bool shadows)
{
    memset(v, 0, sizeof(*v));
    if (machine_init(&v->m, HOST_MEM, 1))
        return fail("machine_init");
    v->m.no_shadow = !shadows;
    if (machine_start(&v->m, 0x10000))
        return fail("machine_start");
    v->m.cpu[0]->cr[1] = HOST_STO | 3;     /* host ASCE: segment table, TL 3 */
    build_host_tables(&v->m);
    v->s = sie_ctx_get(&v->m, v->m.cpu[0]);
    return v->s ? 0 : fail("sie_ctx_get");
}

/* The ELF's PT_LOAD segments at their physical addresses in guest absolute storage. */
static int vm_load_elf(struct vm *v, const char *path, uint64_t *entry)
{
    struct elf_image e;
    struct elf_seg seg;
    char err[256];
    if (elf_open(path, &e, err, sizeof(err)))
        return fail(err);
    int rc = 0;
    for (unsigned i = 0; i < e.phnum && !rc; i++) {
        if (elf_segment(&e, i, &seg))
            rc = fail("bad program header");
        else if (seg.type != ELF_PT_LOAD)
            continue;
        else if (seg.paddr > GUEST_MEM || seg.memsz > GUEST_MEM - seg.paddr)
            rc = fail("segment outside guest storage");
        else {
            guest_write(&v->m, seg.paddr, seg.data, seg.filesz);
            guest_write(&v->m, seg.paddr + seg.filesz, NULL, seg.memsz - seg.filesz);
        }
    }
    *entry = e.entry;
    elf_close(&e);
    return rc;
}

/* A z/Architecture guest at 'entry', 64-bit, DAT off (the images turn it on). */
static void write_sd(struct machine *m, uint32_t flags, uint64_t mso, uint64_t msl, uint64_t entry)
{
    uint8_t *p = machine_abs_store(m, SD_HA, SD_SIZE);
    memset(p, 0, SD_SIZE);
    st_be32(p + SD_CPUFLAGS, CPUSTAT_ZARCH | flags);
    st_be64(p + SD_MSO, mso);
    st_be64(p + SD_MSL, msl);
    st_be64(p + SD_GPSW, PSW_MASK_EA | PSW_MASK_BA);
    st_be64(p + SD_GPSW + 8, entry);
}

static bool sd_is_diag44(const uint8_t *sd)
{
    return sd[SD_ICPTCODE] == ICPT_INST && ld_be16(sd + SD_IPA) == DIAG_IPA &&
           ld_be32(sd + SD_IPB) >> 16 == DIAG44_B2D2;
}

/* Run the guest until it loads a wait PSW, 'budget' instructions per sie_run, resuming
 * it after each DIAG X'44' interception (counted in *diags). Returns 0 with the wait
 * PSW's address. */
static int vm_run(struct vm *v, uint64_t budget, uint64_t *diags, uint64_t *wait_addr)
{
    const uint8_t *sd = v->m.storage + SD_HA;
    int host_pgm;
    *diags = 0;
    for (;;) {
        enum sie_end e = sie_run(v->s, SD_HA, budget, &host_pgm);
        if (e == SIE_END_BUDGET)
            continue;
        if (e != SIE_END_ICPT) {
            fprintf(stderr, "siebench: sie_run end %d, host program interruption %#x\n", e, host_pgm);
            return fail("guest left for the host");
        }
        if (sd[SD_ICPTCODE] == ICPT_WAIT) {
            *wait_addr = ld_be64(sd + SD_GPSW + 8);
            return 0;
        }
        if (!sd_is_diag44(sd)) {
            fprintf(stderr, "siebench: interception %#x IPA %04x IPB %08x at %#" PRIx64 "\n",
                    sd[SD_ICPTCODE], ld_be16(sd + SD_IPA), ld_be32(sd + SD_IPB),
                    ld_be64(sd + SD_GPSW + 8));
            return fail("unexpected interception");
        }
        ++*diags;
    }
}

/* ---- cbench, bare and as a guest --------------------------------------------------- */

struct result {
    double secs;
    uint64_t insns, sum, misses, entries;
    uint64_t lookups, hits;
    char text[BARE_TEXT_MAX];
};

/* Check the result block the image left (siebench.h), given where it is in host memory. */
static int check_result(struct result *r, const uint8_t *sum_p, const uint8_t *text_p)
{
    char want[64];
    r->sum = ld_be64(sum_p);
    memcpy(r->text, text_p, sizeof(r->text));
    r->text[sizeof(r->text) - 1] = 0;
    snprintf(want, sizeof(want), "cbench checksum %016" PRIx64 "\n", CBENCH_SUM);
    if (r->sum != CBENCH_SUM || strcmp(r->text, want)) {
        fprintf(stderr, "siebench: checksum %016" PRIx64 ", text \"%s\"\n", r->sum, r->text);
        return fail("wrong cbench result");
    }
    return 0;
}

static int run_bare(const char *elf, struct result *r)
{
    struct machine m;
    char err[256];
    memset(r, 0, sizeof(*r));
    if (machine_init(&m, HOST_MEM, 1))
        return fail("machine_init");
    if (machine_boot_elf(&m, elf, NULL, err, sizeof(err))) {
        machine_free(&m);
        return fail(err);
    }
    count_slow_paths(m.cpu[0]);
    double t0 = now();
    enum machine_end end = machine_run(&m, 0);
    r->secs = now() - t0;
    r->insns = m.cpu[0]->icount;
    r->misses = slow_xlates;
    int rc = 0;
    if (end != MACHINE_DISABLED_WAIT || m.wait_psw[1] != BARE_END_PASS) {
        fprintf(stderr, "siebench: bare run end %d, PSW %016" PRIx64 " %016" PRIx64 "\n", end,
                m.wait_psw[0], m.wait_psw[1]);
        rc = fail("bare cbench did not end in the pass wait");
    }
    if (!rc)
        rc = check_result(r, m.storage + BARE_SUM_AA, m.storage + BARE_TEXT_AA);
    machine_free(&m);
    return rc;
}

static int run_guest(const char *elf, bool shadows, uint64_t budget, struct result *r)
{
    struct vm v;
    uint64_t entry, diags, addr;
    memset(r, 0, sizeof(*r));
    int rc = vm_new(&v, shadows);
    if (!rc)
        rc = vm_load_elf(&v, elf, &entry);
    if (rc) {
        machine_free(&v.m);
        return rc;
    }
    write_sd(&v.m, CPUSTAT_SM, 0, GUEST_MEM - 1, entry);
    count_slow_paths(sie_ctx_guest(v.s));
    double t0 = now();
    rc = vm_run(&v, budget, &diags, &addr);
    r->secs = now() - t0;
    const struct sie_stats *st = sie_ctx_stats(v.s);
    r->insns = st->guest_insns;
    r->entries = st->entries;
    r->misses = slow_xlates;
    if (v.m.shadow) {
        r->lookups = shadow_get_stats(v.m.shadow)->lookups;
        r->hits = shadow_get_stats(v.m.shadow)->hits;
    }
    if (!rc && (addr != BARE_END_PASS || diags)) {
        fprintf(stderr, "siebench: guest wait at %#" PRIx64 " after %" PRIu64 " DIAGs\n", addr, diags);
        rc = fail("guest cbench did not end in the pass wait");
    }
    if (!rc)
        rc = check_result(r, guest_ptr(&v.m, BARE_SUM_AA), guest_ptr(&v.m, BARE_TEXT_AA));
    machine_free(&v.m);
    return rc;
}

/* ---- interception round trips --------------------------------------------------- */

/* n DIAG round trips through sie_run: the diag-dat image (sys.h frame, its own 1:1 DAT
 * tables) as an SM guest. The image counts the iterations and ends in its pass wait. */
static int trips_sm_dat(const char *elf, uint64_t n, double *secs, uint64_t *ginsns)
{
    struct vm v;
    uint64_t entry, diags = 0, addr = 0;
    char digits[16];
    int rc = vm_new(&v, true);
    if (!rc)
        rc = vm_load_elf(&v, elf, &entry);
    if (!rc) {
        snprintf(digits, sizeof(digits), "%010" PRIu64, n);
        guest_write(&v.m, SYS_CMDLINE, digits, 10);
        write_sd(&v.m, CPUSTAT_SM, 0, GUEST_MEM - 1, entry);
        double t0 = now();
        rc = vm_run(&v, NO_BUDGET, &diags, &addr);
        *secs = now() - t0;
        *ginsns = sie_ctx_stats(v.s)->guest_insns;
    }
    if (!rc && (addr != BARE_END_PASS || diags != n)) {
        fprintf(stderr, "siebench: diag guest: wait at %#" PRIx64 ", %" PRIu64 " of %" PRIu64 " DIAGs\n",
                addr, diags, n);
        rc = fail("DIAG round trips");
    }
    machine_free(&v.m);
    return rc;
}

/* n DIAG round trips through sie_run with the guest of sys_sie.S: no SM (MSO), DAT off,
 * "diag 0,0,0x44; j .-4"; the driver counts and checks each interception. */
static int trips_plain(const char *unused, uint64_t n, double *secs, uint64_t *ginsns)
{
    static const uint8_t code[] = { 0x83, 0x00, 0x00, 0x44, 0xa7, 0xf4, 0xff, 0xfe };
    struct vm v;
    int host_pgm, rc = vm_new(&v, true);
    (void)unused;
    if (rc) {
        machine_free(&v.m);
        return rc;
    }
    memcpy(machine_abs_store(&v.m, PLAIN_MSO + 0x2000, sizeof(code)), code, sizeof(code));
    write_sd(&v.m, 0, PLAIN_MSO, PLAIN_MSO + 0xfffff, 0x2000);
    const uint8_t *sd = v.m.storage + SD_HA;
    double t0 = now();
    for (uint64_t i = 0; i < n && !rc; i++)
        if (sie_run(v.s, SD_HA, NO_BUDGET, &host_pgm) != SIE_END_ICPT || !sd_is_diag44(sd) ||
            ld_be64(sd + SD_GPSW + 8) != 0x2004)
            rc = fail("plain DIAG guest: not the DIAG's interception");
    *secs = now() - t0;
    *ginsns = sie_ctx_stats(v.s)->guest_insns;
    machine_free(&v.m);
    return rc;
}

/* n round trips through the SIE instruction: the host image sys_sie.S on the bare
 * machine; it checks every exit and ends in its pass wait. */
static int trips_sie_insn(const char *elf, uint64_t n, double *secs, uint64_t *ginsns)
{
    struct machine m;
    char err[256], digits[16];
    snprintf(digits, sizeof(digits), "%010" PRIu64, n);
    if (machine_init(&m, 16 << 20, 1))
        return fail("machine_init");
    int rc = machine_boot_elf(&m, elf, digits, err, sizeof(err)) ? fail(err) : 0;
    if (!rc) {
        double t0 = now();
        enum machine_end end = machine_run(&m, 0);
        *secs = now() - t0;
        const struct sie_stats *st = m.sie[0] ? sie_ctx_stats(m.sie[0]) : NULL;
        *ginsns = st ? st->guest_insns : 0;
        if (end != MACHINE_DISABLED_WAIT || m.wait_psw[1] != BARE_END_PASS)
            rc = fail("SIE host image did not end in the pass wait");
    }
    machine_free(&m);
    return rc;
}

typedef int (*trips_fn)(const char *elf, uint64_t n, double *secs, uint64_t *ginsns);

/* Nanoseconds per round trip: runs of N0 and n1 round trips (the faster of two each),
 * so that set-up and the image's own start cancel out. */
static int ns_per_trip(trips_fn f, const char *elf, uint64_t n1, double *ns, double *ginsns_per)
{
    double best[2] = { 1e30, 1e30 };
    uint64_t counts[2] = { N0, n1 }, gi[2] = { 0, 0 };
    for (int rep = 0; rep < 2; rep++)
        for (int k = 0; k < 2; k++) {
            double t;
            if (f(elf, counts[k], &t, &gi[k]))
                return -1;
            best[k] = t < best[k] ? t : best[k];
        }
    *ns = (best[1] - best[0]) * 1e9 / (double)(n1 - N0);
    *ginsns_per = (double)(gi[1] - gi[0]) / (double)(n1 - N0);
    return 0;
}

/* ---- the report ------------------------------------------------------------------ */

static double mips(const struct result *r) { return r->insns / r->secs / 1e6; }

static void print_row(const char *name, const struct result *r, const struct result *bare)
{
    char ratio[16] = "-", hit[48] = "-";
    if (r != bare)
        snprintf(ratio, sizeof(ratio), "%.3f", mips(r) / mips(bare));
    if (r->lookups)
        snprintf(hit, sizeof(hit), "%.4f%% (%" PRIu64 "/%" PRIu64 ")", 100.0 * r->hits / r->lookups,
                 r->hits, r->lookups);
    printf("%-15s %11" PRIu64 " %7.3f %8.1f %6s %10" PRIu64 " %8" PRIu64 " %s\n", name, r->insns,
           r->secs, mips(r), ratio, r->misses, r->entries, hit);
}

/* Keep the faster of two results of the same run. */
static void keep_best(struct result *best, const struct result *r, int rep)
{
    if (!rep || r->secs < best->secs)
        *best = *r;
}

/* The cbench runs: bare, and as a guest with and without shadows, in one sie_run or
 * re-entered every SLICE_BUDGET instructions (each entry starts with an empty TLB). */
static const struct variant {
    const char *name;
    bool guest, shadows;
    uint64_t budget;
} variants[] = {
    { "bare", false, false, 0 },
    { "guest", true, true, NO_BUDGET },
    { "guest-noshadow", true, false, NO_BUDGET },
    { "guest-slices", true, true, SLICE_BUDGET },
};
#define NVARIANTS (sizeof(variants) / sizeof(variants[0]))

static int cbench_table(const char *elf, int runs, struct result *res)
{
    struct result r;
    for (int rep = 0; rep < runs; rep++)
        for (unsigned k = 0; k < NVARIANTS; k++) {
            const struct variant *v = &variants[k];
            if (v->guest ? run_guest(elf, v->shadows, v->budget, &r) : run_bare(elf, &r))
                return -1;
            keep_best(&res[k], &r, rep);
        }
    printf("%-15s %11s %7s %8s %6s %10s %8s %s\n", "cbench", "insns", "secs", "MIPS", "ratio",
           "tlb_miss", "entries", "shadow_hits");
    for (unsigned k = 0; k < NVARIANTS; k++)
        print_row(variants[k].name, &res[k], &res[0]);
    printf("checksum %016" PRIx64 " in every run (expected %016" PRIx64 ")\n", res[0].sum, CBENCH_SUM);
    return 0;
}

/* Every guest run and the bare run must have executed the same instructions. */
static int check_counts(const struct result *res, unsigned n)
{
    int64_t d = (int64_t)(res[1].insns - res[0].insns);
    printf("instructions: guest - bare = %" PRId64 "\n", d);
    for (unsigned k = 2; k < n; k++)
        if (res[k].insns != res[1].insns)
            return fail("the guest runs executed different instruction counts");
    if (d != 0)
        return fail("the guest did not execute the bare run's instructions");
    return 0;
}

static int round_trip_table(char **argv, uint64_t trips)
{
    static const struct { const char *name; trips_fn f; int arg; } rows[] = {
        { "sie_run, SM + guest DAT (diag-dat.elf)", trips_sm_dat, 2 },
        { "sie_run, MSO, guest DAT off", trips_plain, 0 },
        { "SIE instruction, MSO, guest DAT off", trips_sie_insn, 3 },
    };
    printf("%-40s %9s %12s\n", "interception round trip (DIAG X'44')", "ns/trip", "guest_insns");
    for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        double ns, gi;
        if (ns_per_trip(rows[i].f, rows[i].arg ? argv[rows[i].arg] : NULL, trips, &ns, &gi))
            return -1;
        printf("%-40s %9.1f %12.2f\n", rows[i].name, ns, gi);
    }
    printf("round trips: %" PRIu64 " minus %d, the faster of 2 runs each\n", trips, N0);
    return 0;
}

static uint64_t env_u64(const char *name, uint64_t dflt)
{
    const char *s = getenv(name);
    return s && *s ? strtoull(s, NULL, 0) : dflt;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: siebench CBENCH_BARE_ELF DIAG_DAT_ELF SIE_ELF\n");
        return 2;
    }
    int runs = (int)env_u64("SIEBENCH_RUNS", 2);
    uint64_t trips = env_u64("SIEBENCH_TRIPS", 1000000);
    if (runs < 1 || trips <= N0) {
        fail("SIEBENCH_RUNS must be >= 1 and SIEBENCH_TRIPS > 1000");
        return 2;
    }
    const char *clk = getenv("SIEBENCH_CLOCK");
    if (clk && !strcmp(clk, "wall"))
        clock_id = CLOCK_MONOTONIC;
    printf("clock: %s\n", clock_id == CLOCK_MONOTONIC ? "wall" : "thread CPU time");
    struct result res[NVARIANTS];
    if (cbench_table(argv[1], runs, res) || check_counts(res, NVARIANTS))
        return 1;
    double ratio = mips(&res[1]) / mips(&res[0]);
    printf("target: guest/bare >= 0.9: %.3f -> %s\n", ratio, ratio >= 0.9 ? "met" : "NOT met");
    return round_trip_table(argv, trips) ? 1 : 0;
}
