/* System calls about the process itself (exit, ids, signals as no-ops, time), and
 * user_syscall(): decode the SVC, dispatch, trace with --strace, store the result. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>

#include "sysc.h"

static long sys_getcwd(struct uproc *p, uint64_t buf_va, uint64_t len)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof(cwd)))
        return -errno;
    uint64_t n = strlen(cwd) + 1;
    if (n > len)
        return -ERANGE;
    return uspace_write(&p->us, buf_va, cwd, n) ? -EFAULT : (long)n;
}

static long sys_gettimeofday(struct uproc *p, uint64_t tv_va)
{
    struct timeval tv;
    uint8_t b[16];
    gettimeofday(&tv, NULL);
    st_be64(b, (uint64_t)tv.tv_sec);
    st_be64(b + 8, (uint64_t)tv.tv_usec);
    return tv_va && uspace_write(&p->us, tv_va, b, 16) ? -EFAULT : 0;
}

/* rt_sigprocmask(how, set, oldset, sigsetsize): the mask is kept and read back exactly,
 * as programs (setjmp/longjmp with sigsetjmp, for one) check it. SIGKILL and SIGSTOP
 * can never be blocked. */
static long sys_sigprocmask(struct uproc *p, const uint64_t *a)
{
    uint8_t b[8];
    uint64_t set = 0, old = p->sigmask;
    if (a[3] != 8)
        return -EINVAL;
    if (a[1]) {
        if (uspace_read(&p->us, a[1], b, 8))
            return -EFAULT;
        set = ld_be64(b) & ~((1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1)));
        switch (a[0]) {
        case SIG_BLOCK:   p->sigmask |= set; break;
        case SIG_UNBLOCK: p->sigmask &= ~set; break;
        case SIG_SETMASK: p->sigmask = set; break;
        default:          return -EINVAL;
        }
    }
    st_be64(b, old);
    return a[2] && uspace_write(&p->us, a[2], b, 8) ? -EFAULT : 0;
}

/* rt_sigaction(sig, act, oldact, sigsetsize): struct sigaction on s390x is 32 bytes; the
 * action is remembered and read back, but handlers never run (no signal is delivered). */
