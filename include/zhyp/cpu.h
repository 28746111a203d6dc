/* The CPU: architected state, the run loop's contract and interruption entry points.
 * PoP ch.4 "Control" (PSW), ch.5 "Program Execution", ch.6 "Interruptions". */
#ifndef ZHYP_CPU_H
#define ZHYP_CPU_H

#include "zhyp/types.h"

/* PSW mask bits (bit 0 = MSB; zarch.md §1.1). */
#define PSW_MASK_PER     0x4000000000000000ULL
#define PSW_MASK_DAT     0x0400000000000000ULL
#define PSW_MASK_IO      0x0200000000000000ULL
#define PSW_MASK_EXT     0x0100000000000000ULL
#define PSW_MASK_KEY     0x00f0000000000000ULL
#define PSW_MASK_SHORT   0x0008000000000000ULL
#define PSW_MASK_MCHECK  0x0004000000000000ULL
#define PSW_MASK_WAIT    0x0002000000000000ULL
#define PSW_MASK_PSTATE  0x0001000000000000ULL
#define PSW_MASK_ASC     0x0000c00000000000ULL
#define PSW_MASK_CC      0x0000300000000000ULL
#define PSW_MASK_PM      0x00000f0000000000ULL
#define PSW_MASK_EA      0x0000000100000000ULL
#define PSW_MASK_BA      0x0000000080000000ULL
#define PSW_MASK_RESERVED 0xb80800fe7fffffffULL
#define PSW_SHIFT_CC     44
#define PSW_SHIFT_PM     40
#define PSW_SHIFT_KEY    52

/* Control-register 0 bits used by the CPU core. */
#define CR0_LAP          0x0000000010000000ULL   /* bit 35: low-address protection */
#define CR0_EXTRACT_AUTH 0x0000000008000000ULL   /* bit 36: extraction-authority control */
#define CR0_SECONDARY    0x0000000004000000ULL   /* bit 37: secondary-space control */
#define CR0_FETCH_OVR    0x0000000002000000ULL   /* bit 38: fetch-protection override */
#define CR0_STORE_OVR    0x0000000001000000ULL   /* bit 39: storage-protection override */
#define CR0_EDAT1        0x0000000000800000ULL   /* bit 40: EDAT-1 */
#define CR0_AFP          0x0000000000040000ULL   /* bit 45: AFP-register control */
#define CR0_EMERGENCY    0x0000000000004000ULL   /* bit 49: emergency-signal subclass mask */
#define CR0_EXT_CALL     0x0000000000002000ULL   /* bit 50: external-call subclass mask */
#define CR0_CKC          0x0000000000000800ULL   /* bit 52: clock-comparator subclass mask */
#define CR0_CPU_TIMER    0x0000000000000400ULL   /* bit 53: CPU-timer subclass mask */
#define CR0_SERVICE_SIG  0x0000000000000200ULL   /* bit 54: service-signal subclass mask */

/* Pending external interruptions (cpu.ext_pending). */
#define EXT_SERVICE      0x01    /* service signal (SCLP completion), code 0x2401 */
#define EXT_EXT_CALL     0x02    /* external call (SIGP), code 0x1202, source in ext_call_src */
#define EXT_EMERGENCY    0x04    /* emergency signal (SIGP), code 0x1201, sources in emerg_srcs */
#define EXT_CKC          0x08    /* clock-comparator condition, code 0x1004 (set by the machine) */
#define EXT_CPU_TIMER    0x10    /* CPU-timer condition, code 0x1005 (set by the machine) */
/* The restart interruption (SIGP restart) shares the word so that one test sees every
 * pending interruption; it is not an external one and no mask disables it. */
#define EXT_RESTART      0x20

/* cpu.trace: the slow loop (one fetch and dispatch per instruction) without printing, so
 * that tests can run the same code through both loops and compare. */
#define CPU_TRACE_PLAIN_LOOP 2

/* Events printed to stderr as they happen (cpu.trace_events). */
#define CPU_TRACE_PGM    0x01    /* program interruptions */

