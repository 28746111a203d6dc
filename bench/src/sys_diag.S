/* bench/sie: DIAGNOSE X'44' + BRCT, run as a guest under SIE (built as diag-dat.elf:
 * the guest turns DAT on itself through sys.h's 1:1 tables). Every DIAG intercepts and
 * the bench/sie driver resumes the guest after it, so each iteration is one full
 * interception round trip through sie_run. It ends in the pass wait after 'count'
 * iterations; the driver checks that it saw exactly that many interceptions. */
#include "sys.h"

        BENCH_BEGIN
0:      diag    %r0, %r0, 0x44
        brct    %r1, 0b
        j       bench_pass

        .data
bench_data:                             /* unused by the loop; the DAT probe lives here */
        BENCH_END
