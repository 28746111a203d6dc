/* Entry of the bare-metal cbench image (bench/sie): booted by the machine's ELF loader
 * or placed in guest storage by the bench/sie driver, it starts at 0x10000 with a
 * 64-bit, DAT-off, masked PSW. Every program interruption ends the run in a disabled
 * wait; the BSS is cleared, CR0's AFP bit set (the compiler spills to FPRs 8-15), and
 * bare_main() (bare_rt.c) turns DAT on and runs main. */
#include "arch.h"
#include "lowcore.h"
#include "siebench.h"

#define STACK_SIZE      0x10000

        .section .text.head, "ax"
        .globl  _start
_start:
        jg      bare_start
        .org    0x400                   /* Linux-style parameter area and command line */
        .fill   0x80, 1, 0
        .org    BARE_SUM_AA - 0x10000   /* the result block (siebench.h) */
        .fill   8 + BARE_TEXT_MAX, 1, 0
        .org    0x1000

        .text
bare_start:
        larl    %r2, bare_pgm_psw
        mvc     LC_PGM_NEW_PSW(16), 0(%r2)
        larl    %r2, __bss_start
        larl    %r3, __bss_end
        sgr     %r3, %r2
        lghi    %r4, 0
        lghi    %r5, 0
0:      mvcle   %r2, %r4, 0
        jo      0b
        larl    %r15, bare_stack_top
        aghi    %r15, -160
        xc      0(8, %r15), 0(%r15)
        stctg   %c0, %c0, 8(%r15)
        oi      8 + 5(%r15), 0x04
        lctlg   %c0, %c0, 8(%r15)
        brasl   %r14, bare_main
        larl    %r2, bare_pgm_psw       /* bare_main does not return */
        lpswe   0(%r2)

        .section .rodata
        .balign 8
bare_pgm_psw:
        .quad   PSW_MASK_WAIT | PSW_MASK_64, BARE_END_PGM

        .section .bss
        .balign 4096
bare_stack:
        .skip   STACK_SIZE
bare_stack_top:

        .section .note.GNU-stack, "", @progbits
