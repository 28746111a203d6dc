/* File-descriptor system calls that pass straight through to the host: descriptors,
 * pipes, positional writes, and path operations. Linux's flag and command values are the
 * same on s390x and on the x86-64 host (both use the generic definitions). */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "sysc.h"

static long host_rc(long r)
{
    return r < 0 ? -errno : r;
}

static long sys_fcntl(int fd, uint64_t cmd, uint64_t arg)
{
    switch (cmd) {
    case F_DUPFD: case F_GETFD: case F_SETFD: case F_GETFL: case F_SETFL: case F_DUPFD_CLOEXEC:
        return host_rc(fcntl(fd, (int)cmd, (int)arg));
    default:
        return -EINVAL;      /* record locks and owners: not needed by the programs we run */
    }
}

static long sys_pipe(struct uproc *p, uint64_t fds_va, int flags)
{
    int fds[2];
    uint8_t b[8];
    if (pipe2(fds, flags) < 0)
        return -errno;
    st_be32(b, (uint32_t)fds[0]);
    st_be32(b + 4, (uint32_t)fds[1]);
    if (uspace_write(&p->us, fds_va, b, 8)) {
        close(fds[0]);
        close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

/* Path-taking calls: copy the path in, call the host. */
static long sys_path(struct uproc *p, unsigned nr, const uint64_t *a)
{
    char path[4096];
    uint64_t path_va = (nr == NR_unlinkat || nr == NR_faccessat) ? a[1] : a[0];
    long n = uspace_read_str(&p->us, path_va, path, sizeof(path));
    if (n < 0)
        return n;
    switch (nr) {
    case NR_unlink:    return host_rc(unlink(path));
    case NR_unlinkat:  return host_rc(unlinkat((int)a[0], path, (int)a[2]));
    case NR_access:    return host_rc(access(path, (int)a[1]));
    case NR_faccessat: return host_rc(faccessat((int)a[0], path, (int)a[2], 0));
    default:           return -ENOSYS;
    }
}

long sysc_dispatch_fd(struct uproc *p, unsigned nr, const uint64_t *a)
{
    switch (nr) {
    case NR_fcntl:     return sys_fcntl((int)a[0], a[1], a[2]);
    case NR_pipe:      return sys_pipe(p, a[0], 0);
    case NR_pipe2:     return sys_pipe(p, a[0], (int)a[1]);
    case NR_dup:       return host_rc(dup((int)a[0]));
    case NR_dup2:      return host_rc(dup2((int)a[0], (int)a[1]));
    case NR_dup3:      return host_rc(dup3((int)a[0], (int)a[1], (int)a[2]));
    case NR_pwrite64:  return sysc_bounce_io(p, (int)a[0], a[1], a[2], false, true, (int64_t)a[3]);
    case NR_ftruncate: return host_rc(ftruncate((int)a[0], (off_t)a[1]));
    case NR_unlink: case NR_unlinkat: case NR_access: case NR_faccessat:
        return sys_path(p, nr, a);
    default:           return -ENOSYS;
    }
}
