/* bench/mips-sys: L / A / ST + BRCT on bare metal, the load/store loop of loop_las.S;
 * the data is on its own page (0x12000), the code on another (0x11000).
 * 4 instructions per iteration; the word must end as 3 * count (mod 2^32). */
#include "sys.h"

        BENCH_BEGIN
0:      l       %r2, 0(%r12)
        a       %r2, 4(%r12)
        st      %r2, 0(%r12)
        brct    %r1, 0b
        lr      %r3, %r10
        mhi     %r3, 3
        c       %r3, 0(%r12)
        jne     bench_bad_result
        j       bench_pass

        .data
        .balign 8
bench_data:
        .long   0, 3
        BENCH_END
