/* ELF64 reading shared by `zhyp user` and `zhyp run` (see include/zhyp/elf.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "zhyp/elf.h"

#define EM_S390 22

static int fail(char *err, size_t errlen, const char *path, const char *what)
{
    snprintf(err, errlen, "%s: %s", path, what);
    return -ENOEXEC;
}

static int read_file(const char *path, struct elf_image *img, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -ENOENT;
    }
    long n = fseek(f, 0, SEEK_END) ? -1 : ftell(f);
    img->file = n > 0 ? malloc((size_t)n) : NULL;
    if (!img->file || fseek(f, 0, SEEK_SET) || fread(img->file, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(img->file);
        img->file = NULL;
        return fail(err, errlen, path, n == 0 ? "empty file" : "cannot read the file");
    }
    fclose(f);
    img->len = (size_t)n;
    return 0;
}

int elf_open(const char *path, struct elf_image *img, char *err, size_t errlen)
{
    memset(img, 0, sizeof(*img));
    int rc = read_file(path, img, err, errlen);
    if (rc)
        return rc;
    const uint8_t *f = img->file;
    if (img->len < 64 || memcmp(f, "\177ELF", 4))
        rc = fail(err, errlen, path, "not an ELF file");
    else if (f[4] != 2 || f[5] != 2 || ld_be16(f + 18) != EM_S390)
        rc = fail(err, errlen, path, "not a 64-bit big-endian s390x ELF");
    else if (ld_be16(f + 16) != ELF_ET_EXEC && ld_be16(f + 16) != ELF_ET_DYN)
        rc = fail(err, errlen, path, "not an executable");
    if (!rc) {
        img->type = ld_be16(f + 16);
        img->entry = ld_be64(f + 24);
        img->phoff = ld_be64(f + 32);
        img->phent = ld_be16(f + 54);
        img->phnum = ld_be16(f + 56);
        if (img->phent < 56 || img->phoff > img->len ||
            (uint64_t)img->phnum * img->phent > img->len - img->phoff)
            rc = fail(err, errlen, path, "program headers out of range");
    }
    if (rc)
        elf_close(img);
    return rc;
}

int elf_segment(const struct elf_image *img, unsigned i, struct elf_seg *s)
{
    const uint8_t *ph = img->file + img->phoff + (uint64_t)i * img->phent;
    s->type = ld_be32(ph);
    s->flags = ld_be32(ph + 4);
    s->offset = ld_be64(ph + 8);
    s->vaddr = ld_be64(ph + 16);
    s->paddr = ld_be64(ph + 24);
    s->filesz = ld_be64(ph + 32);
    s->memsz = ld_be64(ph + 40);
    if (s->filesz > s->memsz || s->offset > img->len || s->filesz > img->len - s->offset)
        return -ENOEXEC;
    s->data = img->file + s->offset;
    return 0;
}

void elf_close(struct elf_image *img)
{
    free(img->file);
    img->file = NULL;
}