/* Program-mask bits as a 4-bit value (PSW bits 20-23). */
#define PM_FIXOVF  0x8
#define PM_DECOVF  0x4
#define PM_HFPUNF  0x2
#define PM_HFPSIG  0x1

/* FPC register (PoP ch.9): IEEE masks, flags, DXC, rounding mode. */
#define FPC_MASK_SHIFT  24       /* bits 0-7: masks i z o u x (0x80 .. 0x08) */
#define FPC_FLAG_SHIFT  16       /* bits 8-15: flags */
#define FPC_DXC_SHIFT   8        /* bits 16-23: data-exception code */
#define FPC_RM_MASK     0x7      /* bits 29-31: BFP rounding mode */

enum acc { ACC_FETCH = 0, ACC_STORE = 1, ACC_IFETCH = 2 };

#define PAGE_SIZE_4K    4096ULL
#define PAGE_MASK_LOW   0xfffULL
#define TLB_ENTRIES     256
#define TLB_INVALID     1ULL     /* odd: never equals a page-aligned address */

/* Cached page translations, indexed by the page index (va bits 44-51): host = va +
 * addend[i] while a tag matches. Three arrays rather than one array of entries, so that
 * an index scales by 8 inside the host's addressing modes: 2 host instructions fewer per
 * access (callgrind, bench/src/loop_las: 21.0 -> 19.5 per emulated instruction). */
struct tlb {
    uint64_t tag_r[TLB_ENTRIES];  /* page va readable through entry i, or TLB_INVALID */
    uint64_t tag_w[TLB_ENTRIES];  /* page va writable through entry i, or TLB_INVALID */
    uintptr_t addend[TLB_ENTRIES];/* host address of the page minus its va */
};

static inline unsigned tlb_index(uint64_t va) { return (unsigned)(va >> 12) & (TLB_ENTRIES - 1); }

struct cpu;

/* How a CPU turns a logical address into host memory (user mode, DAT, SIE stage 2).
 * Returns 0 and the host address of the 4K page containing va, or a PGM code with
 * the access-exception details in c->fault. *writable says whether later stores to any
 * byte of the page may use it without asking again (false for low-address-protected
 * pages, whose protection depends on the byte). */
struct mem_ops {
    int (*translate)(struct cpu *c, uint64_t va, enum acc acc, uint8_t **page_hva, bool *writable);
    /* Host address of this CPU's 8K prefix area (lowcore), or NULL in user mode. */
    uint8_t *(*lowcore)(struct cpu *c);
};

struct psw {
    uint64_t mask;               /* PSW bits 0-63; the CC lives in cpu.cc while running */
    uint64_t addr;               /* instruction address, bits 64-127 */
};

/* Details stored with an access exception (TEID, exception access id). */
struct cpu_fault {
    uint64_t teid;               /* translation-exception identification */
    uint8_t access_id;           /* exception access id (AR number) */
    uint16_t op_regs;            /* MVPG's page-translation exception: 0x100 | R1 << 4 | R2,
                                  * stored at lowcore 162; 0 otherwise */
};

typedef int (*insn_fn)(struct cpu *c, uint64_t iw);

/* One dispatch slot: built once from the instruction table for a facility set. */
struct dispatch {
    insn_fn fn;                  /* handler, or the operation-exception handler */
    uint16_t id;                 /* row in insn_table, for traces and coverage */
    uint16_t flags;              /* I_* flags of the row */
    uint32_t ilen;               /* 2, 4 or 6 */
};

struct isa;                      /* dispatch tables for one facility set (insn.c) */

/* Services a CPU asks of the machine it belongs to (system mode; NULL in user mode).
 * Each returns 0 (with the CC in c->cc) or a PGM code. */
