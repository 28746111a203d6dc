/* The Linux s390x system-call ABI for `zhyp user`: SVC n (n < 256) or SVC 0 with the
 * number in GR1; arguments in GR2-GR7; the result (or -errno) back in GR2.
 * Numbers from the kernel's s390x syscall table (asm/unistd_64.h). Structures written
 * back to the program are converted to s390x layout, big-endian. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/resource.h>

#include "uproc.h"
#include "sysc.h"

#define IO_CHUNK (1u << 20)

/* read/write (positional or not) through a bounce buffer: user memory is not
 * contiguous on the host. A short transfer or a fault after some bytes returns the count. */
long sysc_bounce_io(struct uproc *p, int fd, uint64_t buf_va, uint64_t len, bool to_user,
                    bool positional, int64_t off)
{
    uint8_t *tmp = malloc(len < IO_CHUNK ? (len ? len : 1) : IO_CHUNK);
    long total = 0;
    if (!tmp)
        return -ENOMEM;
    while ((uint64_t)total < len) {
        size_t want = len - total < IO_CHUNK ? len - total : IO_CHUNK;
        ssize_t n;
        if (!to_user && uspace_read(&p->us, buf_va + total, tmp, want)) {
            total = total ? total : -EFAULT;
            break;
        }
        if (to_user)
            n = positional ? pread(fd, tmp, want, off + total) : read(fd, tmp, want);
        else
            n = positional ? pwrite(fd, tmp, want, off + total) : write(fd, tmp, want);
        if (n < 0) {
            total = total ? total : -errno;
            break;
        }
        if (to_user && uspace_write(&p->us, buf_va + total, tmp, (uint64_t)n)) {
            total = total ? total : -EFAULT;
            break;
        }
        total += n;
        if ((size_t)n < want)
            break;
    }
    free(tmp);
    return total;
}

static long sys_read(struct uproc *p, int fd, uint64_t buf_va, uint64_t len, bool positional, int64_t off)
{
    return sysc_bounce_io(p, fd, buf_va, len, true, positional, off);
}

static long sys_write(struct uproc *p, int fd, uint64_t buf_va, uint64_t len)
{
    return sysc_bounce_io(p, fd, buf_va, len, false, false, 0);
}

static long sys_writev(struct uproc *p, int fd, uint64_t iov_va, uint64_t cnt, bool is_read)
{
    long total = 0;
    if (cnt > 1024)
        return -EINVAL;
    for (uint64_t i = 0; i < cnt; i++) {
        uint8_t e[16];
        if (uspace_read(&p->us, iov_va + 16 * i, e, 16))
            return -EFAULT;
        uint64_t base = ld_be64(e), len = ld_be64(e + 8);
        long n = is_read ? sys_read(p, fd, base, len, false, 0) : sys_write(p, fd, base, len);
        if (n < 0)
            return total ? total : n;
        total += n;
        if ((uint64_t)n < len)
            break;
    }
    return total;
}

/* struct stat for s390x (asm/stat.h, __s390x__ variant): 144 bytes. */
static long put_stat(struct uproc *p, uint64_t va, const struct stat *st)
{
    uint8_t b[144] = { 0 };
    st_be64(b + 0, st->st_dev);
    st_be64(b + 8, st->st_ino);
    st_be64(b + 16, st->st_nlink);
    st_be32(b + 24, st->st_mode);
    st_be32(b + 28, st->st_uid);
    st_be32(b + 32, st->st_gid);
    st_be64(b + 40, st->st_rdev);
    st_be64(b + 48, (uint64_t)st->st_size);
    st_be64(b + 56, (uint64_t)st->st_atim.tv_sec);
    st_be64(b + 64, (uint64_t)st->st_atim.tv_nsec);
    st_be64(b + 72, (uint64_t)st->st_mtim.tv_sec);
    st_be64(b + 80, (uint64_t)st->st_mtim.tv_nsec);
    st_be64(b + 88, (uint64_t)st->st_ctim.tv_sec);
    st_be64(b + 96, (uint64_t)st->st_ctim.tv_nsec);
    st_be64(b + 104, (uint64_t)st->st_blksize);
    st_be64(b + 112, (uint64_t)st->st_blocks);
    return uspace_write(&p->us, va, b, sizeof(b)) ? -EFAULT : 0;
}

static long sys_fstatat(struct uproc *p, int dirfd, uint64_t path_va, uint64_t st_va, int flags)
{
    char path[4096];
    struct stat st;
    long n = uspace_read_str(&p->us, path_va, path, sizeof(path));
    if (n < 0)
        return n;
    if (fstatat(dirfd, path, &st, flags) < 0)
        return -errno;
    return put_stat(p, st_va, &st);
}

static long sys_fstat(struct uproc *p, int fd, uint64_t st_va)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -errno;
    return put_stat(p, st_va, &st);
}

