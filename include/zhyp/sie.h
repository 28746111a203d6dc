/* Interpretive execution: the state description, interception codes and the C
 * interface the hypervisor uses (spec/zarch.md §7; docs/sie.md). */
#ifndef ZHYP_SIE_H
#define ZHYP_SIE_H

#include "zhyp/cpu.h"

/* State-description offsets (512 bytes, big-endian in storage). */
enum {
    SD_CPUFLAGS = 0x000, SD_PREFIX = 0x004, SD_CPUTM = 0x028, SD_CKC = 0x030,
    SD_EPOCH = 0x038, SD_LCTL = 0x044, SD_ICPUA = 0x046, SD_ICTL = 0x048,
    SD_ICPTCODE = 0x050, SD_ICPTSTATUS = 0x051, SD_IHCPU = 0x052, SD_IPA = 0x056,
    SD_IPB = 0x058, SD_ECB2 = 0x062, SD_MSO = 0x080, SD_MSL = 0x088, SD_GPSW = 0x090,
    SD_GG14 = 0x0a0, SD_GG15 = 0x0a8, SD_PGMILC = 0x0cc, SD_IPRCC = 0x0ce,
    SD_DXC = 0x0d0, SD_EAI = 0x0e0, SD_TECMC = 0x0e8, SD_GCR = 0x100, SD_FAC = 0x1a0,
    SD_SIZE = 0x200,
};

/* cpuflags. */
#define CPUSTAT_STOPPED   0x80000000u
#define CPUSTAT_WAIT      0x10000000u
#define CPUSTAT_STOP_INT  0x04000000u
#define CPUSTAT_IO_INT    0x02000000u
#define CPUSTAT_EXT_INT   0x01000000u
#define CPUSTAT_RRF       0x00008000u
#define CPUSTAT_SLSV      0x00004000u
#define CPUSTAT_SLSR      0x00002000u
#define CPUSTAT_ZARCH     0x00000800u
#define CPUSTAT_MCDS      0x00000100u
#define CPUSTAT_SM        0x00000080u

/* Interception controls (ictl). */
#define ICTL_OPEREXC      0x80000000u
#define ICTL_PINT         0x20000000u
#define ICTL_LPSW         0x00400000u
#define ICTL_STCTL        0x00040000u
#define ICTL_ISKE         0x00004000u
#define ICTL_SSKE         0x00002000u
#define ICTL_RRBE         0x00001000u
#define ICTL_TPROT        0x00000200u

/* Interception codes. */
enum {
    ICPT_NONE = 0x00, ICPT_INST = 0x04, ICPT_PROGI = 0x08, ICPT_INSTPROGI = 0x0c,
    ICPT_EXTREQ = 0x10, ICPT_IOREQ = 0x18, ICPT_WAIT = 0x1c, ICPT_VALIDITY = 0x20,
    ICPT_STOP = 0x28, ICPT_OPEREXC = 0x2c, ICPT_PARTEXEC = 0x38,
};

/* Validity-interception reasons (IPB bits 0-15; docs/sie.md). */
enum {
    SIE_VIR_FLAGS = 0x0001, SIE_VIR_ZARCH = 0x0002, SIE_VIR_SLS = 0x0007,
    SIE_VIR_MSO = 0x0010, SIE_VIR_PREFIX = 0x0037, SIE_VIR_FAC = 0x0038,
    SIE_VIR_PSW = 0x0039,
    SIE_VIR_RESOURCE = 0x00ff,   /* the host machine could not allocate the guest CPU */
};
#define SIE_VALIDITY_IPA 0x1000         /* who: level-1 interpretation (the machine) */

/* A host-level fault found while running a guest: returned by guest storage paths as
 * PGM_HOST | code, so that it never reaches the guest. */
#define PGM_HOST 0x4000

struct machine;
struct sie_ctx;

/* The guest context of host CPU 'host' (made at first use; NULL when out of memory):
 * the guest CPU, its stage 2 and statistics. The machine frees it. */
