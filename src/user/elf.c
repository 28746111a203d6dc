/* Loads a static s390x ELF64 executable into a user address space: PT_LOAD segments at
 * their virtual addresses with their protections (as the Linux ELF loader does). */
#include <errno.h>
#include <stdio.h>

#include "zhyp/elf.h"
#include "zhyp/user.h"

#define STATIC_PIE_BIAS 0x2aa00000000ULL   /* where Linux puts an s390x PIE's first page */

static int prot_of(uint32_t flags)
{
    return ((flags & ELF_PF_R) ? UPROT_R : 0) | ((flags & ELF_PF_W) ? UPROT_W : 0) |
           ((flags & ELF_PF_X) ? UPROT_X : 0);
}

/* Map one PT_LOAD segment; pages shared with an earlier segment keep their contents. */
static int load_segment(struct uspace *us, const struct elf_seg *s, uint64_t bias, uint64_t *end)
{
    uint64_t va = s->vaddr + bias;
    uint64_t first = va & ~PAGE_MASK_LOW, last = (va + s->memsz + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
    int prot = prot_of(s->flags);
    for (uint64_t p = first; p < last; p += PAGE_SIZE_4K) {
        int rc = uspace_is_mapped(us, p, PAGE_SIZE_4K) ? 0 : uspace_map(us, p, PAGE_SIZE_4K, prot);
        if (rc)
            return rc;
    }
    if (uspace_write(us, va, s->data, s->filesz))
        return -EFAULT;
    /* Widen protections of shared boundary pages to the union. */
    for (uint64_t p = first; p < last; p += PAGE_SIZE_4K)
        (void)uspace_protect(us, p, PAGE_SIZE_4K, prot | UPROT_R);
    if (va + s->memsz > *end)
        *end = va + s->memsz;
    return 0;
}

int uelf_load(struct uspace *us, const char *path, struct uimage *img, char *err, size_t errlen)
{
    struct elf_image e;
    struct elf_seg s;
    int rc = elf_open(path, &e, err, errlen);
    if (rc)
        return rc;
    uint64_t bias = e.type == ELF_ET_DYN ? STATIC_PIE_BIAS : 0, end = 0;
    bool loaded = false;
    img->phnum = e.phnum;
    img->phent = e.phent;
    img->phdr_va = 0;
    for (unsigned i = 0; !rc && i < e.phnum; i++) {
        if (elf_segment(&e, i, &s)) {
            snprintf(err, errlen, "%s: program header %u out of range", path, i);
            rc = -ENOEXEC;
        } else if (s.type == ELF_PT_INTERP) {
            snprintf(err, errlen, "%s: dynamically linked; zhyp user runs static executables", path);
            rc = -ENOEXEC;
        } else if (s.type == ELF_PT_LOAD) {
            if (e.phoff >= s.offset && e.phoff < s.offset + s.filesz)
                img->phdr_va = s.vaddr + bias + (e.phoff - s.offset);
            rc = load_segment(us, &s, bias, &end);
            if (rc)
                snprintf(err, errlen, "%s: cannot map PT_LOAD segment %u", path, i);
            loaded = true;
        } else if (s.type == ELF_PT_PHDR) {
            img->phdr_va = s.vaddr + bias;
        }
    }
    if (!rc && !loaded) {
        snprintf(err, errlen, "%s: no loadable segment", path);
        rc = -ENOEXEC;
    }
    if (!rc) {
        img->entry_va = e.entry + bias;
        img->brk_va = (end + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
    }
    elf_close(&e);
    return rc;
}
