/* Reading s390x ELF64 executables: the header checks and bounds-checked program headers,
 * shared by user mode (virtual addresses) and the machine's boot loader (physical). */
#ifndef ZHYP_ELF_H
#define ZHYP_ELF_H

#include "zhyp/types.h"

#define ELF_PT_LOAD   1
#define ELF_PT_INTERP 3
#define ELF_PT_PHDR   6
#define ELF_ET_EXEC   2
#define ELF_ET_DYN    3
#define ELF_PF_X 1
#define ELF_PF_W 2
#define ELF_PF_R 4

struct elf_image {
    uint8_t *file;               /* the whole file */
    size_t len;
    uint16_t type;               /* ELF_ET_* */
    uint16_t phnum, phent;
    uint64_t phoff, entry;
};

struct elf_seg {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz;
    const uint8_t *data;         /* filesz bytes inside the file */
};

/* Read and check a 64-bit big-endian s390x executable. Returns 0, or -errno with a
 * one-line message naming the file in err. */
int elf_open(const char *path, struct elf_image *img, char *err, size_t errlen);
/* Program header i; returns 0, or -ENOEXEC when it points outside the file. */
int elf_segment(const struct elf_image *img, unsigned i, struct elf_seg *s);
void elf_close(struct elf_image *img);

#endif
