/* Integer and address types, program-interruption codes and big-endian helpers.
 * Everything architected lives in emulated storage in big-endian form and is read
 * through these helpers (PoP ch.3 "Storage"); no host bitfields over guest data. */
#ifndef ZHYP_TYPES_H
#define ZHYP_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <string.h>

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define MUST_CHECK  __attribute__((warn_unused_result))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Byte-order helpers: unaligned, big-endian loads and stores from host pointers. */
static inline uint16_t ld_be16(const void *p) { uint16_t v; memcpy(&v, p, 2); return __builtin_bswap16(v); }
static inline uint32_t ld_be32(const void *p) { uint32_t v; memcpy(&v, p, 4); return __builtin_bswap32(v); }
static inline uint64_t ld_be64(const void *p) { uint64_t v; memcpy(&v, p, 8); return __builtin_bswap64(v); }
static inline void st_be16(void *p, uint16_t v) { v = __builtin_bswap16(v); memcpy(p, &v, 2); }
static inline void st_be32(void *p, uint32_t v) { v = __builtin_bswap32(v); memcpy(p, &v, 4); }
static inline void st_be64(void *p, uint64_t v) { v = __builtin_bswap64(v); memcpy(p, &v, 8); }

/* Program-interruption codes (PoP ch.6; spec/zarch.md §3.1). */
enum {
    PGM_OPERATION           = 0x01,
    PGM_PRIVILEGED_OP       = 0x02,
    PGM_EXECUTE             = 0x03,
    PGM_PROTECTION          = 0x04,
    PGM_ADDRESSING          = 0x05,
    PGM_SPECIFICATION       = 0x06,
    PGM_DATA                = 0x07,
    PGM_FIXPOINT_OVERFLOW   = 0x08,
    PGM_FIXPOINT_DIVIDE     = 0x09,
    PGM_DEC_OVERFLOW        = 0x0a,
    PGM_DEC_DIVIDE          = 0x0b,
    PGM_HFP_EXP_OVERFLOW    = 0x0c,
    PGM_HFP_EXP_UNDERFLOW   = 0x0d,
    PGM_HFP_SIGNIFICANCE    = 0x0e,
    PGM_HFP_DIVIDE          = 0x0f,
    PGM_SEGMENT_TRANS       = 0x10,
    PGM_PAGE_TRANS          = 0x11,
    PGM_TRANS_SPEC          = 0x12,
    PGM_SPECIAL_OP          = 0x13,
    PGM_OPERAND             = 0x15,
    PGM_TRACE_TABLE         = 0x16,
    PGM_DISCARD             = 0x1a,   /* z/VM CMM2 discard fault (zarch.md §5.6) */
    PGM_VECTOR_PROCESSING   = 0x1b,
    PGM_SPACE_SWITCH        = 0x1c,
    PGM_HFP_SQRT            = 0x1d,
    PGM_ASCE_TYPE           = 0x38,
    PGM_REGION_FIRST_TRANS  = 0x39,
    PGM_REGION_SECOND_TRANS = 0x3a,
    PGM_REGION_THIRD_TRANS  = 0x3b,
    PGM_MONITOR             = 0x40,
    PGM_PER                 = 0x80,
    PGM_EARLY               = 0x8000, /* flag: early PSW exception (after LPSW/LPSWE): ILC 0 */
};

/* Data-exception codes stored with PGM_DATA (PoP ch.6 "Data-Exception Code"). */
enum {
    DXC_DECIMAL      = 0x00,
    DXC_IEEE_INEXACT = 0x08,  /* DXC for a trapped IEEE exception: 0x80 inv, 0x40 div, 0x20 ovf, 0x10 unf, 0x08 inexact */
    DXC_IEEE_UNDERFLOW = 0x10,
    DXC_IEEE_OVERFLOW  = 0x20,
    DXC_IEEE_DIVZERO   = 0x40,
    DXC_IEEE_INVALID   = 0x80,
    DXC_BFP_INSTRUCTION = 0x02, /* AFP-register / BFP-instruction data exception */
    DXC_COMPARE_AND_TRAP = 0xff,
};

/* A PGM code is positive; handlers may also return these events (never delivered as PGM). */
enum {
    RC_SVC  = 0x10000,   /* SUPERVISOR CALL executed: number in cpu.svc_code */
    RC_EXIT = 0x20000,   /* leave the run loop; state is consistent (wait, stop, mode change) */
};

/* Nullifying codes leave the old PSW pointing at the instruction (zarch.md §3.1). */
static inline bool pgm_is_nullifying(int code)
{
    switch (code & 0xff) {
    case PGM_SEGMENT_TRANS: case PGM_PAGE_TRANS: case PGM_TRACE_TABLE:
    case PGM_ASCE_TYPE: case PGM_REGION_FIRST_TRANS: case PGM_REGION_SECOND_TRANS:
    case PGM_REGION_THIRD_TRANS: case PGM_DISCARD:
        return true;
    default:
        return (code & 0xff) >= 0x20 && (code & 0xff) <= 0x34;
    }
}

#endif