struct sys_ops {
    int (*servc)(struct cpu *c, uint32_t command, uint64_t sccb_ra);
    int (*sigp)(struct cpu *c, unsigned order, unsigned target, uint64_t param, uint32_t *status);
    uint64_t (*tod)(const struct cpu *c);            /* the TOD clock as this CPU sees it */
    void (*set_tod)(struct cpu *c, uint64_t tod);   /* SET CLOCK */
    int64_t (*cpu_timer)(const struct cpu *c);      /* current CPU-timer value */
    void (*set_cpu_timer)(struct cpu *c, int64_t v);
    /* The storage key of the frame holding real address ra (prefixed), or NULL outside
     * storage; a change of keys must be followed by tlb_flush_all. */
    uint8_t *(*skey)(struct cpu *c, uint64_t ra);
    void (*tlb_flush_all)(struct cpu *c);           /* every CPU of the configuration */
    /* Every CPU's entries for the 4K frame at real address ra (SSKE, RRBE). */
    void (*tlb_flush_frame)(struct cpu *c, uint64_t ra);
    /* Every CPU's entries for virtual pages with page index px (IPTE). */
    void (*tlb_flush_page_index)(struct cpu *c, unsigned px);
    /* Every CPU's entries whose table index at bit 'shift' is in [first, first+count) (IDTE). */
    void (*tlb_flush_index_range)(struct cpu *c, unsigned shift, unsigned first, unsigned count);
    /* LOAD REAL ADDRESS: translate va in the current space; *cc and *result as LRA sets
     * them, or a PGM code for exceptions that are delivered (addressing, special op). */
    int (*lra)(struct cpu *c, uint64_t va, uint64_t *result, unsigned *cc);
    /* INVALIDATE PAGE TABLE ENTRY: set the I bit of the PTE at pto_aa + 8 * PX(va). */
    int (*ipte)(struct cpu *c, uint64_t pto_aa, uint64_t va);
    /* INVALIDATE DAT TABLE ENTRY: set the I bit of 'count' region- or segment-table
     * entries of the table at table_aa, from entry 'index' on (wrapping at 2048). Nothing
     * is changed when one of them lies outside storage (PGM_ADDRESSING). */
    int (*idte)(struct cpu *c, uint64_t table_aa, unsigned index, unsigned count);
    /* LURA/STURA: access len (<= 8, aligned) bytes at real address ra with prefixing,
     * low-address and key-controlled protection; fault details in c->fault. */
    int (*real_access)(struct cpu *c, uint64_t ra, void *buf, unsigned len, enum acc acc);
    /* TEST PROTECTION of logical address va with access key 'key': *cc as TPROT sets
     * it (3: translation not available), or a PGM code that is delivered (addressing,
     * translation specification). Reference and change bits are not touched. */
    int (*tprot)(struct cpu *c, uint64_t va, unsigned key, unsigned *cc);
    /* The storage key of the frame that logical address va translates to (IVSK), or the
     * translation's PGM code with c->fault set. */
    int (*vskey)(struct cpu *c, uint64_t va, uint8_t *key);
    /* PERFORM FRAME MANAGEMENT FUNCTION on the 4K frames of [addr, addr + len): addr is
     * real (prefixed) when 'real', else absolute; 'ops' is PFMF_CLEAR and/or PFMF_SET_KEY.
     * Nothing is changed on a PGM code (addressing; low-address protection on a clear). */
    int (*pfmf)(struct cpu *c, uint64_t addr, bool real, uint64_t len, unsigned ops, uint8_t key);
    unsigned (*cpu_count)(const struct cpu *c);     /* CPUs in the configuration (STSI) */
    /* DIAGNOSE X'308' (IPL functions) with the R1 and R3 register numbers. */
    int (*diag308)(struct cpu *c, unsigned rx, unsigned ry);
};

enum { PFMF_CLEAR = 1, PFMF_SET_KEY = 2 };

enum cpu_exit {
    CPU_EXIT_BUDGET,             /* instruction budget used up */
    CPU_EXIT_SVC,                /* user mode: SVC executed, number in svc_code */
    CPU_EXIT_PGM,                /* user mode: program interruption, code in pgm_code */
    CPU_EXIT_WAIT,               /* PSW wait bit set */
    CPU_EXIT_STOP,               /* CPU stopped */
    CPU_EXIT_EVENT,              /* a handler asked to leave the loop (RC_EXIT) */
};

struct icache;
struct icode_page;
struct sie_ctx;
struct shadow;

