/* Shared by the bare-metal tests of translation and protection: one load or store
 * through a logical address, with the program interruption it caused (if any), the
 * address of the instruction and the value loaded. The exception-access-id byte of the
 * lowcore is cleared first: QEMU 7.2 stores it only in the access-register mode, zhyp
 * stores 0 in the other modes (docs/testing.md), so only 0 is common to both. */
#ifndef GUEST_TESTS_PROBE_H
#define GUEST_TESTS_PROBE_H

#include "test.h"

struct probe {
    uint16_t code;          /* program-interruption code, 0 if none */
    struct pgm_info pi;     /* what the interruption stored */
    uint64_t at;            /* address of the LG/STG */
    uint64_t val;           /* the value loaded (LG) */
};

static inline void probe_arm(void)
{
    *(volatile uint8_t *)lc_ptr(LC_EXC_ACCESS_ID) = 0;
    pgm_expect();
}

/* LG from va (6 bytes, ILC 6). DAT and the address space are the caller's. */
static inline uint16_t probe_load(uint64_t va, struct probe *p)
{
    uint64_t at, v = 0;
    probe_arm();
    asm volatile("larl %[at],0f\n0:\tlg %[v],0(%[a])"
                 : [at] "=&a"(at), [v] "+d"(v) : [a] "a"(va) : "memory");
    p->code = pgm_result(&p->pi);
    p->at = at;
    p->val = v;
    return p->code;
}

/* STG v to va. */
static inline uint16_t probe_store(uint64_t va, uint64_t v, struct probe *p)
{
    uint64_t at;
    probe_arm();
    asm volatile("larl %[at],0f\n0:\tstg %[v],0(%[a])"
                 : [at] "=&a"(at) : [v] "d"(v), [a] "a"(va) : "memory");
    p->code = pgm_result(&p->pi);
    p->at = at;
    p->val = 0;
    return p->code;
}

/* Checks of one translation exception: the code, ILC 6, the old PSW at the instruction
 * (nullified), the TEID's page address, fetch/store indication (facility 75) and
 * address-space id, and the exception access id 0. */
static inline void check_translation_exception(const struct probe *p, uint16_t code, uint64_t va,
                                               int store, unsigned asce_id, const char *what)
{
    char name[128];
    snprintf(name, sizeof(name), "%s: code 0x%x", what, code);
    CHECK_EQ(p->code, code, name);
    snprintf(name, sizeof(name), "%s: ilc 6", what);
    CHECK_EQ(p->pi.ilc, 6, name);
    snprintf(name, sizeof(name), "%s: old psw at the instruction", what);
    CHECK_EQ(p->pi.old_addr, p->at, name);
    snprintf(name, sizeof(name), "%s: teid page address", what);
    CHECK_EQ(p->pi.teid & ~0xfffUL, va & ~0xfffUL, name);
    if (facility(75)) {
        snprintf(name, sizeof(name), "%s: teid %s indication", what, store ? "store" : "fetch");
        CHECK_EQ(p->pi.teid & 0xc00, store ? 0x400 : 0x800, name);
    }
    snprintf(name, sizeof(name), "%s: teid address-space id %u", what, asce_id);
    CHECK_EQ(p->pi.teid & 3, asce_id, name);
    snprintf(name, sizeof(name), "%s: exception access id 0", what);
    CHECK_EQ(p->pi.exc_access_id, 0, name);
}

#endif
