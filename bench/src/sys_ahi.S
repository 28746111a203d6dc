/* bench/mips-sys: AHI + BRCT on bare metal, the register loop of loop_ahi.S.
 * 2 instructions per iteration; r2 must end equal to the count. */
#include "sys.h"

        BENCH_BEGIN
        lhi     %r2, 0
0:      ahi     %r2, 1
        brct    %r1, 0b
        clgr    %r2, %r10
        jne     bench_bad_result
        j       bench_pass

        .data
bench_data:                             /* unused by the loop; the DAT probe lives here */
        BENCH_END