struct sie_ctx *sie_ctx_get(struct machine *m, struct cpu *host);
void sie_ctx_free(struct sie_ctx *s);
/* Free every context and the shadow cache of a machine (machine_free). */
void sie_machine_free(struct machine *m);

/* How sie_run ended. */
enum sie_end {
    SIE_END_ICPT,                /* interception: code and IPA/IPB in the SD */
    SIE_END_HOST,                /* a host interruption is due (SD stored, code 0) */
    SIE_END_BUDGET,              /* budget used up; guest state stored, code 0 */
    SIE_END_BAD_SD,              /* sd_ha not 512-aligned or outside storage: nothing run */
};

/* Run the guest of the state description at host absolute sd_ha on host CPU s->host
 * until an interception, a host-level event, or 'budget' guest instructions. The SD
 * gets the guest state back exactly as the instruction would store it. A host-level
 * program interruption (stage-2 fault) is left pending in *host_pgm (0 if none, with
 * s->host->fault set) for the caller to deliver or resolve. */
enum sie_end sie_run(struct sie_ctx *s, uint64_t sd_ha, uint64_t budget, int *host_pgm);

/* Statistics of one context. */
struct sie_stats {
    uint64_t entries, exits, guest_insns;
    uint64_t icpt[0x40];         /* by interception code / 4 */
    uint64_t host_faults;
    uint64_t shadow_lookups, shadow_hits;
};
const struct sie_stats *sie_ctx_stats(const struct sie_ctx *s);
/* The guest CPU of a context, and a flush of its TLB (host-level invalidations). */
struct cpu *sie_ctx_guest(struct sie_ctx *s);
void sie_ctx_tlb_flush(struct sie_ctx *s);

/* Guest logical storage as the exited guest sees it (its PSW, CRs and prefix as stored
 * in the SD at the last exit of this context): for the hypervisor's emulation of an
 * intercepted instruction's operands. 0, a guest program-interruption code, or
 * PGM_HOST | code with the host virtual address of the page in *host_va (the caller
 * makes it resident and tries again). */
int sie_guest_access_va(struct sie_ctx *s, uint64_t va, void *buf, unsigned len, bool write,
                        uint64_t *host_va);
/* Guest logical address va -> guest absolute, with the exited guest's DAT (no access
 * checks beyond translation). 0, a guest program-interruption code, or PGM_HOST | code
 * with *host_va set. */
int sie_guest_translate_va(struct sie_ctx *s, uint64_t va, uint64_t *ga, uint64_t *host_va);

/* Entry points the CPU and the machine call (src/sie). */
/* A guest CPU's program interruption: true when it ended the guest's run (intercepted,
 * or a PGM_HOST fault for the host), false to deliver it inside the guest. */
bool sie_guest_program(struct cpu *g, int code, unsigned ilen, enum cpu_exit *why);
/* A guest CPU is about to execute privileged row d (supervisor state): 0 to interpret
 * it, or RC_EXIT after recording an instruction interception. */
int sie_guest_insn(struct cpu *g, const struct dispatch *d, uint64_t iw);
/* Host CPU c is inside SIE and a host interruption is due: store the guest state into
 * the SD (interception code 0) and point the host PSW back at the SIE instruction. */
void sie_leave_for_host(struct cpu *c);
/* cpu_run of a host CPU inside SIE: run the guest for up to budget instructions. */
enum cpu_exit sie_host_run(struct cpu *c, uint64_t budget);
/* MVPG on a guest CPU: whether an operand's access failed at host level, and the
 * partial-execution interception that then ends the run (RC_EXIT; docs/sie.md). */
bool sie_host_fault_pending(const struct cpu *g);
int sie_partial_execution(struct cpu *g, uint64_t iw);
/* Guest absolute address ga -> host absolute address for an access of kind acc:
 * 0, PGM_ADDRESSING (guest level), or PGM_HOST | code (host level, details kept). */
int sie_stage2(struct sie_ctx *s, uint64_t ga, enum acc acc, uint64_t *haa);

#endif
