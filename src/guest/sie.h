/* START INTERPRETIVE EXECUTION from a bare-metal host (docs/sie.md, spec zarch.md §7):
 * the state-description (SD) layout and flags, a guest living in a block of host
 * storage with reporting handlers that report every guest interruption to the host through
 * a DIAGNOSE interception, and sie_run(), which executes SIE with the guest's GR 0-13 in
 * the real registers. The numbers are the architected/decided values of docs/sie.md;
 * the SDK is freestanding and includes no host header. Usable from assembly. */
#ifndef GUEST_SIE_H
#define GUEST_SIE_H

/* State-description offsets (512 bytes, 512-byte aligned) */
#define SD_CPUFLAGS     0x000   /* 4 */
#define SD_PREFIX       0x004   /* 4: guest prefix = word & 0x7fffe000 */
#define SD_CPUTM        0x028   /* 8: guest CPU timer */
#define SD_CKC          0x030   /* 8: guest clock comparator */
#define SD_EPOCH        0x038   /* 8: guest TOD = host TOD + epoch */
#define SD_LCTL         0x044   /* 2: LCTL/LCTLG of CRn intercepts when bit n is on */
#define SD_ICPUA        0x046   /* 2: guest CPU address */
#define SD_ICTL         0x048   /* 4: interception controls */
#define SD_ICPTCODE     0x050   /* 1 */
#define SD_ICPTSTATUS   0x051   /* 1: 0x01 the instruction was the target of EX/EXRL */
#define SD_IHCPU        0x052   /* 2: host CPU that last ran the SD */
#define SD_IPA          0x056   /* 2 */
#define SD_IPB          0x058   /* 4 */
#define SD_ECB2         0x062   /* 1 */
#define SD_MSO          0x080   /* 8: main-storage origin (low 20 bits ignored) */
#define SD_MSL          0x088   /* 8: main-storage limit (low 20 bits taken as ones) */
#define SD_GPSW         0x090   /* 16: guest PSW */
#define SD_GG14         0x0a0   /* 8 */
#define SD_GG15         0x0a8   /* 8 */
#define SD_PGMILC       0x0cc   /* 2: program interception: ILC in bytes */
#define SD_IPRCC        0x0ce   /* 2: program-interruption code */
#define SD_DXC          0x0d0   /* 4: data-exception code */
#define SD_EAI          0x0e0   /* 1: exception access id */
#define SD_TECMC        0x0e8   /* 8: translation-exception identification */
#define SD_GCR          0x100   /* 16 x 8: guest control registers */
#define SD_FAC          0x1a0   /* 4: facility-list designation (bits 1-28) */
#define SD_SIZE         0x200

/* cpuflags */
#define CPUSTAT_STOP_INT    0x04000000
#define CPUSTAT_IO_INT      0x02000000
#define CPUSTAT_EXT_INT     0x01000000
#define CPUSTAT_RRF         0x00008000
#define CPUSTAT_SLSV        0x00004000
#define CPUSTAT_SLSR        0x00002000
#define CPUSTAT_ZARCH       0x00000800
#define CPUSTAT_MCDS        0x00000100
#define CPUSTAT_SM          0x00000080

/* Interception controls (ictl) */
#define ICTL_OPEREXC    0x80000000
#define ICTL_PINT       0x20000000
#define ICTL_LPSW       0x00400000
#define ICTL_STCTL      0x00040000
#define ICTL_ISKE       0x00004000
#define ICTL_SSKE       0x00002000
#define ICTL_RRBE       0x00001000
#define ICTL_TPROT      0x00000200

/* Interception codes (SD byte 0x50) */
#define ICPT_NONE       0x00    /* exit for the host (host interruption due) */
#define ICPT_INST       0x04
#define ICPT_PROGI      0x08
#define ICPT_EXTREQ     0x10
#define ICPT_IOREQ      0x18
#define ICPT_WAIT       0x1c
#define ICPT_VALIDITY   0x20
#define ICPT_STOP       0x28
#define ICPT_OPEREXC    0x2c

