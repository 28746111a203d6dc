/* A tiny user-mode machine for unit tests: one CPU over a sparse user address space,
 * code bytes placed at CODE_VA, problem state, 64-bit mode. */
#ifndef ZHYP_TESTS_FIXTURE_H
#define ZHYP_TESTS_FIXTURE_H

#include "zhyp/user.h"

#define CODE_VA 0x10000ULL
#define DATA_VA 0x20000ULL

struct fx {
    struct cpu cpu;
    struct uspace us;
};

/* Map code (R+X) and one data page (R+W), load the bytes, PSW at CODE_VA. */
struct fx *fx_new(const uint8_t *code, size_t len);
void fx_free(struct fx *f);
/* Run n instructions (or until a user-mode exit). */
enum cpu_exit fx_run(struct fx *f, uint64_t n);

#endif
