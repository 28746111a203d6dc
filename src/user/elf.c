/* Loads a static s390x ELF64 executable into a user address space: PT_LOAD segments at
 * their virtual addresses with their protections (as the Linux ELF loader does). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "zhyp/user.h"

#define EM_S390     22
#define PT_LOAD     1
#define PT_INTERP   3
#define PT_PHDR     6
#define ET_EXEC     2
#define ET_DYN      3
#define PF_X 1
#define PF_W 2
#define PF_R 4
#define STATIC_PIE_BIAS 0x2aa00000000ULL   /* where Linux puts an s390x PIE's first page */

static void *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = n > 0 ? malloc((size_t)n) : NULL;
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        snprintf(err, errlen, "%s: cannot read the file", path);
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int check_header(const uint8_t *f, size_t len, const char *path, char *err, size_t errlen)
{
    if (len < 64 || memcmp(f, "\177ELF", 4)) {
        snprintf(err, errlen, "%s: not an ELF file", path);
        return -ENOEXEC;
    }
    if (f[4] != 2 || f[5] != 2 || ld_be16(f + 18) != EM_S390) {
        snprintf(err, errlen, "%s: not a 64-bit big-endian s390x ELF", path);
        return -ENOEXEC;
    }
    uint16_t type = ld_be16(f + 16);
    if (type != ET_EXEC && type != ET_DYN) {
        snprintf(err, errlen, "%s: not an executable (ELF type %u)", path, type);
        return -ENOEXEC;
    }
    uint64_t phoff = ld_be64(f + 32);
    uint16_t phent = ld_be16(f + 54), phnum = ld_be16(f + 56);
    if (phent < 56 || phoff > len || (uint64_t)phnum * phent > len - phoff) {
        snprintf(err, errlen, "%s: program headers out of range", path);
        return -ENOEXEC;
    }
    return 0;
}

static int prot_of(uint32_t flags)
{
    return ((flags & PF_R) ? UPROT_R : 0) | ((flags & PF_W) ? UPROT_W : 0) | ((flags & PF_X) ? UPROT_X : 0);
}

/* Map one PT_LOAD segment; pages shared with an earlier segment keep their contents. */
static int load_segment(struct uspace *us, const uint8_t *f, size_t len, const uint8_t *ph,
                        uint64_t bias, uint64_t *end)
{
    uint64_t off = ld_be64(ph + 8), va = ld_be64(ph + 16) + bias;
    uint64_t filesz = ld_be64(ph + 32), memsz = ld_be64(ph + 40);
    if (filesz > memsz || off > len || filesz > len - off)
        return -ENOEXEC;
    uint64_t first = va & ~PAGE_MASK_LOW, last = (va + memsz + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
    int prot = prot_of(ld_be32(ph + 4));
    for (uint64_t p = first; p < last; p += PAGE_SIZE_4K) {
        int rc = uspace_is_mapped(us, p, PAGE_SIZE_4K) ? 0 : uspace_map(us, p, PAGE_SIZE_4K, prot);
        if (rc)
            return rc;
    }
    if (uspace_write(us, va, f + off, filesz))
        return -EFAULT;
    /* Widen protections of shared boundary pages to the union. */
    for (uint64_t p = first; p < last; p += PAGE_SIZE_4K)
        (void)uspace_protect(us, p, PAGE_SIZE_4K, prot | UPROT_R);
    if (va + memsz > *end)
        *end = va + memsz;
    return 0;
}

int uelf_load(struct uspace *us, const char *path, struct uimage *img, char *err, size_t errlen)
{
    size_t len;
    uint8_t *f = read_file(path, &len, err, errlen);
    if (!f)
        return -ENOENT;
    int rc = check_header(f, len, path, err, errlen);
    uint64_t bias = ld_be16(f + 16) == ET_DYN ? STATIC_PIE_BIAS : 0, end = 0, first_va = ~0ULL;
    uint64_t phoff = rc ? 0 : ld_be64(f + 32);
    img->phnum = rc ? 0 : ld_be16(f + 56);
    img->phent = rc ? 0 : ld_be16(f + 54);
    img->phdr_va = 0;
    for (unsigned i = 0; !rc && i < img->phnum; i++) {
        const uint8_t *ph = f + phoff + (uint64_t)i * img->phent;
        uint32_t type = ld_be32(ph);
        if (type == PT_INTERP) {
            snprintf(err, errlen, "%s: dynamically linked; zhyp user runs static executables", path);
            rc = -ENOEXEC;
        } else if (type == PT_LOAD) {
            uint64_t seg_off = ld_be64(ph + 8), seg_va = ld_be64(ph + 16) + bias;
            if (seg_va < first_va)
                first_va = seg_va;
            if (phoff >= seg_off && phoff < seg_off + ld_be64(ph + 32))
                img->phdr_va = seg_va + (phoff - seg_off);
            rc = load_segment(us, f, len, ph, bias, &end);
            if (rc)
                snprintf(err, errlen, "%s: bad PT_LOAD segment %u", path, i);
        } else if (type == PT_PHDR) {
            img->phdr_va = ld_be64(ph + 16) + bias;
        }
    }
    if (!rc && first_va == ~0ULL) {
        snprintf(err, errlen, "%s: no loadable segment", path);
        rc = -ENOEXEC;
    }
    if (!rc) {
        img->entry_va = ld_be64(f + 24) + bias;
        img->brk_va = (end + PAGE_MASK_LOW) & ~PAGE_MASK_LOW;
    }
    free(f);
    return rc;
}