static long sys_openat(struct uproc *p, int dirfd, uint64_t path_va, int flags, int mode)
{
    char path[4096];
    long n = uspace_read_str(&p->us, path_va, path, sizeof(path));
    if (n < 0)
        return n;
    int fd = openat(dirfd, path, flags, mode);   /* Linux open flags agree on s390x and x86 */
    return fd < 0 ? -errno : fd;
}

static long sys_brk(struct uproc *p, uint64_t want_va)
{
    struct uspace *us = &p->us;
    uint64_t old_end = (us->brk_va + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
    uint64_t new_end = (want_va + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
    if (want_va < us->brk_base_va)
        return (long)us->brk_va;
    if (new_end > old_end) {
        if (!uspace_is_free(us, old_end, new_end - old_end))
            return (long)us->brk_va;         /* would run into a mapping */
        if (uspace_map(us, old_end, new_end - old_end, UPROT_R | UPROT_W))
            return (long)us->brk_va;
    } else if (new_end < old_end) {
        uspace_unmap(us, new_end, old_end - new_end);
    }
    us->brk_va = want_va;
    return (long)us->brk_va;
}

/* mmap on s390x passes a pointer to six longs: addr, len, prot, flags, fd, offset. */
static long sys_mmap(struct uproc *p, uint64_t args_va)
{
    uint8_t a[48];
    if (uspace_read(&p->us, args_va, a, sizeof(a)))
        return -EFAULT;
    uint64_t addr = ld_be64(a), len = ld_be64(a + 8), off = ld_be64(a + 40);
    int prot = (int)ld_be64(a + 16), flags = (int)ld_be64(a + 24), fd = (int)ld_be64(a + 32);
    if (!len || (addr & PAGE_MASK_LOW) || (off & PAGE_MASK_LOW))
        return -EINVAL;
    len = (len + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
    int uprot = ((prot & PROT_READ) ? UPROT_R : 0) | ((prot & PROT_WRITE) ? UPROT_W : 0) |
                ((prot & PROT_EXEC) ? UPROT_X : 0);
    uint64_t va = addr;
    if (!(flags & MAP_FIXED) && (!addr || !uspace_is_free(&p->us, addr, len)))
        va = uspace_find_free(&p->us, len);
    if (!va)
        return -ENOMEM;
    if (uspace_map(&p->us, va, len, uprot | UPROT_R))
        return -ENOMEM;
    if (!(flags & MAP_ANONYMOUS)) {
        long n = sys_read(p, fd, va, len, true, (int64_t)off);
        if (n < 0) {
            uspace_unmap(&p->us, va, len);
            return n;
        }
    }
    (void)uspace_protect(&p->us, va, len, uprot);
    return (long)va;
}

static long sys_uname(struct uproc *p, uint64_t buf_va)
{
    char b[6 * 65] = { 0 };
    struct utsname u;
    uname(&u);
    snprintf(b, 65, "Linux");
    snprintf(b + 65, 65, "%s", u.nodename);
    snprintf(b + 130, 65, "6.1.0");
    snprintf(b + 195, 65, "#1 SMP zhyp");
    snprintf(b + 260, 65, "s390x");
    return uspace_write(&p->us, buf_va, b, sizeof(b)) ? -EFAULT : 0;
}

static long sys_clock_gettime(struct uproc *p, int clk, uint64_t ts_va)
{
    struct timespec ts;
    uint8_t b[16];
    if (clock_gettime(clk, &ts) < 0)
        return -errno;
    st_be64(b, (uint64_t)ts.tv_sec);
    st_be64(b + 8, (uint64_t)ts.tv_nsec);
    return uspace_write(&p->us, ts_va, b, 16) ? -EFAULT : 0;
}

/* getrandom: a fixed-seed generator, so that a program's runs are repeatable. */
static long sys_getrandom(struct uproc *p, uint64_t buf_va, uint64_t len)
{
    for (uint64_t i = 0; i < len; i++) {
        p->rand_state = p->rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
        uint8_t byte = (uint8_t)(p->rand_state >> 56);
        if (uspace_write(&p->us, buf_va + i, &byte, 1))
            return i ? (long)i : -EFAULT;
    }
    return (long)len;
}

static long sys_ioctl(struct uproc *p, int fd, uint64_t req, uint64_t arg_va)
{
    if (req == TCGETS) {
        uint8_t zero[36] = { 0 };   /* struct termios: content unused by the programs we run */
        if (!isatty(fd))
            return -ENOTTY;
        return uspace_write(&p->us, arg_va, zero, sizeof(zero)) ? -EFAULT : 0;
    }
    if (req == TIOCGWINSZ) {
        struct winsize ws;
        uint8_t b[8];
        if (ioctl(fd, TIOCGWINSZ, &ws) < 0)
            return -errno;
        st_be16(b, ws.ws_row); st_be16(b + 2, ws.ws_col);
        st_be16(b + 4, ws.ws_xpixel); st_be16(b + 6, ws.ws_ypixel);
        return uspace_write(&p->us, arg_va, b, 8) ? -EFAULT : 0;
    }
    return -ENOTTY;
}

static long sys_readlink(struct uproc *p, uint64_t path_va, uint64_t buf_va, uint64_t len)
{
    char path[4096], out[4096];
    long n = uspace_read_str(&p->us, path_va, path, sizeof(path));
    if (n < 0)
        return n;
    if (!strcmp(path, "/proc/self/exe")) {
        n = (long)strlen(p->exe_path);
        memcpy(out, p->exe_path, (size_t)n);
    } else if ((n = readlink(path, out, sizeof(out))) < 0) {
        return -errno;
    }
    if ((uint64_t)n > len)
        n = (long)len;
    return uspace_write(&p->us, buf_va, out, (uint64_t)n) ? -EFAULT : n;
}

static long sys_prlimit(struct uproc *p, uint64_t res, uint64_t new_va, uint64_t old_va)
{
    struct rlimit rl;
    uint8_t b[16];
    if (new_va)
        return -EPERM;
    if (getrlimit((int)res, &rl) < 0)
        return -errno;
    st_be64(b, rl.rlim_cur);
    st_be64(b + 8, rl.rlim_max);
    return old_va && uspace_write(&p->us, old_va, b, 16) ? -EFAULT : 0;
}

long sysc_dispatch_io(struct uproc *p, unsigned nr, const uint64_t *a)
{
    switch (nr) {
    case NR_read:       return sys_read(p, (int)a[0], a[1], a[2], false, 0);
    case NR_pread64:    return sys_read(p, (int)a[0], a[1], a[2], true, (int64_t)a[3]);
    case NR_write:      return sys_write(p, (int)a[0], a[1], a[2]);
    case NR_writev:     return sys_writev(p, (int)a[0], a[1], a[2], false);
    case NR_readv:      return sys_writev(p, (int)a[0], a[1], a[2], true);
    case NR_open:       return sys_openat(p, AT_FDCWD, a[0], (int)a[1], (int)a[2]);
    case NR_openat:     return sys_openat(p, (int)a[0], a[1], (int)a[2], (int)a[3]);
    case NR_close:      return (int)a[0] <= 2 ? 0 : close((int)a[0]) < 0 ? -errno : 0;
    case NR_lseek: {
        off_t r = lseek((int)a[0], (off_t)a[1], (int)a[2]);
        return r < 0 ? -errno : (long)r;
    }
    case NR_fstat:      return sys_fstat(p, (int)a[0], a[1]);
    case NR_stat:       return sys_fstatat(p, AT_FDCWD, a[0], a[1], 0);
    case NR_lstat:      return sys_fstatat(p, AT_FDCWD, a[0], a[1], AT_SYMLINK_NOFOLLOW);
    case NR_newfstatat: return sys_fstatat(p, (int)a[0], a[1], a[2], (int)a[3]);
    case NR_ioctl:      return sys_ioctl(p, (int)a[0], a[1], a[2]);
    case NR_readlink:   return sys_readlink(p, a[0], a[1], a[2]);
    case NR_readlinkat: return sys_readlink(p, a[1], a[2], a[3]);
    default:            return -ENOSYS;
    }
}

long sysc_dispatch_mem(struct uproc *p, unsigned nr, const uint64_t *a)
{
    switch (nr) {
    case NR_brk:      return sys_brk(p, a[0]);
    case NR_mmap:     return sys_mmap(p, a[0]);
    case NR_munmap:
        if ((a[0] & PAGE_MASK_LOW) || !a[1])
            return -EINVAL;
        uspace_unmap(&p->us, a[0], (a[1] + PAGE_MASK_LOW) & ~PAGE_MASK_LOW);
        return 0;
    case NR_mprotect: {
        int prot = (int)a[2];
        int uprot = ((prot & PROT_READ) ? UPROT_R : 0) | ((prot & PROT_WRITE) ? UPROT_W : 0) |
                    ((prot & PROT_EXEC) ? UPROT_X : 0);
        return uspace_protect(&p->us, a[0] & ~PAGE_MASK_LOW, (a[1] + PAGE_MASK_LOW) & ~PAGE_MASK_LOW, uprot);
    }
    case NR_madvise:  return 0;
    case NR_uname:    return sys_uname(p, a[0]);
    case NR_clock_gettime: return sys_clock_gettime(p, (int)a[0], a[1]);
    case NR_getrandom: return sys_getrandom(p, a[0], a[1]);
    case NR_prlimit64: return sys_prlimit(p, a[1], a[2], a[3]);
    default:          return -ENOSYS;
    }
}
