/* s390x Linux system-call numbers (asm/unistd_64.h) and the dispatch split (src/user). */
#ifndef ZHYP_USER_SYSC_H
#define ZHYP_USER_SYSC_H

#include "uproc.h"

enum {
    NR_exit = 1, NR_read = 3, NR_write = 4, NR_open = 5, NR_close = 6, NR_unlink = 10,
    NR_lseek = 19, NR_getpid = 20, NR_access = 33, NR_kill = 37, NR_dup = 41, NR_times = 43,
    NR_brk = 45, NR_ioctl = 54, NR_fcntl = 55, NR_dup2 = 63, NR_getppid = 64,
    NR_gettimeofday = 78, NR_readlink = 85, NR_mmap = 90, NR_munmap = 91, NR_stat = 106,
    NR_lstat = 107, NR_fstat = 108, NR_uname = 122, NR_mprotect = 125, NR_readv = 145,
    NR_writev = 146, NR_sched_yield = 158, NR_nanosleep = 162, NR_mremap = 163,
    NR_rt_sigaction = 174, NR_rt_sigprocmask = 175, NR_pread64 = 180, NR_getcwd = 183,
    NR_sigaltstack = 186, NR_getrlimit = 191, NR_getuid = 199, NR_getgid = 200,
    NR_geteuid = 201, NR_getegid = 202, NR_madvise = 219, NR_gettid = 236, NR_tkill = 237,
    NR_futex = 238, NR_sched_getaffinity = 240, NR_tgkill = 241, NR_exit_group = 248,
    NR_set_tid_address = 252, NR_clock_gettime = 260, NR_clock_getres = 261,
    NR_clock_nanosleep = 262, NR_openat = 288, NR_newfstatat = 293, NR_unlinkat = 294,
    NR_readlinkat = 298, NR_faccessat = 300, NR_set_robust_list = 304, NR_dup3 = 326,
    NR_prlimit64 = 334, NR_pipe = 42, NR_pipe2 = 325, NR_pwrite64 = 181, NR_ftruncate = 93, NR_getrandom = 349, NR_statx = 379, NR_rseq = 383,
};

/* Each returns the result for GR2, -ENOSYS when the number is not theirs. */
long sysc_dispatch_io(struct uproc *p, unsigned nr, const uint64_t *a);
long sysc_dispatch_mem(struct uproc *p, unsigned nr, const uint64_t *a);
long sysc_dispatch_fd(struct uproc *p, unsigned nr, const uint64_t *a);
/* Transfer through a host bounce buffer: to_user = read into user memory. */
long sysc_bounce_io(struct uproc *p, int fd, uint64_t buf_va, uint64_t len, bool to_user,
                    bool positional, int64_t off);

#endif