static long sys_sigaction(struct uproc *p, const uint64_t *a)
{
    uint64_t sig = a[0];
    uint8_t act[32];
    if (sig < 1 || sig > 64 || a[3] != 8)
        return -EINVAL;
    if (a[1] && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;
    if (a[1] && uspace_read(&p->us, a[1], act, 32))
        return -EFAULT;
    if (a[2] && uspace_write(&p->us, a[2], p->sigact[sig - 1], 32))
        return -EFAULT;
    if (a[1])
        memcpy(p->sigact[sig - 1], act, 32);
    return 0;
}

/* Signals are not delivered to the program. A signal sent to itself ends it as the
 * default action would. */
static long sys_signal_misc(struct uproc *p, unsigned nr, const uint64_t *a, int *status, bool *exited)
{
    uint8_t zero[24] = { 0 };
    switch (nr) {
    case NR_rt_sigaction:   return sys_sigaction(p, a);
    case NR_rt_sigprocmask: return sys_sigprocmask(p, a);
    case NR_sigaltstack:
        return a[1] && uspace_write(&p->us, a[1], zero, 24) ? -EFAULT : 0;
    case NR_kill: case NR_tkill: case NR_tgkill: {
        int sig = (int)(nr == NR_tgkill ? a[2] : a[1]);
        if (sig == 0)
            return 0;
        *status = 128 + sig;
        *exited = true;
        return 0;
    }
    default:
        return -ENOSYS;
    }
}

static long sysc_dispatch_proc(struct uproc *p, unsigned nr, const uint64_t *a, int *status, bool *exited)
{
    switch (nr) {
    case NR_exit: case NR_exit_group:
        *status = (int)(a[0] & 0xff);
        *exited = true;
        return 0;
    case NR_getpid: case NR_gettid: case NR_set_tid_address: return getpid();
    case NR_getppid:  return getppid();
    case NR_getuid:   return getuid();
    case NR_geteuid:  return geteuid();
    case NR_getgid:   return getgid();
    case NR_getegid:  return getegid();
    case NR_set_robust_list: return 0;
    case NR_sched_yield: return 0;
    case NR_futex:    return (a[1] & 0x7f) == 1 ? 0 : -EAGAIN;   /* WAKE: nobody; WAIT: value changed */
    case NR_getcwd:   return sys_getcwd(p, a[0], a[1]);
    case NR_gettimeofday: return sys_gettimeofday(p, a[0]);
    default:          return sys_signal_misc(p, nr, a, status, exited);
    }
}

static const char *sysc_name(unsigned nr)
{
    static const struct { unsigned nr; const char *name; } names[] = {
        { NR_exit, "exit" }, { NR_read, "read" }, { NR_write, "write" }, { NR_open, "open" },
        { NR_close, "close" }, { NR_lseek, "lseek" }, { NR_brk, "brk" }, { NR_ioctl, "ioctl" },
        { NR_mmap, "mmap" }, { NR_munmap, "munmap" }, { NR_fstat, "fstat" }, { NR_uname, "uname" },
        { NR_mprotect, "mprotect" }, { NR_writev, "writev" }, { NR_rt_sigaction, "rt_sigaction" },
        { NR_rt_sigprocmask, "rt_sigprocmask" }, { NR_exit_group, "exit_group" },
        { NR_set_tid_address, "set_tid_address" }, { NR_clock_gettime, "clock_gettime" },
        { NR_openat, "openat" }, { NR_newfstatat, "newfstatat" }, { NR_getrandom, "getrandom" },
        { NR_readlink, "readlink" }, { NR_prlimit64, "prlimit64" }, { NR_set_robust_list, "set_robust_list" },
        { NR_rseq, "rseq" }, { NR_statx, "statx" }, { NR_tgkill, "tgkill" }, { NR_futex, "futex" },
        { NR_getpid, "getpid" }, { NR_gettid, "gettid" }, { NR_getppid, "getppid" }, { NR_fcntl, "fcntl" },
        { NR_pipe, "pipe" }, { NR_pipe2, "pipe2" }, { NR_dup, "dup" }, { NR_dup2, "dup2" }, { NR_dup3, "dup3" },
        { NR_pread64, "pread64" }, { NR_pwrite64, "pwrite64" }, { NR_lseek, "lseek" }, { NR_readv, "readv" },
        { NR_unlink, "unlink" }, { NR_unlinkat, "unlinkat" }, { NR_access, "access" },
        { NR_faccessat, "faccessat" }, { NR_ftruncate, "ftruncate" }, { NR_getcwd, "getcwd" },
        { NR_sigaltstack, "sigaltstack" }, { NR_kill, "kill" }, { NR_tkill, "tkill" },
        { NR_getuid, "getuid" }, { NR_geteuid, "geteuid" }, { NR_getgid, "getgid" }, { NR_getegid, "getegid" },
        { NR_gettimeofday, "gettimeofday" }, { NR_pread64, "pread64" }, { NR_stat, "stat" }, { NR_lstat, "lstat" },
    };
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (names[i].nr == nr)
            return names[i].name;
    return NULL;
}

int user_syscall(struct uproc *p, int *status)
{
    struct cpu *c = &p->cpu;
    unsigned nr = c->svc_code ? c->svc_code : (unsigned)c->gr[1];
    uint64_t a[6];
    bool exited = false;
    for (int i = 0; i < 6; i++)
        a[i] = c->gr[2 + i];
    long r = sysc_dispatch_proc(p, nr, a, status, &exited);
    if (r == -ENOSYS && !exited)
        r = sysc_dispatch_io(p, nr, a);
    if (r == -ENOSYS)
        r = sysc_dispatch_mem(p, nr, a);
    if (r == -ENOSYS)
        r = sysc_dispatch_fd(p, nr, a);
    if (p->opts->strace) {
        const char *name = sysc_name(nr);
        fprintf(stderr, "%s%s(%#llx, %#llx, %#llx) = %ld\n", name ? "" : "unknown syscall ",
                name ? name : "", (unsigned long long)a[0], (unsigned long long)a[1],
                (unsigned long long)a[2], r);
        if (!name)
            fprintf(stderr, "  (number %u)\n", nr);
    }
    if (exited) {
        fflush(stdout);
        return 1;
    }
    c->gr[2] = (uint64_t)r;
    return 0;
}