struct cpu {
    uint64_t gr[17];             /* general registers; gr[16] is always 0 (icache.h) */
    struct psw psw;              /* addr = next instruction while a handler runs */
    uint64_t ia;                 /* address of the instruction being executed */
    uint64_t amask;              /* address wrap mask of the current addressing mode */
    uint32_t cc;                 /* condition code, merged into psw.mask when stored */
    volatile uint32_t attention; /* nonzero: leave the fast loop at the next instruction */
    uint64_t fpr[16];            /* floating-point registers (FPR n = bits 0-63 of VR n) */
    uint32_t fpc;                /* floating-point-control register */
    uint32_t ar[16];             /* access registers */
    uint64_t cr[16];             /* control registers */
    uint32_t prefix;             /* prefix register value (8K aligned) */
    uint32_t cpu_addr;           /* CPU address for STAP/SIGP */

    uint64_t fetch_va;           /* page instructions are fetched from, or ~0 */
    const uint8_t *fetch_hva;    /* host address of that page */
    struct icache *icache;       /* decoded instructions (src/cpu/icache.h) */
    struct icode_page *x_page;   /* decoded page of fetch_va while the fast loop runs */
    uint64_t x_va;               /* its virtual address */
    int xrc;                     /* why a slot handler returned NULL */
    unsigned x_ilen;             /* length of that slot's instruction */
    bool icache_owned;           /* cpu_release() frees icache */
    struct tlb tlb;
    const struct mem_ops *mops;  /* slow-path translation */
    const struct sys_ops *sys;   /* machine services (SERVC, SIGP); NULL in user mode */
    uint32_t ext_pending;        /* EXT_* external interruptions waiting for delivery */
    uint32_t ext_param;          /* parameter of the pending service signal */
    uint16_t ext_call_src;       /* CPU address that sent the pending external call */
    uint64_t emerg_srcs;         /* CPU addresses (bit n = CPU n) with emergency signals pending */
    bool stopped;                /* CPU in the stopped state */
    uint64_t ckc;                /* clock comparator */
    int64_t cpu_timer;           /* CPU-timer value when last set ... */
    uint64_t cpu_timer_set_ns;   /* ... at this virtual time */
    uint64_t idle_ns;            /* virtual time spent in enabled waits (src/machine/vtime.c) */
    uint64_t epoch;              /* added to the machine's TOD (a guest's SD epoch; 0 on the host) */
    void *mctx;                  /* owner of the address space (user space, machine) */

    const struct isa *isa;
    const uint8_t *fac;          /* facility list bytes (STFLE order), 32 bytes */
    uint32_t priv_flags;         /* I_* flags that divert a row off the fast path now */

    struct cpu_fault fault;      /* set by the slow path with an access exception */
    uint32_t dxc;                /* data-exception code for PGM_DATA */
    uint16_t svc_code;           /* SVC number of the last SVC */
    uint16_t ilen;               /* length of the instruction being executed */
    int pgm_code;                /* user mode: code of the program interruption */
    uint64_t pgm_ia;             /* user mode: address of the faulting instruction */
    uint64_t icount;             /* instructions completed */
    uint64_t *coverage;          /* optional bitmap of executed insn ids */
    bool user_mode;              /* SVC and PGM leave cpu_run instead of being delivered */
    uint8_t ex_len;              /* nonzero while EXECUTE runs its target: EX's length */
    struct sie_ctx *sie;         /* a guest CPU: the SIE context it runs in; NULL on the host */
    struct sie_ctx *in_sie;      /* a host CPU inside SIE: the guest it interprets, or NULL */
    struct shadow *shadow;       /* the machine's shadow translations: stores into frames
                                  * they watch are reported (src/sie/shadow.h), or NULL */
    uint8_t *abs_base;           /* host address of absolute 0 (for shadow frame numbers) */
    int trace;                   /* nonzero: run the slow loop; 1 also prints each instruction */
    uint32_t trace_events;       /* CPU_TRACE_*: events printed without the slow loop */
};

