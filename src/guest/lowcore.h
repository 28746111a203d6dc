/* Lowcore (prefix area) of the bare-metal guest SDK: z/Architecture 8 KB lowcore,
 * big-endian fields at fixed real addresses (spec zarch.md §2). Offsets are usable
 * from assembly; the accessors read them through the prefix of the running CPU.
 * The SDK keeps its interruption scratch area in the OS-defined range at 0x200. */
#ifndef GUEST_LOWCORE_H
#define GUEST_LOWCORE_H

/* Interruption parameters stored by the machine */
#define LC_EXT_PARAM        0x080   /* 4: external parameter (SCLP: SCCB | pending bits) */
#define LC_EXT_CPU_ADDR     0x084   /* 2: CPU address of an external call / emergency signal */
#define LC_EXT_CODE         0x086   /* 2: external-interruption code */
#define LC_SVC_ILC          0x088   /* 2: SVC instruction length in bytes (2, 4 under EX, 6 EXRL) */
#define LC_SVC_CODE         0x08a   /* 2: SVC number */
#define LC_PGM_ILC          0x08c   /* 2: program-check instruction length in bytes, 0 unknown */
#define LC_PGM_CODE         0x08e   /* 2: program-interruption code (0x80 PER flag) */
#define LC_DXC              0x090   /* 4: data-exception code */
#define LC_EXC_ACCESS_ID    0x0a0   /* 1: exception access id */
#define LC_OP_ACCESS_ID     0x0a2   /* 1: operand access id */
#define LC_TEID             0x0a8   /* 8: translation-exception identification */
#define LC_IO_SUBCHANNEL    0x0b8   /* 4: I/O subchannel id and number */
#define LC_IO_PARAM         0x0bc   /* 4: I/O interruption parameter */
#define LC_IO_IDENT         0x0c0   /* 4: I/O interruption-identification word */
#define LC_STFL             0x0c8   /* 4: facility bits 0-31 stored by STFL */
#define LC_MCK_CODE         0x0e8   /* 8: machine-check interruption code */
#define LC_BREAKING_EVENT   0x110   /* 8: breaking-event address */

/* Old PSWs (stored by an interruption) and new PSWs (loaded by it), 16 bytes each */
#define LC_RESTART_OLD_PSW  0x120
#define LC_EXT_OLD_PSW      0x130
#define LC_SVC_OLD_PSW      0x140
#define LC_PGM_OLD_PSW      0x150
#define LC_MCK_OLD_PSW      0x160
#define LC_IO_OLD_PSW       0x170
#define LC_RESTART_NEW_PSW  0x1a0
#define LC_EXT_NEW_PSW      0x1b0
#define LC_SVC_NEW_PSW      0x1c0
#define LC_PGM_NEW_PSW      0x1d0
#define LC_MCK_NEW_PSW      0x1e0
#define LC_IO_NEW_PSW       0x1f0

/* SDK software area: the GPRs of the interrupted code while the entry code switches
 * stacks, and the PSW the exit code loads. Used only with interruptions masked. */
#define LC_SDK_SAVE         0x200   /* 128: GPRs 0-15 */
#define LC_SDK_RETURN_PSW   0x280   /* 16: PSW loaded by LPSWE at the end of a handler */
/* Per CPU (the lowcore is per CPU): where its interruption stack ends (0: the boot
 * CPU's), and for a CPU started by smp_start_cpu() its stack, function and argument. */
#define LC_SDK_INTR_STACK   0x290   /* 8: top of this CPU's interruption stack, or 0 */
#define LC_SDK_CPU_STACK    0x298   /* 8: top of the stack smp_cpu_entry switches to */
#define LC_SDK_CPU_FN       0x2a0   /* 8: void fn(void *arg) it calls */
#define LC_SDK_CPU_ARG      0x2a8   /* 8: arg */

/* Store-status save area at absolute 0x1200 (SIGP stop and store status); SIGP store
 * status at address uses the same layout at offsets from its address minus 0x1200 */
#define LC_SS_FPRS          0x1200
#define LC_SS_GPRS          0x1280
#define LC_SS_PSW           0x1300
#define LC_SS_PREFIX        0x1318
#define LC_SS_CPU_TIMER     0x1328
#define LC_SS_FPC           0x131c
#define LC_SS_CKC           0x1330
#define LC_SS_ARS           0x1340
#define LC_SS_CRS           0x1380
#define LC_ARCH_MODE_ID     0x0a3   /* 1: byte stored by SIGP stop and store status */

#define LC_SIZE             0x2000

#ifndef __ASSEMBLER__
#include <stdint.h>

/* The lowcore lives at real address 0. The empty asm hides the small constant address
 * from the compiler, which would otherwise treat it as a null-pointer dereference. */
static inline volatile void *lc_ptr(unsigned long off)
{
    asm("" : "+d"(off));
    return (volatile void *)off;
}

static inline uint8_t lc_read8(unsigned long off) { return *(volatile uint8_t *)lc_ptr(off); }
static inline uint16_t lc_read16(unsigned long off) { return *(volatile uint16_t *)lc_ptr(off); }
static inline uint32_t lc_read32(unsigned long off) { return *(volatile uint32_t *)lc_ptr(off); }
static inline uint64_t lc_read64(unsigned long off) { return *(volatile uint64_t *)lc_ptr(off); }

static inline void lc_write16(unsigned long off, uint16_t v) { *(volatile uint16_t *)lc_ptr(off) = v; }
static inline void lc_write32(unsigned long off, uint32_t v) { *(volatile uint32_t *)lc_ptr(off) = v; }
static inline void lc_write64(unsigned long off, uint64_t v) { *(volatile uint64_t *)lc_ptr(off) = v; }

/* A PSW slot in the lowcore: mask doubleword, then address doubleword. */
static inline void lc_read_psw(unsigned long off, uint64_t *mask, uint64_t *addr)
{
    *mask = lc_read64(off);
    *addr = lc_read64(off + 8);
}

static inline void lc_write_psw(unsigned long off, uint64_t mask, uint64_t addr)
{
    lc_write64(off, mask);
    lc_write64(off + 8, addr);
}
#endif

#endif
