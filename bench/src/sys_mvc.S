/* bench/mips-sys: MVC of 256 bytes + BRCT on bare metal, the loop of loop_mvc.S; the
 * buffers are on their own page (0x12000). 2 instructions per iteration; the zeroed
 * first half must end as a copy of the second. */
#include "sys.h"

        BENCH_BEGIN
0:      mvc     0(256, %r12), 256(%r12)
        brct    %r1, 0b
        clc     0(256, %r12), 256(%r12)
        jne     bench_bad_result
        j       bench_pass

        .data
        .balign 256
bench_data:
        .fill   256, 1, 0
        .fill   256, 1, 0x5a
        BENCH_END