/* Validity interceptions: IPA 0x1000, reason in IPB bits 0-15 */
#define SIE_VALIDITY_IPA    0x1000
#define SIE_VIR_FLAGS       0x0001  /* RRF or MCDS */
#define SIE_VIR_ZARCH       0x0002  /* ZARCH clear */
#define SIE_VIR_SLS         0x0007  /* SLSV or SLSR */
#define SIE_VIR_MSO         0x0010  /* MSO > MSL */
#define SIE_VIR_PREFIX      0x0037  /* prefix area outside guest storage */
#define SIE_VIR_FAC         0x0038  /* facility list outside host storage */
#define SIE_VIR_PSW         0x0039  /* invalid guest PSW */

/* sie_enter()'s lowcore scratch (software area beside the SDK's at 0x200-0x2af):
 * every GPR right after SIE, then the host's r14 (the SD) and r15 before it. */
#define LC_SDK_SIE_REGS     0x300   /* 128 */
#define LC_SDK_SIE_HOST     0x380   /* 16: r14, r15 */

/* Guest absolute layout made by sie_guest_init() */
#define SIE_G_HANDLERS      0x8000  /* one reporter per interruption class, 16 bytes apart */
#define SIE_G_CODE          0x10000 /* the guest program (sie_guest_code) */
#define SIE_G_DATA          0x20000 /* free for the test's data */
#define SIE_G_MIN_SIZE      0x100000

/* DIAGNOSE codes of the reporters: a guest interruption of class INTR_x (intr.h) ends in
 * "diag 0,0,SIE_DIAG_INTR + INTR_x"; the reporter then returns with LPSWE of the class's old
 * PSW when the host runs the guest again. Guest programs end with SIE_DIAG_DONE. */
#define SIE_DIAG_INTR       0xf00
#define SIE_DIAG_DONE       0xf0f

#ifndef __ASSEMBLER__
#include <stdint.h>

/* A guest: its SD, its storage (host pointer to guest absolute 0), the GPRs sie_run()
 * loads and stores back. For SM clear, mem is MSO itself (the host runs DAT off or
 * identity mapped); for SM set it is MSO as a host virtual address, usable while the
 * host runs with the DAT tables behind the guest. */
struct sie_guest {
    uint8_t *sd;            /* 512-byte aligned state description */
    uint8_t *mem;           /* guest absolute 0 as seen by the host */
    uint64_t size;          /* guest storage size, a multiple of 1 MB */
    uint64_t gr[16];        /* guest GR 0-15; 14/15 go through SD 0xa0/0xa8 */
    int host_regs_kept;     /* last run: SIE left the host's r14/r15 alone */
};

/* Run SIE on sd with the guest's GR 0-13 from gr[0..13] in the real registers; the
 * registers after SIE go back to gr[0..13]. Returns 1 when the host's r14 and r15
 * were unchanged by SIE, else 0. (sie_entry.S) */
int sie_enter(void *sd, uint64_t *gr);
/* The SIE instruction of sie_enter: the old PSW of an exit for the host points here. */
extern const char sie_insn[];

/* Big-endian fields of the SD (the host is big-endian: plain loads). */
static inline uint8_t sd_get8(const struct sie_guest *g, unsigned off) { return *(volatile uint8_t *)(g->sd + off); }
static inline uint16_t sd_get16(const struct sie_guest *g, unsigned off) { return *(volatile uint16_t *)(g->sd + off); }
static inline uint32_t sd_get32(const struct sie_guest *g, unsigned off) { return *(volatile uint32_t *)(g->sd + off); }
static inline uint64_t sd_get64(const struct sie_guest *g, unsigned off) { return *(volatile uint64_t *)(g->sd + off); }
static inline void sd_set8(struct sie_guest *g, unsigned off, uint8_t v) { *(volatile uint8_t *)(g->sd + off) = v; }
static inline void sd_set16(struct sie_guest *g, unsigned off, uint16_t v) { *(volatile uint16_t *)(g->sd + off) = v; }
static inline void sd_set32(struct sie_guest *g, unsigned off, uint32_t v) { *(volatile uint32_t *)(g->sd + off) = v; }
static inline void sd_set64(struct sie_guest *g, unsigned off, uint64_t v) { *(volatile uint64_t *)(g->sd + off) = v; }

