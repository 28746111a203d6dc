/* `zhyp user`: start a static s390x Linux program the way the kernel's ELF loader
 * does (argv, envp and auxv on the stack), run it, and map its end to an exit status. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>

#include "uproc.h"

#define STACK_TOP_VA  0x40000000000ULL     /* Linux s390x puts the stack just below 4 TiB */
#define STACK_SIZE    (8ULL << 20)
#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31
/* HWCAP bits the kernel reports for what zhyp implements: ESAN3, ZARCH, STFLE, LDISP,
 * EIMM, HIGH_GPRS (no DFP, no vector: glibc then picks its non-vector string routines). */
#define USER_HWCAP (1 | 2 | 4 | 16 | 32 | 512)

/* Push bytes below *sp and return their address. */
static uint64_t push_bytes(struct uproc *p, uint64_t *sp, const void *data, size_t len)
{
    *sp -= len;
    (void)uspace_write(&p->us, *sp, data, len);
    return *sp;
}

static uint64_t count_strs(char **v)
{
    uint64_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* The initial stack: strings at the top, then 16 random bytes, auxv, envp, argv, argc. */
static int setup_stack(struct uproc *p, char **argv, char **envp, const struct uimage *img)
{
    int rc = uspace_map(&p->us, STACK_TOP_VA - STACK_SIZE, STACK_SIZE, UPROT_R | UPROT_W);
    if (rc)
        return rc;
    uint64_t sp = STACK_TOP_VA - 16, argc = count_strs(argv), envc = count_strs(envp);
    uint64_t *argv_va = calloc(argc + 1, 8), *envp_va = calloc(envc + 1, 8);
    if (!argv_va || !envp_va)
        return -ENOMEM;
    uint64_t execfn = push_bytes(p, &sp, p->exe_path, strlen(p->exe_path) + 1);
    for (uint64_t i = 0; i < envc; i++)
        envp_va[i] = push_bytes(p, &sp, envp[i], strlen(envp[i]) + 1);
    for (uint64_t i = 0; i < argc; i++)
        argv_va[i] = push_bytes(p, &sp, argv[i], strlen(argv[i]) + 1);
    uint64_t platform = push_bytes(p, &sp, "z900", 5);
    uint8_t rnd[16];
    for (int i = 0; i < 16; i++)
        rnd[i] = (uint8_t)(0x5a + i * 37);          /* AT_RANDOM: fixed, so runs repeat */
    uint64_t random_va = push_bytes(p, &sp, rnd, 16);
    const uint64_t aux[][2] = {
        { AT_PHDR, img->phdr_va }, { AT_PHENT, img->phent }, { AT_PHNUM, img->phnum },
        { AT_PAGESZ, 4096 }, { AT_BASE, 0 }, { AT_FLAGS, 0 }, { AT_ENTRY, img->entry_va },
        { AT_UID, getuid() }, { AT_EUID, geteuid() }, { AT_GID, getgid() }, { AT_EGID, getegid() },
        { AT_PLATFORM, platform }, { AT_HWCAP, USER_HWCAP }, { AT_HWCAP2, 0 }, { AT_CLKTCK, 100 },
        { AT_SECURE, 0 }, { AT_RANDOM, random_va }, { AT_EXECFN, execfn }, { AT_NULL, 0 },
    };
    uint64_t words = 1 + argc + 1 + envc + 1 + 2 * ARRAY_SIZE(aux);
    sp = (sp - words * 8) & ~15ULL;
    uint64_t w = sp;
    uint8_t b[8];
#define PUT(v) (st_be64(b, (v)), (void)uspace_write(&p->us, w, b, 8), w += 8)
    PUT(argc);
    for (uint64_t i = 0; i <= argc; i++)
        PUT(argv_va[i]);
    for (uint64_t i = 0; i <= envc; i++)
        PUT(envp_va[i]);
    for (size_t i = 0; i < ARRAY_SIZE(aux); i++) {
        PUT(aux[i][0]);
        PUT(aux[i][1]);
    }
#undef PUT
    free(argv_va);
    free(envp_va);
    p->cpu.gr[15] = sp;
    return 0;
}

/* The signal Linux delivers for a program interruption (as observed under qemu-s390x):
 * SIGILL for operation-type faults and decimal data exceptions (DXC 0), SIGFPE for
 * arithmetic faults and data exceptions with a nonzero DXC (IEEE, compare-and-trap),
 * SIGSEGV for access faults. */
static int pgm_signal(int code, uint32_t dxc)
{
    switch (code & 0xff) {
    case PGM_OPERATION: case PGM_PRIVILEGED_OP: case PGM_EXECUTE: case PGM_SPECIFICATION:
    case PGM_SPECIAL_OP: case PGM_OPERAND:
        return SIGILL;
    case PGM_DATA:
        return dxc ? SIGFPE : SIGILL;
    case PGM_FIXPOINT_OVERFLOW: case PGM_FIXPOINT_DIVIDE: case PGM_DEC_OVERFLOW: case PGM_DEC_DIVIDE:
    case PGM_HFP_EXP_OVERFLOW: case PGM_HFP_EXP_UNDERFLOW: case PGM_HFP_SIGNIFICANCE:
    case PGM_HFP_DIVIDE: case PGM_HFP_SQRT:
        return SIGFPE;
    default:
        return SIGSEGV;
    }
}

static void write_coverage(const struct cpu *c, const char *path)
{
    FILE *f = fopen(path, "a");
    if (!f) {
        fprintf(stderr, "zhyp user: --coverage-out %s: %s\n", path, strerror(errno));
        return;
    }
    for (unsigned id = 0; id < insn_count(); id++)
        if (c->coverage[id >> 6] & (1ULL << (id & 63)))
            fprintf(f, "%s\n", insn_name(id));
    fclose(f);
}

static int run_loop(struct uproc *p)
{
    struct cpu *c = &p->cpu;
    const struct user_opts *o = p->opts;
    int status = 0;
    for (;;) {
        uint64_t budget = o->max_insns ? o->max_insns - c->icount : UINT64_MAX / 2;
        if (o->max_insns && c->icount >= o->max_insns) {
            fprintf(stderr, "zhyp user: stopped after --max-insns %llu instructions\n",
                    (unsigned long long)o->max_insns);
            return 124;
        }
        switch (cpu_run(c, budget)) {
        case CPU_EXIT_SVC:
            if (user_syscall(p, &status))
                return status;
            break;
        case CPU_EXIT_PGM: {
            int sig = pgm_signal(c->pgm_code, c->dxc);
            if (o->strace || o->trace)
                fprintf(stderr, "zhyp user: program interruption %#x at %#llx -> signal %d\n",
                        c->pgm_code, (unsigned long long)c->pgm_ia, sig);
            return 128 + sig;
        }
        default:
            break;                   /* budget or attention: loop re-checks the limit */
        }
    }
}

int user_run(const char *prog, char **argv, char **envp, const struct user_opts *o)
{
    static struct uproc proc;      /* large (TLB inside): keep it off the host stack */
    struct uproc *p = &proc;
    struct uimage img;
    char err[512];
    cpu_init(&p->cpu, NULL);
    if (uspace_init(&p->us))
        return -1;
    p->opts = o;
    p->rand_state = 0x243f6a8885a308d3ULL;
    if (!realpath(prog, p->exe_path))
        snprintf(p->exe_path, sizeof(p->exe_path), "%s", prog);
    if (uelf_load(&p->us, prog, &img, err, sizeof(err))) {
        fprintf(stderr, "zhyp user: %s\n", err);
        return -1;
    }
    p->us.brk_base_va = p->us.brk_va = img.brk_va;
    p->us.cpu = &p->cpu;
    p->cpu.mops = &uspace_mem_ops;
    p->cpu.mctx = &p->us;
    p->cpu.user_mode = true;
    p->cpu.trace = o->trace;
    if (o->coverage_out)
        p->cpu.coverage = calloc((insn_count() + 63) / 64, 8);
    if (setup_stack(p, argv, envp, &img)) {
        fprintf(stderr, "zhyp user: %s: cannot set up the stack\n", prog);
        return -1;
    }
    /* Problem state, 64-bit addressing, DAT and interruptions on: a Linux user PSW. */
    cpu_set_psw(&p->cpu, PSW_MASK_DAT | PSW_MASK_IO | PSW_MASK_EXT | PSW_MASK_MCHECK |
                PSW_MASK_PSTATE | PSW_MASK_EA | PSW_MASK_BA, img.entry_va);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int status = run_loop(p);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (o->stats) {
        double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        fprintf(stderr, "zhyp-stats: insns=%llu seconds=%.6f mips=%.1f\n", (unsigned long long)p->cpu.icount,
                s, s > 0 ? (double)p->cpu.icount / s / 1e6 : 0.0);
    }
    if (o->coverage_out)
        write_coverage(&p->cpu, o->coverage_out);
    cpu_release(&p->cpu);
    fflush(stdout);
    return status;
}
