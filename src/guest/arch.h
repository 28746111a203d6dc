/* CPU state for bare-metal guests: PSW mask bits, control-register bits and accessors,
 * system-mask changes, STAP/STPX and the facility list (spec zarch.md §1, §4.1, §10).
 * Constants are usable from assembly. */
#ifndef GUEST_ARCH_H
#define GUEST_ARCH_H

#ifdef __ASSEMBLER__
#define GUEST_UL(x) x
#else
#define GUEST_UL(x) x##UL
#endif

/* PSW mask (bits 0-63) */
#define PSW_MASK_PER        GUEST_UL(0x4000000000000000)
#define PSW_MASK_DAT        GUEST_UL(0x0400000000000000)
#define PSW_MASK_IO         GUEST_UL(0x0200000000000000)
#define PSW_MASK_EXT        GUEST_UL(0x0100000000000000)
#define PSW_MASK_KEY        GUEST_UL(0x00f0000000000000)
#define PSW_MASK_MCHECK     GUEST_UL(0x0004000000000000)
#define PSW_MASK_WAIT       GUEST_UL(0x0002000000000000)
#define PSW_MASK_PSTATE     GUEST_UL(0x0001000000000000)
#define PSW_MASK_ASC        GUEST_UL(0x0000c00000000000)
#define PSW_MASK_CC         GUEST_UL(0x0000300000000000)
#define PSW_MASK_PM         GUEST_UL(0x00000f0000000000)
#define PSW_MASK_EA         GUEST_UL(0x0000000100000000)
#define PSW_MASK_BA         GUEST_UL(0x0000000080000000)
#define PSW_MASK_64         GUEST_UL(0x0000000180000000)   /* EA|BA: the boot PSW mask */

/* System mask (PSW bits 0-7) as used by SSM, STNSM and STOSM */
#define PSW_SM_PER          0x40
#define PSW_SM_DAT          0x04
#define PSW_SM_IO           0x02
#define PSW_SM_EXT          0x01

/* CR0 bits */
#define CR0_LOW_ADDR_PROT   GUEST_UL(0x10000000)   /* bit 35 */
#define CR0_EDAT            GUEST_UL(0x00800000)   /* bit 40 */
#define CR0_AFP             GUEST_UL(0x00040000)   /* bit 45: additional FP registers */
#define CR0_VECTOR          GUEST_UL(0x00020000)   /* bit 46 */
#define CR0_MALFUNCTION     GUEST_UL(0x00008000)   /* bit 48: external subclass masks ... */
#define CR0_EMERGENCY_SIG   GUEST_UL(0x00004000)   /* bit 49 */
#define CR0_EXTERNAL_CALL   GUEST_UL(0x00002000)   /* bit 50 */
#define CR0_CLOCK_COMP      GUEST_UL(0x00000800)   /* bit 52 */
#define CR0_CPU_TIMER       GUEST_UL(0x00000400)   /* bit 53 */
#define CR0_SERVICE_SIGNAL  GUEST_UL(0x00000200)   /* bit 54 */
#define CR0_EXT_SUBCLASSES  GUEST_UL(0x0000ffff)   /* bits 48-63: every subclass mask */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* LCTLG/STCTG name the register in the instruction, so these are macros over a constant. */
#define ctl_load(cr, val) \
    do { uint64_t v_ = (val); \
         asm volatile("lctlg %[r],%[r],%[v]" : : [r] "i"(cr), [v] "Q"(v_) : "memory"); } while (0)
#define ctl_store(cr) \
    ({ uint64_t v_; asm volatile("stctg %[r],%[r],%[v]" : [v] "=Q"(v_) : [r] "i"(cr)); v_; })
#define ctl_set_bits(cr, bits)   ctl_load(cr, ctl_store(cr) | (bits))
#define ctl_clear_bits(cr, bits) ctl_load(cr, ctl_store(cr) & ~(uint64_t)(bits))

/* STOSM/STNSM: OR/AND the system mask, return the old one (for ssm()). */
#define stosm(bits) \
    ({ uint8_t o_; asm volatile("stosm %[o],%[b]" : [o] "=Q"(o_) : [b] "i"(bits) : "memory"); o_; })
#define stnsm(bits) \
    ({ uint8_t o_; asm volatile("stnsm %[o],%[b]" : [o] "=Q"(o_) : [b] "i"(bits) : "memory"); o_; })

static inline void ssm(uint8_t mask)
{
    asm volatile("ssm %[m]" : : [m] "Q"(mask) : "memory");
}

/* EPSW: the current PSW mask (bits 0-63); allowed in the problem state. */
static inline uint64_t psw_mask(void)
{
    uint64_t hi, lo;
    asm volatile("epsw %[h],%[l]" : [h] "=d"(hi), [l] "=d"(lo));
    return (hi & 0xffffffffUL) << 32 | (lo & 0xffffffffUL);
}

static inline uint16_t stap(void)
{
    uint16_t a;
    asm volatile("stap %[a]" : [a] "=Q"(a));
    return a;
}

static inline uint32_t stpx(void)
{
    uint32_t p;
    asm volatile("stpx %[p]" : [p] "=Q"(p));
    return p;
}

/* STFLE into list[0..n-1]; returns the condition code, *needed = doublewords needed. */
static inline int stfle(uint64_t *list, int n, int *needed)
{
    register uint64_t r0 asm("0") = (uint64_t)(n - 1);
    int cc;
    asm volatile("stfle 0(%[l])\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), "+d"(r0) : [l] "a"(list) : "cc", "memory");
    *needed = (int)(r0 & 0xff) + 1;
    return cc;
}

/* Facility list read once at boot (runtime.c); bits past the list read as 0. */
int facility(unsigned nr);
const uint64_t *facility_list(int *n);

/* Load a PSW with this mask that continues after the call (privileged).
 * With PSW_MASK_WAIT, returns once an enabled interruption ended the wait. */
void psw_continue(uint64_t mask);
/* Enabled wait for one interruption of the classes in sm (PSW_SM_EXT, PSW_SM_IO);
 * the system mask is restored afterwards. */
void wait_for_interrupt(uint8_t sm);
/* Problem state for the code that follows; pstate_leave() returns to supervisor
 * state through the SDK's SVC. No console output in between (SERVC is privileged). */
void pstate_enter(void);
void pstate_leave(void);
#endif

#endif
