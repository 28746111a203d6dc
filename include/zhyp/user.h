/* User mode: run a static s390x Linux ELF like qemu-s390x (`zhyp user`).
 * A sparse user address space, an ELF loader and the Linux system-call ABI. */
#ifndef ZHYP_USER_H
#define ZHYP_USER_H

#include "zhyp/cpu.h"

#define UPROT_R 1
#define UPROT_W 2
#define UPROT_X 4

/* The user address space: a 4-level radix over 4K page numbers; each leaf holds the
 * host page address ORed with UPROT_* bits (host pages are 4K aligned). */
struct uspace {
    void *root;                  /* level-1 node: uintptr_t[8192] */
    uint64_t brk_base_va;        /* start of the heap (page aligned, after the image) */
    uint64_t brk_va;             /* current program break */
    uint64_t mmap_next_va;       /* next address tried for mmap without a hint */
    struct cpu *cpu;             /* TLB to flush when mappings change */
};

int uspace_init(struct uspace *us);
void uspace_free(struct uspace *us);
/* Map [va, va+len) (page aligned) with fresh zeroed pages. Returns 0 or -errno. */
int uspace_map(struct uspace *us, uint64_t va, uint64_t len, int prot);
void uspace_unmap(struct uspace *us, uint64_t va, uint64_t len);
int uspace_protect(struct uspace *us, uint64_t va, uint64_t len, int prot);
bool uspace_is_mapped(const struct uspace *us, uint64_t va, uint64_t len);
bool uspace_is_free(const struct uspace *us, uint64_t va, uint64_t len);
/* Find a free range of len bytes at or below mmap_next_va. Returns 0 when none. */
uint64_t uspace_find_free(struct uspace *us, uint64_t len);
/* Copy between host buffers and user memory, ignoring protection (the kernel's view).
 * Return 0 or -EFAULT. */
int uspace_read(const struct uspace *us, uint64_t va, void *buf, uint64_t len);
int uspace_write(struct uspace *us, uint64_t va, const void *buf, uint64_t len);
/* Copy a NUL-terminated string of at most max bytes. Returns length or -EFAULT/-ENAMETOOLONG. */
long uspace_read_str(const struct uspace *us, uint64_t va, char *buf, size_t max);
extern const struct mem_ops uspace_mem_ops;

/* ELF loading: maps PT_LOAD segments, returns 0 or -errno with a message in err. */
struct uimage {
    uint64_t entry_va;
    uint64_t phdr_va;            /* program headers in memory, for AT_PHDR */
    uint16_t phnum, phent;
    uint64_t brk_va;             /* end of the highest segment */
};
int uelf_load(struct uspace *us, const char *path, struct uimage *img, char *err, size_t errlen);

struct user_opts {
    bool strace;                 /* print each system call to stderr */
    int trace;                   /* instruction trace */
    uint64_t max_insns;          /* 0 = unlimited */
    const char *coverage_out;    /* append executed mnemonics here */
    bool stats;                  /* print instructions executed and host time at exit */
};

/* Run PROG with argv/envp to completion. Returns the exit status the host process should
 * use (the guest's exit code, or 128+signal when a program interruption ended it), or -1
 * after printing a one-line error for bad input (file not found, not an s390x ELF...). */
int user_run(const char *prog, char **argv, char **envp, const struct user_opts *o);

/* syscall.c: perform the system call in c->svc_code / GR1 with GR2-GR7; GR2 gets the result.
 * Returns 0 to continue, or 1 when the program exited (*status set). */
struct uproc;
int user_syscall(struct uproc *p, int *status);

#endif
