/* Frame of the bare-metal bench images (bench/src/sys_*.S, run by bench/mips-sys): the
 * entry and parameter area at 0x10000, the iteration count read from the command line,
 * optional DAT with 1:1 tables, and the end in a disabled wait that says pass or fail.
 * Layout (bench/src/sys.lds): 0x10000 entry, 0x10480 command line, 0x11000 code,
 * 0x12000 data; DAT tables at 0x14000 (segment) and 0x15000 (page), built at run time.
 * Assemble with -DBENCH_DAT=1 for the DAT-on variant. Registers the frame leaves to
 * the loop: r1 = r10 = iteration count, r12 = address of bench_data. */
#include "arch.h"
#include "lowcore.h"

#define CMDLINE         0x10480        /* the --append text; 10 decimal digits */
#define COUNT_DIGITS    10
#define SEG_TABLE       0x14000        /* 512 entries (TL 0: 0-512 MB), 4 KB aligned */
#define PAGE_TABLE      0x15000        /* 256 entries for segment 0 (0-1 MB) */
#define ALIAS_VA        0xff000        /* mapped to the data page: proves DAT is on */
#define SEG_INVALID     0x20
#define WAIT_MASK       (PSW_MASK_WAIT | PSW_MASK_64)

/* Disabled-wait addresses: how the harness tells a clean run from a broken one. */
#define END_PASS        0x600d0000
#define END_BAD_RESULT  0xbad00010     /* the loop computed the wrong thing */
#define END_BAD_DAT     0xbad00020     /* the alias page did not translate */
#define END_BAD_COUNT   0xbad00030     /* count outside 1..2^31-1 */
#define END_PGM         0xbad0eeee     /* any program interruption */

        .macro  BENCH_BEGIN
        .section .text.head, "ax"
        .globl  _start
_start:
        jg      bench_setup
        .org    0x400                   /* Linux-style parameter area */
        .fill   0x80, 1, 0
        .org    CMDLINE - 0x10000
        .ascii  "0000001000"            /* default count; --append / the patch overwrite it */
        .byte   0
        .org    0x1000

        .text
bench_setup:
        /* Every program interruption ends the run in a disabled wait. */
        larl    %r2, bench_pgm_psw
        mvc     LC_PGM_NEW_PSW(16), 0(%r2)
        /* The count: a fixed number of digits, so parsing costs the same for any N. */
        lghi    %r1, 0
        lghi    %r4, COUNT_DIGITS
        llilf   %r3, CMDLINE
1:      mghi    %r1, 10
        llgc    %r5, 0(%r3)
        aghi    %r5, -48
        agr     %r1, %r5
        la      %r3, 1(%r3)
        brct    %r4, 1b
        ltgr    %r1, %r1
        jnp     bench_bad_count
        clgfi   %r1, 0x7fffffff
        jh      bench_bad_count
        lgr     %r10, %r1
        larl    %r12, bench_data
#if BENCH_DAT
        brasl   %r14, bench_dat_on
#endif
        .endm

        /* End of the image: pass/fail waits and the DAT set-up. */
        .macro  BENCH_END
        .text
bench_pass:
        larl    %r2, bench_pass_psw
        lpswe   0(%r2)
bench_bad_result:
        larl    %r2, bench_bad_result_psw
        lpswe   0(%r2)
bench_bad_count:
        larl    %r2, bench_bad_count_psw
        lpswe   0(%r2)
bench_bad_dat:
        larl    %r2, bench_bad_dat_psw
        lpswe   0(%r2)

        /* DAT on with a segment-table ASCE: segment 0 maps 0-1 MB page by page 1:1,
         * every other segment is invalid; ALIAS_VA maps to the data page. Returns with
         * DAT on, or ends the run when a read through ALIAS_VA misses. */
bench_dat_on:
        llilf   %r4, SEG_TABLE
        lghi    %r5, 512
        lghi    %r6, SEG_INVALID
1:      stg     %r6, 0(%r4)
        la      %r4, 8(%r4)
        brct    %r5, 1b
        llilf   %r4, PAGE_TABLE
        lghi    %r5, 256
        lghi    %r6, 0
1:      stg     %r6, 0(%r4)
        la      %r4, 8(%r4)
        aghi    %r6, 4096
        brct    %r5, 1b
        llilf   %r4, PAGE_TABLE + 8 * (ALIAS_VA >> 12)
        larl    %r6, bench_data
        stg     %r6, 0(%r4)
        llilf   %r4, SEG_TABLE
        llilf   %r6, PAGE_TABLE
        stg     %r6, 0(%r4)
        larl    %r4, bench_scratch
        llilf   %r6, SEG_TABLE          /* ASCE: origin, DT segment, TL 0 */
        stg     %r6, 0(%r4)
        lctlg   %c1, %c1, 0(%r4)
        lctlg   %c7, %c7, 0(%r4)
        lctlg   %c13, %c13, 0(%r4)
        stosm   0(%r4), PSW_SM_DAT
        /* The data page's probe word, read through the alias, must come back. */
        llilf   %r6, 0x5a17da70
        st      %r6, bench_probe - bench_data(%r12)
        llilf   %r4, ALIAS_VA + (bench_probe - bench_data)
        c       %r6, 0(%r4)
        jne     bench_bad_dat
        br      %r14

        .section .rodata
        .balign 8
bench_pgm_psw:          .quad WAIT_MASK, END_PGM
bench_pass_psw:         .quad WAIT_MASK, END_PASS
bench_bad_result_psw:   .quad WAIT_MASK, END_BAD_RESULT
bench_bad_count_psw:    .quad WAIT_MASK, END_BAD_COUNT
bench_bad_dat_psw:      .quad WAIT_MASK, END_BAD_DAT
        .data                           /* after the loop's own data */
        .balign 8
bench_probe:            .quad 0
bench_scratch:          .quad 0
        .section .note.GNU-stack, "", @progbits
        .endm