static inline uint8_t sie_icptcode(const struct sie_guest *g) { return sd_get8(g, SD_ICPTCODE); }
static inline uint16_t sie_ipa(const struct sie_guest *g) { return sd_get16(g, SD_IPA); }
static inline uint32_t sie_ipb(const struct sie_guest *g) { return sd_get32(g, SD_IPB); }
static inline uint64_t sie_psw_mask(const struct sie_guest *g) { return sd_get64(g, SD_GPSW); }
static inline uint64_t sie_psw_addr(const struct sie_guest *g) { return sd_get64(g, SD_GPSW + 8); }
static inline void sie_set_psw(struct sie_guest *g, uint64_t mask, uint64_t addr)
{
    sd_set64(g, SD_GPSW, mask);
    sd_set64(g, SD_GPSW + 8, addr);
}
static inline uint64_t sie_gcr(const struct sie_guest *g, int n) { return sd_get64(g, SD_GCR + 8 * n); }
static inline void sie_set_gcr(struct sie_guest *g, int n, uint64_t v) { sd_set64(g, SD_GCR + 8 * n, v); }

/* Guest storage through the host pointer. */
static inline void *sie_g(const struct sie_guest *g, uint64_t ga) { return g->mem + ga; }
static inline uint8_t sie_g8(const struct sie_guest *g, uint64_t ga) { return *(volatile uint8_t *)sie_g(g, ga); }
static inline uint16_t sie_g16(const struct sie_guest *g, uint64_t ga) { return *(volatile uint16_t *)sie_g(g, ga); }
static inline uint32_t sie_g32(const struct sie_guest *g, uint64_t ga) { return *(volatile uint32_t *)sie_g(g, ga); }
static inline uint64_t sie_g64(const struct sie_guest *g, uint64_t ga) { return *(volatile uint64_t *)sie_g(g, ga); }
static inline void sie_gset64(struct sie_guest *g, uint64_t ga, uint64_t v) { *(volatile uint64_t *)sie_g(g, ga) = v; }
static inline void sie_gset32(struct sie_guest *g, uint64_t ga, uint32_t v) { *(volatile uint32_t *)sie_g(g, ga) = v; }

/* A fresh guest: SD cleared, cpuflags ZARCH, MSO/MSL for size bytes at mso (MSL =
 * mso + size - 1), guest storage cleared through mem, prefix 0, the reporting handlers and
 * the new PSWs (64-bit, DAT off, masked) pointing at them, guest PSW 64-bit at
 * SIE_G_CODE, CKC never, CPU timer at its maximum, GPRs 0. */
void sie_guest_init(struct sie_guest *g, void *sd, uint64_t mso, void *mem, uint64_t size);
/* Set the guest prefix (SD 0x004) and write the new PSWs into that prefix area. */
void sie_guest_set_prefix(struct sie_guest *g, uint32_t prefix);
/* Copy the code [start, end) to SIE_G_CODE and point the guest PSW at it. */
void sie_guest_code(struct sie_guest *g, const char *start, const char *end);
/* Run the guest once: gg14/gg15 from gr[14]/gr[15], SIE, GPRs back. Returns the
 * interception code. */
uint8_t sie_run(struct sie_guest *g);
/* The last exit was the instruction interception of "diag 0,0,code" (any R1/R3). */
int sie_is_diag(const struct sie_guest *g, unsigned code);
/* The last exit was a guest interruption of class cls (INTR_*) reported by its reporter. */
static inline int sie_is_intr(const struct sie_guest *g, unsigned cls)
{
    return sie_is_diag(g, SIE_DIAG_INTR + cls);
}

/* Guest code: a named block of position-independent instructions (relative branches,
 * LARL inside the block) placed in .rodata, copied to SIE_G_CODE by sie_guest_code().
 * A label inside the block at guest absolute SIE_GA(name, label) when both are
 * declared with SIE_LABEL. */
#define SIE_GUEST_CODE(name, body)                                              \
    extern const char name[], name##_end[];                                     \
    asm(".pushsection .rodata.sie_guest,\"a\"\n\t.balign 8\n\t.globl " #name     \
        "\n" #name ":\n\t" body "\n\t.globl " #name "_end\n" #name "_end:\n"   \
        "\t.popsection")
#define SIE_LABEL(label)    extern const char label[]
#define SIE_GA(name, label) ((uint64_t)SIE_G_CODE + (uint64_t)((label) - (name)))
/* The DIAGNOSE that ends a guest program, as text for SIE_GUEST_CODE bodies. */
#define SIE_ASM_DONE        "diag %r0,%r0,0xf0f\n\t"
#endif

#endif
