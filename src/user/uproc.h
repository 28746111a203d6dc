/* One user-mode process: its CPU, address space and options (private to src/user). */
#ifndef ZHYP_USER_UPROC_H
#define ZHYP_USER_UPROC_H

#include "zhyp/user.h"

struct uproc {
    struct cpu cpu;
    struct uspace us;
    const struct user_opts *opts;
    char exe_path[4096];         /* absolute path of the program, for /proc/self/exe */
    uint64_t rand_state;         /* getrandom: a fixed-seed generator, so runs repeat */
    uint64_t sigmask;            /* blocked signals, bit sig-1 (never delivered anyway) */
    uint8_t sigact[64][32];      /* struct sigaction as the program set it, per signal */
};

#endif