/* Facility numbers used by the instruction table (STFLE bit numbers, zarch.md §10). */
enum {
    FAC_N3 = 0, FAC_ZARCH = 1, FAC_DAT_ENH = 3, FAC_STFLE = 7, FAC_EDAT1 = 8, FAC_NQ_KEY = 14,
    FAC_ETF2 = 16, FAC_LDISP = 18, FAC_EIMM = 21, FAC_ETF3 = 22,
    FAC_ETF2_ENH = 24, FAC_STCKF = 25, FAC_PARSE = 26, FAC_MVCOS = 27, FAC_ETF3_ENH = 30,
    FAC_CSST = 32, FAC_GIE = 34, FAC_EXEXT = 35, FAC_FPEXT = 37,
    FAC_FPSE = 41, FAC_Z196 = 45, FAC_ZEC12 = 49, FAC_IA2 = 52, FAC_Z13 = 53,
    FAC_MIE2 = 58, FAC_MIE3 = 61, FAC_ESOP_FSI = 75,
    FAC_BASE = 255,              /* always present */
    FAC_SIE = 254,               /* interpretive execution (reported by SCLP, not STFLE) */
};

/* cpu.c */
void cpu_init(struct cpu *c, const uint8_t *fac);
void cpu_set_psw(struct cpu *c, uint64_t mask, uint64_t addr);
uint64_t cpu_psw_mask(const struct cpu *c);
/* A PSW the architecture calls invalid once loaded (op_control.c; zarch.md §1.1). */
bool cpu_psw_invalid(uint64_t mask, uint64_t addr);     /* mask with the live CC merged in */
/* Deliver one pending interruption the PSW and CRs allow (a pending restart always).
 * Returns true if one was. */
bool cpu_deliver_pending(struct cpu *c);
/* A program interruption between instructions (ILC 0), for a PSW that a reset or IPL
 * loaded and that turns out invalid. */
void cpu_interrupt_early(struct cpu *c, int code);
void cpu_tlb_flush(struct cpu *c);
static inline void cpu_tlb_drop(struct cpu *c, unsigned i)
{
    c->tlb.tag_r[i] = c->tlb.tag_w[i] = TLB_INVALID;
}
void cpu_tlb_flush_frame(struct cpu *c, const uint8_t *page_ha);
/* Keep the entries for the frame at page_ha but for reading only. */
void cpu_tlb_revoke_write(struct cpu *c, const uint8_t *page_ha);
void cpu_tlb_flush_page_index(struct cpu *c, unsigned px);
void cpu_tlb_flush_index_range(struct cpu *c, unsigned shift, unsigned first, unsigned count);
/* Free what cpu_init or cpu_run allocated. */
void cpu_release(struct cpu *c);

/* icache.c: the decoded-instruction cache, one per set of CPUs sharing storage. */
struct icache *icache_new(const struct isa *isa);
void icache_free(struct icache *ic);
bool icache_attach(struct icache *ic, struct cpu *c);   /* false: different ISA or full */
/* The host stored len bytes at ha (system calls, SCLP, loaders): drop what was decoded. */
void icache_host_write(struct icache *ic, const void *ha, size_t len);
static inline bool fac_has(const uint8_t *fac, int n) { return n >= 254 ? n == FAC_BASE : (fac[n >> 3] & (0x80 >> (n & 7))) != 0; }
extern const uint8_t cpu_default_facilities[32];

/* run.c: execute until budget, wait, stop, or a user-mode SVC/PGM. */
enum cpu_exit cpu_run(struct cpu *c, uint64_t budget);

/* insn.c */
const struct isa *isa_get(const uint8_t *fac);
const char *insn_name(unsigned id);
unsigned insn_count(void);
const struct dispatch *insn_lookup(const struct cpu *c, uint64_t iw);
int insn_length(uint8_t byte0);
int cpu_disasm(uint64_t iw, uint64_t ia, char *buf, size_t n);

/* The 4K SYSIB STSI stores for fc.sel1.sel2 (levels 1-3; zhyp is the level-3 control
 * program, vm_name the virtual machine's name in upper case); false when the selectors
 * name no SYSIB (op_system.c). */
bool stsi_build_sysib(unsigned fc, unsigned sel1, unsigned sel2, unsigned ncpus,
                      unsigned cpu_addr, const char *vm_name, uint8_t *p);

#endif
