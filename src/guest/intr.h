/* Interruption handling for bare-metal guests: every class enters start.S, which saves
 * the interrupted state in a struct intr_frame on the SDK interrupt stack and calls
 * intr_dispatch(); handlers may change the frame (registers, old PSW) before it is
 * reloaded. Program checks can be expected by a test and inspected afterwards. */
#ifndef GUEST_INTR_H
#define GUEST_INTR_H

/* Interruption classes, as passed by the entry code */
#define INTR_RESTART    0
#define INTR_EXT        1
#define INTR_SVC        2
#define INTR_PGM        3
#define INTR_MCK        4
#define INTR_IO         5

/* struct intr_frame layout, for start.S */
#define IF_GPRS         0
#define IF_PSW          128
#define IF_FPRS         144
#define IF_FPC          272
#define IF_CLASS        276
#define IF_OLD_PSW      280
#define IF_SIZE         288
#define IF_STACK_FRAME  (160 + IF_SIZE)   /* ABI register save area, then the frame */
#define INTR_STACK_SIZE 0x8000            /* each CPU's interruption stack */

/* External-interruption codes */
#define EXT_EMERGENCY_SIG   0x1201
#define EXT_EXTERNAL_CALL   0x1202
#define EXT_CLOCK_COMP      0x1004
#define EXT_CPU_TIMER       0x1005
#define EXT_SERVICE_SIGNAL  0x2401

/* Program-interruption codes used by the SDK and its tests */
#define PGM_OPERATION       0x01
#define PGM_PRIVILEGED_OP   0x02
#define PGM_EXECUTE         0x03
#define PGM_PROTECTION      0x04
#define PGM_ADDRESSING      0x05
#define PGM_SPECIFICATION   0x06
#define PGM_DATA            0x07
#define PGM_FIXED_OVERFLOW  0x08
#define PGM_FIXED_DIVIDE    0x09
#define PGM_SEGMENT_TRANS   0x10
#define PGM_PAGE_TRANS      0x11
#define PGM_TRANS_SPEC      0x12
#define PGM_SPECIAL_OP      0x13
#define PGM_ASCE_TYPE       0x38
#define PGM_REGION1_TRANS   0x39
#define PGM_REGION2_TRANS   0x3a
#define PGM_REGION3_TRANS   0x3b

/* The SVC the SDK keeps for pstate_leave(): return to the supervisor state */
#define SVC_SDK_SUPERVISOR  255

#ifndef __ASSEMBLER__
#include <stdint.h>

struct intr_frame {
    uint64_t gprs[16];      /* GPRs of the interrupted code, reloaded on return */
    uint64_t psw_mask;      /* old PSW, loaded on return */
    uint64_t psw_addr;
    uint64_t fprs[16];      /* FPRs (AFP is on), restored on return */
    uint32_t fpc;
    uint32_t cls;           /* INTR_* */
    uint64_t old_psw_off;   /* lowcore offset of the class's old PSW */
};
_Static_assert(sizeof(struct intr_frame) == IF_SIZE, "intr_frame layout");
_Static_assert(__builtin_offsetof(struct intr_frame, psw_mask) == IF_PSW, "IF_PSW");
_Static_assert(__builtin_offsetof(struct intr_frame, fprs) == IF_FPRS, "IF_FPRS");
_Static_assert(__builtin_offsetof(struct intr_frame, cls) == IF_CLASS, "IF_CLASS");

/* A program interruption, as the machine stored it in the lowcore. */
struct pgm_info {
    uint16_t code;          /* with the PER flag (0x80) if present */
    uint16_t ilc;           /* instruction length in bytes, 0 unknown */
    uint32_t dxc;
    uint64_t teid;
    uint64_t old_mask;      /* old PSW as stored, before any adjustment */
    uint64_t old_addr;
    uint8_t  exc_access_id;
};

/* Handlers. A program handler returns 1 when it has dealt with the interruption; with 0
 * the default action runs (record an expected interruption, else fail the run). */
typedef int (*pgm_handler_t)(struct intr_frame *f, const struct pgm_info *pi);
typedef void (*ext_handler_t)(struct intr_frame *f, uint16_t code, uint32_t param,
                              uint16_t cpu_addr);
typedef void (*svc_handler_t)(struct intr_frame *f, uint16_t code, uint16_t ilc);
typedef void (*io_handler_t)(struct intr_frame *f);
typedef void (*restart_handler_t)(struct intr_frame *f);

/* Each setter returns the previous handler; NULL restores the default. */
pgm_handler_t intr_set_pgm_handler(pgm_handler_t h);
ext_handler_t intr_set_ext_handler(ext_handler_t h);
svc_handler_t intr_set_svc_handler(svc_handler_t h);
io_handler_t intr_set_io_handler(io_handler_t h);
restart_handler_t intr_set_restart_handler(restart_handler_t h);

/* Arm for one program interruption: it is recorded, and execution resumes after the
 * failing instruction (a nullifying code is stepped over by its ILC). */
void pgm_expect(void);
/* Disarm; returns the recorded code (0 if none) and fills *pi when non-NULL. */
uint16_t pgm_result(struct pgm_info *pi);
/* Nullifying codes leave the old PSW at the failing instruction. */
int pgm_is_nullifying(uint16_t code);

/* Called by start.S with interruptions masked. */
void intr_dispatch(struct intr_frame *f);
#endif

#endif
